#!/usr/bin/env python3
"""Write the two Persian word lists of the half-space reading of `تر`:

- crates/input/data/nouns.fa.txt (`nouns`): the words after which a spaced `تر` is the adjective
  "wet" (`حوله تر`, `پارچه تر`), not the comparative ending, which needs an adjective (`ساده تر`);
- crates/policy/src/check/half_space_comparatives.txt (`comparatives`): the adjectives whose
  comparative and superlative the `half-space` check reads when they are written joined
  (`بزرگتر`, `کوچکترین`: `بزرگ‌تر`, `کوچک‌ترین`).

The sources are the part-of-speech model of parsivar (the PyPI package `parsivar`, file
parsivar/resource/postagger/UPC_full_model_wapiti, a Wapiti CRF trained on a tagged Persian
corpus; MIT licence, Copyright (c) 2013 BeRO, as its LICENSE.txt says) and the lexicon of hazm
(the PyPI package `hazm`, file hazm/data/words.dat: word, count, tags; MIT licence, Copyright (c)
2013 Alireza Nourian).

The model keeps, for some words, weights of their word-identity features (`u:Wrd-1 X=`,
`u:wrd-1 X=`) towards each tag; for every word, weights of its first and last bytes (`Pre-1`
to `Pre-4`, `Suf-1` to `Suf-4`: up to two Persian letters) and of its character classes. It
was trained with a sparsity penalty, so a word gets identity weights only where its letters and
its neighbours would mislead the tagger: most plain nouns (`حوله`, `دستمال`, `پتو`, `بالش`) have
none, and a list of the words whose identity leans to a noun leaves them out. A word is a noun
here when
- its identity weight towards a noun tag (N_SING, N_PL) is above MARGIN and above its weight
  towards every adjective or adverb tag by at least MARGIN; or
- it has no identity weight towards an adjective or adverb tag above zero, nor towards a noun
  tag above MARGIN (the model learned nothing from the word itself), hazm counts it and tags it
  `N`, it does not start or end with a part that makes adjectives (`با`, `بی`, `پر`, `کم`,
  `خوش`, `بد`; `دار`, `مند`, `ناک`, `وار`: `باکیفیت`, `خوشگل`, `جادار`), and the model's
  reading of the word alone (identity, letters and character classes; no neighbours) leans to
  a noun by MARGIN. hazm's count keeps out the words the model never saw, such as colloquial
  adjectives (`ارزون`, `کوچیک`), which the letters alone would give to the noun, the tagger's
  most frequent class. Rare adjectives without such a part are taken for nouns all the same
  (`شکیل`, `کلفت`): the model has nothing to tell them from rare nouns (`حوله`, `بالش`); the
  reading keeps the comparative after them when a degree word stands before (`خیلی شکیل تر`).

An adjective is comparative here when hazm counts it and tags it `AJ` but not `NUM` (ordinals,
`دوم`, are not compared), its identity weight towards an adjective or adverb tag is above its
weight towards every noun tag by MARGIN (the model learned it as one: `بزرگ`, `مهم`; not the
loanwords that end in `تر`, `فیلتر`, `لوستر`), it has at least two letters and does not end in
`ه` (the check reads those with the words ending in a silent `ه`) nor in a letter that never
joins the next (`دورتر` looks as written apart), and hazm does not count its
comparative written joined (`بیشتر`, `کمتر`, `بهتر` are written so by convention; their `ترین`
forms too).

Command (from the repository root; both packages are outside the project and only read):

    pip download --no-deps parsivar==0.2.3.1 hazm==0.10.0 -d /tmp/fa
    for w in /tmp/fa/*.whl; do unzip -q -o "$w" -d /tmp/fa; done
    python3 scripts/persian-nouns.py nouns /tmp/fa/parsivar/resource/postagger/UPC_full_model_wapiti \
        /tmp/fa/hazm/data/words.dat > crates/input/data/nouns.fa.txt
    python3 scripts/persian-nouns.py comparatives \
        /tmp/fa/parsivar/resource/postagger/UPC_full_model_wapiti /tmp/fa/hazm/data/words.dat \
        > crates/policy/src/check/half_space_comparatives.txt
"""

import sys

NOUN = {"N_SING", "N_PL"}
ADJECTIVE = {
    "ADJ", "ADJ_CMPR", "ADJ_SUP", "ADJ_INO", "ADJ_VOC",
    "ADV", "ADV_COMP", "ADV_I", "ADV_NEG", "ADV_TIME", "ADV_LOC",
}
MARGIN = 0.5
WORD_FEATURES = ("u:Wrd-1 X=", "u:wrd-1 X=")
# Character-class features of a word of Persian letters: no capital, punctuation or digit.
CLASS_FEATURES = (
    "*:Caps? X=false", "*:AllC? X=false", "*:BegC? X=false", "*:Punc? X=false",
    "*:AllP? X=false", "*:InsP? X=false", "*:Numb? X=false", "*:AllN? X=false",
)
NON_JOINING = "اآأإدذرزژوؤة"
# Parts that make an adjective of a noun, written joined (`باکیفیت`, `خوشگل`, `جادار`,
# `چسبناک`): a word with one is not taken for a noun by its letters.
ADJECTIVE_PREFIXES = ("با", "بی", "پر", "کم", "خوش", "بد")
ADJECTIVE_SUFFIXES = ("دار", "مند", "ناک", "وار")

PARSIVAR = (
    "parsivar: The MIT License (MIT), Copyright (c) 2013 BeRO.",
)
HAZM = (
    "hazm: The MIT License (MIT), Copyright (c) 2013 Alireza Nourian.",
)
MIT = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this\n"
    "# software and associated documentation files (the \"Software\"), to deal in the Software\n"
    "# without restriction, including without limitation the rights to use, copy, modify, merge,\n"
    "# publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons\n"
    "# to whom the Software is furnished to do so, subject to the following conditions: The above\n"
    "# copyright notice and this permission notice shall be included in all copies or substantial\n"
    "# portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND,\n"
    "# EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS\n"
    "# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT\n"
    "# HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF\n"
    "# CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE\n"
    "# USE OR OTHER DEALINGS IN THE SOFTWARE."
)


def persian(s):
    return bool(s) and all("\u0620" <= c <= "\u064a" or c in "پچژگکی" for c in s)


def read_model(path):
    """The tag names, the offset of every feature, and the weights, from a Wapiti model file."""
    # Wapiti writes strings with their length in bytes; prefixes and suffixes cut bytes.
    lines = open(path, "rb").read().decode("utf-8", "surrogateescape").split("\n")
    at = 0
    while not lines[at].startswith("#qrk#"):
        at += 1
    labels = []
    for _ in range(int(lines[at][5:])):
        at += 1
        labels.append(lines[at].split(":", 1)[1][:-1])
    at += 1
    if not lines[at].startswith("#qrk#"):
        sys.exit(f"{path}: line {at + 1}: expected the observation list (#qrk#N)")
    y = len(labels)
    offset, features = 0, {}
    for _ in range(int(lines[at][5:])):
        at += 1
        feature = lines[at].split(":", 1)[1][:-1]
        features[feature] = offset
        # Unigram features have one weight a tag, bigram ones one a pair, `*` both (the
        # unigram weights first).
        offset += {"u": y, "b": y * y}.get(feature[0], y + y * y)
    weights = {}
    for line in lines[at + 1:]:
        index, sep, value = line.partition("=")
        if sep:
            weights[int(index)] = float.fromhex(value)
    return labels, features, weights


def read_lexicon(path):
    """hazm's words.dat: each word's count and tags."""
    lexicon = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            lexicon[parts[0]] = (int(parts[1]), set(parts[2].split(",")))
    return lexicon


class Model:
    def __init__(self, path):
        self.labels, self.features, self.weights = read_model(path)

    def scores(self, names):
        """The unigram weights of the features `names` towards each tag, added up."""
        score = dict.fromkeys(self.labels, 0.0)
        for name in names:
            offset = self.features.get(name)
            if offset is None:
                continue
            for k, label in enumerate(self.labels):
                score[label] += self.weights.get(offset + k, 0.0)
        return score

    def identity(self, word):
        return self.scores(prefix + word for prefix in WORD_FEATURES)

    def alone(self, word):
        """The reading of `word` without neighbours: identity, letters, character classes."""
        raw = word.encode("utf-8")
        names = [prefix + word for prefix in WORD_FEATURES]
        for n in range(1, 5):
            for kind, part in (("Pre", raw[:n]), ("Suf", raw[-n:])):
                names.append(f"*:{kind}-{n} X=" + part.decode("utf-8", "surrogateescape"))
        return self.scores(names + list(CLASS_FEATURES))


def lean(score):
    """A reading's best noun weight and best adjective or adverb weight."""
    return max(score[t] for t in NOUN), max(score[t] for t in ADJECTIVE)


def nouns(model, lexicon):
    out = set()
    candidates = {w for w in model.features if w.startswith(WORD_FEATURES)}
    words = {c.split("=", 1)[1] for c in candidates} | set(lexicon)
    for word in words:
        if not persian(word):
            continue
        noun, adjective = lean(model.identity(word))
        if noun > MARGIN and noun - adjective > MARGIN:
            out.add(word)
            continue
        count, tags = lexicon.get(word, (0, set()))
        if (
            adjective > 0
            or noun > MARGIN
            or count == 0
            or "N" not in tags
            or word.startswith(ADJECTIVE_PREFIXES)
            or word.endswith(ADJECTIVE_SUFFIXES)
        ):
            continue
        noun, adjective = lean(model.alone(word))
        if noun - adjective > MARGIN:
            out.add(word)
    return out


def comparatives(model, lexicon):
    out = set()
    for word, (count, tags) in lexicon.items():
        if (
            not persian(word)
            or count == 0
            or "AJ" not in tags
            or "NUM" in tags
            or len(word) < 2
            or word.endswith("ه")
            or word[-1] in NON_JOINING
            or lexicon.get(word + "تر", (0, set()))[0] > 0
        ):
            continue
        noun, adjective = lean(model.identity(word))
        if adjective - noun > MARGIN:
            out.add(word)
    return out


def main(kind, model_path, lexicon_path):
    model = Model(model_path)
    lexicon = read_lexicon(lexicon_path)
    if kind == "nouns":
        words = nouns(model, lexicon)
        print(
            "# Persian nouns for the half-space reading of `تر` (see scripts/persian-nouns.py), from\n"
            "# the part-of-speech model of parsivar 0.2.3.1 (resource/postagger/UPC_full_model_wapiti)\n"
            "# and the lexicon of hazm 0.10.0 (hazm/data/words.dat).\n"
            f"# {PARSIVAR[0]}\n# {HAZM[0]}\n# {MIT}"
        )
    else:
        words = comparatives(model, lexicon)
        print(
            "# Persian adjectives whose comparative and superlative the `half-space` check reads\n"
            "# when written joined (see scripts/persian-nouns.py), from the part-of-speech model of\n"
            "# parsivar 0.2.3.1 (resource/postagger/UPC_full_model_wapiti) and the lexicon of hazm\n"
            "# 0.10.0 (hazm/data/words.dat).\n"
            f"# {PARSIVAR[0]}\n# {HAZM[0]}\n# {MIT}"
        )
    for word in sorted(words):
        print(word)
    print(f"{len(words)} {kind}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("nouns", "comparatives"):
        sys.exit(
            "usage: persian-nouns.py nouns|comparatives <parsivar UPC_full_model_wapiti> "
            "<hazm words.dat>"
        )
    main(*sys.argv[1:])
