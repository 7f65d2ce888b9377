"""Frozen records the store returns: summaries, search hits, facets, pages, statistics."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

UpsertResult = Literal["inserted", "updated", "unchanged"]

#: Marks around a highlighted word in a snippet; the web escapes the text, then turns them into <mark>.
MARK_START = "\x02"
MARK_END = "\x03"


@dataclass(frozen=True)
class ArticleSummary:
    """What a list of articles shows: enough for a headline, its lead and a thumbnail."""

    id: str
    url: str | None
    source: str | None
    section: str | None
    title: str | None
    lead: str | None
    published: str | None
    image_url: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    article: ArticleSummary
    snippet: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article.to_json(), "snippet": self.snippet, "score": self.score}


@dataclass(frozen=True)
class Facets:
    """Counts of the matching articles by source, section, month (YYYY-MM) and Jalali month
    (1404-08); sources and sections largest first, months newest first."""

    source: tuple[tuple[str, int], ...] = ()
    section: tuple[tuple[str, int], ...] = ()
    month: tuple[tuple[str, int], ...] = ()
    jmonth: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, list[list[Any]]]:
        return {name: [list(pair) for pair in getattr(self, name)]
                for name in ("source", "section", "month", "jmonth")}


@dataclass(frozen=True)
class SearchResults:
    """``exact`` is False when ``total`` (and the facets) are estimates: the SQLite archive looks
    for a phrase of very common words among a sample of the newest candidates."""

    total: int
    hits: tuple[SearchHit, ...]
    facets: Facets
    exact: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "exact": self.exact,
            "hits": [hit.to_json() for hit in self.hits],
            "facets": self.facets.to_json(),
        }


@dataclass(frozen=True)
class ArticlePage:
    """One page of a date-ordered listing; pass ``next_cursor`` back for the next one."""

    items: tuple[ArticleSummary, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class Stats:
    total: int
    by_source: tuple[tuple[str, int], ...]
    by_section: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_source": dict(self.by_source),
            "by_section": dict(self.by_section),
            "by_month": dict(self.by_month),
        }

    def render(self) -> str:
        lines = [f"{self.total} articles"]
        for title, pairs in (("by source", self.by_source), ("by section", self.by_section),
                             ("by month", self.by_month)):
            lines.append(f"\n{title}:")
            width = max((len(name) for name, _ in pairs), default=0)
            lines.extend(f"  {name.ljust(width)}  {count:>8}" for name, count in pairs)
        return "\n".join(lines)


@dataclass(frozen=True)
class FetchState:
    """The crawler's memory of one URL (for conditional GET and retry decisions)."""

    url: str
    status: int | None
    etag: str | None
    last_modified: str | None
    fetched_at: str | None
    error: str | None


@dataclass(frozen=True)
class ArticleVersion:
    """An earlier stored version of an article, kept when a changed page replaced it."""

    version: int
    stored_at: str
    content_hash: str | None
