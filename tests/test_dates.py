"""Persian dates: every calendar, digit script and spelling pages use; relative phrases; refusals."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from khabar.data import calendars as cal
from khabar.dates import (
    ParsedDate,
    find_dates,
    format_gregorian,
    format_jalali,
    jalali_month_range,
    jalali_of,
    parse_date,
    parse_day_bound,
)
from khabar.dates._resolve import jalali_to_date
from khabar.errors import DateError

TEHRAN = ZoneInfo("Asia/Tehran")
#: Wednesday 14 Aban 1404 = 5 November 2025, noon in Tehran.
REF = datetime(2025, 11, 5, 12, 0, tzinfo=TEHRAN)
Z = "\u200c"

# (text as a page writes it, ISO 8601 expected, calendar expected)
PARSE_CASES: list[tuple[str, str, str]] = [
    # Jalali, month names, digit scripts, letter forms
    ("۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("13 آبان 1404", "2025-11-04", "jalali"),
    ("١٣ آبان ١٤٠٤", "2025-11-04", "jalali"),
    (f"سه{Z}شنبه ۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("سه شنبه ۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("سهشنبه ۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    (f"سه{Z}شنبه ۱۳ آبان{Z}ماه ۱۴۰۴", "2025-11-04", "jalali"),
    ("سه‌شنبه ۱۳ آبان ماه ۱۴۰۴", "2025-11-04", "jalali"),
    ("سه‌شنبه ۱۳ آبانماه ۱۴۰۴", "2025-11-04", "jalali"),
    ("سه‌شنبه، ۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("۱ فروردین ۱۴۰۴", "2025-03-21", "jalali"),
    ("۳۱ اردیبهشت ۱۴۰۴", "2025-05-21", "jalali"),
    ("۱۴ خرداد ۱۴۰۴", "2025-06-04", "jalali"),
    ("۲۰ تیر ۱۴۰۴", "2025-07-11", "jalali"),
    ("2 تير 1399", "2020-06-22", "jalali"),
    ("۳۱ شهریور ۱۴۰۴", "2025-09-22", "jalali"),
    ("۱ مهر ۱۴۰۴", "2025-09-23", "jalali"),
    ("۳۰ آذر ۱۴۰۴", "2025-12-21", "jalali"),
    ("۱ دی ۱۴۰۴", "2025-12-22", "jalali"),
    ("۲۲ بهمن ۱۴۰۴", "2026-02-11", "jalali"),
    ("۲۲ بهمن ۱۳۵۷", "1979-02-11", "jalali"),
    ("۲۹ اسفند ۱۴۰۴", "2026-03-20", "jalali"),
    ("۳۰ اسفند ۱۴۰۳", "2025-03-20", "jalali"),
    ("۱ فروردین ۱۳۰۰", "1921-03-21", "jalali"),
    ("۲۹ اسفند ۱۵۰۰", "2122-03-20", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ه.ش", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ هجری شمسی", "2025-11-04", "jalali"),
    ("۱۰ مرداد ۱۴۰۴", "2025-08-01", "jalali"),
    ("۱۰ امرداد ۱۴۰۴", "2025-08-01", "jalali"),
    # ordinal words
    ("یکم آبان ۱۴۰۴", "2025-10-23", "jalali"),
    ("اول آبان ۱۴۰۴", "2025-10-23", "jalali"),
    ("دوم آبان ۱۴۰۴", "2025-10-24", "jalali"),
    ("سوم آبان ۱۴۰۴", "2025-10-25", "jalali"),
    ("دهم آبان ۱۴۰۴", "2025-11-01", "jalali"),
    ("سیزدهم آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("بیستم مهر ۱۴۰۴", "2025-10-12", "jalali"),
    ("بیست و هفتم مهر ۱۴۰۴", "2025-10-19", "jalali"),
    (f"بیست{Z}و{Z}هفتم مهر ۱۴۰۴", "2025-10-19", "jalali"),
    ("بیست‌وهفتم مهر ۱۴۰۴", "2025-10-19", "jalali"),
    ("سی و یکم شهریور ۱۴۰۴", "2025-09-22", "jalali"),
    ("سی‌ویکم شهریور ۱۴۰۴", "2025-09-22", "jalali"),
    ("سی‌ام آذر ۱۴۰۴", "2025-12-21", "jalali"),
    ("هجدهم آبان ۱۴۰۴", "2025-11-09", "jalali"),
    ("پانزدهم خرداد ۱۴۰۴", "2025-06-05", "jalali"),
    # Dari solar months (Afghanistan), one to one with Jalali months
    ("۱۳ عقرب ۱۴۰۴", "2025-11-04", "jalali"),
    ("۱ حمل ۱۴۰۴", "2025-03-21", "jalali"),
    ("۲۰ سرطان ۱۴۰۴", "2025-07-11", "jalali"),
    ("۳۱ سنبله ۱۴۰۴", "2025-09-22", "jalali"),
    ("۱ میزان ۱۴۰۴", "2025-09-23", "jalali"),
    ("۳۰ قوس ۱۴۰۴", "2025-12-21", "jalali"),
    ("۱ جدی ۱۴۰۴", "2025-12-22", "jalali"),
    ("۲۲ دلو ۱۴۰۴", "2026-02-11", "jalali"),
    ("۲۹ حوت ۱۴۰۴", "2026-03-20", "jalali"),
    ("۱۴ جوزا ۱۴۰۴", "2025-06-04", "jalali"),
    ("۳۱ ثور ۱۴۰۴", "2025-05-21", "jalali"),
    ("۱۰ اسد ۱۴۰۴", "2025-08-01", "jalali"),
    ("سه‌شنبه ۱۳ عقرب ۱۴۰۴", "2025-11-04", "jalali"),
    # Jalali numeric
    ("۱۴۰۴/۰۸/۱۳", "2025-11-04", "jalali"),
    ("1404/08/13", "2025-11-04", "jalali"),
    ("۱۴۰۴/۸/۱۳", "2025-11-04", "jalali"),
    ("۱۴۰۴-۰۸-۱۳", "2025-11-04", "jalali"),
    ("۱۴۰۴.۰۸.۱۳", "2025-11-04", "jalali"),
    ("١٤٠٤/٠٨/١٣", "2025-11-04", "jalali"),
    ("۱۳/۰۸/۱۴۰۴", "2025-11-04", "jalali"),
    ("سه‌شنبه ۱۴۰۴/۰۸/۱۳", "2025-11-04", "jalali"),
    # Gregorian in Persian, Arabic and English spellings
    ("28 اکتبر 2025", "2025-10-28", "gregorian"),
    ("۲۸ اکتبر ۲۰۲۵", "2025-10-28", "gregorian"),
    ("4 نوامبر 2025", "2025-11-04", "gregorian"),
    ("۱ ژانویه ۲۰۲۵", "2025-01-01", "gregorian"),
    ("۱۴ فوریه ۲۰۲۵", "2025-02-14", "gregorian"),
    ("۲۹ فوریه ۲۰۲۴", "2024-02-29", "gregorian"),
    ("۲۰ مارس ۲۰۲۵", "2025-03-20", "gregorian"),
    ("۱ آوریل ۲۰۲۵", "2025-04-01", "gregorian"),
    ("۱ آپریل ۲۰۲۵", "2025-04-01", "gregorian"),
    ("۸ مه ۲۰۲۵", "2025-05-08", "gregorian"),
    ("۸ می ۲۰۲۵", "2025-05-08", "gregorian"),
    ("۱۲ ژوئن ۲۰۲۵", "2025-06-12", "gregorian"),
    ("۱۲ جون ۲۰۲۵", "2025-06-12", "gregorian"),
    ("۴ ژوئیه ۲۰۲۵", "2025-07-04", "gregorian"),
    ("۴ جولای ۲۰۲۵", "2025-07-04", "gregorian"),
    ("۱۵ اوت ۲۰۲۵", "2025-08-15", "gregorian"),
    ("۱۵ آگوست ۲۰۲۵", "2025-08-15", "gregorian"),
    ("۱۱ سپتامبر ۲۰۲۵", "2025-09-11", "gregorian"),
    ("۱۱ سپتمبر ۲۰۲۵", "2025-09-11", "gregorian"),
    ("۳۰ نوامبر ۲۰۲۵", "2025-11-30", "gregorian"),
    ("۲۵ دسامبر ۲۰۲۵", "2025-12-25", "gregorian"),
    ("۴ نوفمبر ۲۰۲۵", "2025-11-04", "gregorian"),
    ("٤ نوفمبر ٢٠٢٥", "2025-11-04", "gregorian"),
    ("الثلاثاء 4 نوفمبر 2025", "2025-11-04", "gregorian"),
    ("۱ يناير ۲۰۲۵", "2025-01-01", "gregorian"),
    ("28 أكتوبر 2025", "2025-10-28", "gregorian"),
    ("۲۸ اکتبر ۲۰۲۵ میلادی", "2025-10-28", "gregorian"),
    ("4 November 2025", "2025-11-04", "gregorian"),
    ("Tuesday 4 November 2025", "2025-11-04", "gregorian"),
    ("November 4, 2025", "2025-11-04", "gregorian"),
    ("Nov 4, 2025", "2025-11-04", "gregorian"),
    ("Tuesday, November 4, 2025", "2025-11-04", "gregorian"),
    ("4 Nov 2025", "2025-11-04", "gregorian"),
    ("2025/11/04", "2025-11-04", "gregorian"),
    ("04/11/2025", "2025-11-04", "gregorian"),
    ("04.11.2025", "2025-11-04", "gregorian"),
    ("سه‌شنبه ۴ نوامبر ۲۰۲۵", "2025-11-04", "gregorian"),
    # ISO 8601
    ("2025-11-04", "2025-11-04", "iso"),
    ("۲۰۲۵-۱۱-۰۴", "2025-11-04", "iso"),
    ("2025-11-04T10:30:00+03:30", "2025-11-04T10:30:00+03:30", "iso"),
    ("2025-11-04T07:00:00Z", "2025-11-04T07:00:00+00:00", "iso"),
    ("2025-11-04T07:00:00.250Z", "2025-11-04T07:00:00+00:00", "iso"),
    ("2025-11-04T10:30:15+03:30", "2025-11-04T10:30:15+03:30", "iso"),
    ("2025-11-04T10:30+0330", "2025-11-04T10:30:00+03:30", "iso"),
    ("2025-11-04T10:30:00-05:00", "2025-11-04T10:30:00-05:00", "iso"),
    ("2025-11-04 10:30:00", "2025-11-04T10:30:00+03:30", "iso"),
    ("2025-11-04T10:30:00", "2025-11-04T10:30:00+03:30", "iso"),
    # lunar hijri (Umm al-Qura)
    ("شنبه ۵ ربیع‌الثانی ۱۴۴۷", "2025-09-27", "hijri"),
    ("۵ ربیع الثانی ۱۴۴۷", "2025-09-27", "hijri"),
    ("۵ ربیع‌الاخر ۱۴۴۷", "2025-09-27", "hijri"),
    ("۵ ربیع الآخر ۱۴۴۷", "2025-09-27", "hijri"),
    ("۵ ربيع الثاني ۱۴۴۷", "2025-09-27", "hijri"),
    ("۱۲ ربیع‌الاول ۱۴۴۷", "2025-09-04", "hijri"),
    ("۱۲ ربیع الاول ۱۴۴۷", "2025-09-04", "hijri"),
    ("۱۰ محرم ۱۴۴۷", "2025-07-05", "hijri"),
    ("۲۰ صفر ۱۴۴۷", "2025-08-14", "hijri"),
    ("۱۴ جمادی‌الاول ۱۴۴۷", "2025-11-05", "hijri"),
    ("۱۴ جمادی الاولی ۱۴۴۷", "2025-11-05", "hijri"),
    ("۱۳ رجب ۱۴۴۷", "2026-01-02", "hijri"),
    ("۱۵ شعبان ۱۴۴۷", "2026-02-03", "hijri"),
    ("۱ رمضان ۱۴۴۶", "2025-03-01", "hijri"),
    ("۱ شوال ۱۴۴۶", "2025-03-30", "hijri"),
    ("۱ ذی‌القعده ۱۴۴۶", "2025-04-29", "hijri"),
    ("۱ ذیقعده ۱۴۴۶", "2025-04-29", "hijri"),
    ("۱۰ ذی‌الحجه ۱۴۴۶", "2025-06-06", "hijri"),
    ("۱۰ ذی الحجه ۱۴۴۶", "2025-06-06", "hijri"),
    ("۱۰ ذوالحجه ۱۴۴۶", "2025-06-06", "hijri"),
    ("۱۴۴۷/۰۴/۰۵ ه.ق", "2025-09-27", "hijri"),
    ("۵ ربیع‌الثانی ۱۴۴۷ ه.ق", "2025-09-27", "hijri"),
    # a lunar date whose weekday is one day later (Iran's calendar) moves to that weekday
    ("یکشنبه ۱۰ محرم ۱۴۴۷", "2025-07-06", "hijri"),
    # times: Tehran time, +04:30 in summers before 2023, +03:30 since
    ("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ – ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ | ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۴۰۴/۰۸/۱۳ ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۴۰۴/۰۸/۱۳ - ۱۰:۳۰:۴۵", "2025-11-04T10:30:45+03:30", "jalali"),
    ("۱۰:۳۰ - ۱۴۰۴/۰۸/۱۳", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۴:۲۳ ۱۳ آبان ۱۴۰۴", "2025-11-04T14:23:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰:۳۰ ق.ظ", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۰۲:۱۵ ب.ظ", "2025-11-04T14:15:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۲:۱۰ ق.ظ", "2025-11-04T00:10:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۲:۱۰ ب.ظ", "2025-11-04T12:10:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۸:۰۵ شب", "2025-11-04T20:05:00+03:30", "jalali"),
    ("۱ تیر ۱۳۹۹ ۱۲:۰۰", "2020-06-21T12:00:00+04:30", "jalali"),
    ("۱ تیر ۱۴۰۳ ۱۲:۰۰", "2024-06-21T12:00:00+03:30", "jalali"),
    ("۱ تیر ۱۴۰۱ ۱۲:۰۰", "2022-06-22T12:00:00+04:30", "jalali"),
    ("4 نوامبر 2025 ساعت 10:30 به وقت گرینویچ", "2025-11-04T10:30:00+00:00", "gregorian"),
    ("4 November 2025 10:30 GMT", "2025-11-04T10:30:00+00:00", "gregorian"),
    ("Tuesday 4 November 2025, 10:30", "2025-11-04T10:30:00+03:30", "gregorian"),
    ("۱۳ عقرب ۱۴۰۴ ساعت ۱۰:۳۰ به وقت کابل", "2025-11-04T10:30:00+04:30", "jalali"),
    # labels around one expression are ignored
    ("تاریخ انتشار: ۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("انتشار: ۱۴۰۴/۰۸/۱۳", "2025-11-04", "jalali"),
    ("(۱۳ آبان ۱۴۰۴)", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ (۴ نوامبر ۲۰۲۵)", "2025-11-04", "jalali"),
    # no year: the nearest day on or before the reference
    ("۲۷ اکتبر", "2025-10-27", "gregorian"),
    ("۲۰ نوامبر", "2024-11-20", "gregorian"),
    ("۵ نوامبر", "2025-11-05", "gregorian"),
    ("۱۳ آبان", "2025-11-04", "jalali"),
    ("۱۴ آبان", "2025-11-05", "jalali"),
    ("۱۵ آبان", "2024-11-05", "jalali"),
    ("۱۵ آذر", "2024-12-05", "jalali"),
    ("سه‌شنبه ۱۳ آبان", "2025-11-04", "jalali"),
    ("بیست و هفتم مهر", "2025-10-19", "jalali"),
    ("۲۷ اکتبر ساعت ۹:۰۰", "2025-10-27T09:00:00+03:30", "gregorian"),
    ("۱۴ جمادی‌الاول", "2025-11-05", "hijri"),
    ("۵ ربیع‌الثانی", "2025-09-27", "hijri"),
    ("۲۹ فوریه", "2024-02-29", "gregorian"),
    ("۱۳ عقرب", "2025-11-04", "jalali"),
    # relative phrases, against the reference (Wednesday 5 November 2025, 12:00 Tehran)
    ("امروز", "2025-11-05", "relative"),
    ("دیروز", "2025-11-04", "relative"),
    ("پریروز", "2025-11-03", "relative"),
    ("روز گذشته", "2025-11-04", "relative"),
    ("دیشب", "2025-11-04", "relative"),
    ("فردا", "2025-11-06", "relative"),
    ("پس‌فردا", "2025-11-07", "relative"),
    ("امروز ساعت ۹:۱۵", "2025-11-05T09:15:00+03:30", "relative"),
    ("دیروز ۱۸:۰۰", "2025-11-04T18:00:00+03:30", "relative"),
    ("۲ ساعت پیش", "2025-11-05T10:00:00+03:30", "relative"),
    ("2 ساعت پیش", "2025-11-05T10:00:00+03:30", "relative"),
    ("دو ساعت پیش", "2025-11-05T10:00:00+03:30", "relative"),
    ("۱۰ دقیقه پیش", "2025-11-05T11:50:00+03:30", "relative"),
    ("۴۵ دقیقه قبل", "2025-11-05T11:15:00+03:30", "relative"),
    ("نیم ساعت پیش", "2025-11-05T11:30:00+03:30", "relative"),
    ("یک ساعت و نیم پیش", "2025-11-05T10:30:00+03:30", "relative"),
    ("۱۴ ساعت پیش", "2025-11-04T22:00:00+03:30", "relative"),
    ("۳ روز پیش", "2025-11-02", "relative"),
    ("سه روز قبل", "2025-11-02", "relative"),
    ("یک هفته پیش", "2025-10-29", "relative"),
    ("۲ هفته پیش", "2025-10-22", "relative"),
    ("۲ ماه پیش", "2025-09-05", "relative"),
    ("یک سال پیش", "2024-11-04", "relative"),
    ("بیست و پنج دقیقه پیش", "2025-11-05T11:35:00+03:30", "relative"),
    ("لحظاتی پیش", "2025-11-05T12:00:00+03:30", "relative"),
    ("دقایقی قبل", "2025-11-05T12:00:00+03:30", "relative"),
    ("۲ ساعت و ۱۵ دقیقه پیش", "2025-11-05T09:45:00+03:30", "relative"),
    ("۱ روز و ۳ ساعت پیش", "2025-11-04T09:00:00+03:30", "relative"),
    ("۲۴ ساعت پیش", "2025-11-04T12:00:00+03:30", "relative"),
    ("یک سال و ۲ ماه پیش", "2024-09-04", "relative"),
    ("2 hours ago", "2025-11-05T10:00:00+03:30", "relative"),
    ("3 days ago", "2025-11-02", "relative"),
    ("yesterday", "2025-11-04", "relative"),
    # weekdays in every spelling, checked against the date
    (f"یک{Z}شنبه ۱۱ آبان ۱۴۰۴", "2025-11-02", "jalali"),
    ("یکشنبه ۱۱ آبان ۱۴۰۴", "2025-11-02", "jalali"),
    ("يكشنبه ۱۱ آبان ۱۴۰۴", "2025-11-02", "jalali"),
    ("دوشنبه ۱۲ آبان ۱۴۰۴", "2025-11-03", "jalali"),
    ("چهارشنبه ۱۴ آبان ۱۴۰۴", "2025-11-05", "jalali"),
    (f"پنج{Z}شنبه ۱ آبان ۱۴۰۴", "2025-10-23", "jalali"),
    ("پنجشنبه ۱ آبان ۱۴۰۴", "2025-10-23", "jalali"),
    ("جمعه ۱۶ آبان ۱۴۰۴", "2025-11-07", "jalali"),
    ("شنبه ۱۷ آبان ۱۴۰۴", "2025-11-08", "jalali"),
    ("۱۰ اردیبهشت‌ماه ۱۴۰۴", "2025-04-30", "jalali"),
    ("۲۸ اكتبر ۲۰۲۵", "2025-10-28", "gregorian"),
    ("۱۳ آبـــان ۱۴۰۴", "2025-11-04", "jalali"),
    ("۱۳ آبان سال ۱۴۰۴", "2025-11-04", "jalali"),
    ("۲۸ اکتبر سال ۲۰۲۵", "2025-10-28", "gregorian"),
    # month first (English; other scripts with a year), feeds' RFC 822 dates
    ("نوامبر ۴، ۲۰۲۵", "2025-11-04", "gregorian"),
    ("ربيع الاخر ۵، ۱۴۴۷", "2025-09-27", "hijri"),
    ("Tue, 04 Nov 2025 10:30:00 +0330", "2025-11-04T10:30:00+03:30", "gregorian"),
    ("Tue, 04 Nov 2025 07:00:00 GMT", "2025-11-04T07:00:00+00:00", "gregorian"),
    # hours without a colon, after the word ساعت
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۸", "2025-11-04T18:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰ و ۳۰ دقیقه", "2025-11-04T10:30:00+03:30", "jalali"),
    ("ساعت ۱۰:۳۰ روز سه‌شنبه ۱۳ آبان ۱۴۰۴", "2025-11-04T10:30:00+03:30", "jalali"),
    ("ساعت ۱۰ صبح", "2025-11-05T10:00:00+03:30", "relative"),
    ("ساعت ۲ بعد از ظهر", "2025-11-05T14:00:00+03:30", "relative"),
    ("ساعت ۱۲ شب", "2025-11-05T00:00:00+03:30", "relative"),
    # two-digit Jalali years, spaces around separators, «در ساعت», transliterated months
    ("۹۹/۰۴/۰۲ - ۱۲:۰۹", "2020-06-22T12:09:00+04:30", "jalali"),
    ("۰۴/۰۸/۱۳", "2025-11-04", "jalali"),
    ("۱۴۰۴ / ۰۸ / ۱۳", "2025-11-04", "jalali"),
    ("۱۳ / ۰۸ / ۱۴۰۴", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ در ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("امروز، سه‌شنبه ۱۳ آبان ۱۴۰۴", "2025-11-04", "jalali"),
    ("Aban 13, 1404", "2025-11-04", "jalali"),
    ("13 Aban 1404", "2025-11-04", "jalali"),
    ("5 Rabi al-Thani 1447", "2025-09-27", "hijri"),
    ("Ramadan 1, 1446", "2025-03-01", "hijri"),
    ("۱۳آبان۱۴۰۴", "2025-11-04", "jalali"),
    ("۱۳-آبان-۱۴۰۴", "2025-11-04", "jalali"),
    ("۱۳/آبان/۱۴۰۴", "2025-11-04", "jalali"),
    ("۳۰ اسفند", "2025-03-20", "jalali"),
    ("۱ فروردین", "2025-03-21", "jalali"),
    ("11/30/2025", "2025-11-30", "gregorian"),
    ("10:30 AM", "2025-11-05T10:30:00+03:30", "relative"),
    # a time alone is on the reference day
    ("ساعت ۱۴:۴۵", "2025-11-05T14:45:00+03:30", "relative"),
    ("۱۰:۳۰ ق.ظ", "2025-11-05T10:30:00+03:30", "relative"),
    ("۱۰:۳۰ ب.ظ", "2025-11-05T22:30:00+03:30", "relative"),
    ("۱۰:۳۰ بعد از ظهر", "2025-11-05T22:30:00+03:30", "relative"),
    ("۰۷:۴۵ صبح", "2025-11-05T07:45:00+03:30", "relative"),
]


@pytest.mark.parametrize(("text", "expected", "calendar"), PARSE_CASES)
def test_parse_date(text: str, expected: str, calendar: str) -> None:
    parsed = parse_date(text, REF)
    assert parsed.iso() == expected
    assert parsed.calendar == calendar
    assert parsed.value.tzinfo is not None


# (text, a piece of the one-line message)
ERROR_CASES: list[tuple[str, str]] = [
    ("۳۰ اسفند ۱۴۰۴", "1404 is not a leap year"),
    ("۳۰ اسفند ۱۴۰۲", "1402 is not a leap year"),
    ("۲۹ فوریه 2025", "2025 is not a leap year"),
    ("29 February 2023", "2023 is not a leap year"),
    ("۳۱ نوامبر ۲۰۲۵", "November 2025 has 30 days"),
    ("۱۴۰۴/۱۳/۰۱", "month 13 does not exist"),
    ("2025-13-01", "month 13 does not exist"),
    ("۳۲ آبان ۱۴۰۴", "آبان has 30 days"),
    ("۳۱ مهر ۱۴۰۴", "مهر has 30 days"),
    ("۳۰ صفر ۱۴۴۷", "صفر 1447 has 29 days"),
    ("۱۰ محرم ۱۲۰۰", "outside 1343-1500"),
    ("شنبه ۱۳ آبان ۱۴۰۴", "is a Tuesday, not شنبه"),
    ("جمعه 4 November 2025", "is a Tuesday"),
    ("پنجشنبه ۵ ربیع‌الثانی ۱۴۴۷", "not پنجشنبه"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۲۵:۱۰", "not a time of day"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰:۶۱", "not a time of day"),
    ("© ۱۳۹۹", "no date"),
    ("کلیه حقوق این سایت محفوظ است ۲۰۱۶", "no date"),
    ("۱۴۰۴", "no date"),
    ("آبان ۱۴۰۴", "no day"),
    ("", "empty date"),
    ("خبر فوری", "no date"),
    ("۱۳ آبان ۱۴۰۴ و ۲۰ آذر ۱۴۰۴", "2 different dates"),
]


@pytest.mark.parametrize(("text", "message"), ERROR_CASES)
def test_parse_date_refuses(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, REF)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_zone_is_a_date_error() -> None:
    with pytest.raises(DateError, match="Asia/Tehran"):
        parse_date("۱۳ آبان ۱۴۰۴", REF, default_tz="Mars/Olympus")


def test_other_default_zone() -> None:
    parsed = parse_date("۱۳ عقرب ۱۴۰۴ ساعت ۱۰:۳۰", REF, default_tz="Asia/Kabul")
    assert parsed.iso() == "2025-11-04T10:30:00+04:30"


def test_precision_and_text() -> None:
    assert parse_date("۱۳ آبان ۱۴۰۴", REF).precision == "day"
    assert parse_date("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", REF).precision == "minute"
    assert parse_date("2025-11-04T10:30:15Z", REF).precision == "second"
    assert parse_date("تاریخ: ۱۳ آبان ۱۴۰۴", REF).text == "۱۳ آبان ۱۴۰۴"


def test_naive_reference_is_read_in_default_zone() -> None:
    parsed = parse_date("۲ ساعت پیش", datetime(2025, 11, 5, 12, 0))
    assert parsed.iso() == "2025-11-05T10:00:00+03:30"


def test_relative_without_reference_uses_now() -> None:
    parsed = parse_date("امروز")
    assert parsed.value.date() == datetime.now(UTC).astimezone(TEHRAN).date()


def test_relative_counts_back_across_a_clock_change() -> None:
    # Tehran clocks went back one hour at midnight ending 30 Shahrivar 1400 (22 September 2021).
    ref = datetime(2021, 9, 22, 1, 0, tzinfo=TEHRAN)
    parsed = parse_date("۲ ساعت پیش", ref)
    assert parsed.value.timestamp() == ref.timestamp() - 2 * 3600  # elapsed time, not wall-clock time


# (running text, [(text the date was written as, ISO)])
FIND_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "این نیروگاه روز سه‌شنبه ۱۳ آبان با حضور مقام‌های استانی افتتاح شد.",
        [("سه‌شنبه ۱۳ آبان", "2025-11-04")],
    ),
    ("افتتاح نیروگاه\n4 نوامبر 2025\n\nاین نیروگاه ...", [("4 نوامبر 2025", "2025-11-04")]),
    ("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰ | کد خبر: ۱۲۳۴۵", [("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", "2025-11-04T10:30:00+03:30")]),
    ("© ۱۳۹۹ کلیه حقوق برای خبرنامه نمونه محفوظ است.", []),
    ("کلیه حقوق مادی و معنوی این سایت محفوظ است ۲۰۱۶", []),
    ("تاریخ: 2 تير 1399 — © 2016 نمونه", [("2 تير 1399", "2020-06-22")]),
    ("قیمت‌ها به میزان ۲۰ درصد افزایش یافت و کار تمام می‌شود.", []),
    ("این کار ۵ می‌شود یا نه؟", []),
    (
        "در ۸ مه ۲۰۲۵ و ۸ می ۲۰۲۵ دو نشست برگزار شد",
        [("۸ مه ۲۰۲۵", "2025-05-08"), ("۸ می ۲۰۲۵", "2025-05-08")],
    ),
    ("نشست از ۲۰ مهر تا ۲۷ مهر ۱۴۰۴ ادامه داشت", [("۲۰ مهر", "2025-10-12"), ("۲۷ مهر ۱۴۰۴", "2025-10-19")]),
    ("این خبر ۲ ساعت پیش منتشر شد", [("۲ ساعت پیش", "2025-11-05T10:00:00+03:30")]),
    ("دیروز وزیر گفت", [("دیروز", "2025-11-04")]),
    ("ساعت ۱۰:۳۰ جلسه آغاز شد و ۳ به ۱ پایان یافت", []),
    ("انتشار: ۱۴۰۴/۰۸/۱۳ ۱۴:۲۳ بازدید: ۱۲۰۰", [("۱۴۰۴/۰۸/۱۳ ۱۴:۲۳", "2025-11-04T14:23:00+03:30")]),
    ("در ۳۰ اسفند ۱۴۰۴ و ۲۹ اسفند ۱۴۰۴", [("۲۹ اسفند ۱۴۰۴", "2026-03-20")]),
    (
        "شنبه ۵ ربیع‌الثانی ۱۴۴۷ برابر با ۵ مهر",
        [("شنبه ۵ ربیع‌الثانی ۱۴۴۷", "2025-09-27"), ("۵ مهر", "2025-09-27")],
    ),
    ("کابل، ۱۳ عقرب ۱۴۰۴: نشست برگزار شد", [("۱۳ عقرب ۱۴۰۴", "2025-11-04")]),
    (
        "خبر به تاریخ 2025-11-04T10:30:00+03:30 ثبت شد",
        [("2025-11-04T10:30:00+03:30", "2025-11-04T10:30:00+03:30")],
    ),
    ("شمار بیماران ۱۰ سرطان و ... ", []),
    ("سال ۱۴۰۴ سال مهمی بود", []),
    ("تلفن ۰۲۱-۱۲۳۴۵۶۷۸", []),
    ("نسبت ۹۹/۰۴/۰۲ در جدول", []),
    ("در سه روز گذشته باران بارید", []),
    ("در ۳ روز گذشته باران بارید", []),
    ("روز گذشته باران بارید", [("روز گذشته", "2025-11-04")]),
    ("منتشر شده در ۹۹/۰۴/۰۲ - ۱۲:۰۹", [("۹۹/۰۴/۰۲ - ۱۲:۰۹", "2020-06-22T12:09:00+04:30")]),
    ("in mehr 5 players", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, REF)
    assert [(text[f.start : f.end], f.date.iso()) for f in found] == expected
    assert all(f.date.text == text[f.start : f.end] for f in found)


def test_find_dates_offsets_survive_dropped_characters() -> None:
    text = "خبر: سه‌شنبه ۱۳ آبـــان ۱۴۰۴ منتشر شد"  # kashida inside the month name
    (found,) = find_dates(text, REF)
    assert text[found.start : found.end] == "سه‌شنبه ۱۳ آبـــان ۱۴۰۴"
    assert found.date.iso() == "2025-11-04"


# (datetime, Jalali form, Gregorian form)
FORMAT_CASES: list[tuple[datetime, str, str]] = [
    (datetime(2025, 11, 4), f"سه{Z}شنبه ۱۳ آبان ۱۴۰۴", "Tuesday 4 November 2025"),
    (datetime(2025, 3, 21), "جمعه ۱ فروردین ۱۴۰۴", "Friday 21 March 2025"),
    (datetime(2025, 3, 20), "پنجشنبه ۳۰ اسفند ۱۴۰۳", "Thursday 20 March 2025"),
    (datetime(1979, 2, 11), "یکشنبه ۲۲ بهمن ۱۳۵۷", "Sunday 11 February 1979"),
    (datetime(2025, 11, 8), "شنبه ۱۷ آبان ۱۴۰۴", "Saturday 8 November 2025"),
    (datetime(2025, 11, 3), "دوشنبه ۱۲ آبان ۱۴۰۴", "Monday 3 November 2025"),
    (datetime(2025, 11, 5), "چهارشنبه ۱۴ آبان ۱۴۰۴", "Wednesday 5 November 2025"),
]


@pytest.mark.parametrize(("dt", "jalali", "gregorian"), FORMAT_CASES)
def test_formatters(dt: datetime, jalali: str, gregorian: str) -> None:
    assert format_jalali(dt) == jalali
    assert format_gregorian(dt) == gregorian


def test_formatters_with_time_show_tehran_time() -> None:
    dt = datetime(2025, 11, 4, 7, 0, tzinfo=UTC)
    assert format_jalali(dt, with_time=True) == f"سه{Z}شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰"
    assert format_gregorian(dt, with_time=True) == "Tuesday 4 November 2025, 10:30"


def test_parsed_date_forms() -> None:
    parsed = parse_date("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", REF)
    assert parsed.iso() == "2025-11-04T10:30:00+03:30"
    assert parsed.jalali() == f"سه{Z}شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰"
    assert parsed.gregorian() == "Tuesday 4 November 2025, 10:30"
    day = parse_date("۱۳ آبان ۱۴۰۴", REF)
    assert (day.iso(), day.jalali(), day.gregorian()) == (
        "2025-11-04",
        f"سه{Z}شنبه ۱۳ آبان ۱۴۰۴",
        "Tuesday 4 November 2025",
    )


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (1404, 8, date(2025, 10, 23), date(2025, 11, 21)),
        (1404, 1, date(2025, 3, 21), date(2025, 4, 20)),
        (1403, 12, date(2025, 2, 19), date(2025, 3, 20)),
        (1404, 12, date(2026, 2, 20), date(2026, 3, 20)),
        (1404, 6, date(2025, 8, 23), date(2025, 9, 22)),
    ],
)
def test_jalali_month_range(year: int, month: int, first: date, last: date) -> None:
    assert jalali_month_range(year, month) == (first, last)


def test_jalali_month_range_refuses_month_13() -> None:
    with pytest.raises(DateError, match="month 13"):
        jalali_month_range(1404, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1404/08/01", date(2025, 10, 23)),
        ("۱۴۰۴/۰۸/۰۱", date(2025, 10, 23)),
        ("2025-11-30", date(2025, 11, 30)),
        ("۱ آذر ۱۴۰۴", date(2025, 11, 22)),
        ("30 November 2025", date(2025, 11, 30)),
    ],
)
def test_parse_day_bound(text: str, expected: date) -> None:
    assert parse_day_bound(text) == expected


def test_parse_day_bound_refuses_nonsense() -> None:
    with pytest.raises(DateError):
        parse_day_bound("next blue moon")


# ---------------------------------------------------------------- properties

FIRST_DAY = date(1921, 3, 21)  # 1 Farvardin 1300
LAST_DAY = date(2122, 3, 20)  # 29 Esfand 1500


def test_every_day_1300_to_1500_round_trips_through_jalali() -> None:
    """Every day of 1300-1500 SH, month by month: each Jalali month starts the day after the last
    one ended, and its first and last days convert to Gregorian and back. Inside a month both
    directions step one day at a time, so this covers every day without 73,000 slow conversions."""
    expected_first = FIRST_DAY
    for year in range(1300, 1501):
        for month in range(1, 13):
            first, last = jalali_month_range(year, month)
            assert first == expected_first, (year, month)
            length = (last - first).days + 1
            assert length in (29, 30, 31)
            assert jalali_of(first) == (year, month, 1)
            assert jalali_of(last) == (year, month, length)
            assert jalali_to_date(year, month, length) == last
            expected_first = last + timedelta(days=1)
    assert expected_first - timedelta(days=1) == LAST_DAY


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_gregorian_to_jalali_text_and_back(day: date) -> None:
    written = format_jalali(datetime.combine(day, datetime.min.time()))
    assert parse_date(written, REF).value.date() == day
    year, month, dom = jalali_of(day)
    assert jdatetime.date(year, month, dom).togregorian() == day


ZONES = st.sampled_from([TEHRAN, UTC, timezone(timedelta(hours=4, minutes=30)), ZoneInfo("Asia/Kabul")])


def _unambiguous_in_tehran(moment: datetime) -> bool:
    """A Tehran wall time that occurs exactly once (clock changes before 2023 repeat or skip an hour)."""
    local = moment.astimezone(TEHRAN).replace(tzinfo=None)
    offsets = {local.replace(tzinfo=TEHRAN, fold=fold).utcoffset() for fold in (0, 1)}
    return len(offsets) == 1


@settings(max_examples=300, deadline=None)
@given(
    # from 1946: before it Tehran kept local mean time (+03:25:44), which no printed minute can name
    st.datetimes(min_value=datetime(1946, 1, 1), max_value=datetime(2122, 3, 19)),
    ZONES,
    st.sampled_from(["day", "minute", "second"]),
)
def test_printed_dates_parse_back_to_themselves(naive: datetime, zone: object, precision: str) -> None:
    assert isinstance(zone, timezone | ZoneInfo)
    if precision == "day":
        value = datetime.combine(naive.date(), datetime.min.time(), TEHRAN)
    else:
        value = naive.replace(microsecond=0, tzinfo=zone)
        second = 0 if precision == "minute" else max(1, value.second)
        value = value.replace(second=second)
        assume(_unambiguous_in_tehran(value))
    original = ParsedDate(value, precision, "iso", "")
    for printed in (original.iso(), original.jalali(), original.gregorian()):
        again = parse_date(printed, REF)
        assert again.value.timestamp() == original.value.timestamp(), printed
        assert again.precision == precision, printed


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1964, 5, 1), max_value=date(2077, 11, 1)))
def test_hijri_dates_printed_and_parsed(day: date) -> None:
    from hijridate import Gregorian

    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    months = [
        "محرم",
        "صفر",
        "ربیع‌الاول",
        "ربیع‌الثانی",
        "جمادی‌الاول",
        "جمادی‌الثانی",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذی‌القعده",
        "ذی‌الحجه",
    ]
    written = f"{hijri.day} {months[hijri.month - 1]} {hijri.year}"
    assert parse_date(written, REF).value.date() == day


TOKENS = st.sampled_from(
    [
        "۱۳",
        "0",
        "00",
        "31",
        "32",
        "9999",
        "0000",
        "۱۴۰۴",
        "1447",
        "2025",
        "آبان",
        "اسفند",
        "فوریه",
        "محرم",
        "عقرب",
        "می",
        "سه‌شنبه",
        "شنبه",
        "ساعت",
        "۲۵:۶۱",
        "10:30",
        "ق.ظ",
        "پیش",
        "دیروز",
        "روز",
        "ماه",
        "سال",
        "/",
        "-",
        "T",
        "Z",
        "+99:99",
        "+14:00",
        ":",
        "،",
        "©",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00+14:00",
        "۰۰/۰۰/۰۰",
        "99/99/99",
        "۹۹۹ ساعت پیش",
        "یک سال و ۹۹ ماه پیش",
        # round 2: weekdays alone, words, vague and future phrases, clock words
        "شنبه",
        "سه\u200cشنبه",
        "گذشته",
        "آینده",
        "هفته",
        "دیگر",
        "ساعت",
        "یازده",
        "نود و نه",
        "هزار و چهارصد و چهار",
        "هزار و نهصد",
        "سیزده",
        "بیست و هفت",
        "امسال",
        "ساعاتی پیش",
        "پارسال",
        "۲۴:۰۰",
        "ساعت ۲۴",
        "ظهر",
        "نیمه\u200cشب",
        "و نیم",
        "صبح",
        "UTC+99",
        "سومین روز از",
        "ه.ق",
        "۱۴۰۴/۰۸",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=8).map(" ".join) | st.text(alphabet="۰۱۲۳۴۵۶۷۸۹ آبانمهر/-:©T", max_size=30))
def test_any_text_gives_a_date_or_a_date_error(text: str) -> None:
    with contextlib.suppress(DateError):
        parsed = parse_date(text, REF)
        assert parsed.value.tzinfo is not None
        assert parsed.iso() and parsed.jalali() and parsed.gregorian()
    for found in find_dates(text, REF):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.date.text


DIGIT_SCRIPTS = st.sampled_from(["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"])
SPELLINGS = {
    "jalali": [(n, m) for n, m in {**cal.JALALI_MONTHS, **cal.DARI_MONTHS}.items()],
    "gregorian": list(cal.GREGORIAN_MONTHS.items()),
    "hijri": list(cal.HIJRI_MONTHS.items()),
}
WEEKDAY_SPELLINGS = [(n, d) for n, d in cal.WEEKDAYS.items() if not n.isascii() or len(n) > 3]


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, date, tuple[int, int] | None]:
    """A day written the way some page would: any calendar, any spelling, any digits, maybe a time."""
    day = draw(st.dates(min_value=date(1925, 1, 1), max_value=date(2076, 11, 1)))
    calendar = draw(st.sampled_from(["jalali", "gregorian", "hijri", "numeric"]))
    if calendar == "hijri":
        from hijridate import Gregorian

        h = Gregorian(day.year, day.month, day.day).to_hijri()
        year, month, dom = h.year, h.month, h.day
    elif calendar == "gregorian":
        year, month, dom = day.year, day.month, day.day
    else:
        year, month, dom = jalali_of(day)
    if calendar == "numeric":
        sep = draw(st.sampled_from(["/", "-", "."]))
        width = draw(st.sampled_from([1, 2]))
        text = sep.join([str(year), str(month).zfill(width), str(dom).zfill(width)])
    else:
        name = draw(st.sampled_from([n for n, m in SPELLINGS[calendar] if m == month]))
        suffix = draw(st.sampled_from(["", "ماه", f"{Z}ماه", " ماه"])) if calendar == "jalali" else ""
        text = f"{dom} {name}{suffix} {year}"
    if draw(st.booleans()):
        names = [n for n, d in WEEKDAY_SPELLINGS if d == day.weekday()]
        text = f"{draw(st.sampled_from(names))}{draw(st.sampled_from([' ', '، ', ', ']))}{text}"
    clock = None
    if draw(st.booleans()):
        clock = (draw(st.integers(0, 23)), draw(st.integers(0, 59)))
        joint = draw(st.sampled_from([" - ", "، ساعت ", " ساعت ", " ", " | "]))
        text += f"{joint}{clock[0]:02d}:{clock[1]:02d}"
    script = draw(DIGIT_SCRIPTS)
    return text.translate(str.maketrans("0123456789", script)), day, clock


@settings(max_examples=400, deadline=None)
@given(written_dates())
def test_a_date_written_in_any_supported_form_parses_to_its_day(case: tuple[str, date, tuple[int, int] | None]) -> None:
    text, day, clock = case
    parsed = parse_date(text, REF)
    if parsed.calendar == "hijri":  # a weekday may move a lunar date by one day, see parse_date
        assert abs((parsed.value.date() - day).days) <= 1, text
    else:
        assert parsed.value.date() == day, text
    if clock is None:
        assert parsed.precision == "day", text
    else:
        assert (parsed.value.hour, parsed.value.minute) == clock, text


# ---------------------------------------------------------------- round 2: the forms round 1 refused

W = "relative"
# (text, ISO 8601 expected, calendar expected); REF is Wednesday 14 Aban 1404, 12:00 Tehran.
ROUND2_CASES: list[tuple[str, str, str]] = [
    # a weekday alone: the latest such day on or before the reference; «گذشته» strictly before,
    # «آینده» strictly after
    ("شنبه", "2025-11-01", W),
    ("یکشنبه", "2025-11-02", W),
    (f"یک{Z}شنبه", "2025-11-02", W),
    ("دوشنبه", "2025-11-03", W),
    (f"سه{Z}شنبه", "2025-11-04", W),
    ("سه شنبه", "2025-11-04", W),
    ("چهارشنبه", "2025-11-05", W),
    ("پنجشنبه", "2025-10-30", W),
    (f"پنج{Z}شنبه", "2025-10-30", W),
    ("جمعه", "2025-10-31", W),
    ("روز دوشنبه", "2025-11-03", W),
    (f"سه{Z}شنبه گذشته", "2025-11-04", W),
    ("چهارشنبه گذشته", "2025-10-29", W),
    ("چهارشنبه هفته پیش", "2025-10-29", W),
    ("شنبه هفته گذشته", "2025-10-25", W),  # the week before this one (Saturday 1 November on)
    ("جمعه هفته آینده", "2025-11-14", W),
    ("شنبه آینده", "2025-11-08", W),
    ("چهارشنبه آینده", "2025-11-12", W),
    ("روز شنبه ساعت ۱۰:۳۰", "2025-11-01T10:30:00+03:30", W),
    ("دوشنبه گذشته، ساعت ۱۸:۰۰", "2025-11-03T18:00:00+03:30", W),
    ("بامداد جمعه", "2025-10-31", W),
    ("الخميس", "2025-10-30", W),
    ("Monday", "2025-11-03", W),
    # days and years in cardinal words
    ("سیزده آبان", "2025-11-04", "jalali"),
    ("سیزده آبان ۱۴۰۴", "2025-11-04", "jalali"),
    (f"سیزدهم آبان{Z}ماه", "2025-11-04", "jalali"),
    ("بیست و هفت مهر", "2025-10-19", "jalali"),
    (f"بیست{Z}و{Z}هفت مهر ۱۴۰۴", "2025-10-19", "jalali"),
    ("بیست و هفت مهر هزار و چهارصد و چهار", "2025-10-19", "jalali"),
    ("بیست و هفتم مهر ماه سال هزار و چهارصد و چهار", "2025-10-19", "jalali"),
    ("یک فروردین ۱۴۰۴", "2025-03-21", "jalali"),
    ("سی و یک شهریور ۱۴۰۴", "2025-09-22", "jalali"),
    ("دوم تیر هزار و سیصد و نود و نه", "2020-06-22", "jalali"),
    ("بیست و دو بهمن هزار و سیصد و پنجاه و هفت", "1979-02-11", "jalali"),
    ("چهار نوامبر دو هزار و بیست و پنج", "2025-11-04", "gregorian"),
    ("ده محرم ۱۴۴۷", "2025-07-05", "hijri"),
    ("پنج حمل ۱۴۰۴", "2025-03-25", "jalali"),
    # «-ین روز (از)»: the nth day of a month
    ("نخستین روز آبان", "2025-10-23", "jalali"),
    ("سومین روز از مهر ۱۴۰۴", "2025-09-25", "jalali"),
    ("بیست و یکمین روز مهر", "2025-10-13", "jalali"),
    ("اولین روز ماه مبارک رمضان ۱۴۴۶", "2025-03-01", "hijri"),
    # the year named from the reference
    ("۲۰ آذر امسال", "2025-12-11", "jalali"),
    ("۱۳ آبان سال جاری", "2025-11-04", "jalali"),
    (f"۱۳ آبان{Z}ماه سال گذشته", "2024-11-03", "jalali"),
    ("۱ فروردین سال آینده", "2026-03-21", "jalali"),
    # vague and future relative phrases
    ("ساعاتی پیش", "2025-11-05", W),
    ("چند ساعت پیش", "2025-11-05", W),
    ("دقایقی پیش", "2025-11-05T12:00:00+03:30", W),
    ("لحظاتی پیش", "2025-11-05T12:00:00+03:30", W),
    ("همین حالا", "2025-11-05T12:00:00+03:30", W),
    ("چند دقیقه پیش", "2025-11-05T12:00:00+03:30", W),
    ("ربع ساعت پیش", "2025-11-05T11:45:00+03:30", W),
    ("یک ربع پیش", "2025-11-05T11:45:00+03:30", W),
    ("یک ساعت و نیم پیش", "2025-11-05T10:30:00+03:30", W),
    ("هفته گذشته", "2025-10-29", W),
    ("هفته آینده", "2025-11-12", W),
    ("ماه گذشته", "2025-10-06", W),
    ("ماه آینده", "2025-12-05", W),
    ("سال گذشته", "2024-11-04", W),
    ("پارسال", "2024-11-04", W),
    ("دیشب", "2025-11-04", W),
    ("امشب", "2025-11-05", W),
    ("فردا", "2025-11-06", W),
    (f"پس{Z}فردا", "2025-11-07", W),
    ("پس فردا", "2025-11-07", W),
    ("۳ روز قبل", "2025-11-02", W),
    ("۳ روز دیگر", "2025-11-08", W),
    ("سه روز دیگر", "2025-11-08", W),
    ("دو هفته بعد", "2025-11-19", W),
    ("۲ ماه دیگر", "2026-01-04", W),
    ("۲ ساعت دیگر", "2025-11-05T14:00:00+03:30", W),
    ("بیست و دو روز پیش", "2025-10-14", W),
    ("دو هفته گذشته", "2025-10-22", W),  # not «هفته گذشته»: «دو هفته» is two weeks
    # a calendar named after the year
    ("۱۴۴۷/۰۴/۰۵ ه.ق", "2025-09-27", "hijri"),
    ("۵ ربیع‌الثانی ۱۴۴۷ ق", "2025-09-27", "hijri"),
    ("۵ ربیع‌الثانی ۱۴۴۷ هجری قمری", "2025-09-27", "hijri"),
    ("۵ ربیع‌الثانی ۱۴۴۷ هـ.ق", "2025-09-27", "hijri"),
    ("۱۴۴۷/۴/۵ قمری", "2025-09-27", "hijri"),
    ("۱۴۰۴/۰۸/۱۳ ه.ش", "2025-11-04", "jalali"),
    ("۱۴۰۴/۰۸/۱۳ هجری شمسی", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ خورشیدی", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ هـ.ش", "2025-11-04", "jalali"),
    ("۴ نوامبر ۲۰۲۵ م", "2025-11-04", "gregorian"),
    ("۴ نوامبر ۲۰۲۵ میلادی", "2025-11-04", "gregorian"),
    ("۲۰۲۵/۱۱/۰۴ م", "2025-11-04", "gregorian"),
    # times: an hour after ساعت or before a part of the day; ظهر is noon, نیمه‌شب the midnight
    # that starts the day; صبح or بامداد alone name no hour
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰ و ۳۰ دقیقه", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰ و نیم", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰ و ربع", "2025-11-04T10:15:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ۱۰:۳۰:۱۵", "2025-11-04T10:30:15+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۸ صبح", "2025-11-04T08:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ۸ شب", "2025-11-04T20:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۵ عصر", "2025-11-04T17:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۳ بامداد", "2025-11-04T03:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ظهر", "2025-11-04T12:00:00+03:30", "jalali"),
    (f"۱۳ آبان ۱۴۰۴ نیمه{Z}شب", "2025-11-04T00:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ بامداد", "2025-11-04", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۲۴:۰۰", "2025-11-05T00:00:00+03:30", "jalali"),
    ("ساعت ۸ صبح ۱۳ آبان ۱۴۰۴", "2025-11-04T08:00:00+03:30", "jalali"),
    (f"۱۰:۳۰ صبح سه{Z}شنبه ۱۳ آبان ۱۴۰۴", "2025-11-04T10:30:00+03:30", "jalali"),
    ("ساعت ۲۱ روز ۱۳ آبان", "2025-11-04T21:00:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ۱۰:۳۰ UTC+3:30", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۸ شب", "2025-11-05T20:00:00+03:30", W),
    ("ساعت ۱۰ و نیم", "2025-11-05T10:30:00+03:30", W),
    ("امروز ظهر", "2025-11-05T12:00:00+03:30", W),
    ("ساعت یازده", "2025-11-05T11:00:00+03:30", W),
    ("ساعت ده و نیم صبح", "2025-11-05T10:30:00+03:30", W),
    ("۱۳ آبان ۱۴۰۴ ساعت ده صبح", "2025-11-04T10:00:00+03:30", "jalali"),
    ("۱۰:۳۰ امروز", "2025-11-05T10:30:00+03:30", W),
    ("ساعت ۱۰ و ۳۰ دقیقه صبح امروز", "2025-11-05T10:30:00+03:30", W),
    (f"سه{Z}شنبه، ساعت ۱۴", "2025-11-04T14:00:00+03:30", W),
    # a time without a zone is Tehran time, whatever the month names (DESIGN.md); a page
    # says otherwise with «به وقت کابل» or its metadata
    ("۱۳ عقرب ۱۴۰۴ ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۵ حمل ۱۴۰۴ - ۰۸:۰۰", "2025-03-25T08:00:00+03:30", "jalali"),
    ("۱۳ عقرب ۱۴۰۴ ساعت ۱۰:۳۰ به وقت تهران", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ آبان ۱۴۰۴ ساعت ۱۰:۳۰", "2025-11-04T10:30:00+03:30", "jalali"),
    ("۱۳ عقرب ۱۴۰۴", "2025-11-04", "jalali"),
]


@pytest.mark.parametrize(("text", "expected", "calendar"), ROUND2_CASES)
def test_parse_date_round2(text: str, expected: str, calendar: str) -> None:
    parsed = parse_date(text, REF)
    assert (parsed.iso(), parsed.calendar) == (expected, calendar)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("نوامبر 2025", "no day"),
        ("November 2025", "no day"),
        ("۱۴۰۴/۰۸", "no day"),
        (f"سه شنبه{Z}ها", "no date"),
        ("چند روز پیش", "no date"),  # too vague to name a day
        ("جمعه ۱۰ آبان ۱۴۰۴", "is a Saturday, not جمعه"),
        ("۱۳ آبان ۱۴۰۴ ساعت ۲۴:۳۰", "not a time of day"),
    ],
)
def test_parse_date_round2_refuses(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text, REF)


def test_dari_dates_keep_a_chosen_default_zone() -> None:
    parsed = parse_date("۱۳ عقرب ۱۴۰۴ ساعت ۱۰:۳۰", REF, default_tz="UTC")
    assert parsed.iso() == "2025-11-04T10:30:00+00:00"


ROUND2_FIND_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (f"سه شنبه{Z}ها جلسه داریم", []),
    ("سه شنبه ها جلسه داریم", []),
    (f"واکسیناسیون از شنبه آغاز می{Z}شود", []),
    ("سه تیر شلیک شد", []),
    ("سیزده آبان روز دانش‌آموز است", []),
    ("او ۳ روز دیگر در بیمارستان ماند", []),
    ("پیامک هشدار ۴۰ دقیقه پیش از طغیان می‌رسد", []),
    ("دو روز قبل از انتخابات", []),
    (f"در هفته گذشته قیمت{Z}ها بالا رفت", []),
    ("همین حالا باید تصمیم گرفت", []),
    ("در دومین روز از سفر خود", []),
    ("دیروز یک شب بارانی بود", [("دیروز", "2025-11-04")]),  # «یک شب» is one night, not 01:00
    ("ساعت ۸ شب دیروز جلسه بود", [("ساعت ۸ شب دیروز", "2025-11-04T20:00:00+03:30")]),
    ("مدارک تا ساعت ۲۴ امشب پذیرفته می‌شود", [("ساعت ۲۴ امشب", "2025-11-06T00:00:00+03:30")]),
    ("اولین روز مهر ۱۴۰۴ مدارس باز شد", [("اولین روز مهر ۱۴۰۴", "2025-09-23")]),
    ("نشست بیست و هفت مهر هزار و چهارصد و چهار برگزار شد", [
        ("بیست و هفت مهر هزار و چهارصد و چهار", "2025-10-19"),
    ]),
    ("جشنواره ۲۰ آذر امسال آغاز می‌شود", [("۲۰ آذر امسال", "2025-12-11")]),
    ("کابل، ۱۰ میزان ۱۴۰۴ ساعت ۹ صبح", [("۱۰ میزان ۱۴۰۴ ساعت ۹ صبح", "2025-10-02T09:00:00+03:30")]),
    ("۱۳ آبان ۱۴۰۴ ۸ نفر زخمی شدند", [("۱۳ آبان ۱۴۰۴", "2025-11-04")]),
    ("۱۳ آبان ۱۴۰۴ ۸ شب", [("۱۳ آبان ۱۴۰۴ ۸ شب", "2025-11-04T20:00:00+03:30")]),
]


@pytest.mark.parametrize(("text", "expected"), ROUND2_FIND_CASES)
def test_find_dates_round2(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, REF)
    assert [(text[f.start : f.end], f.date.iso()) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("آبان ۱۴۰۴", date(2025, 10, 23), date(2025, 11, 21)),
        (f"آبان{Z}ماه ۱۴۰۴", date(2025, 10, 23), date(2025, 11, 21)),
        ("عقرب ۱۴۰۴", date(2025, 10, 23), date(2025, 11, 21)),
        ("۱۴۰۴/۰۸", date(2025, 10, 23), date(2025, 11, 21)),
        ("1404-08", date(2025, 10, 23), date(2025, 11, 21)),
        ("اسفند ۱۴۰۳", date(2025, 2, 19), date(2025, 3, 20)),
        ("اسفند ۱۴۰۴", date(2026, 2, 20), date(2026, 3, 20)),
        ("نوامبر 2025", date(2025, 11, 1), date(2025, 11, 30)),
        ("November 2025", date(2025, 11, 1), date(2025, 11, 30)),
        ("فوریه ۲۰۲۴", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-11", date(2025, 11, 1), date(2025, 11, 30)),
        ("ربیع‌الثانی ۱۴۴۷", date(2025, 9, 23), date(2025, 10, 22)),
        ("۱۴۰۴", date(2025, 3, 21), date(2026, 3, 20)),
        ("سال ۱۴۰۴", date(2025, 3, 21), date(2026, 3, 20)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("۱۴۰۴/۰۸/۱۳", date(2025, 11, 4), date(2025, 11, 4)),
    ],
)
def test_parse_day_bound_of_a_month_or_year(text: str, since: date, until: date) -> None:
    assert parse_day_bound(text) == since
    assert parse_day_bound(text, end=False) == since
    assert parse_day_bound(text, end=True) == until


def test_parse_day_bound_refuses_month_14() -> None:
    with pytest.raises(DateError, match="month 14"):
        parse_day_bound("۱۴۰۴/۱۴", end=True)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)),
    st.sampled_from(sorted(cal.WEEKDAYS.items())),
    st.sampled_from(["", " گذشته", " آینده"]),
)
def test_a_weekday_alone_is_the_nearest_such_day(naive: datetime, weekday: tuple[str, int], word: str) -> None:
    ref = naive.replace(tzinfo=TEHRAN)
    name, number = weekday
    day = parse_date(name + word, ref).value.date()
    gap = (ref.date() - day).days
    assert day.weekday() == number
    if word == " آینده":
        assert -7 <= gap <= -1
    elif word == " گذشته":
        assert 1 <= gap <= 7
    else:
        assert 0 <= gap <= 6


_UNITS = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]


def _in_words(number: int) -> str:
    """Persian cardinal words for 1-2999, as a test's own independent writer."""
    parts = []
    thousands, rest = divmod(number, 1000)
    if thousands:
        parts.append("هزار" if thousands == 1 else f"{_UNITS[thousands]} هزار")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        parts += [word for word in (_TENS[tens], _UNITS[units]) if word]
    return " و ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY), st.booleans())
def test_a_jalali_date_in_words_parses_to_its_day(day: date, year_in_words: bool) -> None:
    year, month, dom = jalali_of(day)
    written_year = _in_words(year) if year_in_words else str(year)
    text = f"{_in_words(dom)} {cal.JALALI_MONTH_NAMES[month - 1]} {written_year}"
    assert parse_date(text, REF).value.date() == day


@settings(max_examples=200, deadline=None)
@given(st.integers(1300, 1500), st.integers(1, 12))
def test_a_jalali_month_bound_covers_the_month(year: int, month: int) -> None:
    text = f"{cal.JALALI_MONTH_NAMES[month - 1]} {year}"
    first, last = parse_day_bound(text), parse_day_bound(text, end=True)
    assert jalali_of(first) == (year, month, 1)
    assert jalali_of(last)[:2] == (year, month)
    assert jalali_of(last + timedelta(days=1))[2] == 1
    assert (first, last) == jalali_month_range(year, month)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 400), st.sampled_from(["روز", "هفته", "ساعت", "دقیقه"]))
def test_later_and_ago_are_symmetric_about_the_reference(amount: int, unit: str) -> None:
    later = parse_date(f"{amount} {unit} دیگر", REF).value
    ago = parse_date(f"{amount} {unit} پیش", REF).value
    assert later - REF.replace(hour=0 if unit in ("روز", "هفته") else 12) == (
        REF.replace(hour=0 if unit in ("روز", "هفته") else 12) - ago
    )
