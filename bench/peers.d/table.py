"""Turns the JSON rows of bench/peers (plus /usr/bin/time -v reports) into one table.

    python table.py RESULTS_DIR

RESULTS_DIR holds <key>.json (one JSON object from peer_bench or python_peers.py, or
{"name":..., "error":...}) and <key>.time (GNU time -v output) for each key in ORDER.
"""

import json
import pathlib
import re
import sys

ORDER = ["davar-cli", "davar-moderate", "davar-normalise", "regexset", "hazm",
         "presidio-blank", "presidio-spacy"]


def read_time(path):
    """Wall-clock seconds and peak resident memory (MB) from GNU time -v."""
    wall, rss = None, None
    if not path.exists():
        return wall, rss
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(":", 1)[1]) / 1024
        elif line.startswith("Elapsed (wall clock) time"):
            parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return wall, rss


def main():
    results = pathlib.Path(sys.argv[1])
    rows = {}
    for key in ORDER:
        path = results / f"{key}.json"
        if not path.exists():
            continue
        text = path.read_text().strip().splitlines()
        row = json.loads(text[-1]) if text else {"name": key, "error": "no output"}
        row["wall"], row["rss"] = read_time(results / f"{key}.time")
        rows[key] = row
    # The CLI run is timed from outside: wall clock, same texts as the library run.
    cli, lib = rows.get("davar-cli"), rows.get("davar-moderate")
    if cli and "error" not in cli:
        if lib and "error" not in lib and cli["wall"]:
            cli.update(texts=lib["texts"], bytes=lib["bytes"], seconds=cli["wall"])
        else:
            cli["error"] = "needs the library run for the text count"

    def per_text(key):
        row = rows.get(key)
        if not row or "error" in row or not row.get("texts"):
            return None
        return row["seconds"] / row["texts"]

    ours = {"davar-moderate": per_text("davar-moderate"),
            "davar-normalise": per_text("davar-normalise")}
    header = ["run", "texts", "MB", "time s", "texts/s", "MB/s", "peak RSS MB",
              "x davar moderate", "x davar normalise"]
    table = []
    for key, row in rows.items():
        if "error" in row:
            table.append([row["name"], "-", "-", "-", "-", "-", "-", "failed: " + row["error"], ""])
            continue
        seconds, texts, mb = row["seconds"], row["texts"], row["bytes"] / 1e6
        ratio = []
        for base in ("davar-moderate", "davar-normalise"):
            mine = per_text(key)
            ratio.append(f"{mine / ours[base]:.2f}" if ours[base] and mine else "-")
        rss = f"{row['rss']:.0f}" if row["rss"] is not None else "?"
        table.append([row["name"], str(texts), f"{mb:.2f}", f"{seconds:.3f}",
                      f"{texts / seconds:,.0f}", f"{mb / seconds:.2f}", rss, *ratio])
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in table:
        print(line(cells))
    print()
    print("time s: the timed work loop only (best of the iterations for the Rust runs; one pass for")
    print("Python; wall clock for the CLI, which includes start-up, CSV parsing and JSON output).")
    print("x davar ...: the run's time per text divided by davar's (higher = davar faster).")

    def target(label, peer, base, want, better_when_higher=True):
        a, b = per_text(peer), per_text(base)
        if a is None or b is None:
            print(f"  {label}: not measured")
            return
        ratio = a / b
        ok = ratio >= want if better_when_higher else ratio <= want
        sign = ">=" if better_when_higher else "<="
        print(f"  {label}: {ratio:,.1f}x (target {sign} {want}x) {'met' if ok else 'MISSED'}")

    print()
    print("Targets:")
    target("hazm / davar normalise", "hazm", "davar-normalise", 50)
    target("hazm / davar moderate (full pipeline)", "hazm", "davar-moderate", 50)
    target("Presidio (spaCy pipeline) / davar moderate", "presidio-spacy", "davar-moderate", 1000)
    target("Presidio (blank spaCy, regex only) / davar moderate", "presidio-blank", "davar-moderate", 1000)
    target("davar moderate / bare RegexSet", "davar-moderate", "regexset", 3, better_when_higher=False)


if __name__ == "__main__":
    main()
