"""The data functions: one per page type, shared by the HTML views, the JSON API and the feeds.

This is datasette's pattern: a view asks a data function for a frozen record
and only chooses how to render it, so the page, its JSON twin and its feed
can never disagree about what the archive holds. Query-string parsing lives
here too, so every view rejects the same bad input with the same message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from khabar.dates import jalali_month_range, parse_day_bound
from khabar.errors import DateError, QueryError
from khabar.records import Article
from khabar.search import SearchRequest, Sort
from khabar.store.models import ArticleSummary, Facets, SearchHit
from khabar.web.display import jalali_parts, parse_when
from khabar.web.reader import ArchiveReader

PAGE_SIZE = 20
MAX_LIMIT = 100
HOME_BLOCK = 4
HOME_BLOCKS = 6
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class NamedCount:
    name: str
    count: int


@dataclass(frozen=True)
class Listing:
    """A titled run of article summaries: a home-page block, a section page, a day of the archive."""

    kind: str  # "latest", "section", "source", "archive"
    name: str | None
    items: tuple[ArticleSummary, ...]
    next_cursor: str | None = None


@dataclass(frozen=True)
class HomeData:
    total: int
    latest: tuple[ArticleSummary, ...]
    by_section: tuple[Listing, ...]
    by_source: tuple[Listing, ...]


@dataclass(frozen=True)
class ArticleData:
    article: Article
    duplicates: tuple[ArticleSummary, ...]
    more: tuple[ArticleSummary, ...]  # latest in the same section, this one excluded


@dataclass(frozen=True)
class ListFilters:
    """Filters of a listing (API /articles, section and source pages, feeds)."""

    section: str | None = None
    source: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = PAGE_SIZE
    cursor: str | None = None


@dataclass(frozen=True)
class SearchQuery:
    """A search as the user asked it: the parsed request plus the raw date texts to refill the form."""

    text: str = ""
    section: str | None = None
    source: str | None = None
    author: str | None = None
    since: date | None = None
    until: date | None = None
    since_text: str = ""
    until_text: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = PAGE_SIZE
    facets: bool = False  # counts by section, source and month, on the first page only: they cost the most

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def request(self) -> SearchRequest:
        return SearchRequest(
            text=self.text,
            section=self.section,
            source=self.source,
            author=self.author,
            since=self.since,
            until=self.until,
            sort=cast(Sort, self.sort),
            limit=self.per_page,
            offset=(self.page - 1) * self.per_page,
            facets=self.facets and self.page == 1,
        )

    def params(self, **changes: object) -> dict[str, str]:
        """Query-string parameters of this search (for pagination and facet links)."""
        values: dict[str, object] = {
            "q": self.text,
            "section": self.section,
            "source": self.source,
            "author": self.author,
            "since": self.since_text,
            "until": self.until_text,
            "sort": self.sort if self.sort != "relevance" else None,
            "page": self.page if self.page > 1 else None,
            "limit": self.per_page if self.per_page != PAGE_SIZE else None,
            "facets": "1" if self.facets else None,
        }
        values.update(changes)
        return {key: str(value) for key, value in values.items() if value not in (None, "")}


@dataclass(frozen=True)
class Facet:
    name: str
    values: tuple[NamedCount, ...]


@dataclass(frozen=True)
class SearchData:
    query: SearchQuery
    total: int
    hits: tuple[SearchHit, ...]
    facets: tuple[Facet, ...] = ()

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


@dataclass(frozen=True)
class MonthCount:
    """One Jalali month of the archive and how many articles it holds."""

    year: int
    month: int
    count: int


@dataclass(frozen=True)
class ArchiveMonth:
    """One Jalali month (or one day of it) of the archive."""

    year: int
    month: int
    day: int | None
    first: date  # Gregorian first and last day of the month (or the day itself)
    last: date
    days: tuple[tuple[int, date], ...]  # every Jalali day of the month with its Gregorian date
    listing: Listing
    previous: tuple[int, int] = field(default=(0, 0))
    following: tuple[int, int] = field(default=(0, 0))
    months: tuple[MonthCount, ...] = ()  # every month the archive holds, newest first


# ---------------------------------------------------------------- page data


def home_data(store: ArchiveReader) -> HomeData:
    latest = store.newest(limit=PAGE_SIZE).items
    sections = tuple(
        Listing("section", name, tuple(store.newest(section=name, limit=HOME_BLOCK).items))
        for name, _ in store.sections()[:HOME_BLOCKS]
    )
    sources = tuple(
        Listing("source", name, tuple(store.newest(source=name, limit=HOME_BLOCK).items))
        for name, _ in store.sources()[:HOME_BLOCKS]
    )
    return HomeData(store.count(), tuple(latest), sections, sources)


def article_data(store: ArchiveReader, article_id: str) -> ArticleData | None:
    article = store.get(article_id)
    if article is None:
        return None
    duplicates = tuple(store.duplicates(article_id))
    more: tuple[ArticleSummary, ...] = ()
    if article.section:
        page = store.newest(section=article.section, limit=6)
        seen = {article_id, *(item.id for item in duplicates)}
        more = tuple(item for item in page.items if item.id not in seen)[:5]
    return ArticleData(article, duplicates, more)


def listing_data(store: ArchiveReader, kind: str, filters: ListFilters) -> Listing:
    page = store.latest(
        section=filters.section,
        source=filters.source,
        since=filters.since,
        until=filters.until,
        limit=filters.limit,
        cursor=filters.cursor,
    )
    name = filters.section if kind == "section" else filters.source if kind == "source" else None
    return Listing(kind, name, tuple(page.items), page.next_cursor)


def search_data(store: ArchiveReader, query: SearchQuery) -> SearchData:
    if query.empty:
        return SearchData(query, 0, ())
    results = store.search(query.request())
    return SearchData(query, results.total, tuple(results.hits), facets_of(results.facets))


FACET_NAMES = ("section", "source", "month", "jmonth")  # month: Gregorian YYYY-MM; jmonth: Jalali 1404-08


def facets_of(raw: Facets) -> tuple[Facet, ...]:
    """The store's facets as records, in the order the search page shows them."""
    facets = (
        Facet(name, tuple(NamedCount(value, count) for value, count in getattr(raw, name) if value))
        for name in FACET_NAMES
    )
    return tuple(facet for facet in facets if facet.values)


def names_data(store: ArchiveReader, kind: str) -> tuple[NamedCount, ...]:
    pairs = store.sections() if kind == "sections" else store.sources()
    return tuple(NamedCount(name, count) for name, count in pairs)


def archive_data(store: ArchiveReader, year: int, month: int, day: int | None, cursor: str | None) -> ArchiveMonth:
    days = jalali_month_days(year, month)
    if day is not None and not 1 <= day <= len(days):
        raise QueryError(f"day {day} is not in Jalali month {year}/{month}")
    first, last = (days[day - 1][1], days[day - 1][1]) if day else (days[0][1], days[-1][1])
    if day is None:  # the archive's stored Jalali month (an indexed lookup)
        page = store.latest(jmonth=f"{year:04d}-{month:02d}", limit=PAGE_SIZE, cursor=cursor)
    else:
        page = store.latest(since=first, until=last, limit=PAGE_SIZE, cursor=cursor)
    listing = Listing("archive", None, tuple(page.items), page.next_cursor)
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return ArchiveMonth(year, month, day, first, last, days, listing, previous, following, archive_months(store))


def archive_months(store: ArchiveReader) -> tuple[MonthCount, ...]:
    """The store's Jalali months («1404-08») as records; anything else it might hold is skipped."""
    months = []
    for name, count in store.months():
        year, _, month = (name or "").partition("-")
        if year.isdigit() and month.isdigit():
            months.append(MonthCount(int(year), int(month), count))
    return tuple(months)


def jalali_month_days(year: int, month: int) -> tuple[tuple[int, date], ...]:
    """Every day of a Jalali month with its Gregorian date."""
    if not 1 <= year <= 3000:
        raise QueryError(f"no Jalali year {year}: use a year like 1404")
    try:
        first, last = jalali_month_range(year, month)
    except DateError as exc:
        raise QueryError(str(exc)) from exc
    return tuple((index + 1, first + timedelta(days=index)) for index in range((last - first).days + 1))


def newest_month(store: ArchiveReader, today: date) -> tuple[int, int]:
    """The newest Jalali month the archive holds, else the month of today: where the archive opens."""
    months = archive_months(store)
    if months:
        return months[0].year, months[0].month
    newest = store.newest(limit=PAGE_SIZE).items
    when = parse_when(newest[0].published) if newest else None
    day = when.date() if isinstance(when, datetime) else when or today
    year, month, _ = jalali_parts(day)
    return year, month


# ---------------------------------------------------------------- query strings


def parse_search(params: Mapping[str, str], *, facets: bool = False) -> SearchQuery:
    """The search asked for; ``facets`` is the default when the query string has no ``facets=0|1``."""
    since_text = (params.get("since") or "").strip()
    until_text = (params.get("until") or "").strip()
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    per_page = parse_int(params, "limit", PAGE_SIZE, 1, MAX_LIMIT)
    return SearchQuery(
        text=(params.get("q") or "").strip()[:500],
        section=params.get("section") or None,
        source=params.get("source") or None,
        author=params.get("author") or None,
        since=parse_day(since_text, "since"),
        until=parse_day(until_text, "until"),
        since_text=since_text,
        until_text=until_text,
        sort=sort,
        page=parse_int(params, "page", 1, 1, 1000),
        per_page=per_page,
        facets=parse_flag(params, "facets", facets),
    )


def parse_flag(params: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (params.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise QueryError(f"{name} must be 1 or 0, not {raw!r}")


def parse_filters(params: Mapping[str, str], **fixed: str) -> ListFilters:
    return ListFilters(
        section=fixed.get("section") or params.get("section") or None,
        source=fixed.get("source") or params.get("source") or None,
        since=parse_day((params.get("since") or "").strip(), "since"),
        until=parse_day((params.get("until") or "").strip(), "until"),
        limit=parse_int(params, "limit", PAGE_SIZE, 1, MAX_LIMIT),
        cursor=params.get("cursor") or None,
    )


def parse_int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw.translate(DIGITS_TO_LATIN))
    except ValueError as exc:
        raise QueryError(f"{name} must be a whole number, not {raw!r}") from exc
    if not low <= value <= high:
        raise QueryError(f"{name} must be between {low} and {high}")
    return value


DIGITS_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def parse_day(text: str, name: str) -> date | None:
    """A day bound in any calendar («۱۴۰۴/۰۸/۰۱», «2025-11-01», «۱ آبان ۱۴۰۴»)."""
    if not text:
        return None
    try:
        return parse_day_bound(text, end=name == "until")
    except DateError as exc:
        raise QueryError(f"{name}: {exc}") from exc
