#!/usr/bin/env python3
"""Write crates/input/data/nouns.fa.txt, the Persian words that the half-space reading takes for
nouns: `تر` after one of them is the adjective "wet" (`حوله تر`, `پارچه تر`), not the
comparative ending, which needs an adjective (`ساده تر`).

The source is the part-of-speech model of parsivar (the PyPI package `parsivar`, file
parsivar/resource/postagger/UPC_full_model_wapiti, a Wapiti CRF trained on a tagged Persian
corpus; MIT licence, Copyright (c) 2013 BeRO, as its LICENSE.txt says). For each word the model
keeps weights of its word-identity features (`u:Wrd-1 X=`, `u:wrd-1 X=`) towards each tag; a
word is kept when its weight towards a noun tag (N_SING, N_PL) is above MARGIN and above its
weight towards every adjective or adverb tag by at least MARGIN. Words the model learned
nothing about (all weights zero) are not kept: the reading then keeps the comparative.

Command (from the repository root; the model is outside the project and only read):

    pip download --no-deps parsivar==0.2.3.1 -d /tmp/parsivar
    unzip -q -o /tmp/parsivar/*.whl -d /tmp/parsivar
    python3 scripts/persian-nouns.py \
        /tmp/parsivar/parsivar/resource/postagger/UPC_full_model_wapiti \
        > crates/input/data/nouns.fa.txt
"""

import sys

NOUN = {"N_SING", "N_PL"}
ADJECTIVE = {
    "ADJ", "ADJ_CMPR", "ADJ_SUP", "ADJ_INO", "ADJ_VOC",
    "ADV", "ADV_COMP", "ADV_I", "ADV_NEG", "ADV_TIME", "ADV_LOC",
}
MARGIN = 0.5
WORD_FEATURES = ("u:Wrd-1 X=", "u:wrd-1 X=")


def persian(s):
    return bool(s) and all("\u0620" <= c <= "\u064a" or c in "پچژگکی" for c in s)


def read_model(path):
    """The tag names, each word's feature offsets, and the weights, from a Wapiti model file."""
    # Wapiti writes strings with their length in bytes; prefixes and suffixes cut letters.
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
    offset, words = 0, {}
    for _ in range(int(lines[at][5:])):
        at += 1
        feature = lines[at].split(":", 1)[1][:-1]
        for prefix in WORD_FEATURES:
            if feature.startswith(prefix):
                words.setdefault(feature[len(prefix):], []).append(offset)
        # Unigram features have one weight a tag, bigram ones one a pair, `*` both.
        offset += {"u": y, "b": y * y}.get(feature[0], y + y * y)
    weights = {}
    for line in lines[at + 1:]:
        index, sep, value = line.partition("=")
        if sep:
            weights[int(index)] = float.fromhex(value)
    return labels, words, weights


def main(path):
    labels, words, weights = read_model(path)
    nouns = []
    for word, offsets in words.items():
        if not persian(word):
            continue
        score = {
            label: sum(weights.get(o + k, 0.0) for o in offsets) for k, label in enumerate(labels)
        }
        noun = max(score[t] for t in NOUN)
        adjective = max(score[t] for t in ADJECTIVE)
        if noun > MARGIN and noun - adjective > MARGIN:
            nouns.append(word)
    print(
        "# Persian nouns for the half-space reading of `تر` (see scripts/persian-nouns.py), from\n"
        "# the part-of-speech model of parsivar 0.2.3.1 (resource/postagger/UPC_full_model_wapiti).\n"
        "# parsivar: The MIT License (MIT), Copyright (c) 2013 BeRO. Permission is hereby granted,\n"
        "# free of charge, to any person obtaining a copy of this software and associated\n"
        "# documentation files (the \"Software\"), to deal in the Software without restriction,\n"
        "# including without limitation the rights to use, copy, modify, merge, publish, distribute,\n"
        "# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software\n"
        "# is furnished to do so, subject to the following conditions: The above copyright notice and\n"
        "# this permission notice shall be included in all copies or substantial portions of the\n"
        "# Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
        "# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A\n"
        "# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS\n"
        "# BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT\n"
        "# OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER\n"
        "# DEALINGS IN THE SOFTWARE."
    )
    for word in sorted(nouns):
        print(word)
    print(f"{len(nouns)} nouns of {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: persian-nouns.py <parsivar UPC_full_model_wapiti>")
    main(sys.argv[1])
