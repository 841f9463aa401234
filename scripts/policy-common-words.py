#!/usr/bin/env python3
"""Write crates/policy/data/common-words.{en,fr,de,fa}.txt, the ordinary words of each language that
`unknown-brand` does not take for a company's name after a cue (`At Christmas, we…`, `Welcome to
Returns!`, `Bei Fragen helfen wir…`, `Bienvenue sur Mon Compte`): a brand left over from another
site's terms (`Bei Nordwind legen wir…`, `Chez Boutiquelune, nous…`) is not among them.

The source is the word-frequency data of wordfreq (the PyPI package `wordfreq`, files
wordfreq/data/large_{en,fr,de}.msgpack.gz and small_fa.msgpack.gz (wordfreq has no large Persian
list): words in buckets of one hundredth of a Zipf unit, most
frequent first; a blend of Wikipedia, subtitles, news, books, web text and social media).
wordfreq's code is under the Apache licence 2.0; its data files may be redistributed under the
Creative Commons Attribution-ShareAlike 4.0 licence (https://creativecommons.org/licenses/by-sa/4.0/),
and so may these lists, which are derived from them (Copyright (c) Robyn Speer and wordfreq's
contributors, and the sources its README names).

A word is kept when it is written in letters only (a hyphen or an apostrophe inside allowed, and in
Persian the zero-width non-joiner that joins a word's parts, as in `می‌کنیم`), has
two letters or more, and its Zipf frequency (log10 of its occurrences per billion words) is
MIN_ZIPF or more: about once in a million words. That keeps some famous brands (`amazon`,
`ebay`), which are not left over from another site's terms in practice; the invented or small
brands a policy is copied from are far rarer.

Command (from the repository root; the package is outside the project and only read):

    pip download --no-deps wordfreq==3.1.1 -d /tmp/wf && unzip -q -o /tmp/wf/wordfreq-3.1.1-py3-none-any.whl -d /tmp/wf
    pip install msgpack
    python3 scripts/policy-common-words.py /tmp/wf/wordfreq/data
"""

import gzip
import os
import re
import sys

import msgpack

LANGS = (("en", "large"), ("fr", "large"), ("de", "large"), ("fa", "small"))
MIN_ZIPF = 3.0
WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
# Persian words join their parts with a zero-width non-joiner (U+200C).
WORD_FA = re.compile(r"^[^\W\d_]+(?:['’\u200c-][^\W\d_]+)*$")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: policy-common-words.py WORDFREQ/data")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for lang, size in LANGS:
        word = WORD_FA if lang == "fa" else WORD
        with gzip.open(os.path.join(sys.argv[1], f"{size}_{lang}.msgpack.gz")) as f:
            data = msgpack.load(f, raw=False)
        header, buckets = data[0], data[1:]
        assert header.get("format") == "cB", header
        words = set()
        for i, bucket in enumerate(buckets):
            if 9 - i / 100 < MIN_ZIPF:
                break
            for w in bucket:
                if len(w) >= 2 and word.match(w):
                    words.add(w)
        out = os.path.join(repo, "crates", "policy", "data", f"common-words.{lang}.txt")
        with open(out, "w", encoding="utf-8") as f:
            f.write(
                f"# Ordinary {lang} words for `unknown-brand` (see scripts/policy-common-words.py): the words of\n"
                f"# wordfreq 3.1.1 ({size}_{lang}.msgpack.gz) with a Zipf frequency of {MIN_ZIPF} or more, in\n"
                "# letters only. Written by scripts/policy-common-words.py: do not edit by hand.\n"
                "# Licence: Creative Commons Attribution-ShareAlike 4.0\n"
                "# (https://creativecommons.org/licenses/by-sa/4.0/), as wordfreq's data; derived from the\n"
                "# word frequencies of wordfreq, Copyright (c) Robyn Speer and contributors\n"
                "# (https://github.com/rspeer/wordfreq), and of the sources its README names.\n"
            )
            for w in sorted(words):
                f.write(w + "\n")
        print(lang, len(words), file=sys.stderr)


if __name__ == "__main__":
    main()
