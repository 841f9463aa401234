#!/usr/bin/env python3
"""Import an Open Terms Archive versions repository with `davar import`, one policies directory
per service, then run `davar check` and `davar build` on the directory of services (one process
each); print the findings per code and the time and peak memory of each step.

Usage: python3 bench/policy-import/run.py REPO [--out DIR] [--davar PATH] [--as-of DATE]
           [--accept REASON] [--sample N --sample-file FILE] [--findings-file FILE] [--no-build]

REPO is a checkout or bare git directory of the versions repository (see README.md). Nothing
of it is stored in this project: the texts are read at run time and written under --out.
"""

import argparse
import collections
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import site_config

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def davar_binary(given):
    if given:
        return given
    for build in ("release", "debug"):
        path = ROOT / "target" / build / "davar"
        if path.exists():
            return str(path)
    sys.exit("no davar binary: run `cargo build --release -p davar` first")


def children_cpu():
    """CPU seconds (user + system) of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Step:
    """Wall time, CPU time and the peak resident memory of the processes a step starts (the
    peak is the largest of any child process so far)."""

    def __init__(self, name):
        self.name = name
        self.seconds = 0.0
        self.cpu = 0.0
        self.processes = 0
        self.peak_kib = 0

    def run(self, args, **kwargs):
        start = time.monotonic()
        cpu = children_cpu()
        proc = subprocess.run(args, capture_output=True, text=True, **kwargs)
        self.seconds += time.monotonic() - start
        self.cpu += children_cpu() - cpu
        self.processes += 1
        self.peak_kib = max(self.peak_kib, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return proc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repo")
    parser.add_argument("--out", default="/tmp/davar-ota")
    parser.add_argument("--davar")
    parser.add_argument("--rules", help="moderation rules directory (default: none; the example "
                        "marketplace's rules cite clauses of its own terms, not of imported ones)")
    parser.add_argument("--as-of", default=time.strftime("%Y-%m-%d", time.gmtime()))
    parser.add_argument("--accept", metavar="REASON",
                        help="record every current finding as accepted, then check again")
    parser.add_argument("--sample", type=int, default=0,
                        help="write N random findings per code, with their source line, to --sample-file")
    parser.add_argument("--sample-file", default="/tmp/davar-ota-sample.txt")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--findings-file",
                        help="write every finding of the last check, one JSON object a line")
    parser.add_argument("--no-build", action="store_true", help="import and check only")
    parser.add_argument("--no-cache", action="store_true",
                        help="every davar process checks afresh (no findings kept between them)")
    args = parser.parse_args()
    davar = davar_binary(args.davar)
    out = Path(args.out)
    policies = out / "policies"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    out.mkdir(parents=True)
    if not args.rules:
        # A rules directory that does not exist: calendars and rule sets are not checked (a
        # note), where an empty one would be a `rule-set` error in every service.
        args.rules = str(out / "no-rules")

    # Findings are kept between the bench's own processes only (a cache under --out, new each
    # run): `check` starts cold, and `build` reads what `check` found in the same sources.
    os.environ["DAVAR_CACHE_DIR"] = str(out / "cache")
    if args.no_cache:
        os.environ["DAVAR_NO_CACHE"] = "1"
    else:
        os.environ.pop("DAVAR_NO_CACHE", None)

    steps = {name: Step(name) for name in ("import", "check", "accept", "recheck", "build")}
    proc = steps["import"].run([davar, "import", "ota", args.repo, "--each-service-into", str(policies)])
    if proc.returncode != 0:
        sys.exit(f"import failed:\n{proc.stderr}")
    services = sorted(p for p in policies.iterdir() if p.is_dir())
    names = [p.name for p in services]
    for service in services:
        site_config.configure(service, names)
    versions = sum(1 for _ in policies.glob("*/*/v*.md"))
    documents = sum(1 for _ in policies.glob("*/*/") if _.is_dir())

    findings = check_all(davar, policies, args, steps["check"])
    if args.accept:
        steps["accept"].run(common(davar, policies, args) + ["check", "--accept", "--reason", args.accept, "--as-of", args.as_of])
        findings = check_all(davar, policies, args, steps["recheck"])

    built = 0
    if not args.no_build:
        site = out / "site"
        proc = steps["build"].run(common(davar, policies, args) + ["build", "--quiet", "--format", "json", "--out", str(site), "--as-of", args.as_of])
        built = sum(bool(r.get("built")) for r in decode_stream(proc.stdout))
        refused = [line for line in proc.stderr.splitlines() if line.startswith("error: not publishing")]
        if refused:
            print(refused[-1][:300] + ("…" if len(refused[-1]) > 300 else ""), file=sys.stderr)

    report(findings, services, documents, versions, built, steps)
    if args.findings_file:
        with open(args.findings_file, "w", encoding="utf-8") as out_file:
            for f in findings:
                out_file.write(json.dumps(f, ensure_ascii=False) + "\n")
    if args.sample:
        write_sample(findings, args)


def common(davar, policies, args):
    return [davar, "--policies", str(policies), "--rules", args.rules]


def decode_stream(text):
    """The JSON objects printed one after another (pretty-printed, so not one per line)."""
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        value, i = decoder.raw_decode(text, i)
        yield value


def check_all(davar, policies, args, step):
    """Checks every service in one `davar check` process (a directory of services)."""
    proc = step.run(common(davar, policies, args) + ["check", "--format", "json", "--as-of", args.as_of])
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed: {proc.stderr.strip()}")
    findings = []
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            finding = json.loads(line)
            finding["service"] = Path(finding["file"]).relative_to(policies).parts[0]
            findings.append(finding)
    return findings


def report(findings, services, documents, versions, built, steps):
    print(f"{len(services)} services, {documents} documents, {versions} versions")
    counts = collections.Counter((f["code"], f["severity"], bool(f.get("accepted"))) for f in findings)
    print(f"{'code':<26} {'severity':<8} {'found':>7} {'accepted':>9}")
    for code, severity in sorted({(c, s) for c, s, _ in counts}):
        found = counts[(code, severity, False)]
        accepted = counts[(code, severity, True)]
        print(f"{code:<26} {severity:<8} {found:>7} {accepted:>9}")
    print(f"built {built} of {len(services)} sites")
    total = cpu = 0.0
    for step in steps.values():
        if step.processes:
            total += step.seconds
            cpu += step.cpu
            print(f"{step.name:<7} {step.seconds:7.2f} s  CPU {step.cpu:6.2f} s  {step.processes:4} process(es)  peak RSS {step.peak_kib / 1024:.0f} MiB")
    print(f"total   {total:7.2f} s  CPU {cpu:6.2f} s")


def write_sample(findings, args):
    """Up to --sample findings of each code, each code drawn with its own generator seeded
    from --seed and the code, so adding or changing one code's findings leaves the others'
    samples as they were."""
    by_code = collections.defaultdict(list)
    for f in findings:
        if f["severity"] != "hint":
            by_code[f["code"]].append(f)
    with open(args.sample_file, "w", encoding="utf-8") as sample:
        for code, items in sorted(by_code.items()):
            rng = random.Random(f"{args.seed}:{code}")
            picked = rng.sample(items, min(args.sample, len(items)))
            sample.write(f"===== {code}: {len(picked)} of {len(items)}\n")
            for i, f in enumerate(picked, 1):
                sample.write(f"--- {code} #{i} {f['file']}:{f['line']}:{f['column']}\n{f['message']}\n")
                sample.write(context(f) + "\n")
    print(f"sample of up to {args.sample} findings per code written to {args.sample_file}")


def context(finding):
    """The finding's line with its neighbours, the column marked."""
    try:
        lines = Path(finding["file"]).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    n = finding["line"]
    if n <= 0:
        return ""
    shown = []
    for i in range(max(1, n - 2), min(len(lines), n + 2) + 1):
        text = lines[i - 1]
        if len(text) > 400:
            col = max(0, finding["column"] - 200) if i == n else 0
            text = ("…" if col else "") + text[col:col + 400] + "…"
        shown.append(f"{'>' if i == n else ' '} {i:5} | {text}")
    return "\n".join(shown)


if __name__ == "__main__":
    main()
