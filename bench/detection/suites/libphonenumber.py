"""google/libphonenumber: example numbers of the metadata, and PhoneNumberMatcherTest's cases.

Example numbers: every `<exampleNumber>` of resources/PhoneNumberMetadata.xml for each region
a rule set serves, formatted nationally and internationally by the `phonenumbers` package;
mobile examples also as the bare digits of their national format (`0612345678`).

Matcher test: parsed from the Java source at run time. Numbers passed to `doTestFindInContext`
must be found (bare, and inside each context of `findPossibleInContext`/`findValidInContext`);
the `EXACT_GROUPING`, `STRICT_GROUPING` and `VALID` arrays must be found; `IMPOSSIBLE_CASES`
and the literal texts given to `hasNoMatches(...)` must not; `POSSIBLE_ONLY_CASES` are
reported but not scored. The Java test runs on libphonenumber's *test* metadata, so each miss
is annotated with whether the real numbering plan accepts the number.
"""

import xml.etree.ElementTree as ET

import phonenumbers

from . import java_source
from .cases import PHONE, Case

REPO = "google/libphonenumber"
METADATA = "resources/PhoneNumberMetadata.xml"
MATCHER_TEST = (
    "java/libphonenumber/test/com/google/i18n/phonenumbers/PhoneNumberMatcherTest.java"
)
REGION_LANG = {"DE": "de", "FR": "fr", "IR": "fa"}

FORMATS = (
    ("national", phonenumbers.PhoneNumberFormat.NATIONAL),
    ("international", phonenumbers.PhoneNumberFormat.INTERNATIONAL),
)


# Mobile example numbers are also written as bare national digits, with no separator and no
# word before them (reported per region, without a goal).
BARE_TYPES = ("mobile", "fixedLineOrMobile")
BARE_SUITE = "libphonenumber mobile examples, bare national digits"


def lang_of(region, default="en"):
    return REGION_LANG.get(region or "", default)


def real_validity(raw, region):
    """What the real numbering plan (the `phonenumbers` package) says about `raw`."""
    try:
        n = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return "not parsable"
    if phonenumbers.is_valid_number(n):
        return f"valid {phonenumbers.region_code_for_number(n)} number"
    if phonenumbers.is_possible_number(n):
        return "possible but not valid"
    return "not a possible number"


def example_cases(repo, regions):
    """Cases for the example numbers of `regions` ({region: lang})."""
    root = ET.fromstring(repo.read(METADATA).encode("utf-8"))
    out, bare = [], []
    seen = set()
    for territory in root.iter("territory"):
        region = territory.get("id")
        if region not in regions or region in seen:
            continue
        seen.add(region)
        for desc in territory:
            example = desc.find("exampleNumber")
            if example is None or not (example.text or "").strip():
                continue
            digits = example.text.strip()
            number = phonenumbers.parse(digits, region)
            for label, fmt in FORMATS:
                body = phonenumbers.format_number(number, fmt)
                out.append(
                    Case(
                        suite=f"libphonenumber examples {region}",
                        group="pos",
                        body=body,
                        lang=regions[region],
                        families=PHONE,
                        targets=[(0, len(body))],
                        note=f"{desc.tag} {label} ({digits}; {real_validity(body, region)})",
                        source=f"{METADATA} {region}/{desc.tag}",
                        tag=label,
                    )
                )
            if desc.tag in BARE_TYPES:
                # The national format's digits only, as a bare run (`0612345678`).
                body = "".join(c for c in phonenumbers.format_number(number, FORMATS[0][1]) if c.isdigit())
                bare.append(
                    Case(
                        suite=BARE_SUITE,
                        group="pos",
                        body=body,
                        lang=regions[region],
                        families=PHONE,
                        targets=[(0, len(body))],
                        note=f"{desc.tag} bare national digits ({digits}; {real_validity(body, region)})",
                        source=f"{METADATA} {region}/{desc.tag}",
                        tag=region,
                    )
                )
    missing = sorted(set(regions) - seen)
    return out + bare, missing


def _find_case(suite, group, raw, region, where, listed, note=""):
    validity = real_validity(raw, region)
    served = "listed region" if region in listed else "region not listed"
    return Case(
        suite=suite,
        group=group,
        body=raw,
        lang=lang_of(region),
        families=PHONE,
        targets=[(0, len(raw))] if group == "pos" else [],
        note=f"{note}{region or 'no region'} ({served}); real plan: {validity}",
        source=where,
        # The Java test runs on made-up metadata: what the real plan says is reported apart.
        tag=f"{served}, {'valid' if validity.startswith('valid') else 'not valid'} in the real plan",
    )


def matcher_cases(repo, listed):
    """Cases of PhoneNumberMatcherTest; `listed` is the set of regions the rule sets serve."""
    src = repo.read(MATCHER_TEST)
    out = []
    suite = "libphonenumber matcher test"
    numbers = java_source.calls(src, "doTestFindInContext")
    if not numbers:
        raise SystemExit(f"{MATCHER_TEST}: no doTestFindInContext(...) calls found; the test's layout changed")
    contexts = []
    for method in ("void findPossibleInContext", "void findValidInContext"):
        body, _ = java_source.block(src, method)
        if body is None:
            raise SystemExit(f"{MATCHER_TEST}: method `{method}` not found; the test's layout changed")
        contexts += java_source.pairs(body, "new NumberContext")
    for line, raw, region in numbers:
        where = f"{MATCHER_TEST}:{line}"
        out.append(_find_case(suite, "pos", raw, region, where, listed, "doTestFindInContext; "))
        for lead, trail in contexts:
            case = _find_case(
                "libphonenumber matcher test, in context", "pos", raw, region, where, listed
            )
            case.body = lead + raw + trail
            case.targets = [(len(lead), len(lead) + len(raw))]
            case.note += f"; context {lead!r} … {trail!r}"
            out.append(case)
    for array, group in (
        ("EXACT_GROUPING_CASES", "pos"),
        ("STRICT_GROUPING_CASES", "pos"),
        ("VALID_CASES", "pos"),
        ("POSSIBLE_ONLY_CASES", "info"),
        ("IMPOSSIBLE_CASES", "neg"),
    ):
        body, first_line = java_source.block(src, f"NumberTest[] {array}")
        if body is None:
            raise SystemExit(f"{MATCHER_TEST}: array {array} not found; the test's layout changed")
        for line, raw, region in java_source.calls(body, "new NumberTest"):
            where = f"{MATCHER_TEST}:{first_line + line - 1}"
            out.append(_find_case(suite, group, raw, region, where, listed, f"{array}; "))
    for line, text, region in java_source.calls(src, "hasNoMatches(phoneUtil.findNumbers"):
        if text.strip():
            where = f"{MATCHER_TEST}:{line}"
            out.append(_find_case(suite, "neg", text, region, where, listed, "hasNoMatches; "))
    return out
