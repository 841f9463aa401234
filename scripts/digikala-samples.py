#!/usr/bin/env python3
"""Draw the labelled samples of Digikala train reviews (tests/corpus/digikala/).

Command (from the repository root; the data file is outside the project and only read):

    python3 scripts/digikala-samples.py ../shared/data/digikala/train.csv            # row,sample
    python3 scripts/digikala-samples.py ../shared/data/digikala/train.csv \
        --show eval > /tmp/eval-texts.txt                                             # for labelling
    python3 scripts/digikala-samples.py ../shared/data/digikala/train.csv \
        --check tests/corpus/digikala/labels.csv                                      # labels match the draw

Rows are numbered 1..N in file order, the header excluded, as Python's `csv` module reads
them (a quoted field may span several lines, so a row number is not a line number).

The draw: every row number r gets the key SHA-256("davar-digikala:" + r); rows are ordered by
key. The first EVAL rows of that order are the evaluation sample, the next DEV rows the
development sample, and the EXTRA rows after them extend the evaluation sample (extensions are
drawn only from the front of what is left, so enlarging EXTRA keeps every earlier row). The
order depends on nothing but the row numbers, so any Python (or any language) draws the same
rows. The texts are read only to check the row count and, with --show, to print them.
"""

import argparse
import csv
import hashlib
import sys

SALT = "davar-digikala:"
EVAL = 600
DEV = 400
# Further evaluation rows, drawn after the development sample (see GUIDELINES.md for why).
EXTRA = 1400
COLUMNS = ["row", "sample", "site_criticism", "addressing", "exaggeration", "rumour",
           "off_topic", "price_comment"]


def order(n):
    """Row numbers 1..n ordered by the SHA-256 of SALT + row number."""
    return sorted(range(1, n + 1),
                  key=lambda r: hashlib.sha256(f"{SALT}{r}".encode()).hexdigest())


def draw(n, eval_size=EVAL, dev_size=DEV, extra=EXTRA):
    """{row: "eval" | "dev"} for the two disjoint samples."""
    if eval_size + dev_size + extra > n:
        sys.exit(f"cannot draw {eval_size + dev_size + extra} rows from {n}")
    ranked = order(n)
    samples = {r: "eval" for r in ranked[:eval_size]}
    samples.update({r: "dev" for r in ranked[eval_size:eval_size + dev_size]})
    start = eval_size + dev_size
    samples.update({r: "eval" for r in ranked[start:start + extra]})
    return samples


def read_rows(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"title", "comment"} - set(reader.fieldnames or [])
            if missing:
                sys.exit(f"{path}: no column {', '.join(sorted(missing))} in the header")
            return list(reader)
    except OSError as e:
        sys.exit(f"{path}: {e} (give the path of Digikala's train.csv)")


def check(labels_path, samples):
    """Exit non-zero when labels.csv does not label exactly the drawn rows, once each."""
    problems = []
    seen = {}
    with open(labels_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        head = reader.fieldnames or []
        if head[:len(COLUMNS)] != COLUMNS or not set(head[len(COLUMNS):]) <= {"note"}:
            sys.exit(f"{labels_path}:1: columns must be {','.join(COLUMNS)}[,note], got {head}")
        for line, rec in enumerate(reader, start=2):
            row = int(rec["row"])
            if row in seen:
                problems.append(f"{labels_path}:{line}: row {row} already labelled on line {seen[row]}")
            seen[row] = line
            want = samples.get(row)
            if want != rec["sample"]:
                problems.append(f"{labels_path}:{line}: row {row} is {rec['sample']!r}, the draw says {want!r}")
            for c in COLUMNS[2:]:
                if rec[c] not in ("0", "1"):
                    problems.append(f"{labels_path}:{line}: {c} must be 0 or 1, got {rec[c]!r}")
    for row in sorted(set(samples) - set(seen)):
        problems.append(f"{labels_path}: row {row} ({samples[row]}) is drawn but not labelled")
    print("\n".join(problems) or f"{labels_path}: {len(seen)} rows, as drawn")
    sys.exit(1 if problems else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train_csv")
    ap.add_argument("--extra", type=int, default=EXTRA, help="further evaluation rows")
    ap.add_argument("--show", choices=["eval", "dev", "all"],
                    help="print the sampled texts (write them outside the repository)")
    ap.add_argument("--check", metavar="LABELS_CSV")
    args = ap.parse_args()
    rows = read_rows(args.train_csv)
    samples = draw(len(rows), extra=args.extra)
    if args.check:
        check(args.check, samples)
    if args.show:
        for r in sorted(samples):
            if args.show in ("all", samples[r]):
                rec = rows[r - 1]
                print(f"=== {r} [{samples[r]}] {rec.get('recommend', '')}\nT: {rec['title']}\nC: {rec['comment']}\n")
        return
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["row", "sample"])
    for r in sorted(samples):
        w.writerow([r, samples[r]])


if __name__ == "__main__":
    main()
