"""The archive: a Store protocol with a SQLite backend (default) and a PostgreSQL one.

``open_store(db)`` takes what the user gave as ``--db``: a file path for SQLite or a
``postgresql://`` URL. Both backends keep the same records, the same version history and the same
search semantics (the query tree of :mod:`khabar.search`), and the same tests run against both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from types import TracebackType
from typing import Protocol, Self

from khabar.records import Article
from khabar.search import Filters, SearchRequest
from khabar.store.models import (
    ArticlePage,
    ArticleSummary,
    ArticleVersion,
    FetchState,
    SearchResults,
    Stats,
    UpsertResult,
)

__all__ = ["ArticlePage", "ArticleSummary", "Store", "open_store"]


class Store(Protocol):
    """What the command line, the web reader and the crawler use; both backends implement it."""

    def __enter__(self) -> Self: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None: ...

    def close(self) -> None: ...

    def upsert(self, article: Article) -> UpsertResult:
        """Insert, update (keeping the old version) or leave alone; idempotent by ``article.id``."""
        ...

    def upsert_many(self, articles: Iterable[Article]) -> list[UpsertResult]:
        """Upsert in batched transactions; what each article became, in order."""
        ...

    def get(self, article_id: str) -> Article | None: ...

    def count(self) -> int: ...

    def history(self, article_id: str) -> list[ArticleVersion]: ...

    def search(self, query: SearchRequest) -> SearchResults: ...

    def latest(self, *, section: str | None = None, source: str | None = None, since: date | None = None,
               until: date | None = None, limit: int = 20, cursor: str | None = None,
               jmonth: str | None = None) -> ArticlePage: ...

    def iter_articles(self, filters: Filters | None = None) -> Iterator[Article]: ...

    def sections(self) -> list[tuple[str, int]]: ...

    def sources(self) -> list[tuple[str, int]]: ...

    def months(self) -> list[tuple[str, int]]:
        """Articles per Jalali month ('1404-08'), newest first."""
        ...

    def stats(self) -> Stats: ...

    def duplicates(self, article_id: str) -> list[ArticleSummary]: ...

    def reindex(self) -> int: ...

    def record_fetch(self, url: str, *, status: int | None = None, etag: str | None = None,
                     last_modified: str | None = None, fetched_at: str | None = None,
                     error: str | None = None) -> None: ...

    def fetch_state(self, url: str) -> FetchState | None: ...


def open_store(db: str, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the archive named by ``db``: a SQLite path or a postgresql:// URL.

    ``read_only``: never create, migrate or index (a reader beside a writer); an archive that needs
    any of these raises StoreError saying so."""
    from khabar.errors import StoreError

    if not db or not db.strip():
        raise StoreError("no archive given; pass --db PATH or set KHABAR_DB")
    if db.startswith(("postgresql://", "postgres://")):
        from khabar.store.postgres import PostgresStore

        return PostgresStore(db, read_only=read_only)
    if "://" in db:
        raise StoreError(f"unknown archive URL {db!r}; use a file path or a postgresql:// URL")
    from khabar.store.sqlite import SQLiteStore

    return SQLiteStore(db, read_only=read_only)
