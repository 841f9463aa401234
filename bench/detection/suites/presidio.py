"""microsoft/presidio: the parametrize tables of the phone, e-mail and URL recogniser tests.

A row with expected positions gives one positive case per position (rows with the same text
are merged, so a span expected at any leniency counts once); a row expecting no result is a
negative case.
"""

from .cases import EMAIL, LINK, PHONE, Case, in_persian
from .pytest_tables import tables

REPO = "microsoft/presidio"
TESTS = {
    "phone": ("presidio-analyzer/tests/test_phone_recognizer.py", PHONE),
    "email": ("presidio-analyzer/tests/test_email_recognizer.py", EMAIL),
    "url": ("presidio-analyzer/tests/test_url_recognizer.py", LINK),
}


def cases(repo, lang):
    out = []
    n = 0
    for kind, (path, families) in TESTS.items():
        suite = f"presidio {kind} recogniser tests"
        spans, negatives, where = {}, [], {}
        for fn, rows in tables(repo.read(path), path).items():
            for row in rows:
                text = row.get("text")
                positions = row.get("expected_positions")
                if not isinstance(text, str) or positions is None:
                    continue
                where.setdefault(text, f"{path} {fn}")
                if not positions:
                    negatives.append(text)
                    continue
                for start, end in positions:
                    spans.setdefault(text, set()).add((start, end))
        for text in dict.fromkeys(negatives):
            if text not in spans:
                out.append(Case(suite, "neg", text, lang, families=families, source=where[text]))
        for text, found in spans.items():
            for start, end in sorted(found):
                item = text[start:end]
                out.append(
                    Case(
                        suite,
                        "pos",
                        text,
                        lang,
                        families=families,
                        targets=[(start, end)],
                        note=f"expected {item}",
                        source=where[text],
                    )
                )
                if families != PHONE:
                    out.append(in_persian(f"{suite}, in Persian", item, families, n, where[text]))
                    n += 1
    return out
