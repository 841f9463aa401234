#!/usr/bin/env python3
"""Write crates/policy/data/legal-forms.txt, the abbreviations of companies' legal forms that
`unknown-brand` reads after a name (`Muster GmbH & Co. KG`, `Foo B.V.`, `Lune S.A.S.`, `Bar
sp. z o.o.`).

The source is GLEIF's ISO 20275 Entity Legal Forms (ELF) code list, version 1.5 of 2023-09-28
(https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list, file
2023-09-28-elf-code-list-v1.5.csv), published under the Creative Commons CC0 1.0 dedication.
The abbreviations (local and transliterated) of the active legal forms of the countries in
COUNTRIES are kept when they are in Latin letters, start with a letter, hold no comma, have a
capital letter, and every word of them is an abbreviation: a dot, `&`, `/` or a parenthesis in
it, or two capitals or four letters or fewer, when it is not an ordinary word of five letters
or more (`GmbH`, `KG`, `Pty`, `mbH`; not `Cantonal`, `LIMITED`). Those of two characters
without a dot and those that are an ordinary word of English, French or German
(crates/policy/data/common-words.*.txt: `Company`), unless written with a dot, are left out
(the check's own short forms, `AG`, `SE`, `BV`, are in its pattern). A form written with `. `
inside (`e. K.`) is also written without the space (`e.K.`).

Command (from the repository root):

    curl -sO https://www.gleif.org/.../2023-09-28-elf-code-list-v1.5.csv   # or any copy of that file
    python3 scripts/legal-forms.py 2023-09-28-elf-code-list-v1.5.csv
"""

import csv
import os
import re
import sys

COUNTRIES = set(
    "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK "
    "US CA AU NZ".split()
)
LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ0-9.&()' \-/]*$")


def abbreviation(part, common):
    """Whether a word of a form is an abbreviation (`Co.`, `GmbH`, `&`, `Pty`), not a word
    written in full (`Cantonal`, `administration`, `Limited`)."""
    if any(c in part for c in ".&/()"):
        return True
    if len(part) >= 5 and part.lower() in common:
        return False
    return sum(c.isupper() for c in part) >= 2 or len(part) <= 4


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: legal-forms.py ELF-CODE-LIST.csv")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    common = set()
    for lang in ("en", "fr", "de"):
        with open(os.path.join(repo, "crates", "policy", "data", f"common-words.{lang}.txt"), encoding="utf-8") as f:
            common.update(l.strip() for l in f if not l.startswith("#"))
    forms = set()
    with open(sys.argv[1], encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["Country Code (ISO 3166-1)"] not in COUNTRIES or row["ELF Status ACTV/INAC"] != "ACTV":
                continue
            for col in ("Abbreviations Local language", "Abbreviations transliterated"):
                for a in row[col].split(";"):
                    a = " ".join(a.split())
                    if not a or not LATIN.match(a) or not any(c.isupper() for c in a) or len(a) > 40:
                        continue
                    if "." not in a and (len(a) <= 2 or a.lower() in common):
                        continue
                    if not all(abbreviation(part, common) for part in a.split(" ")):
                        continue
                    forms.add(a)
                    if ". " in a:
                        forms.add(a.replace(". ", "."))
    out = os.path.join(repo, "crates", "policy", "data", "legal-forms.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "# Abbreviations of legal forms for `unknown-brand` (see scripts/legal-forms.py), from GLEIF's\n"
            "# ISO 20275 Entity Legal Forms code list v1.5 (2023-09-28), CC0 1.0\n"
            "# (https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list).\n"
            "# Written by scripts/legal-forms.py: do not edit by hand.\n"
        )
        for a in sorted(forms):
            f.write(a + "\n")
    print(len(forms), file=sys.stderr)


if __name__ == "__main__":
    main()
