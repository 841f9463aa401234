"""JoshData/python-email-validator: the address tables of tests/test_syntax.py.

Valid addresses (including internationalised ones and isemail's ISEMAIL_VALID) must be found;
addresses the validator rejects as bad syntax (ISEMAIL_ERR_*, test_email_invalid_syntax,
reserved domains) are the negatives. Addresses valid only with an option (quoted local parts,
domain literals, strict length limits, deprecated forms) are reported, not scored.
"""

from .cases import EMAIL, Case, in_persian
from .pytest_tables import tables

REPO = "JoshData/python-email-validator"
TESTS = "tests/test_syntax.py"

# Test function -> group of its addresses. Tables not listed here are not read (for example
# test_email_unsafe_character, which builds addresses in code).
GROUPS = {
    "test_email_valid": "pos",
    "test_email_valid_intl_local_part": "pos",
    "test_email_valid_only_if_quoted_local_part": "info",
    "test_email_invalid_syntax": "neg",
    "test_email_invalid_syntax_strict": "info",
    "test_email_invalid_reserved_domain": "neg",
    "test_email_invalid_character_smtputf8_off": "info",
}


def _isemail_group(status):
    if status == "ISEMAIL_VALID":
        return "pos"
    if status.startswith("ISEMAIL_ERR_"):
        return "neg"
    return "info"


def cases(repo, lang):
    out, seen = [], set()
    n = 0
    suite = "python-email-validator"
    for fn, rows in tables(repo.read(TESTS), TESTS).items():
        for row in rows:
            address = row.get("email_input")
            if not isinstance(address, str):
                continue
            if fn == "test_pyisemail_tests":
                status = row.get("status") or ""
                group, note = _isemail_group(status), status
            elif fn in GROUPS:
                group, note = GROUPS[fn], fn
            else:
                continue
            if (address, group) in seen:
                continue
            seen.add((address, group))
            where = f"{TESTS} {fn}"
            out.append(Case(suite, group, address, lang, families=EMAIL, note=note, source=where))
            if group == "pos":
                out.append(in_persian(f"{suite}, in Persian", address, EMAIL, n, where, note))
                n += 1
    return out
