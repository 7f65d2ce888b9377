"""Print a datetime the way Persian readers and English readers expect it.

jdatetime's strftime prints Latin digits and Arabic-form month names, and
not the standard ZWNJ spelling (سه‌شنبه), so the two short formatters are
written here over jdatetime's conversion.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import jdatetime

from khabar.data import calendars as cal
from khabar.dates._text import persian_digits

DISPLAY_ZONE = "Asia/Tehran"


def _local(dt: datetime) -> datetime:
    """Aware datetimes are shown in Tehran time (the zone a printed time is read back in)."""
    if dt.tzinfo is None:
        return dt
    return dt.astimezone(ZoneInfo(DISPLAY_ZONE))


def format_jalali(dt: datetime, *, with_time: bool = False, seconds: bool = False) -> str:
    """``سه‌شنبه ۱۳ آبان ۱۴۰۴`` or, with the time, ``سه‌شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰``.

    An aware ``dt`` is first converted to Tehran time; a naive one is printed as it is.
    """
    local = _local(dt)
    day = jdatetime.date.fromgregorian(date=local.date())
    text = (
        f"{cal.WEEKDAY_NAMES_FA[local.weekday()]} {persian_digits(day.day)} "
        f"{cal.JALALI_MONTH_NAMES[day.month - 1]} {persian_digits(day.year)}"
    )
    if not with_time:
        return text
    clock = f"{persian_digits(local.hour, 2)}:{persian_digits(local.minute, 2)}"
    if seconds:
        clock += f":{persian_digits(local.second, 2)}"
    return f"{text}، ساعت {clock}"


def format_gregorian(dt: datetime, *, with_time: bool = False, seconds: bool = False) -> str:
    """``Tuesday 4 November 2025`` or ``Tuesday 4 November 2025, 10:30`` (aware → Tehran time)."""
    local = _local(dt)
    text = (
        f"{cal.WEEKDAY_NAMES_EN[local.weekday()]} {local.day} "
        f"{cal.GREGORIAN_MONTH_NAMES[local.month - 1]} {local.year}"
    )
    if not with_time:
        return text
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if seconds:
        clock += f":{local.second:02d}"
    return f"{text}, {clock}"


def jalali_of(day: date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian date in the Jalali calendar."""
    jday = jdatetime.date.fromgregorian(date=day)
    return int(jday.year), int(jday.month), int(jday.day)
