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


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: common-words.py FREQUENCYWORDS/content/2018 > rules/lexicons/common-words.txt")
    base = sys.argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    skip = platform_words(repo)
    kept = set()
    for lang in LANGS:
        path = os.path.join(base, lang, f"{lang}_50k.txt")
        with open(path, encoding="utf-8") as f:
            n = 0
            for line in f:
                if n >= TOP:
                    break
                n += 1
                word = line.split(" ", 1)[0].strip().lower()
                if LATIN.match(word) and word not in skip:
                    kept.add(word)
    out = sys.stdout
    out.write("# Ordinary words of the Latin-script storefront languages (en, fr, de): after a\n")
    out.write("# platform word, one of them is not an unannounced handle (contacts/social:\n")
    out.write("# `Telegram compatible`, `Skype-certified`). The 20,000 most frequent words of each\n")
    out.write("# language with three letters or more, from FrequencyWords (Hermit Dave,\n")
    out.write("# OpenSubtitles 2018 lists; content CC BY-SA 4.0, as is this list).\n")
    out.write("# Written by scripts/common-words.py: do not edit by hand.\n")
    for w in sorted(kept):
        out.write(w + "\n")


main()
