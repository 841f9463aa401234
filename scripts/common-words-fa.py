#!/usr/bin/env python3
"""Write rules/lexicons/common-words.fa.txt, frequent Persian words that are not nouns: verbs,
adjectives, adverbs and function words (`بود`, `خریدم`, `عالی`, `ارزون`). `links/url` reads
two such words glued by a full stop (`ارزون بود.ایران`) as a missing space, not as a name
under an Arabic-script TLD; a noun (`فروشگاه.ایران`) stays a possible shop name.

The words come from the frequency list of FrequencyWords (Hermit Dave,
https://github.com/hermitdave/FrequencyWords, OpenSubtitles 2018; content licensed CC BY-SA
4.0, so the generated list is too); the nouns left out are those of
crates/input/data/nouns.fa.txt (scripts/persian-nouns.py).

Command (from the repository root; the list is outside the project and only read):

    git clone --depth 1 https://github.com/hermitdave/FrequencyWords /tmp/fw
    python3 scripts/common-words-fa.py /tmp/fw/content/2018 > rules/lexicons/common-words.fa.txt

What it keeps: among the TOP most frequent Persian words, those of two letters or more written
in Persian letters only (Arabic `ي`/`ك` read as Persian `ی`/`ک`, ZWNJ kept inside a word), that
are not in the noun list, one a line, sorted.
"""

import os
import re
import sys

TOP = 20000
PERSIAN = re.compile(r"^[\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc][\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]*[\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]$")


def fold(word):
    return word.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").strip()


def nouns(root):
    path = os.path.join(root, "crates", "input", "data", "nouns.fa.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(fold(line))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: common-words-fa.py FREQUENCYWORDS/content/2018 > rules/lexicons/common-words.fa.txt")
    base = sys.argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    skip = nouns(repo)
    kept = set()
    with open(os.path.join(base, "fa", "fa_50k.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= TOP:
                break
            word = fold(line.split(" ", 1)[0])
            if PERSIAN.match(word) and word not in skip:
                kept.add(word)
    out = sys.stdout
    out.write("# Frequent Persian words that are not nouns (links/url: `ارزون بود.ایران` is a missing\n")
    out.write("# space, not a name under an Arabic-script TLD). The 20,000 most frequent Persian words\n")
    out.write("# of FrequencyWords (Hermit Dave, OpenSubtitles 2018 lists; content CC BY-SA 4.0, as is\n")
    out.write("# this list), without the nouns of crates/input/data/nouns.fa.txt.\n")
    out.write("# Written by scripts/common-words-fa.py: do not edit by hand.\n")
    for w in sorted(kept):
        out.write(w + "\n")


if __name__ == "__main__":
    main()
