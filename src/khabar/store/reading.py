"""Reading an archive, as both SQL backends do: one article, its versions, browsing pages, a
stream of every article, counts by source, section and month, the copies of a story."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from khabar.records import Article
from khabar.search import Filters
from khabar.store.models import ArticlePage, ArticleSummary, ArticleVersion, Stats
from khabar.store.rows import SUMMARY_COLUMNS, article_from_doc, decode_cursor, encode_cursor, summary

Row = tuple[Any, ...]
#: The JSON document lives in its own table so that the articles rows that filters, facets and
#: joins scan stay small.
DOC_JOIN = "JOIN article_docs d ON d.article = a.{rid}"
SUMMARY_SQL = ", ".join(f"a.{c}" for c in SUMMARY_COLUMNS)
#: Upserts per transaction in upsert_many and rows per batch when reindexing.
BATCH = 1000


def ranked(pairs: Iterable[tuple[Any, int]]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for name, count in pairs:
        if name is not None:
            counts[str(name)] += count
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


class ArchiveReader(ABC):
    """The reading half of SQLStore (see khabar.store.base), over the backend's connection."""

    RID = "rowid"
    _lock: threading.RLock

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def _author_clause(self, author: str) -> tuple[str, Any]: ...

    # -------------------------------------------------------------- helpers
    @property
    def _docs(self) -> str:
        return DOC_JOIN.format(rid=self.RID)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self._execute(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self._execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    # -------------------------------------------------------------- reading
    def get(self, article_id: str) -> Article | None:
        with self._lock:
            row = self._one(f"SELECT d.doc FROM articles a {self._docs} WHERE a.id = ?", (article_id,))
        return article_from_doc(row[0]) if row else None

    def count(self) -> int:
        with self._lock:
            row = self._one("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def history(self, article_id: str) -> list[ArticleVersion]:
        with self._lock:
            rows = self._all("SELECT version, stored_at, content_hash FROM article_versions "
                             "WHERE article_id = ? ORDER BY version", (article_id,))
        return [ArticleVersion(int(v), str(at), h) for v, at, h in rows]

    def _filter_sql(self, filters: Filters | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if filters is None:
            return "", params
        for column, value in (("section", filters.section), ("source", filters.source)):
            if value:
                clauses.append(f"a.{column} = ?")
                params.append(value)
        if filters.author:
            clause, param = self._author_clause(filters.author)
            clauses.append(clause)
            params.append(param)
        if filters.since:
            clauses.append("a.pub_day >= ?")
            params.append(filters.since.isoformat())
        if filters.until:
            clauses.append("a.pub_day <= ?")
            params.append(filters.until.isoformat())
        return "".join(f" AND {c}" for c in clauses), params

    def latest(self, *, section: str | None = None, source: str | None = None, since: date | None = None,
               until: date | None = None, limit: int = 20, cursor: str | None = None,
               jmonth: str | None = None) -> ArticlePage:
        """Newest first; ``jmonth`` ('1404-08') keeps one Jalali month (an indexed lookup)."""
        where, params = self._filter_sql(Filters(section=section, source=source, since=since, until=until))
        if jmonth:
            where += " AND a.jmonth = ?"
            params.append(jmonth)
        if cursor:
            ts, rid = decode_cursor(cursor)
            where += f" AND (a.sort_ts < ? OR (a.sort_ts = ? AND a.{self.RID} < ?))"
            params += [ts, ts, rid]
        with self._lock:
            rows = self._all(f"SELECT {SUMMARY_SQL}, a.sort_ts, a.{self.RID} FROM articles a "
                             f"WHERE 1 = 1{where} ORDER BY a.sort_ts DESC, a.{self.RID} DESC LIMIT ?",
                             (*params, limit + 1))
        items = tuple(summary(r) for r in rows[:limit])
        more = len(rows) > limit
        return ArticlePage(items, encode_cursor(rows[limit - 1][8], rows[limit - 1][9]) if more else None)

    def iter_articles(self, filters: Filters | None = None) -> Iterator[Article]:
        """Every matching article, streamed in batches (constant memory), oldest first."""
        where, params = self._filter_sql(filters)
        last = -1
        while True:
            with self._lock:
                rows = self._all(f"SELECT a.{self.RID}, d.doc FROM articles a {self._docs} "
                                 f"WHERE a.{self.RID} > ?{where} "
                                 f"ORDER BY a.{self.RID} LIMIT {BATCH}", (last, *params))
            for _, doc in rows:
                yield article_from_doc(doc)
            if len(rows) < BATCH:
                return
            last = rows[-1][0]

    def _grouped(self, column: str) -> list[tuple[str, int]]:
        with self._lock:
            rows = self._all(f"SELECT {column}, count(*) FROM articles WHERE {column} IS NOT NULL "
                             f"GROUP BY {column}")
        return list(ranked((name, int(n)) for name, n in rows))

    def sections(self) -> list[tuple[str, int]]:
        return self._grouped("section")

    def sources(self) -> list[tuple[str, int]]:
        return self._grouped("source")

    def months(self) -> list[tuple[str, int]]:
        """Articles per Jalali month ('1404-08'), newest first (a scan of one small index)."""
        return sorted(self._grouped("jmonth"), reverse=True)

    def stats(self) -> Stats:
        by_month = sorted(self._grouped("month"), reverse=True)
        return Stats(self.count(), tuple(self.sources()), tuple(self.sections()), tuple(by_month))

    def duplicates(self, article_id: str) -> list[ArticleSummary]:
        """Other copies of the same story (same body, or MinHash-similar), earliest publisher first:
        one lookup of the stored duplicate group (see khabar.store.groups)."""
        with self._lock:
            rows = self._all(f"SELECT {SUMMARY_SQL} FROM articles a WHERE a.dup_group = "
                             "(SELECT dup_group FROM articles WHERE id = ?) AND a.id <> ? "
                             "ORDER BY a.sort_ts, a.first_seen", (article_id, article_id))
        return [summary(r) for r in rows]
