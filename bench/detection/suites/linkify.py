"""markdown-it/linkify-it: test/fixtures/links.txt and not_links.txt.

links.txt, as linkify-it's own test reads it: lines starting with `%` are comments (blanked); a
non-blank line followed by another non-blank line is an input and the link expected in it; a
line followed by a blank line is itself the expected link. Everything else on the line (also a
trailing `% remark`) is part of the input. not_links.txt: every non-comment line must not hold a
link.
"""

import ipaddress
import re

from .cases import EMAIL, LINK, Case, in_persian, locate

REPO = "markdown-it/linkify-it"
LINKS = "test/fixtures/links.txt"
NOT_LINKS = "test/fixtures/not_links.txt"


def _pairs(text):
    """(line number, input, expected link) for every case of links.txt."""
    lines = text.split("\n")
    lines = [re.sub(r"^%.*", "", line.rstrip("\r")) for line in lines]
    out = []
    skip = False
    for idx, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if not line.strip():
            continue
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        if nxt.strip():
            out.append((idx + 1, line, nxt))
            skip = True
        else:
            out.append((idx + 1, line, line))
    return out


def host_of(link):
    """The host a link or address points to (lowercased, without port or user)."""
    s = link.strip()
    s = re.sub(r"^(?i:mailto):", "", s)
    s = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", s)
    s = s.removeprefix("//")
    host = re.split(r"[/?#]", s, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1]
    host = re.sub(r":\d*$", "", host)
    return host.lower()


def unreachable(link):
    """Why nobody outside can reach `link`'s host (None when they can): loopback, private
    address ranges, or a single-label intranet name."""
    host = host_of(link)
    if host == "localhost" or host.endswith(".localhost"):
        return "localhost"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None:
        if ip.is_private or ip.is_loopback:
            return "private IP"
        return None
    if "." not in host:
        return "single-label host"
    return None


def is_email(link):
    s = link.strip()
    if s.lower().startswith("mailto:"):
        return True
    return "@" in s and "://" not in s and "/" not in s.split("@", 1)[0]


def cases(repo, lang):
    """Cases of both files, and the list of links left out as unreachable."""
    out, left_out = [], []
    for n, (line_no, body, expected) in enumerate(_pairs(repo.read(LINKS))):
        why = unreachable(expected)
        where = f"{LINKS}:{line_no}"
        if why:
            left_out.append((where, expected, why))
            continue
        families = EMAIL if is_email(expected) else LINK
        out.append(
            Case(
                suite="linkify-it links.txt",
                group="pos",
                body=body,
                lang=lang,
                families=families,
                targets=locate(body, [expected]),
                note=f"expected {expected}",
                source=where,
            )
        )
        item = re.sub(r"^(?i:mailto):", "", expected) if families == EMAIL else expected
        out.append(in_persian("linkify-it links.txt, in Persian", item, families, n, where))
    for line_no, line in enumerate(repo.read(NOT_LINKS).split("\n"), 1):
        line = re.sub(r"^%.*", "", line.rstrip("\r"))
        if not line.strip():
            continue
        out.append(
            Case(
                suite="linkify-it not_links.txt",
                group="neg",
                body=line,
                lang=lang,
                families=LINK + EMAIL,
                source=f"{NOT_LINKS}:{line_no}",
            )
        )
    return out, left_out
