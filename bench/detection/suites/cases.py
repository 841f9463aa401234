"""Detection cases: one comment each, what must be found in it, and Persian carrier sentences."""

from dataclasses import dataclass, field

# Code families a case can expect (prefixes of rule codes).
LINK = ("links/",)
EMAIL = ("contacts/email",)
PHONE = ("contacts/phone",)
SOCIAL = ("contacts/social",)
# Every link and contact rule: what else fired on a miss or on a negative is reported.
DETECTION = ("links/", "contacts/")

# Persian sentences of our own; `{}` is where the link or address goes. They vary the
# position (start, middle, end) and the punctuation next to the item.
FA_LINK_CARRIERS = [
    "برای دیدن مدل‌های دیگر به {} سر بزنید",
    "من این گوشی را از {} خریدم و راضی هستم.",
    "{} ارزان‌تر می‌فروشد، آنجا را هم ببینید",
    "اطلاعات کامل‌تر اینجاست: {}",
    "کیفیت خوبی دارد (عکس‌هایش در {} هست) ولی بسته‌بندی ضعیف بود",
]
FA_EMAIL_CARRIERS = [
    "برای هماهنگی به {} ایمیل بزنید",
    "اگر سؤالی داشتید ایمیل من {} است.",
    "{} ایمیل فروشنده است، مستقیم بپرسید",
    "نشانی ایمیلم: {}",
]


@dataclass
class Case:
    """One comment to moderate.

    group: "pos" (must be found), "neg" (must not be flagged) or "info" (reported, not scored).
    families: code prefixes that count: on a positive case one of them must fire on the
    target; on a negative case one of them firing is a false alarm.
    targets: code-point spans of the body that must each be flagged by one of `families`; an
    empty list for a positive case means "anywhere in the body".
    """

    suite: str
    group: str
    body: str
    lang: str
    families: tuple = DETECTION
    targets: list = field(default_factory=list)
    note: str = ""
    source: str = ""
    # Sub-group reported on its own line under the suite (e.g. "IDN TLDs").
    tag: str = ""


def locate(body, items, start=0):
    """Code-point spans of `items` found left to right in `body` (missing ones are skipped)."""
    spans = []
    for item in items:
        i = body.find(item, start)
        if i < 0:
            i = body.find(item)
        if i < 0 or not item:
            continue
        spans.append((i, i + len(item)))
        start = i + len(item)
    return spans


def in_persian(suite, item, families, index, source="", note="", tag=""):
    """`item` (a link or an address) inside one of our Persian sentences, as a positive case."""
    carriers = FA_EMAIL_CARRIERS if families == EMAIL else FA_LINK_CARRIERS
    carrier = carriers[index % len(carriers)]
    body = carrier.format(item)
    start = carrier.index("{}")
    return Case(
        suite=suite,
        group="pos",
        body=body,
        lang="fa",
        families=families,
        targets=[(start, start + len(item))],
        note=note,
        source=source,
        tag=tag,
    )
