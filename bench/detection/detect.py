#!/usr/bin/env python3
"""Detection of links, e-mail addresses, phone numbers and handles on public test suites.

    python3 bench/detection/detect.py /work/.mirror [--davar PATH] [--misses FILE]

Reads the fetched suites (bare git snapshots or checkouts, given directly or as a folder that
holds them), turns their fixtures into one review each, runs the real `davar moderate --format
json` over all of them, and prints per suite the recall on what must be found and the share of
negatives flagged. A case counts as found when a rule of the expected family (links/* for links,
contacts/email, contacts/phone, contacts/social for mentions) fires at review or reject on the
expected span; a negative counts as flagged when any links/* or contacts/* rule fires at review
or reject. See README.md beside this file for how to fetch each suite.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = Path(os.environ.get("DETECTION_VENV", HERE / ".venv"))


def ensure_packages():
    """Re-runs this script in bench/detection/.venv (created with pip) when a package is missing."""
    try:
        import phonenumbers  # noqa: F401
        import yaml  # noqa: F401

        return
    except ImportError:
        pass
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        raise SystemExit(f"{VENV}: phonenumbers or PyYAML still missing; delete the folder and rerun")
    if not python.exists():
        print(f"detection: creating {VENV} with {HERE / 'requirements.txt'}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(HERE / "requirements.txt")],
        check=True,
    )
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


ensure_packages()
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402

import engine  # noqa: E402
import score  # noqa: E402
from suites import email_validator, libphonenumber, linkify, presidio, root_zone, twitter  # noqa: E402
from suites.source import locate  # noqa: E402

MARKERS = {
    linkify.REPO: linkify.LINKS,
    twitter.REPO: twitter.TLDS,
    libphonenumber.REPO: libphonenumber.METADATA,
    presidio.REPO: presidio.TESTS["phone"][0],
    email_validator.REPO: email_validator.TESTS,
    root_zone.REPO: root_zone.LIST,
}


def phone_regions(rules_dir):
    """{region: lang} for every region a rule set's contacts/phone lists, plus IR, which
    contacts/phone always validates (tried on the Persian rule sets)."""
    regions = {}
    langs_all = set()
    for path in sorted(Path(rules_dir).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        langs = data.get("langs") or []
        langs_all.update(langs)
        for rule in data.get("rules") or []:
            if rule.get("code") != "contacts/phone":
                continue
            for region in (rule.get("params") or {}).get("regions") or []:
                region = region.upper()
                own = libphonenumber.REGION_LANG.get(region)
                regions.setdefault(region, own if own in langs else (langs or ["en"])[0])
    if "fa" in langs_all:
        regions.setdefault("IR", "fa")
    return regions


def default_davar():
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "davar"
        if p.exists():
            return p
    return ROOT / "target" / "release" / "davar"


def collect(found, regions, lang, notes):
    cases = []
    if linkify.REPO in found:
        c, left_out = linkify.cases(found[linkify.REPO], lang)
        cases += c
        for where, link, why in left_out:
            notes.append(f"left out of linkify-it links.txt ({why}): {link}  [{where}]")
    if twitter.REPO in found:
        cases += twitter.extract_cases(found[twitter.REPO], lang)
        zone = None
        if root_zone.REPO in found:
            zone = root_zone.tlds(found[root_zone.REPO].read(root_zone.LIST))
        else:
            notes.append(f"every tlds.yml TLD scored: fetch github:{root_zone.REPO} to leave out withdrawn ones")
        cases += twitter.tld_cases(found[twitter.REPO], lang, zone)
    if libphonenumber.REPO in found:
        repo = found[libphonenumber.REPO]
        c, missing = libphonenumber.example_cases(repo, regions)
        cases += c
        for region in missing:
            notes.append(f"libphonenumber metadata has no territory {region}")
        cases += libphonenumber.matcher_cases(repo, set(regions))
    if presidio.REPO in found:
        cases += presidio.cases(found[presidio.REPO], lang)
    if email_validator.REPO in found:
        cases += email_validator.cases(found[email_validator.REPO], lang)
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="fetched repositories, or folders holding them (e.g. /work/.mirror)")
    ap.add_argument("--davar", type=Path, default=None, help="the davar binary (default target/release/davar, else target/debug/davar)")
    ap.add_argument("--rules", type=Path, default=ROOT / "rules", help="rule sets (default: the repository's rules/)")
    ap.add_argument("--lang", default="en", help="language of the language-neutral suites (default en)")
    ap.add_argument("--misses", type=Path, help="write every miss and false alarm to this file")
    ap.add_argument("--suite", action="append", default=[], help="only suites whose name contains this (repeatable)")
    args = ap.parse_args()

    davar = (args.davar or default_davar()).resolve()
    if not davar.exists():
        raise SystemExit(f"{davar}: no davar binary; build it with `cargo build --release -p davar` or pass --davar")
    found = locate(args.paths, MARKERS)
    for repo in MARKERS:
        where = f"{found[repo]} @ {found[repo].commit()}" if repo in found else f"not found: fetch github:{repo}"
        print(f"suite source {repo}: {where}")
    if not found:
        raise SystemExit("no suite found in the given paths (see bench/detection/README.md)")

    notes = []
    regions = phone_regions(args.rules)
    print("phone regions:", ", ".join(f"{r} ({lang})" for r, lang in regions.items()))
    cases = collect(found, regions, args.lang, notes)
    if args.suite:
        cases = [c for c in cases if any(s in c.suite for s in args.suite)]
    usable = []
    for c in cases:
        try:
            c.body.encode("utf-8")
            usable.append(c)
        except UnicodeEncodeError:
            notes.append(f"left out (not encodable as UTF-8, e.g. a lone surrogate): {c.body!r} [{c.source}]")
    start = time.monotonic()
    hits = engine.moderate(davar, ROOT, args.rules.resolve(), usable)
    elapsed = time.monotonic() - start
    suites = score.score(usable, hits)
    print(f"davar: {davar} ({len(usable)} comments in {elapsed:.1f} s)")
    print()
    print("\n".join(score.table(suites)))
    if notes:
        print()
        print("\n".join(notes))
    if args.misses:
        args.misses.write_text("\n".join(score.misses(suites)) + "\n", encoding="utf-8")
        print(f"\nmisses and false alarms: {args.misses}")


if __name__ == "__main__":
    main()
