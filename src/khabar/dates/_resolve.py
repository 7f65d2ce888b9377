"""Turn a matched date expression into a timezone-aware datetime, or refuse it.

Calendar arithmetic is the libraries': jdatetime for Jalali, hijridate for
lunar hijri (Umm al-Qura tables; Iran's official lunar calendar is set by
moon sighting and can differ from them by a day), zoneinfo for zones. What
is hand-written here is the glue: which fields a match gave, year inference,
weekday checks and the one-line messages.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime
from hijridate import Gregorian, Hijri

from khabar.data import calendars as cal
from khabar.dates import _grammar as g
from khabar.dates._format import format_jalali
from khabar.dates._text import fold_key, persian_digits
from khabar.errors import DateError


@dataclass(frozen=True)
class Context:
    """What every expression is resolved against: the reference instant and the default zone."""

    reference: datetime  # aware, in ``zone``
    zone: tzinfo


@dataclass(frozen=True)
class Resolved:
    value: datetime
    precision: str
    calendar: str


def zone_of(name: str) -> tzinfo:
    """The zoneinfo zone called ``name``, or a DateError that names the fix."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(f"unknown time zone {name!r}: use an IANA name such as Asia/Tehran") from exc


def make_context(reference: datetime | None, default_tz: str) -> Context:
    zone = zone_of(default_tz)
    if reference is None:
        ref = datetime.now(UTC).astimezone(zone)
    elif reference.tzinfo is None:
        ref = reference.replace(tzinfo=zone)
    else:
        ref = reference.astimezone(zone)
    return Context(ref, zone)


# ---------------------------------------------------------------- calendars


def _fa(day: int, month_name: str, year: int) -> str:
    return f"{persian_digits(day)} {month_name} {persian_digits(year)}"


def jalali_to_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist: a Jalali year has 12 months")
    _check_year("jalali", year)
    name = cal.JALALI_MONTH_NAMES[month - 1]
    length = jalali_month_length(year, month)
    if not 1 <= day <= length:
        if month == 12 and day == 30:
            raise DateError(f"{_fa(day, name, year)} does not exist: {year} is not a leap year")
        raise DateError(f"{_fa(day, name, year)} does not exist: {name} has {length} days")
    result: date = jdatetime.date(year, month, day).togregorian()
    return result


def _check_year(calendar: str, year: int) -> None:
    low, high = cal.YEAR_RANGES[calendar]
    if not low <= year <= high:
        tables = ", the years the Umm al-Qura tables cover" if calendar == "hijri" else ""
        raise DateError(f"{calendar} year {year} is outside {low}-{high}{tables}")


def jalali_month_length(year: int, month: int) -> int:
    """Days in a Jalali month (jdatetime's leap rule for اسفند)."""
    if month == 12:
        return 30 if jdatetime.date(year, 1, 1).isleap() else 29
    return int(jdatetime.j_days_in_month[month - 1])


def gregorian_to_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist: a year has 12 months")
    _check_year("gregorian", year)
    try:
        return date(year, month, day)
    except ValueError as exc:
        name = cal.GREGORIAN_MONTH_NAMES[month - 1]
        if month == 2 and day == 29:
            raise DateError(f"29 February {year} does not exist: {year} is not a leap year") from exc
        length = monthrange(year, month)[1]
        raise DateError(f"{day} {name} {year} does not exist: {name} {year} has {length} days") from exc


def hijri_to_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist: a lunar year has 12 months")
    name = cal.HIJRI_MONTH_NAMES[month - 1]
    _check_year("hijri", year)
    try:
        result = date(*Hijri(year, month, day).to_gregorian().datetuple())
    except ValueError as exc:
        length = Hijri(year, month, 1).month_length()
        raise DateError(
            f"{_fa(day, name, year)} does not exist: {name} {year} has {length} days (Umm al-Qura)"
        ) from exc
    return result


def to_date(calendar: str, year: int, month: int, day: int) -> date:
    if calendar == "jalali":
        return jalali_to_date(year, month, day)
    if calendar == "hijri":
        return hijri_to_date(year, month, day)
    return gregorian_to_date(year, month, day)


def month_range(calendar: str, year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of ``month`` of ``year`` in ``calendar``."""
    first = to_date(calendar, year, month, 1)
    if calendar == "jalali":
        return first, to_date(calendar, year, month, jalali_month_length(year, month))
    if calendar == "hijri":
        return first, to_date(calendar, year, month, int(Hijri(year, month, 1).month_length()))
    return first, date(year, month, monthrange(year, month)[1])


def _calendar_year(calendar: str, day: date) -> int:
    if calendar == "jalali":
        return int(jdatetime.date.fromgregorian(date=day).year)
    if calendar == "hijri":
        try:
            return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
        except OverflowError as exc:
            raise DateError("the reference date is outside the Umm al-Qura tables (1343-1500 AH)") from exc
    return day.year


def infer_year(calendar: str, month: int, day: int, ctx: Context) -> date:
    """The latest date on or before the reference day with this month and day (nearest past)."""
    today = ctx.reference.date()
    year = _calendar_year(calendar, today)
    error: DateError | None = None
    for candidate_year in range(year, year - 9, -1):
        try:
            found = to_date(calendar, candidate_year, month, day)
        except DateError as exc:
            error = error or exc
            continue
        if found <= today:
            return found
    raise error or DateError(f"no year fits day {day} of month {month}")


# ---------------------------------------------------------------- times


def _time_of(match: re.Match[str], prefix: str) -> timedelta | None:
    """The written time of day as time since midnight («ساعت ۲۴» is the next midnight)."""
    groups = match.groupdict()
    if groups.get(f"{prefix}hh") is not None:
        hh, mi = groups[f"{prefix}hh"], groups[f"{prefix}mi"]
        ss, marker = groups[f"{prefix}ss"] or "0", groups[f"{prefix}ampm"]
    elif groups.get(f"{prefix}hx") is not None:
        hh, mi, ss, marker = groups[f"{prefix}hx"], groups.get(f"{prefix}hxm") or "0", "0", groups[f"{prefix}hxampm"]
        if groups.get(f"{prefix}hxf"):
            mi = str(cal.HOUR_FRACTIONS[_fraction_key(groups[f"{prefix}hxf"])])
    elif not prefix and groups.get("clockw"):
        hours = _folded_table("clock")[fold_key(groups["clockw"])]
        assert isinstance(hours, int)
        return timedelta(hours=hours)
    else:
        return None
    hour, minute, second = _number(hh, g.cardinals()), int(mi), int(ss)
    if marker is not None:
        hour = _apply_marker(hour, fold_key(marker))
    if (hour > 23 and (hour, minute, second) != (24, 0, 0)) or minute > 59 or second > 59:
        raise DateError(f"{hh}:{mi.zfill(2)} is not a time of day")
    return timedelta(hours=hour, minutes=minute, seconds=second)


def _fraction_key(written: str) -> str:
    return next(word for word in cal.HOUR_FRACTIONS if fold_key(word) == fold_key(written))


def _apply_marker(hour: int, marker: str) -> int:
    """A 12-hour clock time with its marker (ق.ظ، ب.ظ، صبح، عصر، شب …) on the 24-hour clock."""
    if hour == 0 or hour > 12:
        return hour  # already a 24-hour time
    if marker in _am_words():
        return 0 if hour == 12 else hour
    if marker == fold_key("شب"):
        return 0 if hour == 12 else (hour if hour < 5 else hour + 12)
    if marker == fold_key("ظهر"):
        return hour + 12 if hour < 5 else hour
    return 12 if hour == 12 else hour + 12


def _zone_of_match(match: re.Match[str], ctx: Context) -> tzinfo:
    written = match.groupdict().get("tz")
    if not written:
        return ctx.zone
    key = fold_key(written)
    if key == "z":
        return UTC
    offset = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}?):?(\d{2})?(?::(\d{2}))?", key)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        hours, minutes, seconds = (int(part or 0) for part in offset.group(2, 3, 4))
        if hours > 23 or minutes > 59:
            raise DateError(f"{written} is not a time zone offset: write e.g. +03:30")
        return timezone(sign * timedelta(hours=hours, minutes=minutes, seconds=seconds))
    return zone_of(str(_folded_table("zones")[key]))


def combine(day: date, match: re.Match[str], ctx: Context) -> tuple[datetime, str]:
    """The date with the match's time (after or before it) in the right zone, and its precision."""
    moment = _time_of(match, "")
    if moment is None:
        moment = _time_of(match, "h_")
    zone = _zone_of_match(match, ctx)
    midnight = datetime.combine(day, time(), zone)
    if moment is None:
        return midnight, "day"
    precision = "second" if moment.seconds % 60 else "minute"
    return midnight + moment, precision


# ---------------------------------------------------------------- forms


def _number(text: str, table: dict[str, int]) -> int:
    text = text.strip()
    if text.isdigit():
        return int(text)
    key = fold_key(text)
    if key in table:
        return table[key]
    # «بیست و دو»: the words joined by و (split by the table's words, not on و: «دو» holds one)
    return sum(table[part] for part in re.findall("|".join(sorted(table, key=len, reverse=True)), key))


def check_weekday(written: str | None, day: date, calendar: str) -> date:
    """Refuse a weekday that does not match; a lunar date one day off is moved to it."""
    if written is None:
        return day
    wanted = g.weekdays()[fold_key(written)]
    if day.weekday() == wanted:
        return day
    if calendar == "hijri":
        for shift in (-1, 1):
            moved = day + timedelta(days=shift)
            if moved.weekday() == wanted:
                return moved
    raise DateError(
        f"{day.isoformat()} ({format_jalali(day_start(day))}) is a {cal.WEEKDAY_NAMES_EN[day.weekday()]},"
        f" not {written.strip()}"
    )


def day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def _dated(
    calendar: str, year: int | None, month: int, day: int, match: re.Match[str], ctx: Context
) -> Resolved:
    found = infer_year(calendar, month, day, ctx) if year is None else to_date(calendar, year, month, day)
    found = check_weekday(match.group("wd"), found, calendar)
    value, precision = combine(found, match, ctx)
    return Resolved(value, precision, calendar)


def resolve_textual(match: re.Match[str], ctx: Context) -> Resolved:
    entry = g.months()[fold_key(re.sub(r"[\s\u200c]*ماه$", "", match.group("month")))]
    day = _number(match.group("day"), g.day_words())
    year = int(match.group("year")) if match.group("year") else None
    if match.group("yearw"):
        year = _year_in_words(match.group("yearw"))
    if match.group("yrel"):  # «۲۰ آذر امسال»: this calendar year, even after the reference
        shift = _folded_table("years")[fold_key(match.group("yrel"))]
        assert isinstance(shift, int)
        year = _calendar_year(entry.calendar, ctx.reference.date()) + shift
    return _dated(entry.calendar, year, entry.month, day, match, ctx)


def _year_in_words(text: str) -> int:
    """«هزار و چهارصد و چهار» → 1404, «دو هزار و بیست و پنج» → 2025."""
    head, _, rest = text.partition(cal.THOUSAND)
    thousands = _number(head, g.cardinals()) if head.strip() else 1
    words = g.year_words()
    pattern = "|".join(sorted(words, key=len, reverse=True))
    return thousands * 1000 + sum(words[part] for part in re.findall(pattern, fold_key(rest)))


def resolve_numeric(match: re.Match[str], ctx: Context) -> Resolved:
    year, month, day = int(match.group("year")), int(match.group("m")), int(match.group("day"))
    if len(match.group("year")) == 2:
        year = _jalali_century(year, ctx)
    suffix = match.group("suffix")
    calendar = "gregorian" if year >= 1700 else "jalali"  # a numeric year below 1700 is Jalali
    if suffix:
        calendar = str(_folded_table("suffixes")[fold_key(suffix)])
    if calendar == "gregorian" and month > 12 and day <= 12 and match.re is g.numeric_dmy():
        month, day = day, month
    resolved = _dated(calendar, year, month, day, match, ctx)
    if calendar == "gregorian" and match.group("sep") == "-" and match.re is g.numeric_ymd():
        return Resolved(resolved.value, resolved.precision, "iso")
    return resolved


def _jalali_century(short: int, ctx: Context) -> int:
    """A two-digit Jalali year (۹۹/۰۴/۰۲): the 13xx or 14xx year not after next year."""
    limit = _calendar_year("jalali", ctx.reference.date()) + 1
    year = (limit // 100) * 100 + short
    return year if year <= limit else year - 100


def resolve_month_first(match: re.Match[str], ctx: Context) -> Resolved:
    written = match.group("month") or match.group("month_fa")
    entry = g.months()[fold_key(written)]
    year_text = match.group("year") or match.group("year_fa")
    year = int(year_text) if year_text else None
    day = int(match.group("day") or match.group("day_fa"))
    return _dated(entry.calendar, year, entry.month, day, match, ctx)


def resolve_relative_ago(match: re.Match[str], ctx: Context) -> Resolved:
    spans = [_span(match.group("n"), match.group("unit"), bool(match.group("half")))]
    if match.group("n2"):
        spans.append(_span(match.group("n2"), match.group("unit2"), False))
    sign = -1 if match.group("later") else 1  # «۳ روز دیگر» counts forward
    ref = ctx.reference
    if all(kind != "months" for kind, _ in spans):
        delta = sign * sum((timedelta(**{kind: amount}) for kind, amount in spans), timedelta())
        if any(kind != "days" for kind, _ in spans) or delta % timedelta(days=1):
            # hours or minutes (or half a day): an instant, counted in elapsed time
            value = (ref.astimezone(UTC) - delta).astimezone(ctx.zone)
            return Resolved(value.replace(second=0, microsecond=0), "minute", "relative")
        return Resolved(datetime.combine(ref.date() - delta, time(), ctx.zone), "day", "relative")
    day = ref.date()
    for kind, amount in spans:
        if kind == "months":
            day = _months_back(day, sign * int(amount))
        elif kind == "days":
            day -= timedelta(days=sign * int(amount))
    return Resolved(datetime.combine(day, time(), ctx.zone), "day", "relative")


def _span(number: str, unit: str, half: bool) -> tuple[str, float]:
    """(kind, amount) of «۲ ساعت»، «نیم ساعت» (amount 0 with نیم is half a unit), «یک ساعت و نیم»."""
    count = _number(number, g.cardinals())
    kind, size = _unit(unit)
    amount = size * (count + (0.5 if half or (count == 0 and fold_key(number) == fold_key("نیم")) else 0))
    return kind, amount


def _unit(written: str) -> tuple[str, int]:
    return _folded_table("units")[fold_key(written)]  # type: ignore[return-value]


@cache
def _folded_table(name: str) -> dict[str, object]:
    """A word table of khabar.data.calendars keyed by fold_key (built once)."""
    tables: dict[str, Mapping[str, object]] = {
        "units": cal.RELATIVE_UNITS,
        "words": cal.RELATIVE_WORDS,
        "suffixes": cal.YEAR_SUFFIXES,
        "zones": cal.ZONE_WORDS,
        "clock": cal.CLOCK_WORDS,
        "vague": cal.VAGUE_RELATIVE,
        "years": cal.RELATIVE_YEARS,
    }
    return {fold_key(word): value for word, value in tables[name].items()}


@cache
def _am_words() -> frozenset[str]:
    return frozenset(fold_key(word) for word in cal.AM_WORDS)


def _months_back(day: date, months: int) -> date:
    """The same Jalali day ``months`` months earlier, clamped to the month's last day."""
    jday = jdatetime.date.fromgregorian(date=day)
    index = jday.year * 12 + (jday.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    length = jalali_month_length(year, month)
    result: date = jdatetime.date(year, month, min(jday.day, length)).togregorian()
    return result


def resolve_relative_word(match: re.Match[str], ctx: Context) -> Resolved:
    shift = _folded_table("words")[fold_key(match.group("word"))]
    assert shift is None or isinstance(shift, int)
    if shift is None:
        return Resolved(ctx.reference.replace(second=0, microsecond=0), "minute", "relative")
    day = ctx.reference.date() + timedelta(days=shift)
    day = check_weekday(match.group("wd"), day, "relative")
    value, precision = combine(day, match, ctx)
    return Resolved(value, precision, "relative")


def resolve_weekday(match: re.Match[str], ctx: Context) -> Resolved:
    """A weekday alone: the latest such day on or before the reference; with «گذشته» the one
    strictly before it, with «آینده» the first one after it, with «هفته گذشته» that day of the
    week before the reference's (Persian weeks start on Saturday)."""
    wanted = g.weekdays()[fold_key(match.group("wd"))]
    today = ctx.reference.date()
    if match.group("lastweek") or match.group("nextweek"):
        week_start = today - timedelta(days=(today.weekday() - cal.WEEK_START) % 7)
        weeks = -1 if match.group("lastweek") else 1
        day = week_start + timedelta(days=7 * weeks + (wanted - cal.WEEK_START) % 7)
    elif match.group("after"):
        day = today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)
    else:
        back = (today.weekday() - wanted) % 7
        day = today - timedelta(days=back or (7 if match.group("before") else 0))
    value, precision = combine(day, match, ctx)
    return Resolved(value, precision, "relative")


def resolve_vague(match: re.Match[str], ctx: Context) -> Resolved:
    """«همین حالا» (the reference minute), «ربع ساعت پیش» (minutes), «هفته گذشته» (a day)."""
    entry = _folded_table("vague")[fold_key(match.group("vague"))]
    assert isinstance(entry, tuple)
    kind, amount = str(entry[0]), int(entry[1])
    ref = ctx.reference
    if kind in ("now", "minutes"):
        value = (ref.astimezone(UTC) + timedelta(minutes=amount)).astimezone(ctx.zone)
        return Resolved(value.replace(second=0, microsecond=0), "minute", "relative")
    day = _months_back(ref.date(), -amount) if kind == "months" else ref.date() + timedelta(days=amount)
    return Resolved(datetime.combine(day, time(), ctx.zone), "day", "relative")


def resolve_time_only(match: re.Match[str], ctx: Context) -> Resolved:
    value, precision = combine(ctx.reference.date(), match, ctx)
    return Resolved(value, precision, "relative")


RESOLVERS = {
    "textual": resolve_textual,
    "month_first": resolve_month_first,
    "numeric_ymd": resolve_numeric,
    "numeric_dmy": resolve_numeric,
    "relative_ago": resolve_relative_ago,
    "relative_word": resolve_relative_word,
    "weekday": resolve_weekday,
    "vague": resolve_vague,
}
