"""Dates on the reader's pages: khabar.dates' wording, one Tehran day for both calendars."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from khabar.dates import format_jalali as dates_jalali
from khabar.web.display import format_gregorian, format_jalali, jalali_parts, short_jalali

ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=3, minutes=30)), timezone(timedelta(hours=-5)),
                         timezone(timedelta(hours=14))])
MOMENTS = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)),
    ZONES,
)


@given(MOMENTS, st.booleans())
def test_pages_print_what_khabar_dates_prints(moment: datetime, with_time: bool) -> None:
    assert format_jalali(moment.isoformat(), with_time) == dates_jalali(moment, with_time=with_time)


@given(MOMENTS)
def test_both_calendars_name_the_same_tehran_day(moment: datetime) -> None:
    tehran = moment.astimezone(ZoneInfo("Asia/Tehran")) if moment.tzinfo else moment  # summer time until 2022
    year, _month, day = jalali_parts(tehran.date())
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    assert short_jalali(moment.isoformat()).startswith(f"{day} ".translate(digits))
    assert str(year).translate(digits) in short_jalali(moment.isoformat())
    assert format_gregorian(moment.isoformat()).startswith(f"{tehran.day} ".translate(digits))


def test_a_late_evening_in_new_york_is_the_next_day_in_tehran() -> None:
    evening = "2025-11-04T20:00:00-05:00"  # 04:30 on 5 November in Tehran
    assert format_jalali(evening, True) == "چهارشنبه ۱۴ آبان ۱۴۰۴، ساعت ۰۴:۳۰"
    assert format_gregorian(evening) == "۵ نوامبر ۲۰۲۵"
    assert short_jalali(evening) == "۱۴ آبان ۱۴۰۴"
    assert format_jalali(date(2025, 11, 4)) == "سه\u200cشنبه ۱۳ آبان ۱۴۰۴"
    assert format_jalali(None) == format_gregorian("") == short_jalali("not a date") == ""
