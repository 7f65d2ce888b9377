"""How fast khabar reads dates, beside dateparser on the same strings.

    python bench/dates.py [--seconds 2]

Prints expressions per second for khabar.dates.parse_date on every form it
reads, then for khabar and dateparser on the forms dateparser also reads
(Gregorian months written in Persian, ISO 8601, English, a few relative
phrases), with how many of those dateparser got right, and find_dates speed
over running text. dateparser is optional: without it only khabar's lines print.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from khabar.dates import find_dates, parse_date

REF = datetime(2025, 11, 5, 12, 0, tzinfo=ZoneInfo("Asia/Tehran"))

#: (expression, ISO khabar gives, whether dateparser claims the form)
CASES: list[tuple[str, str, bool]] = [
    ("28 اکتبر 2025", "2025-10-28", True),
    ("۴ نوامبر ۲۰۲۵", "2025-11-04", True),
    ("۴ نوامبر ۲۰۲۵ ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", True),
    ("۲۷ اکتبر", "2025-10-27", True),
    ("2025-11-04T10:30:00+03:30", "2025-11-04T10:30:00+03:30", True),
    ("2025/11/04 10:30", "2025-11-04T10:30:00+03:30", True),
    ("Tuesday 4 November 2025, 10:30", "2025-11-04T10:30:00+03:30", True),
    ("Tue, 04 Nov 2025 10:30:00 +0330", "2025-11-04T10:30:00+03:30", True),
    ("۲ ساعت پیش", "2025-11-05T10:00:00+03:30", True),
    ("۳ روز پیش", "2025-11-02", True),
    ("دیروز", "2025-11-04", True),
    ("یک هفته پیش", "2025-10-29", True),
    ("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", "2025-11-04T10:30:00+03:30", False),
    ("سه‌شنبه ۱۳ آبان‌ماه ۱۴۰۴", "2025-11-04", False),
    ("۱۴۰۴/۰۸/۱۳", "2025-11-04", False),
    ("۱۳ عقرب ۱۴۰۴", "2025-11-04", False),
    ("شنبه ۵ ربیع‌الثانی ۱۴۴۷", "2025-09-27", False),
    ("بیست و هفتم مهر ۱۴۰۴", "2025-10-19", False),
    ("سه\u200cشنبه گذشته", "2025-11-04", False),
    ("بیست و هفت مهر هزار و چهارصد و چهار", "2025-10-19", False),
    ("ساعاتی پیش", "2025-11-05", False),
    ("۳ روز دیگر", "2025-11-08", False),
    ("۱۳ عقرب ۱۴۰۴ ساعت ۸ صبح", "2025-11-04T08:00:00+04:30", False),
]

RUNNING_TEXT = (
    "تهران، سه‌شنبه ۱۳ آبان ۱۴۰۴ - ۱۰:۳۰ — نخستین نیروگاه خورشیدی شناور کشور روز سه‌شنبه به "
    "بهره‌برداری رسید. ساخت این نیروگاه ۱۰ مگاواتی از ۲۸ اکتبر ۲۰۲۳ آغاز شده بود و مسئولان می‌گویند "
    "تا ۲۹ اسفند ۱۴۰۴ دو واحد دیگر هم افتتاح می‌شود. © ۱۳۹۹ کلیه حقوق محفوظ است. "
) * 20


def rate(function: Callable[[str], object], texts: list[str], seconds: float) -> float:
    """Calls per second of ``function`` over ``texts``, repeated for about ``seconds``."""
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            function(text)
        done += len(texts)
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    seconds = parser.parse_args().seconds

    for text, iso, _ in CASES:
        got = parse_date(text, REF).iso()
        assert got == iso, f"{text}: khabar gave {got}, expected {iso}"

    def ours(text: str) -> object:
        return parse_date(text, REF)

    every = [text for text, _, _ in CASES]
    shared = [text for text, _, claimed in CASES if claimed]
    print(f"khabar parse_date, all {len(every)} forms: {rate(ours, every, seconds):,.0f} expressions/s")
    print(
        f"khabar parse_date, {len(shared)} forms dateparser reads: "
        f"{rate(ours, shared, seconds):,.0f} expressions/s"
    )
    chars = len(RUNNING_TEXT)
    per_text = rate(lambda t: find_dates(t, REF), [RUNNING_TEXT], seconds)
    print(f"khabar find_dates on running text: {per_text * chars:,.0f} characters/s")
    try:
        import dateparser
    except ImportError:
        print("dateparser not installed (pip install dateparser): no comparison")
        return
    settings = {
        "RELATIVE_BASE": REF.replace(tzinfo=None),
        "TIMEZONE": "Asia/Tehran",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }

    def theirs(text: str) -> object:
        return dateparser.parse(text, languages=["fa", "en"], settings=settings)  # type: ignore[arg-type]

    right = sum(_agrees(theirs(text), iso) for text, iso, claimed in CASES if claimed)
    print(
        f"dateparser {dateparser.__version__}, same {len(shared)} forms: "
        f"{rate(theirs, shared, seconds):,.0f} expressions/s ({right}/{len(shared)} right)"
    )


def _agrees(value: object, iso: str) -> bool:
    if not isinstance(value, datetime):
        return False
    if "T" not in iso:
        return value.date().isoformat() == iso
    return abs(value.timestamp() - datetime.fromisoformat(iso).timestamp()) < 60


if __name__ == "__main__":
    main()
