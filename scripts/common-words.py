#!/usr/bin/env python3
"""Write rules/lexicons/common-words.txt, the ordinary words of the Latin-script storefront
languages that `contacts/social` does not take for an unannounced handle (`Telegram compatible`,
`Skype-certified`, `tele-zoom`), from the frequency lists of FrequencyWords (Hermit Dave,
https://github.com/hermitdave/FrequencyWords, lists of OpenSubtitles 2018; content licensed
CC BY-SA 4.0, so the generated list is too).

Command (from the repository root; the lists are outside the project and only read):

    git clone --depth 1 https://github.com/hermitdave/FrequencyWords /tmp/fw
    python3 scripts/common-words.py /tmp/fw/content/2018 > rules/lexicons/common-words.txt

What it keeps: the TOP most frequent words of each of en, fr and de that are written in Latin
letters only and have at least three letters, lower case, without the names of the messengers
and platforms of `messengers.fa.txt` (a platform name is never an ordinary word after
another one), one a line, sorted.

With `fa` after the path it writes rules/lexicons/common-words.fa.txt instead: frequent Persian
words that are not nouns (verbs, adjectives, adverbs, function words: `بود`, `خریدم`, `عالی`).
`links/url` reads two such words glued by a full stop (`ارزون بود.ایران`) as a missing space, not
as a name under an Arabic-script TLD; a noun (`فروشگاه.ایران`) stays a possible shop name. It
keeps the TOP most frequent Persian words of two letters or more written in Persian letters only
(Arabic `ي`/`ك` read as Persian `ی`/`ک`, ZWNJ kept inside a word) that are not in the noun list
crates/input/data/nouns.fa.txt (scripts/persian-nouns.py):

    python3 scripts/common-words.py /tmp/fw/content/2018 fa > rules/lexicons/common-words.fa.txt
"""

import os
import re
import sys

TOP = 20000
LANGS = ["en", "fr", "de"]
LATIN = re.compile(r"^[a-zà-öø-ÿœß]{3,}$")


def platform_words(root):
    path = os.path.join(root, "rules", "lexicons", "messengers.fa.txt")
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split("\t", 1)[0].strip().lower()
            for w in line.split():
                words.add(w)
    return words


PERSIAN_LETTER = "\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
PERSIAN = re.compile(f"^[{PERSIAN_LETTER}][{PERSIAN_LETTER}\u200c]*[{PERSIAN_LETTER}]$")


def fold_fa(word):
    return word.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").strip()


def nouns_fa(root):
    path = os.path.join(root, "crates", "input", "data", "nouns.fa.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(fold_fa(line))
    return out


def frequent(base, lang, fold, keep):
    """The words of the TOP most frequent of `lang`, folded by `fold`, that `keep` accepts."""
    kept = set()
    with open(os.path.join(base, lang, f"{lang}_50k.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= TOP:
                break
            word = fold(line.split(" ", 1)[0])
            if keep(word):
                kept.add(word)
    return kept


def main_fa(base, repo):
    skip = nouns_fa(repo)
    kept = frequent(base, "fa", fold_fa, lambda w: PERSIAN.match(w) and w not in skip)
    write(
        [
            "Frequent Persian words that are not nouns (links/url: `ارزون بود.ایران` is a missing",
            "space, not a name under an Arabic-script TLD). The 20,000 most frequent Persian words",
            "of FrequencyWords (Hermit Dave, OpenSubtitles 2018 lists; content CC BY-SA 4.0, as is",
            "this list), without the nouns of crates/input/data/nouns.fa.txt.",
            "Written by scripts/common-words.py (argument fa): do not edit by hand.",
        ],
        kept,
    )


def write(header, words):
    """Writes the comment lines `header`, then `words` one a line, sorted, to standard output."""
    for line in header:
        sys.stdout.write(f"# {line}\n")
    for w in sorted(words):
        sys.stdout.write(w + "\n")


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["fa"]):
        sys.exit("usage: common-words.py FREQUENCYWORDS/content/2018 [fa] > rules/lexicons/common-words[.fa].txt")
    base = sys.argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if sys.argv[2:] == ["fa"]:
        main_fa(base, repo)
        return
    skip = platform_words(repo)
    kept = set()
    for lang in LANGS:
        kept |= frequent(base, lang, lambda w: w.strip().lower(), lambda w: LATIN.match(w) and w not in skip)
    write(
        [
            "Ordinary words of the Latin-script storefront languages (en, fr, de): after a",
            "platform word, one of them is not an unannounced handle (contacts/social:",
            "`Telegram compatible`, `Skype-certified`). The 20,000 most frequent words of each",
            "language with three letters or more, from FrequencyWords (Hermit Dave,",
            "OpenSubtitles 2018 lists; content CC BY-SA 4.0, as is this list).",
            "Written by scripts/common-words.py: do not edit by hand.",
        ],
        kept,
    )


main()
