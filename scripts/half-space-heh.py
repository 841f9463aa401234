#!/usr/bin/env python3
"""Write crates/policy/src/check/half_space_heh.txt, the word list of the `half-space` check's
rule for words ending in ه, from the Persian lexicon of hazm (the PyPI package `hazm`, file
hazm/data/words.dat; MIT licence, Copyright (c) 2013 Alireza Nourian) and the Persian word
frequencies of FrequencyWords (github.com/hermitdave/FrequencyWords, content/2018/fa/fa_50k.txt,
counts from OpenSubtitles; CC BY-SA 4.0, Hermit Dave), which only choose between two readings.

Command (from the repository root; both files are outside the project and only read):

    pip download --no-deps hazm==0.10.0 -d /tmp/hazm && unzip -q -o /tmp/hazm/*.whl -d /tmp/hazm
    git -C /tmp clone -q --depth 1 https://github.com/hermitdave/FrequencyWords
    python3 scripts/half-space-heh.py /tmp/hazm/hazm/data/words.dat \
        /tmp/FrequencyWords/content/2018/fa/fa_50k.txt > crates/policy/src/check/half_space_heh.txt

What it keeps, one word a line, in four sections:
- [compounds]: every lexicon word written with a half-space right after a part of at least
  three Persian letters ending in ه (`بسته‌بندی`, `بهره‌برداری`, `علاقه‌مند`), unless the
  lexicon also writes it joined (`حرفهای`, `تبهکار`), or writes joined a word that starts like
  it and reaches past the ه (`نگهدار` before `نگه‌دارنده`): the joined spelling is then in use;
- [words]: every word of at least three letters ending in a silent ه (not after `ا`, `آ`, `و`)
  that the lexicon counts or tags (`هفته`, `اجاره`, `ساده`; its bare entries, count 0 and tag
  0, are left out), and the parts of the compounds that end so: the check writes a half-space
  between such a word and a joined ending (`HEH_ENDINGS` in half_space.rs: `ای`, `تر`, `ی`, ...);
- [plural]: the words among those whose stem before the ه is a word in use (counted at least
  50 times in the frequency list) that, when its last letter joins the next one, is at least as
  frequent as the word with the ه (`حرفه`: `حرف`; not `هفته`: `هفت` is rarer; not `چهره`:
  `چهر` is not in use): `حرفهای` reads as `حرف‌های` as well as `حرفه‌ای`, and the check keeps
  the plural reading (after a letter that never joins, the plural `برندهای` is already right);
- [spaced]: the compounds of two parts that are one word even when written with a space
  (`طبقه بندی`, `علاقه مند`): their second part is no word of its own in the lexicon (`مند`,
  `بندی`, `سواری`) or is made from a present stem of hazm's verbs (verbs.dat, beside words.dat:
  `بند`, `کننده`, `سازی`), and is neither a past participle (`ارائه شده`, `استفاده نشده` are
  verb phrases) nor a word the lexicon tags as a preposition, conjunction, pronoun, determiner
  or adverb (`پیاده روی` may be "on");
- [joined]: every lexicon word written joined that the check would otherwise read as one of
  those words followed by an ending, such as `بدهی` or `الهام` (not the plurals among them
  that the [plural] section already reads so: `ساعتهای`); every ending after a part whose
  ه is sounded, as the lexicon shows by keeping it before the Arabic plural `ات` (`مشابهات`:
  `مشابهی` is written joined); and `ی` after a part ending in `ده` that is a word and `ه`, or a
  word of at least three letters and `ده` (`بادهی` is `باد` and `دهی`, "giving", as in
  `نوردهی`); and the words written joined that end in `شده` after a letter that joins
  (`منتشرنشده`), which the check would otherwise write with a half-space before `شده`.
"""

import os
import sys

ZWNJ = "\u200c"
# The endings the check joins with a half-space after a part ending in ه; the same list as
# HEH_ENDINGS in crates/policy/src/check/half_space.rs.
HEH_ENDINGS = ["ترین", "تر", "ایی", "ایم", "اید", "اند", "ای", "ام", "اش", "ات", "ی"]
NOT_SILENT_BEFORE = "اآو"
# The endings that, with the ه before them, also read as a plural ending; the same list as
# PLURAL_LIKE_ENDINGS in half_space.rs.
PLURAL_LIKE_ENDINGS = ["ایی", "ایم", "ای", "ام", "اش", "ات"]
# Letters that never join the next one: after them `های` looks the same joined or apart.
NON_JOINING = "اآأإدذرزژوؤة"
# Tags of words that stand on their own between others: prepositions, conjunctions, pronouns,
# determiners, adverbs.
FUNCTION_TAGS = {"P", "POSTP", "CONJ", "PRO", "DET", "PR", "ADV"}
# Endings after a present stem that make a noun or adjective of it (`بندی`, `کننده`).
DEVERBAL_ENDINGS = ["", "ی", "نده", "ندگی", "ان"]
# The participle the check separates from a word joined to it; the same as PARTICIPLE in
# half_space.rs.
PARTICIPLE = "شده"
# A word counted at least this often in the frequency list is in use.
IN_USE = 50


def persian(s):
    return bool(s) and all("\u0620" <= c <= "\u064a" or c in "پچژگکی" for c in s)


def silent_heh(w):
    """A word of at least three letters ending in a silent ه (not after ا, آ, و: `راه`, `کوه`)."""
    return len(w) >= 3 and w.endswith("ه") and w[-2] not in NOT_SILENT_BEFORE


def main(path, frequency_path):
    words = {}
    tags = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            count = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 0
            if fields[0]:
                words[fields[0]] = max(words.get(fields[0], 0), count)
                if len(fields) > 2:
                    tags.setdefault(fields[0], set()).update(
                        t for t in fields[2].split(",") if t and t != "0"
                    )
    frequency = {}
    with open(frequency_path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) == 2 and fields[1].isdigit():
                frequency[fields[0]] = int(fields[1])
    joined = {w for w in words if ZWNJ not in w and persian(w)}
    # A word the lexicon has counted or tagged; its many bare entries (count 0, tag 0) are not.
    attested = {w for w in joined if words[w] > 0 or tags.get(w)}
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
    heads = {w for w in attested if silent_heh(w)}
    for w in compounds:
        heads.update(part for part in w.split(ZWNJ)[:-1] if silent_heh(part))
    # `حرفهای` reads as `حرف‌های` as well as `حرفه‌ای`. The plural reading is kept where the
    # stem before the ه is a word in use (at least IN_USE times in the frequency list) and,
    # when that stem's last letter joins the next (both readings then lack a half-space), is
    # at least as frequent as the word with the ه (`حرف` over `حرفه`, not `هفت` over `هفته`);
    # after a letter that never joins, the plural is written right as it stands (`برندهای`).
    plural_first = set()
    for h in heads:
        stem = frequency.get(h[:-1], 0)
        if stem >= IN_USE and (h[-2] in NON_JOINING or stem >= frequency.get(h, 0)):
            plural_first.add(h)
    # Present and past stems of hazm's verbs (`verbs.dat` beside `words.dat`: past#present).
    present, past = set(), set()
    with open(os.path.join(os.path.dirname(path), "verbs.dat"), encoding="utf-8") as f:
        for line in f:
            before, _, after = line.strip().partition("#")
            past.update([before] if before else [])
            present.update([after] if after else [])

    def deverbal(b):
        # A present stem, alone or with a noun or adjective ending: `بند`, `بندی`, `کننده`.
        return any(
            b.endswith(end) and b[: len(b) - len(end)] in present for end in DEVERBAL_ENDINGS
        )

    def participle(b):
        # `شده`, `نشده`, `نوشته`: a past participle, which makes a verb phrase when apart.
        stem = b[1:] if b.startswith("ن") and b[1:-1] in past else b
        return stem.endswith("ه") and stem[:-1] in past

    spaced = set()
    for w in compounds:
        parts = w.split(ZWNJ)
        if len(parts) != 2:
            continue
        second = parts[1]
        if participle(second) or tags.get(second, set()) & FUNCTION_TAGS:
            continue
        if second not in attested or deverbal(second):
            spaced.add(w)
    exceptions = set()
    for w in joined:
        for ending in HEH_ENDINGS:
            head = w[: -len(ending)]
            # `حرفهای` is in the lexicon as the plural it also is; the check reads it as one
            # (or, where no plural can stand, as `حرفه‌ای`) without the exception.
            if w.endswith(ending) and head in heads:
                if not (ending in PLURAL_LIKE_ENDINGS and head in plural_first):
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
    # The participle `شده` (or `نشده`) after a part of at least three letters whose last letter
    # joins: the check writes a half-space before it (`ثبت‌شده`, `ثبت‌نشده`) except in the words
    # the lexicon writes joined (`منتشرنشده`). Both readings of a `ن` before `شده` are kept.
    for w in joined:
        if not w.endswith(PARTICIPLE):
            continue
        head = w[: -len(PARTICIPLE)]
        if any(len(h) >= 3 and h[-1] not in NON_JOINING for h in (head, head.removesuffix("ن"))):
            exceptions.add(w)
    print(
        "# Persian words for the half-space rule after ه, from the lexicon of hazm 0.10.0\n"
        "# (hazm/data/words.dat, verbs.dat), written by scripts/half-space-heh.py: [compounds] written with a\n"
        "# half-space after a part ending in ه, [words] ending in a silent ه, the [plural] ones\n"
        "# whose stem before the ه is read first as a plural (chosen by the word counts of\n"
        "# FrequencyWords fa_50k, CC BY-SA 4.0, Hermit Dave), and words written [joined] that the\n"
        "# rule leaves alone. hazm: The MIT License (MIT), Copyright (c) 2013 Alireza Nourian. Permission is\n"
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
    for section, items in [
        ("compounds", compounds),
        ("words", heads),
        ("plural", plural_first),
        ("spaced", spaced),
        ("joined", exceptions),
    ]:
        print(f"[{section}]")
        for w in sorted(items):
            print(w)
    print(
        f"{len(compounds)} compounds, {len(heads)} words, {len(plural_first)} plural first, "
        f"{len(spaced)} spaced, {len(exceptions)} joined",
        file=sys.stderr,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: half-space-heh.py <hazm words.dat> <FrequencyWords fa_50k.txt>")
    main(sys.argv[1], sys.argv[2])
