"""Persian dates: parse any calendar a Persian page uses, print Jalali and Gregorian.

Pages write «28 اکتبر 2025», «۲۷ اکتبر», «سه‌شنبه ۱۳ آبان‌ماه ۱۴۰۴ - ۱۰:۳۰»,
«۱۴۰۴/۰۸/۱۳», «۱۳ عقرب ۱۴۰۴» (Dari), «شنبه ۵ ربیع‌الثانی ۱۴۴۷», «۲ ساعت پیش»,
«دیروز» in Persian, Arabic-Indic or Latin digits. :func:`parse_date` reads
one such expression, :func:`find_dates` every date inside running text.

What is whose:

- calendar arithmetic is the libraries': jdatetime (Jalali; Dari solar
  months are the Jalali months under zodiac names), hijridate (lunar hijri by
  the Umm al-Qura tables, years 1343-1500; Iran's official lunar calendar is
  fixed by moon sighting and can differ from them by a day, so a lunar date
  whose written weekday is one day off is moved to that weekday), zoneinfo;
- the Persian parsing is hand-written (no library reads Jalali or lunar month
  names, ordinal words or Persian relative phrases): word tables in
  :mod:`khabar.data.calendars`, patterns in ``_grammar``, resolution in
  ``_resolve``.

Readings where a page could mean two things:

- a time without a zone is read in ``default_tz`` (Asia/Tehran: +03:30, and
  +04:30 in the summers before 2023); «به وقت کابل», GMT, Z, UTC+3:30 or
  +04:30 after the time override it; a Dari month name (۱۳ عقرب) does not
  change the zone by itself (DESIGN.md: Tehran unless the source says
  otherwise — an Afghan outlet passes ``default_tz="Asia/Kabul"``);
- a numeric date with a year below 1700 is Jalali (۱۴۰۴/۰۸/۱۳) unless a
  suffix names another calendar (۱۴۴۷/۰۴/۰۵ ه.ق); day-first when the year is
  last (۱۳/۰۸/۱۴۰۴, 04/11/2025), month-first only when the day-first reading
  has no month (11/30/2025); a two-digit year (۹۹/۰۴/۰۲) is the Jalali year
  of that number not after next year;
- a date without a year is the nearest such day on or before the reference;
  «امسال»/«سال جاری» after it is the reference's year (even ahead of it),
  «سال گذشته» the year before;
- a weekday alone («شنبه»، «روز دوشنبه») is the latest such day on or
  before the reference; «سه‌شنبه گذشته» the latest strictly before it,
  «شنبه آینده» the first after it, «شنبه هفته گذشته» that day of the
  previous Saturday-to-Friday week; parse_date only (in running text «از
  شنبه آغاز می‌شود» points ahead);
- days and years in words: «سیزده آبان»، «بیست و هفت مهر هزار و چهارصد و
  چهار»، «سومین روز از مهر»; in running text a cardinal day needs a year
  («سه تیر» is also "three arrows");
- relative phrases: «۲ ساعت پیش» is a minute, «۳ روز پیش/دیگر» a day,
  months count in the Jalali calendar; «دقایقی پیش»، «همین حالا» are the
  reference minute, «ربع ساعت پیش» 15 minutes back, «ساعاتی پیش» the
  reference day (the hour is unknown), «هفته گذشته» 7 days back, «ماه
  گذشته» one Jalali month back, «پارسال» 12 back (all day precision);
  «چند روز پیش» is refused as too vague. Future phrases («۳ روز دیگر»،
  «هفته آینده») and the vague ones are parse_date only; «۴۰ دقیقه پیش از
  طغیان» counts from an event and is no date;
- clock words: «ساعت ۸ صبح»، «۸ شب» (20:00), «ساعت ۱۰ و نیم»، «ساعت یازده»
  (an hour in words needs ساعت: «یک شب» is one night), «ساعت ۲۴» (the next
  midnight), before or after a date, a weekday or a relative word; «ظهر» alone is 12:00 and «نیمه‌شب» the 00:00 that
  starts the day; «صبح»، «بامداد»، «عصر»، «شب» alone name no hour, so the
  date keeps day precision;
- a month or year with no day («آبان ۱۴۰۴»، «۱۴۰۴/۰۸»، «2025») is no date
  for parse_date, but :func:`parse_day_bound` reads it as its first day, or
  its last with ``end=True``;
- a weekday that contradicts the date is an error, except a lunar date one
  day off (see above);
- values are truncated to their precision: a day is midnight in the zone, a
  minute has zero seconds, and a time whose seconds are ``:00`` has minute
  precision;
- a bare year (a copyright line «© ۱۳۹۹») is never a date, and in running
  text a month name that is also a word (مه، می، میزان، اسد …) needs a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from khabar.data.calendars import YEAR_SUFFIXES
from khabar.dates import _grammar as g
from khabar.dates._format import format_gregorian, format_jalali, jalali_of
from khabar.dates._resolve import (
    RESOLVERS,
    Context,
    Resolved,
    jalali_to_date,
    make_context,
    month_range,
    resolve_time_only,
)
from khabar.dates._text import Folded, fold, fold_key
from khabar.errors import DateError

__all__ = [
    "FoundDate",
    "ParsedDate",
    "find_dates",
    "format_gregorian",
    "format_jalali",
    "jalali_month_range",
    "jalali_of",
    "parse_date",
    "parse_day_bound",
]


@dataclass(frozen=True)
class ParsedDate:
    """One date: an aware ``value``, its ``precision``, the ``calendar`` it was written in."""

    value: datetime
    precision: str  # "day", "minute" or "second"
    calendar: str  # "gregorian", "jalali", "hijri", "iso" or "relative"
    text: str  # as written

    def iso(self) -> str:
        """``2025-11-04`` for a day, ``2025-11-04T10:30:00+03:30`` for a minute or second."""
        if self.precision == "day":
            return self.value.date().isoformat()
        return self.value.isoformat(timespec="seconds")

    def jalali(self) -> str:
        """``سه‌شنبه ۱۳ آبان ۱۴۰۴`` or ``سه‌شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰`` (times in Tehran time)."""
        if self.precision == "day":
            return format_jalali(self.value.replace(tzinfo=None))
        return format_jalali(self.value, with_time=True, seconds=self.precision == "second")

    def gregorian(self) -> str:
        """``Tuesday 4 November 2025`` or ``Tuesday 4 November 2025, 10:30`` (times in Tehran time)."""
        if self.precision == "day":
            return format_gregorian(self.value.replace(tzinfo=None))
        return format_gregorian(self.value, with_time=True, seconds=self.precision == "second")


@dataclass(frozen=True)
class FoundDate:
    """A date found in running text: ``text[start:end]`` is what the page wrote."""

    start: int
    end: int
    date: ParsedDate


@dataclass(frozen=True)
class _Candidate:
    form: str
    match: re.Match[str]

    @property
    def span(self) -> tuple[int, int]:
        return self.match.span()


def _candidates(folded: Folded, *, find_mode: bool) -> list[_Candidate]:
    """The longest non-overlapping matches of every date form, in text order."""
    found: list[_Candidate] = []
    for form, pattern in g.date_patterns():
        if find_mode and form in _PARSE_ONLY:
            continue
        for match in pattern.finditer(folded.text):
            if match.end() > match.start() and not _refused(form, match, find_mode=find_mode):
                found.append(_Candidate(form, match))
    found.sort(key=lambda c: (c.span[0] - c.span[1], c.span[0]))
    kept: list[_Candidate] = []
    for cand in found:
        start, end = cand.span
        if all(end <= k.span[0] or start >= k.span[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.span[0])


#: Forms only parse_date reads: in running text a weekday alone («از شنبه آغاز می‌شود») is
#: as often ahead as behind, and «هفته گذشته» or «همین حالا» is a span or an adverb.
_PARSE_ONLY = frozenset({"weekday", "vague"})


def _refused(form: str, match: re.Match[str], *, find_mode: bool) -> bool:
    """«دو هفته گذشته» is not «هفته گذشته»; in running text more forms are too vague."""
    if form == "vague" and _after_number(match):
        return True
    return find_mode and _too_vague(form, match)


def _after_number(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - 12) : match.start()].split()
    return bool(before) and (before[-1].isdigit() or fold_key(before[-1]) in g.cardinals())


def _too_vague(form: str, match: re.Match[str]) -> bool:
    """In running text a month name that is also a common word needs a year after it, a
    two-digit year (۹۹/۰۴/۰۲) a time, a relative word must not follow a number, a day in
    cardinal words («سه تیر» is also "three arrows") needs a year, and «۳ روز دیگر»
    ("three more days") is not a date."""
    if form == "numeric_ymd":
        return len(match.group("year")) == 2 and match.group("hh") is None
    if form == "relative_word":  # «سه روز گذشته» is a span of days, not yesterday
        return _after_number(match)
    if form == "relative_ago":
        return match.group("later") is not None or match.group("past") is not None
    if form not in ("textual", "month_first") or match.group("year"):
        return False
    if form == "textual" and (match.group("yearw") or match.group("yrel")):
        return False
    if form == "textual" and fold_key(match.group("day")) in g.day_cardinals():
        return True
    name = re.sub(r"[\s\u200c]*ماه$", "", match.group("month") or "")
    return fold_key(name) in g.months() and g.months()[fold_key(name)].ambiguous


def _parsed(cand: _Candidate, ctx: Context, text: str, folded: Folded) -> ParsedDate:
    written = text[folded.start(cand.span[0]) : folded.end(cand.span[1])]
    try:
        resolved: Resolved = RESOLVERS[cand.form](cand.match, ctx)
    except (ValueError, OverflowError) as exc:  # a year beyond what datetime or the tables hold
        raise DateError(f"«{written.strip()}» is out of the range khabar can date: {exc}") from exc
    return ParsedDate(resolved.value, resolved.precision, resolved.calendar, written)


def parse_date(
    text: str, reference: datetime | None = None, *, default_tz: str = "Asia/Tehran"
) -> ParsedDate:
    """Parse one date expression in any calendar, digit script or letter form.

    ``reference`` is what relative phrases (``دیروز``، ``۲ ساعت پیش``) and dates
    without a year count from: the page's own date or the fetch time. Without
    one, the current time (UTC, seen in ``default_tz``) is used. A naive
    reference is read in ``default_tz``. Words around the expression (labels
    such as «تاریخ انتشار:») are ignored. Raises :class:`DateError` when no
    date is there, when several different dates are, or when the date does
    not exist (``۳۰ اسفند ۱۴۰۴``، ``۲۹ فوریه 2025``، month 13) or contradicts
    its weekday.
    """
    ctx = make_context(reference, default_tz)
    folded = fold(text)
    cands = _candidates(folded, find_mode=False)
    if not cands:
        return _time_or_fail(text, folded, ctx)
    parsed = [_parsed(c, ctx, text, folded) for c in cands]
    absolute = [p for p in parsed if p.calendar != "relative"]
    parsed = absolute or parsed  # «امروز، ۱۳ آبان ۱۴۰۴»: the written date wins
    if len({(p.value, p.precision) for p in parsed}) > 1:
        shown = "، ".join(p.text for p in parsed)
        raise DateError(f"«{text.strip()}» holds {len(parsed)} different dates ({shown}): give one")
    return parsed[0]


def _time_or_fail(text: str, folded: Folded, ctx: Context) -> ParsedDate:
    match = g.time_only().search(folded.text)
    if match:
        resolved = resolve_time_only(match, ctx)
        written = text[folded.start(match.start()) : folded.end(match.end())]
        return ParsedDate(resolved.value, resolved.precision, resolved.calendar, written)
    shown = text.strip()
    if not shown:
        raise DateError("empty date: write e.g. ۱۳ آبان ۱۴۰۴, 2025-11-04 or ۲ ساعت پیش")
    month = g.month_only().search(folded.text)
    if re.search(g.month_names_pattern(), folded.text) or (month and not month.group("yo")):
        raise DateError(f"«{shown}» names a month but no day: write the day too, e.g. ۱۳ آبان ۱۴۰۴")
    raise DateError(f"no date in «{shown}»: write e.g. ۱۳ آبان ۱۴۰۴, 2025-11-04 or ۲ ساعت پیش")


def find_dates(
    text: str, reference: datetime | None = None, *, default_tz: str = "Asia/Tehran"
) -> list[FoundDate]:
    """Every date inside running text, in order, with ``start``/``end`` offsets into ``text``.

    Expressions that name no existing day are skipped, and so are bare years
    («© ۱۳۹۹»، «کلیه حقوق … ۲۰۱۶») and month names that are also common words
    (مه، می، میزان …) when no year follows them. Relative phrases (امروز، ۲
    ساعت پیش) are found too, with calendar "relative"; see :func:`parse_date`
    for ``reference``.
    """
    ctx = make_context(reference, default_tz)
    folded = fold(text)
    found: list[FoundDate] = []
    for cand in _candidates(folded, find_mode=True):
        try:
            parsed = _parsed(cand, ctx, text, folded)
        except DateError:
            continue
        found.append(FoundDate(folded.start(cand.span[0]), folded.end(cand.span[1]), parsed))
    return found


def jalali_month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last Gregorian day of Jalali month ``month`` of ``year`` (for month filters)."""
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist: a Jalali year has 12 months")
    first = jalali_to_date(year, month, 1)
    for last_day in (31, 30, 29):
        try:
            return first, jalali_to_date(year, month, last_day)
        except DateError:
            continue
    raise DateError(f"Jalali month {year}/{month} has no last day")  # unreachable for real months


def parse_day_bound(text: str, *, end: bool = False) -> date:
    """The day a filter such as ``--since 1404/08/01`` or ``--until 2025-11-30`` names (any calendar).

    A month or a year with no day («آبان ۱۴۰۴»، «November 2025»، «۱۴۰۴/۰۸»، «۱۴۰۴») is not a
    date for :func:`parse_date`, but as a bound it is its first day, or its last with ``end``
    (``--until 1404/08`` keeps all of آبان).
    """
    try:
        return parse_date(text).value.date()
    except DateError as exc:
        span = _month_or_year(text)
        if span is None:
            raise exc from None
        return span[1] if end else span[0]


def _month_or_year(text: str) -> tuple[date, date] | None:
    """First and last day of the month or year ``text`` names, or None."""
    stripped = fold(text).text.strip(" \t\n:;,.،؛|()[]«»\"'-")
    match = g.month_only().fullmatch(stripped)
    if match is None:
        return None
    if match.group("month"):
        entry = g.months()[fold_key(re.sub(r"[\s\u200c]*ماه$", "", match.group("month")))]
        year = int(match.group("year"))
        calendar = _suffix_calendar(match.group("suffix")) or entry.calendar
        return month_range(calendar, year, entry.month)
    if match.group("yo"):
        year = int(match.group("yo"))
        calendar = _suffix_calendar(match.group("yosuffix")) or ("gregorian" if year >= 1700 else "jalali")
        return month_range(calendar, year, 1)[0], month_range(calendar, year, 12)[1]
    year = int(match.group("ny") or match.group("ny2"))
    month = int(match.group("nm") or match.group("nm2"))
    return month_range("gregorian" if year >= 1700 else "jalali", year, month)


def _suffix_calendar(suffix: str | None) -> str | None:
    if not suffix:
        return None
    return next(cal_name for word, cal_name in YEAR_SUFFIXES.items() if fold_key(word) == fold_key(suffix))
