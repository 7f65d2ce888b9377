"""Display helpers for the reader: Persian digits, both calendars, safe links, snippets.

These are Jinja filters and plain functions the JSON views never use: the
API returns ISO dates and raw numbers; only people get Jalali dates and
Persian digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from khabar.data.calendars import JALALI_MONTH_NAMES, PERSIAN_DIGITS
from khabar.dates import format_jalali as dates_jalali
from khabar.dates import jalali_month_range
from khabar.dates._format import DISPLAY_ZONE, jalali_of
from khabar.errors import DateError

_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20]")
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)
GREGORIAN_MONTHS_FA: tuple[str, ...] = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)


def fa_digits(value: object) -> str:
    """Latin digits → Persian digits (numbers, dates, counts shown to people)."""
    if value is None:
        return ""
    if isinstance(value, int):
        value = f"{value:,}".replace(",", "٬")
    return str(value).translate(_TO_PERSIAN)


def parse_when(value: str | date | None) -> datetime | date | None:
    """An ISO 8601 string from the archive → datetime (with time) or date (day only)."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def jalali_parts(day: date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian day in the Jalali calendar (memoised: jdatetime checks the locale)."""
    return jalali_of(day)


def jalali_month_name(month: int) -> str:
    return JALALI_MONTH_NAMES[month - 1]


@lru_cache(maxsize=8192)
def display_moment(value: str | date | None) -> datetime | date | None:
    """:func:`parse_when`, with an aware time moved to Tehran time: the zone khabar prints times in,
    so the Jalali date, the Gregorian date and the clock of one page never disagree (memoised: a
    page prints one timestamp three ways)."""
    when = parse_when(value)
    if isinstance(when, datetime) and when.tzinfo is not None:
        return when.astimezone(display_zone())
    return when


@lru_cache(maxsize=1)
def display_zone() -> ZoneInfo:
    return ZoneInfo(DISPLAY_ZONE)


def display_day(value: str | date | None) -> date | None:
    when = display_moment(value)
    return when.date() if isinstance(when, datetime) else when


@lru_cache(maxsize=4096)
def jalali_day_label(day: date) -> str:
    """«سه‌شنبه ۱۳ آبان ۱۴۰۴» (khabar.dates' formatter, once per day: its calendar conversion is the
    slowest step of an article page, and an archive has far fewer days than timestamps)."""
    return dates_jalali(datetime.combine(day, time()))


@lru_cache(maxsize=8192)
def format_jalali(value: str | date | None, with_time: bool = False) -> str:
    """«سه‌شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰», as khabar.dates.format_jalali prints it (a bare day has no time)."""
    when = display_moment(value)
    if when is None:
        return ""
    text = jalali_day_label(when.date() if isinstance(when, datetime) else when)
    if with_time and isinstance(when, datetime):
        return f"{text}، ساعت {fa_digits(f'{when.hour:02d}:{when.minute:02d}')}"
    return text


@lru_cache(maxsize=8192)
def short_jalali(value: str | date | None) -> str:
    """«۱۳ آبان ۱۴۰۴»: the compact form lists of headlines use."""
    day = display_day(value)
    if day is None:
        return ""
    year, month, dom = jalali_parts(day)
    return fa_digits(f"{dom} {jalali_month_name(month)} {year}")


@lru_cache(maxsize=8192)
def format_gregorian(value: str | date | None) -> str:
    """«۴ نوامبر ۲۰۲۵»: the Gregorian date as a Persian page prints it (the same Tehran day as the
    Jalali date beside it).

    khabar.dates.format_gregorian writes English («Tuesday 4 November 2025»),
    right for English text but a left-to-right island in a Persian line.
    """
    day = display_day(value)
    if day is None:
        return ""
    return fa_digits(f"{day.day} {GREGORIAN_MONTHS_FA[day.month - 1]} {day.year}")


@lru_cache(maxsize=8192)
def iso_attr(value: str | date | None) -> str:
    """The machine-readable form for ``<time datetime=…>``."""
    when = parse_when(value)
    return when.isoformat() if when is not None else ""


def time_tag(value: str | date | None, with_time: bool = False) -> Markup:
    """``<time datetime="…">۱۳ آبان ۱۴۰۴</time>``: one filter call per date in lists (a macro costs more)."""
    if not value:
        return Markup("")
    return _time_tag(value, with_time)


@lru_cache(maxsize=8192)
def _time_tag(value: str | date, with_time: bool) -> Markup:
    label = format_jalali(value, with_time) if with_time else short_jalali(value)
    return Markup('<time datetime="{}">{}</time>').format(iso_attr(value), label)


def safe_url(url: str | None) -> str | None:
    """Only absolute http(s) URLs with a host become links; anything else (javascript:, data:) is text."""
    found = link(url)
    return found.href if found else None


def url_host(url: str | None) -> str:
    found = link(url)
    return found.host if found else ""


@dataclass(frozen=True)
class Link:
    """A link safe to print: an absolute http(s) URL (``href``) and its host to show."""

    href: str
    host: str


def link(url: str | None) -> Link | None:
    """:func:`safe_url` and the host in one parse (an article page prints both)."""
    found = _link(url) if url else None
    return Link(*found) if found else None


@lru_cache(maxsize=8192)
def _link(url: str) -> tuple[str, str] | None:
    """Memoised as a pair of strings, which the garbage collector stops tracking (a cache of
    records would add thousands of objects to every full collection)."""
    candidate = url.strip()
    if _CONTROL_OR_SPACE.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return candidate, host


def paragraphs(body: Sequence[str]) -> Markup:
    """The body as ``<p>`` elements, each paragraph escaped as text: one filter call for the whole
    body instead of a template loop (the loop was a tenth of an article page)."""
    return Markup("\n".join([f"<p>{escape(paragraph)}</p>" for paragraph in body]))


def highlight(snippet: str) -> Markup:
    """Escape a search snippet, then turn the store's \\x02…\\x03 markers into <mark>."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def plain_snippet(snippet: str) -> str:
    return snippet.replace("\x02", "").replace("\x03", "")


def reading_label(minutes: int | None) -> str:
    return f"{fa_digits(minutes)} دقیقه مطالعه" if minutes else ""


def jalali_month_of(value: str) -> tuple[int, int, date, date] | None:
    """A store Jalali month «1404-08» → (year, month, first and last Gregorian day); None if not one."""
    try:
        year, month = (int(part) for part in value.split("-")[:2])
        first, last = jalali_month_range(year, month)
    except (ValueError, DateError):
        return None
    return year, month, first, last


def month_label(value: str) -> str:
    """A store Jalali month «1404-08» → «آبان ۱۴۰۴» (the facet the search page shows)."""
    found = jalali_month_of(value)
    return fa_digits(f"{jalali_month_name(found[1])} {found[0]}") if found else value


def gregorian_span_label(value: str) -> str:
    """The Gregorian days of a Jalali month «1404-08»: «۲۳ اکتبر تا ۲۱ نوامبر ۲۰۲۵» (the small second label)."""
    found = jalali_month_of(value)
    if found is None:
        return value
    first, last = found[2], found[3]
    year = f" {first.year}" if first.year != last.year else ""
    start = f"{first.day} {GREGORIAN_MONTHS_FA[first.month - 1]}{year}"
    return fa_digits(f"{start} تا {last.day} {GREGORIAN_MONTHS_FA[last.month - 1]} {last.year}")


def month_params(value: str) -> dict[str, str]:
    """Search parameters that narrow a search to one Jalali month «1404-08» (as the form takes them)."""
    found = jalali_month_of(value)
    if found is None:
        return {}
    year, month, first, last = found
    return {"since": f"{year}/{month:02d}/01", "until": f"{year}/{month:02d}/{(last - first).days + 1:02d}"}
