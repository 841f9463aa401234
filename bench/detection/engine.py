"""Running the real `davar moderate --format json` over the cases, and reading what fired."""

import json
import subprocess
import tempfile
from pathlib import Path

TITLES = {"fa": "نظر من", "en": "My review", "fr": "Mon avis", "de": "Meine Meinung"}
FLAGGING = ("review", "reject")


def moderate(davar, root, rules, cases):
    """Moderates every case as one review; returns, per case, the list of its body's
    violations at review or reject (dicts with code, severity, start, end, text)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for i, case in enumerate(cases):
            record = {
                "id": str(i),
                "kind": "review",
                "lang": case.lang,
                "title": TITLES.get(case.lang, "Review"),
                "body": case.body,
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        path = f.name
    try:
        proc = subprocess.run(
            [str(davar), "--rules", str(rules), "moderate", path, "--format", "json"],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    finally:
        Path(path).unlink(missing_ok=True)
    if proc.returncode != 0:
        raise SystemExit(f"{davar} moderate failed (exit {proc.returncode}):\n{proc.stderr}")
    hits = [None] * len(cases)
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        result = json.loads(line)
        i = int(result["id"])
        hits[i] = [
            v
            for v in result.get("violations", [])
            if v.get("field", "body") == "body" and v.get("severity") in FLAGGING
        ]
    lost = [i for i, h in enumerate(hits) if h is None]
    if lost:
        raise SystemExit(
            f"{davar} returned no result for {len(lost)} case(s), e.g. {cases[lost[0]].body!r}:\n"
            f"{proc.stderr}"
        )
    return hits
