"""Regular expressions for Persian date expressions, built from the word tables.

Hand-written: no library parses Jalali or lunar hijri month names, Persian
ordinal words or relative phrases. Patterns run on text folded by
:func:`khabar.dates._text.fold` (Latin digits, Persian letter forms), so a
name in any digit script or letter form needs one pattern. Each form of
date is its own pattern; find_dates runs them all and keeps the longest
non-overlapping matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from khabar.data import calendars as cal
from khabar.dates._text import fold_key, fold_name

#: What may stand between the parts of one name: a space, a ZWNJ or nothing.
_JOIN = r"[\s\u200c]*"
#: A name ends where no letter or ZWNJ follows (a digit may: «۱۳آبان۱۴۰۴»).
_END = r"(?![^\W\d_]|\u200c)"
_START = r"(?<![\w\u200c])"


@dataclass(frozen=True)
class MonthEntry:
    """One month name: its calendar and number, and whether it is also a common word."""

    calendar: str  # "jalali", "gregorian" or "hijri"
    month: int
    ambiguous: bool
    dari: bool = False


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of names, longest first, inner spaces matching space/ZWNJ/nothing."""
    parts: set[str] = set()
    for name in names:
        words = re.split(r"[\s\u200c]+", fold_name(name).strip())
        parts.add(_JOIN.join(re.escape(word) for word in words if word))
    return "(?:" + "|".join(sorted(parts, key=lambda p: (-len(p), p))) + ")"


@cache
def months() -> dict[str, MonthEntry]:
    """Every month spelling (as a fold_key) → its entry."""
    ambiguous = {fold_key(name) for name in cal.AMBIGUOUS_MONTHS}
    table: dict[str, MonthEntry] = {}
    sources: list[tuple[str, dict[str, int], bool]] = [
        ("gregorian", cal.GREGORIAN_MONTHS, False),
        ("hijri", cal.HIJRI_MONTHS, False),
        ("jalali", cal.DARI_MONTHS, True),
        ("jalali", cal.JALALI_MONTHS, False),
    ]
    for calendar, names, dari in sources:
        for name, number in names.items():
            key = fold_key(name)
            table[key] = MonthEntry(calendar, number, key in ambiguous, dari)
    return table


@cache
def weekdays() -> dict[str, int]:
    return {fold_key(name): day for name, day in cal.WEEKDAYS.items()}


@cache
def ordinals() -> dict[str, int]:
    """Every ordinal day word (as a fold_key) → its number, composed ones included."""
    table = {fold_key(word): n for word, n in {**cal.ORDINAL_UNITS, **cal.ORDINAL_WORDS}.items()}
    for tens, t_value in cal.ORDINAL_TENS.items():
        for unit, u_value in cal.ORDINAL_UNITS.items():
            if t_value + u_value <= 31:
                table[fold_key(f"{tens}و{unit}")] = t_value + u_value
    return table


@cache
def cardinals() -> dict[str, int]:
    return {fold_key(word): n for word, n in cal.CARDINAL_WORDS.items()}


def _day_cardinal_words() -> list[str]:
    """Cardinal words that can be a day of the month alone (سیزده، بیست، سی)."""
    return [w for w, n in cal.CARDINAL_WORDS.items() if not w.isascii() and 1 <= n <= 31]


@cache
def day_cardinals() -> dict[str, int]:
    """Cardinal day words (as fold_keys) → number, composed ones (بیست و هفت) included."""
    table = {fold_key(word): cal.CARDINAL_WORDS[word] for word in _day_cardinal_words()}
    units = {w: n for w, n in cal.CARDINAL_WORDS.items() if not w.isascii() and 1 <= n <= 9}
    for tens, t_value in cal.ORDINAL_TENS.items():
        for unit, u_value in units.items():
            if t_value + u_value <= 31:
                table[fold_key(f"{tens}و{unit}")] = t_value + u_value
    return table


@cache
def day_words() -> dict[str, int]:
    """Every day written in words, ordinal or cardinal (as fold_keys) → its number."""
    return {**day_cardinals(), **ordinals()}


@cache
def year_words() -> dict[str, int]:
    """Number words that make up a year in words (هزار و چهارصد و چهار) → value."""
    table = {fold_key(w): n for w, n in cal.CARDINAL_WORDS.items() if not w.isascii() and n > 0}
    table.update({fold_key(w): n for w, n in cal.YEAR_WORDS.items()})
    return table


def _ordinal_pattern() -> str:
    composed = "(?:" + "|".join(re.escape(fold_name(t)) for t in cal.ORDINAL_TENS) + ")"
    units = _alternation(cal.ORDINAL_UNITS)
    single = _alternation([*cal.ORDINAL_UNITS, *cal.ORDINAL_WORDS])
    return f"(?:{composed}{_JOIN}و{_JOIN}{units}|{single})"


def _cardinal_day_pattern() -> str:
    tens = "(?:" + "|".join(re.escape(fold_name(t)) for t in cal.ORDINAL_TENS) + ")"
    units = _alternation(w for w, n in cal.CARDINAL_WORDS.items() if not w.isascii() and 1 <= n <= 9)
    return f"(?:{tens}{_JOIN}و{_JOIN}{units}|{_alternation(_day_cardinal_words())}){_END}"


def _nth_day() -> str:
    """``سومین روز (از) مهر``، ``نخستین روز آبان``: an ordinal in -ین before روز."""
    return rf"ین{_JOIN}روز(?:{_JOIN}از)?(?=[\s\u200c])"


def _year_words() -> str:
    """A year in words: ``هزار و چهارصد و چهار``، ``دو هزار و بیست و پنج``."""
    part = _alternation([w for w in cal.CARDINAL_WORDS if not w.isascii() and w != "نیم"] + list(cal.YEAR_WORDS))
    thousand = re.escape(cal.THOUSAND)
    return (
        rf"(?P<yearw>{_START}(?:(?:یک|دو){_JOIN})?{thousand}{_END}"
        rf"(?:{_JOIN}و{_JOIN}{part}{_END})*)"
    )


def _ampm() -> str:
    return _alternation([*cal.AM_WORDS, *cal.PM_WORDS])


def _time(prefix: str) -> str:
    """A clock time; group names carry ``prefix`` so a pattern can hold two."""
    return (
        rf"(?<![\d:])(?P<{prefix}hh>\d{{1,2}}):(?P<{prefix}mi>\d{{2}})"
        rf"(?::(?P<{prefix}ss>\d{{2}})(?:\.\d+)?)?(?![\d:])"
        rf"(?:\s*(?P<{prefix}ampm>{_ampm()})(?![\w\u200c]))?"
    )


def _hour_only() -> str:
    """``ساعت ۱۰ صبح``، ``ساعت ۱۰ و ۳۰ دقیقه``، ``ساعت ۱۰ و نیم``، ``۸ شب``: an hour without a
    colon needs the word ساعت before it or a part of the day (صبح، شب …) after it."""
    return _hour("")


def _hour(prefix: str) -> str:
    """An hour without a colon; group names carry ``prefix`` (see :func:`_hour_only`). An hour in
    words («ساعت یازده») needs ساعت: «یک شب» alone is "one night"."""
    sa, hx, hxm, hxf, ampm = (f"{prefix}{name}" for name in ("hsa", "hx", "hxm", "hxf", "hxampm"))
    words = _alternation(w for w, n in cal.CARDINAL_WORDS.items() if not w.isascii() and 1 <= n <= 24)
    return (
        rf"(?P<{sa}>(?:ساعت|الساعة)[\s:]*)?(?P<{hx}>(?({sa})|(?<![\d.:/]))\d{{1,2}}(?![\d:/.])"
        rf"|(?({sa}){_START}{words}{_END}|(?!)))"
        rf"(?:{_JOIN}و{_JOIN}(?:(?P<{hxm}>\d{{1,2}}){_JOIN}دقیقه|(?P<{hxf}>{_alternation(cal.HOUR_FRACTIONS)}){_END}))?"
        rf"(?:\s*(?P<{ampm}>{_ampm()})(?![\w\u200c]))?(?({sa})|(?({ampm})|(?!)))"
    )


def _clock_word() -> str:
    return rf"(?P<clockw>{_START}{_alternation(cal.CLOCK_WORDS)}{_END})"


def _zone() -> str:
    words = _alternation(cal.ZONE_WORDS)
    return (
        rf"(?:\s*(?P<tz>z(?![\w])|(?:utc|gmt)\s*[+-]\d{{1,2}}(?::?\d{{2}})?(?!\d)"
        rf"|[+-]\d{{2}}:?\d{{2}}(?::\d{{2}})?(?!\d)|{words}{_END}))?"
    )


def _tail() -> str:
    """An optional time after a date: ``- ۱۰:۳۰``، ``، ساعت ۱۰:۳۰``، ``T10:30:00+03:30``."""
    lead = r"(?:t|[\s,|/@-]*(?:در\s*)?(?:(?:ساعت|at|الساعة)[\s:]*)?)"
    return f"(?:(?:{lead}{_time('')}|[\\s,|-]*{_hour_only()}|[\\s,|-]*{_clock_word()}){_zone()})?"


def _head() -> str:
    """An optional time before a date: ``۱۴:۲۳ - ۱۴۰۴/۰۸/۱۳``، ``ساعت ۸ صبح ۱۳ آبان``."""
    return rf"(?:(?:(?:ساعت\s*)?{_time('h_')}|{_hour('h_')})[\s,|-]+(?:روز\s+)?)?"


def _weekday() -> str:
    return rf"(?:{_START}(?P<wd>{_alternation(cal.WEEKDAYS)}){_END}[\s,-]*)?"


def _year(words: bool = False) -> str:
    suffix = _alternation(cal.YEAR_SUFFIXES)
    digits = r"(?P<year>\d{4})(?!\d)"
    if words:
        digits = f"(?:{digits}|{_year_words()})"
    return rf"{digits}(?:\s*(?P<suffix>{suffix})(?![\w\u200c]))?"


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(body, re.IGNORECASE)


def _starts(*word_lists: Iterable[str]) -> str:
    """A lookahead for the first characters a form can start with (digits, ساعت, the words given).

    It halves find_dates' time: the regex engine tries every position of the
    text, and most positions fail on this one character class.
    """
    firsts = set("0123456789" + fold_name("ساعت")[0])
    for words in (cal.WEEKDAYS, *word_lists):
        for word in words:
            first = fold_name(word).strip()[:1]
            firsts.update({first, first.upper()})
    return "(?=[" + re.escape("".join(sorted(firsts))) + "])"


@cache
def textual() -> re.Pattern[str]:
    """Day month [year]: ``سه‌شنبه ۱۳ آبان‌ماه ۱۴۰۴``، ``بیست و هفتم مهر``، ``28 اکتبر 2025``."""
    names = [*cal.JALALI_MONTHS, *cal.DARI_MONTHS, *cal.GREGORIAN_MONTHS, *cal.HIJRI_MONTHS]
    day = (
        rf"(?P<day>(?<![\d.:/])\d{{1,2}}(?![\d:])|{_START}{_ordinal_pattern()}"
        rf"|{_START}{_cardinal_day_pattern()})"
    )
    month = rf"(?P<month>{_alternation(names)})(?:{_JOIN}ماه)?{_END}"
    starts = _starts(cal.ORDINAL_UNITS, cal.ORDINAL_WORDS, cal.ORDINAL_TENS, _day_cardinal_words())
    this_year = rf"(?P<yrel>{_START}{_alternation(cal.RELATIVE_YEARS)}){_END}"
    return _compile(
        rf"{starts}{_head()}{_weekday()}{day}(?:{_JOIN}(?:ام|م|th|st|nd|rd)|{_nth_day()})?[\s\u200c/-]*{month}"
        rf"(?:[\s,/-]*(?:(?:سال{_JOIN})?{_year(words=True)}|{this_year}))?{_tail()}"
    )


@cache
def month_first() -> re.Pattern[str]:
    """English order: ``Tuesday, November 4, 2025``; in other scripts only with a year: ``نوامبر ۴، ۲۰۲۵``."""
    every = [*cal.GREGORIAN_MONTHS, *cal.JALALI_MONTHS, *cal.DARI_MONTHS, *cal.HIJRI_MONTHS]
    english = _alternation(name for name in every if name.isascii())
    others = [name for name in every if not name.isascii()]
    return _compile(
        rf"{_starts(every)}{_head()}{_weekday()}{_START}(?:(?P<month>{english})\.?\s+(?P<day>\d{{1,2}})(?!\d)"
        rf"(?:st|nd|rd|th)?(?:,?\s*{_year()})?|(?P<month_fa>{_alternation(others)}){_END}{_JOIN}"
        rf"(?P<day_fa>\d{{1,2}})(?!\d)[\s,]+(?P<year_fa>\d{{4}})(?!\d)){_tail()}"
    )


@cache
def numeric_ymd() -> re.Pattern[str]:
    """``۱۴۰۴/۰۸/۱۳``، ``۱۴۰۴ / ۸ / ۱۳``، ``۹۹/۰۴/۰۲`` (Jalali, two-digit year), ``2025-11-04T10:30Z``."""
    return _compile(
        rf"{_starts()}{_head()}{_weekday()}(?<![\d/.-])(?P<year>\d{{4}}|\d{{2}}(?=/))\s?(?P<sep>[/.-])\s?"
        rf"(?P<m>\d{{1,2}})\s?(?P=sep)\s?(?P<day>\d{{1,2}})(?![\d/])(?:\s*(?P<suffix>{_alternation(cal.YEAR_SUFFIXES)})"
        rf"(?![\w\u200c]))?{_tail()}"
    )


@cache
def numeric_dmy() -> re.Pattern[str]:
    """``۱۳/۰۸/۱۴۰۴``، ``04.11.2025``."""
    return _compile(
        rf"{_starts()}{_head()}{_weekday()}(?<![\d/.-])(?P<day>\d{{1,2}})\s?(?P<sep>[/.-])\s?(?P<m>\d{{1,2}})"
        rf"\s?(?P=sep)\s?{_year()}{_tail()}"
    )


@cache
def relative_ago() -> re.Pattern[str]:
    """``۲ ساعت پیش``، ``سه روز قبل``، ``یک ساعت و ۲۰ دقیقه پیش``، ``2 hours ago``."""
    card = _alternation(cal.CARDINAL_WORDS)
    units = _alternation(cal.RELATIVE_UNITS)

    def amount(name: str) -> str:
        return rf"(?P<{name}>\d{{1,3}}|{_START}{card}(?:{_JOIN}و{_JOIN}{card})?)"

    ago, past = _alternation(cal.RELATIVE_AGO), _alternation(cal.RELATIVE_PAST)
    later = _alternation(cal.RELATIVE_LATER)
    return _compile(
        rf"{_starts(cal.CARDINAL_WORDS)}(?<![\d.:/]){amount('n')}{_END}{_JOIN}(?P<unit>{units}){_END}{_JOIN}"
        rf"(?:و{_JOIN}(?:(?P<half>نیم)|{amount('n2')}{_JOIN}(?P<unit2>{units}){_END}){_JOIN})?"
        rf"(?:{ago}|(?P<past>{past})|(?P<later>{later})){_END}"
        rf"(?![\s\u200c]*از{_END})"  # «۴۰ دقیقه پیش از طغیان» counts from an event, not from now
    )


@cache
def weekday_alone() -> re.Pattern[str]:
    """A weekday name with no date (parse_date only): ``شنبه``، ``سه‌شنبه گذشته``، ``روز دوشنبه``."""
    before, after = _alternation(cal.WEEKDAY_BEFORE), _alternation(cal.WEEKDAY_AFTER)
    weeks = rf"(?P<lastweek>{_alternation(cal.WEEKDAY_LAST_WEEK)})|(?P<nextweek>{_alternation(cal.WEEKDAY_NEXT_WEEK)})"
    return _compile(
        rf"{_starts()}{_head()}(?:روز\s+)?{_START}(?P<wd>{_alternation(cal.WEEKDAYS)}){_END}(?![\s\u200c]*ها{_END})"
        rf"(?:{_JOIN}(?:{weeks}|(?P<before>{before})|(?P<after>{after})){_END})?{_tail()}"
    )


@cache
def vague() -> re.Pattern[str]:
    """``ساعاتی پیش``، ``هفته گذشته``، ``پارسال`` (parse_date only)."""
    return _compile(rf"{_START}(?P<vague>{_alternation(cal.VAGUE_RELATIVE)}){_END}")


@cache
def month_only() -> re.Pattern[str]:
    """A month with no day (parse_day_bound only): ``آبان ۱۴۰۴``، ``November 2025``، ``۱۴۰۴/۰۸``."""
    names = [*cal.JALALI_MONTHS, *cal.DARI_MONTHS, *cal.GREGORIAN_MONTHS, *cal.HIJRI_MONTHS]
    return _compile(
        rf"(?:(?P<month>{_alternation(names)})(?:{_JOIN}ماه)?{_END}[\s,/-]*(?:سال{_JOIN})?{_year()}"
        rf"|(?P<ny>\d{{4}})\s?[/.-]\s?(?P<nm>\d{{1,2}})|(?P<nm2>\d{{1,2}})\s?[/.-]\s?(?P<ny2>\d{{4}})"
        rf"|(?:سال{_JOIN})?(?P<yo>\d{{4}})(?:\s*(?P<yosuffix>{_alternation(cal.YEAR_SUFFIXES)}))?)"
    )


@cache
def relative_word() -> re.Pattern[str]:
    """``امروز``، ``دیروز ساعت ۱۰:۳۰``، ``لحظاتی پیش``."""
    words = _alternation(cal.RELATIVE_WORDS)
    return _compile(rf"{_starts(cal.RELATIVE_WORDS)}{_head()}{_weekday()}{_START}(?P<word>{words}){_END}{_tail()}")


@cache
def time_only() -> re.Pattern[str]:
    """A time of day alone (parse_date only): ``ساعت ۱۴:۴۵``، ``۱۰:۳۰ ق.ظ``."""
    return _compile(rf"(?:(?:(?:ساعت|at)[\s:]*)?{_time('')}|{_hour_only()}){_zone()}")


@cache
def label() -> re.Pattern[str]:
    """Label words and punctuation parse_date ignores around one expression."""
    words = _alternation(cal.LABEL_WORDS)
    return _compile(rf"(?:{_START}{words}{_END}|[\s:;,.،؛|()\[\]«»\"'-])*")


def date_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every pattern find_dates runs, with the form's name."""
    return (
        ("textual", textual()),
        ("month_first", month_first()),
        ("numeric_ymd", numeric_ymd()),
        ("numeric_dmy", numeric_dmy()),
        ("relative_ago", relative_ago()),
        ("relative_word", relative_word()),
        ("weekday", weekday_alone()),
        ("vague", vague()),
    )


@cache
def month_names_pattern() -> re.Pattern[str]:
    """Any month name on its own (to explain a date that has no day)."""
    names = [*cal.JALALI_MONTHS, *cal.DARI_MONTHS, *cal.GREGORIAN_MONTHS, *cal.HIJRI_MONTHS]
    return _compile(rf"{_START}{_alternation(names)}{_END}")
