#!/usr/bin/env python3
"""Summarise a `davar moderate --format json` run: verdict and code rates, plus flagged samples.

Command (from the repository root; the data file is outside the project and only read):

    cargo run -q -p davar -- moderate ../shared/data/digikala/train.csv --format json \
        > /tmp/davar-train.jsonl
    python3 scripts/digikala-report.py /tmp/davar-train.jsonl \
        --csv ../shared/data/digikala/train.csv --samples /tmp/davar-flagged.txt

Prints, for the N judged comments: the count and rate of each verdict, and for each code the
number of comments it fired on at each severity (reject/review/fix/hint) and the rate of
comments it rejected or sent to review. Writes every rejected or reviewed comment (its
offending spans, and its full text when --csv is given) to the samples file, which must be
outside the project (default /tmp/davar-flagged.txt). Lines that are not results (for
example error records for malformed input) are counted and listed, never silently dropped.

With --csv, results are matched to CSV rows by their `id`: the row's `id` column when the CSV
has one, else `line-N` as the CLI names rows (N = the line the record starts on).
"""

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEVERITIES = ["reject", "review", "fix", "hint"]
VERDICTS = ["reject", "review", "fix", "approve"]


def read_results(path):
    results, bad = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                bad.append((n, f"not JSON: {e}"))
                continue
            if not isinstance(record, dict) or "verdict" not in record:
                bad.append((n, line[:200]))
                continue
            results.append(record)
    return results, bad


def read_rows(csv_path):
    """Data rows of the CSV, keyed by their id column, by `line-N` (N = the line the record
    starts on, as the CLI names rows without an id; quoted fields may span lines) and by
    1-based row number."""
    rows, by_id = [], {}
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        prev_end = 1  # the header is line 1
        for i, row in enumerate(reader, 1):
            rows.append(row)
            by_id[f"line-{prev_end + 1}"] = row
            by_id.setdefault(str(i), row)
            if row.get("id"):
                by_id[str(row["id"])] = row
            prev_end = reader.line_num
    return rows, by_id


def row_text(row):
    title = (row.get("title") or "").strip()
    body = (row.get("comment") or row.get("body") or "").strip()
    return f"{title}\n{body}" if title else body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results", help="JSON Lines written by `davar moderate --format json`")
    ap.add_argument("--csv", help="the CSV that was moderated, to include full texts in samples")
    ap.add_argument("--samples", default="/tmp/davar-flagged.txt", help="where to write flagged samples")
    args = ap.parse_args()

    samples_path = Path(args.samples).resolve()
    project = Path(__file__).resolve().parent.parent
    if project in samples_path.parents:
        sys.exit(f"{samples_path}: samples contain real reviews; write them outside the project (e.g. /tmp)")

    results, bad = read_results(args.results)
    if not results:
        sys.exit(f"{args.results}: no moderation results found")
    _, by_id = read_rows(args.csv) if args.csv else ([], {})

    n = len(results)
    verdicts = Counter(r["verdict"] for r in results)
    per_code = defaultdict(Counter)  # code -> severity -> number of comments
    held = Counter()  # code -> comments it rejected or sent to review
    for r in results:
        seen = {}
        for v in r.get("violations", []):
            code, sev = v.get("code", "?"), v.get("severity", "?")
            if sev not in SEVERITIES:
                continue
            # keep the worst severity the code had in this comment
            if code not in seen or SEVERITIES.index(sev) < SEVERITIES.index(seen[code]):
                seen[code] = sev
        for code, sev in seen.items():
            per_code[code][sev] += 1
            if sev in ("reject", "review"):
                held[code] += 1

    print(f"{n} comments judged from {args.results}" + (f"; {len(bad)} non-result lines" if bad else ""))
    print("\nverdict    count    rate")
    for v in VERDICTS:
        print(f"{v:<8} {verdicts[v]:>7} {100 * verdicts[v] / n:>6.2f}%")
    print(f"\n{'code':<26}" + "".join(f"{s:>8}" for s in SEVERITIES) + "   held %")
    for code in sorted(per_code, key=lambda c: (-held[c], -sum(per_code[c].values()), c)):
        counts = per_code[code]
        print(f"{code:<26}" + "".join(f"{counts[s]:>8}" for s in SEVERITIES) + f"  {100 * held[code] / n:>6.2f}%")
    over = [c for c in per_code if sum(per_code[c].values()) > 0.02 * n]
    if over:
        print("\nfires on more than 2% of comments: " + ", ".join(sorted(over)))
    for line_no, what in bad:
        print(f"non-result line {line_no}: {what}")

    flagged = 0
    with open(samples_path, "w", encoding="utf-8") as out:
        for r in results:
            if r["verdict"] not in ("reject", "review"):
                continue
            flagged += 1
            out.write(f"=== {r.get('id')} {r['verdict']}\n")
            for v in r.get("violations", []):
                if v.get("severity") in ("reject", "review"):
                    out.write(f"  {v.get('code')} [{v.get('severity')}] {v.get('field')} "
                              f"{v.get('start')}..{v.get('end')}: {v.get('text')!r}\n")
            row = by_id.get(str(r.get("id")))
            if row is not None:
                out.write("  " + row_text(row).replace("\n", "\n  ") + "\n")
            elif by_id:
                out.write("  (no CSV row with this id)\n")
    print(f"\n{flagged} rejected or reviewed comments written to {samples_path}")


if __name__ == "__main__":
    main()
