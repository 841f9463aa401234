"""Scoring: recall on what must be found, share of negatives flagged, and the misses file."""

from collections import OrderedDict

from suites.cases import DETECTION

# Goals of the engine on these suites (suite name -> (measure, bound)).
GOALS = {
    "linkify-it links.txt": ("recall", 0.95),
    "linkify-it not_links.txt": ("flagged", 0.10),
    "twitter-text tlds.yml with scheme": ("recall", 0.99),
    "twitter-text tlds.yml without scheme": ("recall", 0.99),
    "libphonenumber matcher test": ("recall", 0.90),
}
EXAMPLES_GOAL = ("recall", 0.99)

# What the cases a suite reports without scoring them are.
UNSCORED = {
    "twitter-text tlds.yml with scheme": "TLDs withdrawn from the root zone",
    "twitter-text tlds.yml without scheme": "TLDs withdrawn from the root zone",
    "libphonenumber matcher test": "possible-only numbers",
    "python-email-validator": "valid only with an option, or deprecated",
}


def goal_of(suite):
    if suite.startswith("libphonenumber examples "):
        return EXAMPLES_GOAL
    return GOALS.get(suite)


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def _fired(hit):
    return f"{hit['code']} [{hit['severity']}] {hit.get('text', '')!r} at {hit['start']}-{hit['end']}"


class Outcome:
    """The judgement of one case."""

    def __init__(self, case, hits):
        self.case = case
        self.hits = hits
        detection = [h for h in hits if h["code"].startswith(DETECTION)]
        if case.group == "pos":
            spans = case.targets or [(0, len(case.body))]
            self.ok = all(
                any(h["code"].startswith(case.families) and _overlaps((h["start"], h["end"]), s) for h in hits)
                for s in spans
            )
            # A miss that another link/contact rule still caught on the same span.
            self.other = not self.ok and any(
                any(_overlaps((h["start"], h["end"]), s) for h in detection) for s in spans
            )
        else:
            self.flagged = any(h["code"].startswith(case.families) for h in hits)
            # Not a false alarm of this suite's family, but another link/contact rule fired.
            self.other = not self.flagged and bool(detection)


class SuiteScore:
    def __init__(self, name):
        self.name = name
        self.outcomes = []

    def counts(self, group, tag=None):
        sel = [o for o in self.outcomes if o.case.group == group and (tag is None or o.case.tag == tag)]
        if group == "pos":
            return sum(o.ok for o in sel), len(sel), sum(o.other for o in sel)
        return sum(o.flagged for o in sel), len(sel), sum(o.other for o in sel)

    def tags(self):
        return list(OrderedDict.fromkeys(o.case.tag for o in self.outcomes if o.case.tag))


def score(cases, hits):
    suites = OrderedDict()
    for case, h in zip(cases, hits):
        suites.setdefault(case.suite, SuiteScore(case.suite)).outcomes.append(Outcome(case, h))
    return list(suites.values())


def _ratio(n, d):
    return f"{n / d:.3f}" if d else "-"


def table(suites):
    """The per-suite report as lines of text."""
    head = f"{'suite':<52} {'found':>11} {'recall':>7} {'neg. flagged':>13} {'share':>6}  goal"
    lines = [head, "-" * len(head)]
    for s in suites:
        found, total, other = s.counts("pos")
        flagged, negs, neg_other = s.counts("neg")
        goal = goal_of(s.name)
        verdict = ""
        if goal:
            measure, bound = goal
            if measure == "recall" and total:
                verdict = f"recall >= {bound}: {'met' if found / total >= bound else 'NOT met'}"
            elif measure == "flagged" and negs:
                verdict = f"flagged <= {bound:.0%}: {'met' if flagged / negs <= bound else 'NOT met'}"
        pos = f"{found}/{total}" if total else "-"
        neg = f"{flagged}/{negs}" if negs else "-"
        lines.append(f"{s.name:<52} {pos:>11} {_ratio(found, total):>7} {neg:>13} {_ratio(flagged, negs):>6}  {verdict}")
        if other:
            lines.append(f"{'':<4}(of the misses, {other} caught on the same span by another link/contact rule)")
        if neg_other:
            lines.append(f"{'':<4}(of the negatives not flagged, {neg_other} flagged by another link/contact rule)")
        for tag in s.tags():
            f, t, _ = s.counts("pos", tag)
            fl, n, _ = s.counts("neg", tag)
            parts = []
            if t:
                parts.append(f"found {f}/{t} ({_ratio(f, t)})")
            if n:
                parts.append(f"flagged {fl}/{n}")
            lines.append(f"{'':<4}{tag}: {', '.join(parts)}")
        info_flagged, info, _ = s.counts("info")
        if info:
            lines.append(f"{'':<4}not scored ({UNSCORED.get(s.name.split(',')[0], 'see README')}): {info_flagged}/{info} flagged")
    return lines


def misses(suites):
    """Every miss, false alarm and flagged unscored case, for reading."""
    out = []
    for s in suites:
        bad = [o for o in s.outcomes if (o.case.group == "pos" and not o.ok) or (o.case.group != "pos" and (o.flagged or o.other))]
        if not bad:
            continue
        out.append(f"## {s.name}: {len(bad)}")
        for o in bad:
            c = o.case
            if c.group == "pos":
                kind = "MISS"
            elif not o.flagged:
                kind = "negative flagged by another rule (not counted)"
            else:
                kind = "FALSE ALARM" if c.group == "neg" else "flagged (not scored)"
            out.append(f"{kind}  [{c.lang}] {c.body!r}")
            if c.note:
                out.append(f"    {c.note}")
            if c.group == "pos" and c.targets:
                out.append("    target: " + ", ".join(repr(c.body[a:b]) for a, b in c.targets))
            for h in o.hits:
                out.append(f"    fired: {_fired(h)}")
            out.append(f"    from: {c.source}")
        out.append("")
    return out
