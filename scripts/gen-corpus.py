#!/usr/bin/env python3
"""Generate the structured part of the moderation corpus.

Usage (from the repository root):

    python3 scripts/gen-corpus.py

Writes tests/corpus/moderation/bank.jsonl and tests/corpus/moderation/phones.jsonl.
Card numbers are Luhn-valid with Iranian bank prefixes and Sheba numbers are mod-97 valid,
so the engine's validators are exercised; the near-misses carry the same shapes with a
broken checksum. The output is deterministic (fixed seed), so re-running it changes nothing.
The carrier sentences are hand-written; every other corpus file is written by hand.
"""

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "moderation"
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ZWNJ = "\u200c"


def to_fa(s: str) -> str:
    return "".join(FA_DIGITS[int(c)] if c.isdigit() else c for c in s)


def to_ar(s: str) -> str:
    return "".join(AR_DIGITS[int(c)] if c.isdigit() else c for c in s)


def luhn_check_digit(partial: str) -> str:
    """Check digit that makes partial + digit Luhn-valid."""
    total = 0
    for i, c in enumerate(reversed(partial)):
        d = int(c)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def card(rng: random.Random, prefix: str) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    return body + luhn_check_digit(body)


def sheba(rng: random.Random, bank: str) -> str:
    bban = "0" + bank + "".join(rng.choice("0123456789") for _ in range(22 - 1 - len(bank)))
    # ISO 13616: move "IR00" to the end, I=18, R=27, check = 98 - n mod 97.
    check = 98 - int(bban + "1827" + "00") % 97
    return f"IR{check:02d}{bban}"


def sheba_valid(s: str) -> bool:
    return int(s[4:] + "1827" + s[2:4]) % 97 == 1


def group4(s: str, sep: str) -> str:
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


CARD_PREFIXES = ["603799", "610433", "627353", "589210", "603769", "627412", "622106", "502229"]
SHEBA_BANKS = ["170", "120", "180", "560", "190", "570", "540", "550"]

CARD_CARRIERS = [
    "title: کارت به کارت هم میشه|کسی خواست مستقیم بخره بدون واسطه، مبلغ رو به این کارت بزنه {N} و رسید رو بفرسته",
    "title: فروش دست دوم|من یکی اضافه دارم، آکبند. شماره کارتم {N} به نام خودم",
    "title: پیشنهاد|اگه راضی بودید از راهنمایی‌هام یه کمکی به این کارت بکنید {N} ممنون",
    "title: برای هزینه ارسال|هزینه پست رو بریزید به {N} تا براتون بفرستم",
    "title: همکاری|برای سفارش عمده واریز به کارت {N} انجام بشه",
    "title: اضافه دارم|یه دونه سالم اضافه موند، واریز کنید به {N} براتون می‌فرستم",
]
SHEBA_CARRIERS = [
    "title: پرداخت|برای خرید عمده به شبای {N} واریز کنید",
    "title: فروش مستقیم|شماره شبا {N} به نام فروشگاه",
    "title: همکاری|حساب ما برای واریز: {N}",
    "title: تخفیف ویژه|اگه مستقیم بخرید ارزون‌تره، شبا {N}",
]
HONEST_SERIAL = [
    "title: اصل بودن|شماره سریال پشت جعبه {N} بود و روی سایت خود برند استعلام زدم اصل درومد",
    "title: گارانتی|کد رهگیری گارانتی {N} رو روی کارت نوشته بودن و فعالش کردم، راضیم",
]


def case(cid, carrier, number, expect, note, kind="review"):
    title, body = carrier.split("|", 1)
    return {
        "id": cid,
        "kind": kind,
        "lang": "fa",
        "title": title.removeprefix("title: "),
        "body": body.replace("{N}", number),
        "expect": expect,
        "note": note,
    }


def bank_cases(rng: random.Random):
    cases = []
    styles = [
        ("plain", lambda n: n),
        ("spaced in fours", lambda n: group4(n, " ")),
        ("dashes", lambda n: group4(n, "-")),
        ("Persian digits", lambda n: to_fa(group4(n, " "))),
        ("Arabic-Indic digits", lambda n: to_ar(n)),
        ("Persian digits, ZWNJ between groups", lambda n: to_fa(group4(n, ZWNJ))),
        ("Persian digits, dashes", lambda n: to_fa(group4(n, "-"))),
        ("mixed ASCII and Persian digits", lambda n: n[:8] + " " + to_fa(n[8:])),
    ]
    i = 0
    for prefix in CARD_PREFIXES:
        for label, fmt in styles[i % len(styles) : i % len(styles) + 2]:
            n = card(rng, prefix)
            assert luhn_valid(n)
            carrier = CARD_CARRIERS[i % len(CARD_CARRIERS)]
            i += 1
            cases.append(case(f"fa-card-{i:03d}", carrier, fmt(n), ["contacts/bank"], f"Luhn-valid card, {label}"))
    s_styles = [
        ("plain", lambda s: s),
        ("groups of four", lambda s: group4(s, " ")),
        ("Persian digits", lambda s: "IR" + to_fa(s[2:])),
        ("lower-case ir, Persian digits spaced", lambda s: "ir" + to_fa(group4(s[2:], " "))),
    ]
    for j, bank in enumerate(SHEBA_BANKS):
        s = sheba(rng, bank)
        assert sheba_valid(s), s
        label, fmt = s_styles[j % len(s_styles)]
        carrier = SHEBA_CARRIERS[j % len(SHEBA_CARRIERS)]
        cases.append(case(f"fa-sheba-{j + 1:03d}", carrier, fmt(s), ["contacts/bank"], f"mod-97 valid Sheba, {label}"))
    # Near-misses: same shapes, broken checksums, in honest text about serials.
    for k in range(2):
        n = card(rng, "6037")
        bad = n[:-1] + str((int(n[-1]) + 1) % 10)
        assert not luhn_valid(bad)
        cases.append(case(f"fa-card-near-{k + 1:03d}", HONEST_SERIAL[k], to_fa(bad) if k else bad, [],
                          "16 digits that fail Luhn: a serial, not a card"))
    s = sheba(rng, "170")
    bad = s[:2] + f"{(int(s[2:4]) + 1) % 100:02d}" + s[4:]
    assert not sheba_valid(bad)
    cases.append(case("fa-sheba-near-001", HONEST_SERIAL[0], bad, [], "IR + 24 digits failing mod-97"))
    return cases


MOBILE_PREFIXES = ["912", "935", "919", "901", "990", "921", "937", "915", "913", "938"]
LANDLINES = [("21", 8), ("31", 8), ("51", 8), ("71", 8), ("41", 8)]

PHONE_CARRIERS = [
    ("review", "title: خرید بدون واسطه|این مدل رو خودم تو انبار دارم، ارزون‌تر می‌دم. تماس بگیرید {N}"),
    ("review", "title: تعمیرکار خوب|اگه خراب شد به این آقا زنگ بزنید خیلی وارده {N}"),
    ("review", "title: همکاری|برای سفارش عمده فقط تماس بگیرید {N}"),
    ("review", "title: اضافه دارم|دو تا از این گرفتم یکیش اضافه‌ست، خواستید پیام بدید {N}"),
    ("review", "title: مشاوره رایگان|قبل از خرید با من مشورت کنید شماره‌م {N} هست"),
    ("question", "title: |کسی هست که اینو داشته باشه بهم زنگ بزنه؟ {N}"),
    ("answer", "title: |من نصابم، برای نصب تماس بگیرید {N}"),
    ("review", "title: نصاب|نصبش یکم سخته، نصاب ما کارش خوب بود شماره‌ش {N} ه"),
    ("answer", "title: |شماره پشتیبانی شرکت سازنده {N} هست، از اونا بپرسید"),
    ("review", "title: جنس خوب|کیفیتش عالیه. هر کی خواست با این شماره هماهنگ کنه {N}"),
]


def mobile(rng: random.Random) -> str:
    return "0" + rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(7))


def landline(rng: random.Random) -> str:
    area, n = rng.choice(LANDLINES)
    first = rng.choice("2345678")
    return "0" + area + first + "".join(rng.choice("0123456789") for _ in range(n - 1))


def phone_cases(rng: random.Random):
    m = lambda: mobile(rng)  # noqa: E731
    styles = [
        ("ASCII, no separators", lambda: m()),
        ("ASCII, 4-3-4 spaces", lambda: (lambda n: f"{n[:4]} {n[4:7]} {n[7:]}")(m())),
        ("ASCII dashes", lambda: (lambda n: f"{n[:4]}-{n[4:7]}-{n[7:]}")(m())),
        ("ASCII dots", lambda: (lambda n: f"{n[:4]}.{n[4:7]}.{n[7:9]}.{n[9:]}")(m())),
        ("Persian digits", lambda: to_fa(m())),
        ("Persian digits, spaces", lambda: (lambda n: to_fa(f"{n[:4]} {n[4:7]} {n[7:]}"))(m())),
        ("Arabic-Indic digits", lambda: to_ar(m())),
        ("Arabic-Indic digits, dashes", lambda: (lambda n: to_ar(f"{n[:4]}-{n[4:7]}-{n[7:]}"))(m())),
        ("Persian digits, ZWNJ between groups", lambda: (lambda n: to_fa(f"{n[:4]}{ZWNJ}{n[4:7]}{ZWNJ}{n[7:]}"))(m())),
        ("Persian digits, ZWNJ between every digit", lambda: ZWNJ.join(to_fa(m()))),
        ("+98 international", lambda: (lambda n: f"+98 {n[1:4]} {n[4:7]} {n[7:]}")(m())),
        ("+98 in Persian digits", lambda: (lambda n: to_fa(f"+98{n[1:]}"))(m())),
        ("0098 prefix", lambda: (lambda n: f"0098{n[1:]}")(m())),
        ("0098 prefix, Persian digits with spaces", lambda: (lambda n: to_fa(f"0098 {n[1:4]} {n[4:]}"))(m())),
        ("mixed ASCII and Persian digits", lambda: (lambda n: n[:4] + " " + to_fa(n[4:]))(m())),
        ("mixed Persian and Arabic-Indic digits", lambda: (lambda n: to_fa(n[:6]) + to_ar(n[6:]))(m())),
        ("one space between every digit", lambda: " ".join(m())),
        ("ASCII, spaced dashes", lambda: (lambda n: f"{n[:4]} - {n[4:7]} - {n[7:]}")(m())),
        ("landline with area code, dash", lambda: (lambda n: f"{n[:3]}-{n[3:]}")(landline(rng))),
        ("landline, brackets", lambda: (lambda n: f"({n[:3]}) {n[3:7]} {n[7:]}")(landline(rng))),
        ("landline, Persian digits", lambda: (lambda n: to_fa(f"{n[:3]} {n[3:7]} {n[7:]}"))(landline(rng))),
        ("landline +98", lambda: (lambda n: f"+98 {n[1:3]} {n[3:]}")(landline(rng))),
        ("international +49", lambda: "+49 151 " + "".join(rng.choice("0123456789") for _ in range(8))),
        ("international +44 mobile", lambda: "+44 7400 " + "".join(rng.choice("0123456789") for _ in range(6))),
        ("international +90", lambda: "+90 532 " + "".join(rng.choice("0123456789") for _ in range(7))),
    ]
    cases = []
    for i, (label, make) in enumerate(styles):
        for rep in range(2):
            kind, carrier = PHONE_CARRIERS[(i * 2 + rep) % len(PHONE_CARRIERS)]
            c = case(f"fa-phone-gen-{i * 2 + rep + 1:03d}", carrier, make(), ["contacts/phone"], label, kind)
            if kind != "review":
                c.pop("title")
            cases.append(c)
    return cases


def write(name: str, cases) -> None:
    path = OUT / name
    with path.open("w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {path.relative_to(OUT.parent.parent.parent)}")


def main() -> None:
    rng = random.Random(20261121)
    OUT.mkdir(parents=True, exist_ok=True)
    write("bank.jsonl", bank_cases(rng))
    write("phones.jsonl", phone_cases(rng))


if __name__ == "__main__":
    main()
