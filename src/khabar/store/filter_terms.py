"""Filters as index terms: section, source, author and publication day become hidden tokens.

A filtered search then runs entirely inside the full-text index (PostgreSQL's GIN tsvector) as one
more AND, instead of joining every match to the articles table: a common word with a section
filter costs as much as the word alone. A date range becomes the few decade, year, month and day
tokens that cover it exactly. Hand-written because no index library does this for SQLite or
PostgreSQL; the tokens are ASCII and hashed, so no text word can collide with them.
"""

from __future__ import annotations

import contextlib
import hashlib
from calendar import monthrange
from datetime import date, timedelta

from khabar.search import AllOf, AnyOf, Filters, Node, Phrase

#: The range an open-ended date filter stands for.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


def _hashed(kind: str, value: str) -> str:
    return f"z{kind}{hashlib.blake2b(value.strip().encode('utf-8'), digest_size=6).hexdigest()}"


def section_token(section: str) -> str:
    return _hashed("sec", section)


def source_token(source: str) -> str:
    return _hashed("src", source)


def author_token(author: str) -> str:
    return _hashed("aut", author)


def day_tokens(day: date) -> list[str]:
    return [f"zd{day:%Y%m%d}", f"zm{day:%Y%m}", f"zy{day.year}", f"zx{day.year // 10}"]


def meta_key(section: str | None, source: str | None, authors: tuple[str, ...] | list[str],
             pub_day: str | None) -> str:
    """The hidden tokens of one article, space-separated (indexed in a column of weight 0)."""
    tokens = [section_token(section)] if section else []
    if source:
        tokens.append(source_token(source))
    tokens += [author_token(a) for a in authors if a]
    if pub_day:
        with contextlib.suppress(ValueError):  # a malformed day is simply not filterable
            tokens += day_tokens(date.fromisoformat(pub_day))
    return " ".join(tokens)


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def range_tokens(since: date | None, until: date | None) -> list[str]:
    """The fewest decade/year/month/day tokens whose days are exactly [since, until]."""
    day, last = since or EARLIEST, until or LATEST
    tokens: list[str] = []
    while day <= last:
        if day.month == 1 and day.day == 1 and day.year % 10 == 0 and date(day.year + 9, 12, 31) <= last:
            tokens.append(f"zx{day.year // 10}")
            day = date(day.year + 10, 1, 1)
        elif day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= last:
            tokens.append(f"zy{day.year}")
            day = date(day.year + 1, 1, 1)
        elif day.day == 1 and date(day.year, day.month, monthrange(day.year, day.month)[1]) <= last:
            tokens.append(f"zm{day:%Y%m}")
            day = _next_month(day)
        else:
            tokens.append(f"zd{day:%Y%m%d}")
            day += timedelta(days=1)
    return tokens


def filter_node(filters: Filters) -> Node | None:
    """The filters as query-tree terms to AND with the words, or None without filters."""
    items: list[Node] = []
    if filters.section:
        items.append(Phrase((section_token(filters.section),)))
    if filters.source:
        items.append(Phrase((source_token(filters.source),)))
    if filters.author:
        items.append(Phrase((author_token(filters.author),)))
    if filters.since or filters.until:
        days = [Phrase((token,)) for token in range_tokens(filters.since, filters.until)]
        items.append(days[0] if len(days) == 1 else AnyOf(tuple(days)))
    if not items:
        return None
    return items[0] if len(items) == 1 else AllOf(tuple(items))
