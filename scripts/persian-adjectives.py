#!/usr/bin/env python3
"""Write rules/lexicons/adjectives.fa.txt, the Persian adjectives that `contacts/social` reads as
known words, not as a handle spelled in Persian, after `تلگرام:` or `اکانت:` (`اینستا: دلنشین`,
`تلگرام: کارآمد`, `اینستا: پرنور`: a spec-style review praising the app).

The source is the lexicon of hazm (the PyPI package `hazm`, file hazm/data/words.dat: word,
count, tags; MIT licence, Copyright (c) 2013 Alireza Nourian), the one
crates/input/data/nouns.fa.txt is made from (scripts/persian-nouns.py). A word is kept when hazm
tags it `AJ` (an adjective, alone or with other tags), it is written in Persian letters only (a
zero-width non-joiner inside it is left out: `دل‌نشین` is kept as `دلنشین`, as the skeleton
reads it), it has three letters or more, and it is in neither the noun list nor
rules/lexicons/common-words.fa.txt (both are read as known words already).

Command (from the repository root; the package is outside the project and only read):

    pip download --no-deps hazm==0.10.0 -d /tmp/fa
    unzip -q -o /tmp/fa/hazm-0.10.0-py3-none-any.whl -d /tmp/fa
    python3 scripts/persian-adjectives.py /tmp/fa/hazm/data/words.dat > rules/lexicons/adjectives.fa.txt
"""

import os
import re
import sys

PERSIAN_LETTER = "\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
PERSIAN = re.compile(f"^[{PERSIAN_LETTER}]{{3,}}$")


MIT = [
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this",
    'software and associated documentation files (the "Software"), to deal in the Software',
    "without restriction, including without limitation the rights to use, copy, modify, merge,",
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons",
    "to whom the Software is furnished to do so, subject to the following conditions: The above",
    "copyright notice and this permission notice shall be included in all copies or substantial",
    'portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,',
    "EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS",
    "FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT",
    "HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF",
    "CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE",
    "USE OR OTHER DEALINGS IN THE SOFTWARE.",
]


def fold_fa(word):
    return word.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").replace("\u200c", "").strip()


def known(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(fold_fa(line))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: persian-adjectives.py HAZM/data/words.dat > rules/lexicons/adjectives.fa.txt")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    skip = known(os.path.join(repo, "crates", "input", "data", "nouns.fa.txt"))
    skip |= known(os.path.join(repo, "rules", "lexicons", "common-words.fa.txt"))
    kept = set()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or "AJ" not in parts[2].split(","):
                continue
            word = fold_fa(parts[0])
            if PERSIAN.match(word) and word not in skip:
                kept.add(word)
    for line in [
        "Persian adjectives (contacts/social: after `تلگرام:` or `اکانت:`, one of them praises or",
        "blames, it names no account: `اینستا: دلنشین`). The words hazm 0.10.0 tags AJ",
        "(hazm/data/words.dat; MIT licence, Copyright (c) 2013 Alireza Nourian), without a",
        "zero-width non-joiner, of three letters or more, that are neither nouns of",
        "crates/input/data/nouns.fa.txt nor words of common-words.fa.txt.",
        "Written by scripts/persian-adjectives.py: do not edit by hand.",
        "hazm: The MIT License (MIT), Copyright (c) 2013 Alireza Nourian.",
        *MIT,
    ]:
        sys.stdout.write(f"# {line}\n")
    for w in sorted(kept):
        sys.stdout.write(w + "\n")


main()
