"""Just enough of Java's lexical rules to read string literals and calls out of a test file."""

import re

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(body):
    """The value of a Java string literal's body (between the quotes)."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u":
            j = i + 1
            while body[j] == "u":
                j += 1
            out.append(chr(int(body[j : j + 4], 16)))
            i = j + 4
        elif nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isdigit():
            m = re.match(r"[0-7]{1,3}", body[i + 1 :])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        else:
            raise ValueError(f"unknown escape \\{nxt} in Java string {body!r}")
    return "".join(out)


_STRING = r'"((?:[^"\\\n]|\\.)*)"'
_CONCAT = rf"{_STRING}(?:\s*\+\s*{_STRING})*"
_REGION = r"(?:RegionCode\.(?P<region>[A-Z]{2})|null)"


def _concat_value(text):
    """Value of `"a" + "b" ...` (the text of a concatenation of literals)."""
    return "".join(unescape(m.group(1)) for m in re.finditer(_STRING, text))


def calls(source, name):
    """(line, string, region or None) for every `name("literal" [+ "literal"...], RegionCode.XX)`."""
    pattern = re.compile(rf"\b{re.escape(name)}\(\s*({_CONCAT})\s*,\s*{_REGION}\s*\)")
    out = []
    for m in pattern.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        region = m.group("region")
        out.append((line, _concat_value(m.group(1)), region))
    return out


def block(source, opening):
    """The text from `opening` to its matching closing brace or `};` (balanced braces)."""
    start = source.find(opening)
    if start < 0:
        return None, 0
    i = source.index("{", start)
    depth = 0
    for j in range(i, len(source)):
        if source[j] == "{":
            depth += 1
        elif source[j] == "}":
            depth -= 1
            if depth == 0:
                return source[i : j + 1], source.count("\n", 0, i) + 1
    raise ValueError(f"unbalanced braces after {opening!r}")


def pairs(source, name):
    """(leading, trailing) of every `name("literal", "literal")` in `source`."""
    pattern = re.compile(rf"\b{re.escape(name)}\(\s*{_STRING}\s*,\s*{_STRING}\s*\)")
    return [(unescape(m.group(1)), unescape(m.group(2))) for m in pattern.finditer(source)]
