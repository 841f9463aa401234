//! Prose as tokens: numbers (digits of any script), words (lowercased, Arabic letter variants
//! folded to Persian) and single punctuation characters, each with its byte range.

use crate::numerals::ascii_digit;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// An integer (digits of any script); `None` when it has a fraction (`1.25`, `1.5.2026`).
    Number(Option<u32>),
    /// A whole number and a half written with a decimal point or comma: `1.5`, `1,5`, `۱٫۵`
    /// hold the 1.
    Half(u32),
    /// A lowercased word with Arabic letter variants folded to Persian.
    Word(String),
    /// A single punctuation character.
    Punct(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace separates this token from the one before.
    pub spaced: bool,
}

pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut spaced = true;
    while let Some((start, c)) = chars.next() {
        if let Some(d) = ascii_digit(c) {
            let mut digits = String::from(d);
            let mut end = start + c.len_utf8();
            let mut fraction = false;
            // The digits after the last separator, and whether that separator is a decimal one.
            let mut decimals = String::new();
            let mut separators = 0;
            let mut decimal = false;
            while let Some(&(i, next)) = chars.peek() {
                if let Some(d) = ascii_digit(next) {
                    if fraction {
                        decimals.push(d);
                    } else {
                        digits.push(d);
                    }
                } else if matches!(next, '.' | ',' | '٫' | '/')
                    && text[i + next.len_utf8()..]
                        .chars()
                        .next()
                        .and_then(ascii_digit)
                        .is_some()
                {
                    fraction = true;
                    separators += 1;
                    decimal = next != '/';
                    decimals.clear();
                } else {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            let kind = if !fraction {
                Kind::Number(digits.parse().ok())
            } else if separators == 1 && decimal && decimals == "5" {
                digits.parse().map_or(Kind::Number(None), Kind::Half)
            } else {
                Kind::Number(None)
            };
            tokens.push(Token {
                kind,
                start,
                end,
                spaced,
            });
            spaced = false;
        } else if is_word_char(c) {
            let mut word = String::new();
            push_folded(&mut word, c);
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !is_word_char(next) || ascii_digit(next).is_some() {
                    break;
                }
                push_folded(&mut word, next);
                end = i + next.len_utf8();
                chars.next();
            }
            tokens.push(Token {
                kind: Kind::Word(word),
                start,
                end,
                spaced,
            });
            spaced = false;
        } else if c.is_whitespace() || c == '\u{200C}' {
            spaced = true;
        } else {
            tokens.push(Token {
                kind: Kind::Punct(c),
                start,
                end: start + c.len_utf8(),
                spaced,
            });
            spaced = false;
        }
    }
    tokens
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}'
}

fn push_folded(word: &mut String, c: char) {
    match c {
        'ي' | 'ى' => word.push('ی'),
        'ك' => word.push('ک'),
        // Tatweel and harakat do not change the word.
        '\u{0640}' | '\u{064B}'..='\u{065F}' => {}
        _ => word.extend(c.to_lowercase()),
    }
}

/// The word at `i`, if the token is a word.
pub(super) fn word(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Word(w)) => Some(w),
        _ => None,
    }
}

/// The punctuation character at `i`, if the token is one.
pub(super) fn punct(tokens: &[Token], i: usize) -> Option<char> {
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Punct(c)) => Some(*c),
        _ => None,
    }
}

/// The integer at `i`, if the token is one.
pub(super) fn integer(tokens: &[Token], i: usize) -> Option<u32> {
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Number(Some(n))) => Some(*n),
        _ => None,
    }
}
