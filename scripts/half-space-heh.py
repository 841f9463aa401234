#!/usr/bin/env python3
"""Write crates/policy/src/check/half_space_heh.txt, the word list of the `half-space` check's
rule for words ending in ه, from the Persian lexicon of hazm (the PyPI package `hazm`, file
hazm/data/words.dat; MIT licence, Copyright (c) 2013 Alireza Nourian).

Command (from the repository root; the lexicon is outside the project and only read):

    pip download --no-deps hazm==0.10.0 -d /tmp/hazm && unzip -q -o /tmp/hazm/*.whl -d /tmp/hazm
    python3 scripts/half-space-heh.py /tmp/hazm/hazm/data/words.dat \
        > crates/policy/src/check/half_space_heh.txt

What it keeps, one word a line:
- compounds: every lexicon word written with a half-space right after a part of at least three
  Persian letters ending in ه (`بسته‌بندی`, `بهره‌برداری`, `علاقه‌مند`), unless the lexicon
  also writes it joined (`حرفهای`, `تبهکار`), or writes joined a word that starts like it and
  reaches past the ه (`نگهدار` before `نگه‌دارنده`): the joined spelling is then in use;
- exceptions: every lexicon word written joined that the check would otherwise read as one of
  those parts followed by an ending (`HEH_ENDINGS` in half_space.rs: `تر`, `ترین`, `ی`, `ام`,
  ...), such as `بدهی` or `الهام`; every ending after a part whose ه is sounded, as the lexicon
  shows by keeping it before the Arabic plural `ات` (`مشابهات`: `مشابهی` is written joined);
  and `ی` after a part ending in `ده` that is a word and `ه`, or a word of at least three
  letters and `ده` (`بادهی` is `باد` and `دهی`, "giving", as in `نوردهی`).
"""

import sys

ZWNJ = "\u200c"
# The endings the check joins with a half-space after a part ending in ه; the same list as
# HEH_ENDINGS in crates/policy/src/check/half_space.rs.
HEH_ENDINGS = ["ترین", "تر", "ایم", "اید", "اند", "ام", "اش", "ات", "ی"]
NOT_SILENT_BEFORE = "اآو"


def persian(s):
    return bool(s) and all("\u0620" <= c <= "\u064a" or c in "پچژگکی" for c in s)


def main(path):
    words = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            count = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 0
            if fields[0]:
                words[fields[0]] = max(words.get(fields[0], 0), count)
    joined = {w for w in words if ZWNJ not in w and persian(w)}
    compounds = set()
    for w in words:
        parts = w.split(ZWNJ)
        if len(parts) < 2 or not all(persian(p) for p in parts):
            continue
        whole = w.replace(ZWNJ, "")
        at = 0
        keep = False
        for part in parts[:-1]:
            at += len(part)
            if part.endswith("ه") and len(part) >= 3:
                # A joined word reaching past this ه: the lexicon writes the junction joined.
                keep = not any(whole[:n] in joined for n in range(at + 1, len(whole) + 1))
                if not keep:
                    break
        if keep:
            compounds.add(w)
    heads = set()
    for w in compounds:
        for part in w.split(ZWNJ)[:-1]:
            if part.endswith("ه") and len(part) >= 3 and part[-2] not in NOT_SILENT_BEFORE:
                heads.add(part)
    exceptions = set()
    for w in joined:
        for ending in HEH_ENDINGS:
            if w.endswith(ending) and w[: -len(ending)] in heads:
                exceptions.add(w)
    for head in heads:
        # A sounded ه keeps the Arabic plural ending joined (`مشابهات`, `مواجهات`; a silent
        # one is replaced: `جمله`, `جملات`): such a word takes every ending joined (`مشابهی`).
        if words.get(head + "ات", 0) > 0:
            exceptions.update(head + ending for ending in HEH_ENDINGS)
        # `بادهی` is `باد` and `دهی` ("giving", as in `نوردهی`), written with one `د`.
        if head.endswith("ده") and (
            words.get(head[:-1], 0) > 0 or len(head) >= 5 and words.get(head[:-2], 0) > 0
        ):
            exceptions.add(head + "ی")
    print(
        "# Persian words for the half-space rule after ه, from the lexicon of hazm 0.10.0\n"
        "# (hazm/data/words.dat), written by scripts/half-space-heh.py: compounds written with a\n"
        "# half-space after a part ending in ه, then words written joined that the rule leaves\n"
        "# alone. hazm: The MIT License (MIT), Copyright (c) 2013 Alireza Nourian. Permission is\n"
        "# hereby granted, free of charge, to any person obtaining a copy of this software and\n"
        "# associated documentation files (the \"Software\"), to deal in the Software without\n"
        "# restriction, including without limitation the rights to use, copy, modify, merge,\n"
        "# publish, distribute, sublicense, and/or sell copies of the Software, and to permit\n"
        "# persons to whom the Software is furnished to do so, subject to the following\n"
        "# conditions: The above copyright notice and this permission notice shall be included in\n"
        "# all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\",\n"
        "# WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE\n"
        "# WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN\n"
        "# NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
        "# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR\n"
        "# IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."
    )
    for w in sorted(compounds):
        print(w)
    for w in sorted(exceptions):
        print(w)
    print(f"{len(compounds)} compounds, {len(heads)} parts, {len(exceptions)} exceptions", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: half-space-heh.py <hazm words.dat>")
    main(sys.argv[1])
