"""publicsuffix/list: the top-level domains of today's root zone (its ICANN section), to tell
the TLDs of twitter-text's older `tlds.yml` that have since been withdrawn."""

REPO = "publicsuffix/list"
LIST = "public_suffix_list.dat"

BEGIN = "// ===BEGIN ICANN DOMAINS==="
END = "// ===END ICANN DOMAINS==="


def tlds(text):
    """The last label of every rule of the ICANN section, lower-cased (Unicode, as listed)."""
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{LIST}: no ICANN section (`{BEGIN}` … `{END}`)")
    section = text.split(BEGIN, 1)[1].split(END, 1)[0]
    out = set()
    for line in section.splitlines():
        rule = line.strip()
        if not rule or rule.startswith("//"):
            continue
        rule = rule.split()[0].lstrip("!")
        out.add(rule.rsplit(".", 1)[-1].lower())
    return out
