"""Kinds of lines in flattened page text: menu, furniture, headline-shaped, date, caption.

Each judgement is a pure function of one line, cached, because the same
furniture lines repeat on every page of an outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.data.labels import (
    BYLINE_LABEL_LINES,
    CHROME_LINES,
    CREDIT_MARKERS,
    DATE_PREFIXES,
    HOME_LABELS,
    ROLE_LABEL_LINES,
)
from khabar.extract.boxes import label_kind
from khabar.extract.filters import byline_row, is_byline, is_chrome_text, is_date_line, reading_minutes, split_caption
from khabar.extract.util import fold, label_set, starts_with_any, strip_prefix

_HOME = label_set(HOME_LABELS)
_CHROME_WORDS = label_set(CHROME_LINES) | _HOME
_BREADCRUMB = re.compile(r"\s+(?:›|»|>|/|«|‹)\s+")
_PIPE = re.compile(r"\s+[|｜]\s+")
_SENTENCE_END = (".", "!", ":", "…", "。")
_BYLINE_LABELS = label_set(BYLINE_LABEL_LINES)
_ROLE_LABELS = label_set(ROLE_LABEL_LINES)


@lru_cache(maxsize=4096)
def is_nav(line: str) -> bool:
    """A menu line: «صفحه اصلی | ایران | جهان», «صفحه اصلی سیاسی اقتصادی …», a breadcrumb."""
    parts = _PIPE.split(line)
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
        return True
    words = line.split()
    if 2 <= len(words) <= 8 and _all_chrome_words(words):
        return True
    starts_home = any(fold(" ".join(words[:n])) in _HOME for n in (1, 2))
    return starts_home and not line.endswith(_SENTENCE_END) and len(words) <= 14


def _all_chrome_words(words: list[str]) -> bool:
    """«درباره ما تبلیغات RSS»: every word belongs to a furniture label (Latin words allowed)."""
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = " ".join(words[i:i + n])
            if i + n <= len(words) and (fold(chunk) in _CHROME_WORDS or (n == 1 and chunk.isascii())):
                i += n
                break
        else:
            return False
    return True


@lru_cache(maxsize=4096)
def is_furniture(line: str) -> bool:
    return (
        is_chrome_text(line) or is_nav(line) or label_kind(line) is not None
        or (_BREADCRUMB.search(line) is not None and len(line.split()) <= 8)
    )


@lru_cache(maxsize=4096)
def is_headline_shaped(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 30 and len(line) >= 15 and not line.endswith(_SENTENCE_END)
        and not is_furniture(line) and not is_meta_line(line)
    )


@lru_cache(maxsize=4096)
def is_meta_line(line: str) -> bool:
    """Byline, date, reading time or caption lines around the headline."""
    return (
        is_byline(line) or date_in(line) is not None or reading_in(line) is not None
        or caption_in(line) is not None or fold(line) in _BYLINE_LABELS or fold(line) in _ROLE_LABELS
    )


def parts(line: str) -> list[str]:
    return [p for p in _PIPE.split(line) if p]


@lru_cache(maxsize=4096)
def date_in(line: str) -> str | None:
    """The date as printed, from a date line («تاریخ انتشار: …», «… | زمان مطالعه: …»)."""
    for part in [line, *parts(line)]:
        for prefix in DATE_PREFIXES:
            index = _find_label(part, prefix)
            if index is not None:
                candidate = part[index:].strip()
                if is_date_line(_drop_zone(candidate)):
                    return candidate
        if is_date_line(_drop_zone(part)):
            return part
        # a label without a colon («تاریخ نشر ۳ جدی ۱۴۰۴، ساعت ۱۴:۰۵», «منتشر شده در …»)
        value = strip_prefix(part, DATE_PREFIXES)
        if value != part and is_date_line(_drop_zone(value)):
            return value
    row = byline_row(line)
    return row[1] if row else None


def _find_label(text: str, label: str) -> int | None:
    """Index just after ``label`` inside ``text`` (ZWNJ/space-insensitive), or None."""
    match = _label_pattern(label).search(text)
    return match.end() if match else None


@lru_cache(maxsize=256)
def _label_pattern(label: str) -> re.Pattern[str]:
    stripped = label.rstrip(": ")
    return re.compile(re.escape(stripped).replace(r"\ ", r"[\s\u200c]*") + r"\s*[:：]\s*")


def _drop_zone(text: str) -> str:
    """«… ساعت ۱۹:۲۰ به وقت کابل» → «… ساعت ۱۹:۲۰»: a zone phrase is not a date word."""
    return re.sub(r"[،,]?\s*به\s+وقت\s+\S+(?:\s+\S+)?$", "", text)


def reading_in(line: str) -> int | None:
    for part in parts(line):
        if len(part) < 60 and (minutes := reading_minutes(part)):
            return minutes
    return None


@lru_cache(maxsize=4096)
def caption_in(line: str) -> tuple[str | None, str | None] | None:
    """(caption, credit) from «caption / عکس: credit», «منبع تصویر، …» or «توضیح تصویر، …»."""
    if starts_with_any(line, ("منبع تصویر", "منبع عکس", "اعتبار تصویر")):
        return None, strip_prefix(line, CREDIT_MARKERS)
    if starts_with_any(line, ("توضیح تصویر", "شرح عکس", "زیرنویس")):
        return split_caption(line)[0], None
    caption, credit = split_caption(line)
    if credit and len(line) < 250:
        return caption, credit
    return None
