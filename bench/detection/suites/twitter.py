"""twitter/twitter-text: conformance/extract.yml (URL and mention sections) and tlds.yml."""

import yaml

from .cases import LINK, SOCIAL, Case, in_persian, locate

REPO = "twitter/twitter-text"
EXTRACT = "conformance/extract.yml"
TLDS = "conformance/tlds.yml"

URL_SECTIONS = ["urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params"]
MENTION_SECTIONS = ["mentions", "mentions_with_indices", "mentions_or_lists_with_indices"]


def _items(expected, key):
    """Expected strings of one case: a list of strings or of {key: ...} objects."""
    out = []
    for e in expected or []:
        out.append(e[key] if isinstance(e, dict) else e)
    return out


def _load(text, name):
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "tests" not in data:
        raise SystemExit(f"{name}: expected a mapping with `tests` (twitter-text conformance format)")
    return data["tests"]


def extract_cases(repo, lang):
    tests = _load(repo.read(EXTRACT), EXTRACT)
    out, seen = [], set()
    n = 0
    for kind, sections, key in (
        ("urls", URL_SECTIONS, "url"),
        ("mentions", MENTION_SECTIONS, "screen_name"),
    ):
        families = LINK if kind == "urls" else SOCIAL
        suite = f"twitter-text extract.yml {kind}"
        for section in sections:
            for t in tests.get(section) or []:
                body = t["text"]
                items = _items(t.get("expected"), key)
                if kind == "mentions":
                    items = ["@" + i for i in items]
                sig = (kind, body, tuple(items))
                if sig in seen:
                    continue
                seen.add(sig)
                where = f"{EXTRACT} {section}: {t.get('description', '')}"
                if not items:
                    out.append(Case(suite, "neg", body, lang, families=families, source=where))
                    continue
                # One positive case per expected item, so recall counts items.
                for span in locate(body, items):
                    item = body[span[0] : span[1]]
                    out.append(
                        Case(
                            suite,
                            "pos",
                            body,
                            lang,
                            families=families,
                            targets=[span],
                            note=f"expected {item}",
                            source=where,
                        )
                    )
                    if kind == "urls":
                        out.append(in_persian(f"{suite}, in Persian", item, LINK, n, where))
                        n += 1
    return out


def tld_cases(repo, lang, root_zone=None):
    """Each TLD with and without a scheme. With `root_zone` (the TLDs of today's root zone),
    a TLD no longer in it is reported, not scored: no link to it can be followed."""
    tests = _load(repo.read(TLDS), TLDS)
    out = []
    n = 0
    for section, entries in tests.items():
        for t in entries or []:
            with_scheme = _items(t.get("expected"), "url")
            if not with_scheme:
                continue
            url = with_scheme[0]
            bare = url.split("://", 1)[-1]
            tld = bare.rsplit(".", 1)[-1]
            ascii_tld = tld.isascii()
            withdrawn = root_zone is not None and tld.lower() not in root_zone
            for variant, item in (("with scheme", url), ("without scheme", bare)):
                label = "IDN" if not ascii_tld else "ASCII"
                suite = f"twitter-text tlds.yml {variant}"
                where = f"{TLDS} {section}: {tld} ({label})"
                note = f"{label} TLD .{tld}" + (", withdrawn from the root zone" if withdrawn else "")
                out.append(
                    Case(
                        suite,
                        "info" if withdrawn else "pos",
                        item,
                        lang,
                        families=LINK,
                        targets=[(0, len(item))],
                        note=note,
                        source=where,
                        tag=f"{label} TLDs",
                    )
                )
                persian = in_persian(f"{suite}, in Persian", item, LINK, n, where, note, f"{label} TLDs")
                if withdrawn:
                    persian.group = "info"
                out.append(persian)
                n += 1
    return out
