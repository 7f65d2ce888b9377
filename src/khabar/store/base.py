"""What both SQL backends share: upserts with history, filters, browsing, search assembly, dedup.

A backend supplies the connection, its transactions and the few places where SQL dialects differ
(the full-text match, the author filter, how the search key reaches the index). SQL here is written
with ``?`` placeholders; the PostgreSQL backend rewrites them.
"""

from __future__ import annotations

import dataclasses
import gc
import operator
import threading
import time
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from khabar.errors import StoreError
from khabar.records import Article
from khabar.search import AllOf, Query, SearchRequest, key_version
from khabar.store import dedup, groups
from khabar.store.filter_terms import filter_node
from khabar.store.models import (
    Facets,
    FetchState,
    SearchHit,
    SearchResults,
    UpsertResult,
)
from khabar.store.parallel import RowHelper
from khabar.store.reading import BATCH, SUMMARY_SQL, ArchiveReader, Row, ranked
from khabar.store.rows import (
    ArticleRow,
    Keys,
    article_row,
    article_rows,
    keys_from_doc,
    paragraphs_from_doc,
    relevance,
    summary,
)
from khabar.store.snippet import snippet

_COLUMNS = ("id", "url", "source", "section", "title", "lead", "authors", "published", "pub_day", "month",
            "sort_ts", "image_url", "content_hash", "minhash", "doc_hash", "jday", "jmonth")
_ROW_VALUES = operator.attrgetter(*_COLUMNS)
#: Relevance candidates re-ranked with the recency boost, beyond the page asked for.
RERANK_EXTRA = 100


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def facets_of(rows: Iterable[Row]) -> Facets:
    """Facets from (source, section, month, jmonth, count) groups."""
    rows = list(rows)
    by = [ranked((r[i], int(r[4])) for r in rows) for i in range(4)]
    return Facets(by[0], by[1], tuple(sorted(by[2], reverse=True)), tuple(sorted(by[3], reverse=True)))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a batch is written (as it was, after). A batch
    allocates some 25 containers per article, none of them in a cycle, so the collector ran
    every 30 articles to find nothing (5% of the writer's time at a million articles); what is
    young when it is back on is looked at once."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class SQLStore(ArchiveReader):
    """Shared implementation of the Store protocol over a DB-API connection."""

    RID = "rowid"

    def __init__(self, *, read_only: bool = False) -> None:
        self._lock = threading.RLock()
        self._key_version = key_version()
        self.read_only = read_only
        self._helper = RowHelper()

    # -------------------------------------------------------------- backend hooks
    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _index(self, rid: int, keys: Keys, *, old: Keys | None) -> None:
        """Put an article's search keys into the full-text index, replacing ``old`` (None: a new row)."""

    @abstractmethod
    def _clear_index(self) -> None: ...

    #: Whether the index lives in the article row itself (then _inline_index gives its column).
    INLINE_INDEX = False

    def _inline_index(self, keys: Keys) -> tuple[str, str, Any] | None:
        """(column, SQL expression, value) when the index lives in the article row itself."""
        return None

    def _inline(self, row: ArticleRow) -> tuple[str, str, Any] | None:
        """_inline_index of a row, its keys (hashed filter terms included) computed only if needed."""
        return self._inline_index(row.keys) if self.INLINE_INDEX else None

    @abstractmethod
    def _match(self, query: Query) -> tuple[str, list[Any], str, list[Any], str]:
        """(FROM clause, its params, match condition, its params, score expression: larger is better)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -------------------------------------------------------------- writing
    def upsert(self, article: Article) -> UpsertResult:
        with self._lock, self._transaction():
            return self._upsert(article)

    def upsert_many(self, articles: Iterable[Article]) -> list[UpsertResult]:
        """Upsert in one transaction per BATCH articles; what each article became, in order.

        A kill -9 loses at most the batch in flight: every committed batch is whole, and a rerun
        finds those articles unchanged and inserts the rest (ids are stable), so nothing doubles.
        """
        results: list[UpsertResult] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= BATCH:
                results += self._upsert_batch(batch)
                batch = []
        if batch:
            results += self._upsert_batch(batch)
        return results

    def _upsert_batch(self, batch: list[Article]) -> list[UpsertResult]:
        """New articles go in with one executemany per table and piece; updates, stale keys and
        repeats within the batch take the one-by-one path, in their order, after the new ones of
        their piece. The rows arrive in pieces (see khabar.store.parallel): each is written while
        the helper process folds the next, all in the batch's one transaction."""
        results: list[UpsertResult] = []
        with self._lock, _collector_paused(), self._transaction():
            found = self._found([article.id for article in batch if article.id])
            seen: set[str] = set()
            pieces = self._helper.pieces(batch, self._rows)
            try:
                for rows in pieces:
                    results += self._write_piece(rows, found, seen)
            finally:
                pieces.close()
        return results

    def _write_piece(self, rows: list[ArticleRow], found: dict[str, tuple[int, str, int]],
                     seen: set[str]) -> list[UpsertResult]:
        results: list[UpsertResult | None] = [None] * len(rows)
        fresh: list[int] = []
        slow: list[int] = []
        for i, row in enumerate(rows):
            hit = found.get(row.id)
            if row.id in seen or (hit is not None and (hit[1] != row.doc_hash
                                                       or hit[2] != self._key_version)):
                slow.append(i)
            elif hit is None:
                fresh.append(i)
            else:
                results[i] = "unchanged"
            seen.add(row.id)
        self._insert_rows([rows[i] for i in fresh])
        for i in fresh:
            results[i] = "inserted"
        for i in slow:
            results[i] = self._upsert_row(rows[i])
        return [r for r in results if r is not None]

    def _found(self, ids: list[str]) -> dict[str, tuple[int, str, int]]:
        """(row id, doc_hash, key_version) of those of ``ids`` already stored."""
        found: dict[str, tuple[int, str, int]] = {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ", ".join("?" for _ in part)
            for aid, rid, doc_hash, version in self._all(
                    f"SELECT id, {self.RID}, doc_hash, key_version FROM articles WHERE id IN ({marks})", part):
                found[str(aid)] = (int(rid), str(doc_hash), int(version))
        return found

    @abstractmethod
    def _reserve_rids(self, count: int) -> list[int]:
        """Row ids for ``count`` new articles, inside the current write transaction."""

    def _queue_rows(self, entries: list[tuple[int, ArticleRow]], *, replace: bool) -> bool:
        """Hand rows to an index outside the database (True), or leave them to _index (False)."""
        return False

    def _index_many(self, entries: list[tuple[int, Keys]]) -> None:
        """Index new rows (nothing old to replace)."""
        for rid, keys in entries:
            self._index(rid, keys, old=None)

    def _insert_rows(self, rows: list[ArticleRow]) -> None:
        if not rows:
            return
        now = _now()
        rids = self._reserve_rids(len(rows))
        grouped = self._group(rows, rids)
        inline = [self._inline(row) for row in rows]
        columns = [*_COLUMNS, "first_seen", "updated_at", "key_version", "dup_group", self.RID]
        marks = ["?"] * len(columns)
        extra = inline[0]
        if extra is not None:
            columns.append(extra[0])
            marks.append(extra[1])
        values = [(*self._values(row), now, now, self._key_version, grouped[rid], rid,
                   *((ins[2],) if ins is not None else ())) for row, rid, ins in zip(rows, rids, inline, strict=True)]
        self._execute_many(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join(marks)})", values)
        self._execute_many("INSERT INTO article_docs (article, doc) VALUES (?, ?)",
                           [(rid, row.doc) for row, rid in zip(rows, rids, strict=True)])
        if extra is None and not self._queue_rows(list(zip(rids, rows, strict=True)), replace=False):
            self._index_many([(rid, row.keys) for row, rid in zip(rows, rids, strict=True)])
        self._file_bands([(rid, row.bands) for row, rid in zip(rows, rids, strict=True) if row.bands])

    def _file_bands(self, entries: list[tuple[int, tuple[int, ...]]]) -> None:
        """File each row id under its MinHash LSH band keys."""
        self._execute_many("INSERT INTO minhash_bands (band, article) VALUES (?, ?)",
                           [(band, rid) for rid, keys in entries for band in keys])

    def _unfile_bands(self, rid: int, keys: list[int]) -> None:
        """Take a row id out from under its old band keys (by key: the table's primary key)."""
        self._execute_many("DELETE FROM minhash_bands WHERE band = ? AND article = ?", [(key, rid) for key in keys])

    def _recent_rids(self, keys: list[int]) -> set[int]:
        """Rows filed under ``keys`` that the minhash_bands table does not hold yet."""
        return set()

    def _table_keys(self, keys: list[int]) -> list[int]:
        """Those of ``keys`` worth looking up in the minhash_bands table (all, unless screened)."""
        return keys

    def _group(self, rows: list[ArticleRow], rids: list[int]) -> dict[int, int]:
        """The duplicate group of each new row (see groups); stored groups it renames are updated."""
        new = [groups.candidate(rid, None, row.sort_ts, row.content_hash, row.minhash, row.bands)
               for row, rid in zip(rows, rids, strict=True)]
        bands = [key for row in rows for key in row.bands]
        stored = groups.stored_candidates(self._all, self.RID, groups.unsigned_hashes(rows),
                                          self._table_keys(bands), self._recent_rids(bands))
        mine = set(rids)
        found = groups.assign(new, [c for c in stored if c.rid not in mine])
        for old, leader in found.renamed.items():
            self._execute("UPDATE articles SET dup_group = ? WHERE dup_group = ?", (leader, old))
        return found.groups

    @staticmethod
    def _row(article: Article) -> ArticleRow:
        if not article.id:
            raise StoreError("article has no id; run it through the pipeline (which sets a stable id) first")
        return article_row(article)

    @staticmethod
    def _rows(articles: list[Article]) -> list[ArticleRow]:
        for article in articles:
            if not article.id:
                raise StoreError("article has no id; run it through the pipeline (which sets a stable id) "
                                 "first")
        return article_rows(articles)

    def _upsert(self, article: Article) -> UpsertResult:
        return self._upsert_row(self._row(article))

    def _upsert_row(self, row: ArticleRow) -> UpsertResult:
        found = self._one(f"SELECT {self.RID}, doc_hash, key_version, minhash "
                          "FROM articles WHERE id = ?", (row.id,))
        now = _now()
        inline = self._inline(row)
        if found is None:
            self._insert_rows([row])
            return "inserted"
        rid, doc_hash, indexed_with, old_minhash = found
        if doc_hash == row.doc_hash:
            if indexed_with != self._key_version and self._refresh_stale(rid, row.keys):
                self._execute(f"UPDATE articles SET key_version = ? WHERE {self.RID} = ?",
                              (self._key_version, rid))
            return "unchanged"
        self._execute("INSERT INTO article_versions (article_id, version, content_hash, doc, stored_at) "
                      f"SELECT a.id, a.version, a.content_hash, d.doc, ? FROM articles a "
                      f"{self._docs} WHERE a.{self.RID} = ?", (now, rid))
        self._execute("UPDATE article_docs SET doc = ? WHERE article = ?", (row.doc, rid))
        assignments = ", ".join(f"{c} = ?" for c in _COLUMNS[1:])
        extra, extra_values = (f", {inline[0]} = {inline[1]}", (inline[2],)) if inline else ("", ())
        self._execute(f"UPDATE articles SET {assignments}, version = version + 1, updated_at = ?, "
                      f"key_version = ?{extra} WHERE {self.RID} = ?",
                      (*self._values(row)[1:], now, self._key_version, *extra_values, rid))
        if inline is None and not self._queue_rows([(rid, row)], replace=True):
            self._index(rid, row.keys, old=None)
        if old_minhash is not None:
            self._unfile_bands(rid, dedup.bands(bytes(old_minhash)))
        group = self._group([row], [rid])[rid]
        self._execute(f"UPDATE articles SET dup_group = ? WHERE {self.RID} = ?", (group, rid))
        if row.bands:
            self._file_bands([(rid, row.bands)])
        return "updated"

    @staticmethod
    def _values(row: ArticleRow) -> tuple[Any, ...]:
        values: tuple[Any, ...] = _ROW_VALUES(row)
        return values

    def record_fetch(self, url: str, *, status: int | None = None, etag: str | None = None,
                     last_modified: str | None = None, fetched_at: str | None = None,
                     error: str | None = None) -> None:
        with self._lock, self._transaction():
            self._execute(
                "INSERT INTO urls (url, status, etag, last_modified, fetched_at, error) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET status = excluded.status, "
                "etag = excluded.etag, last_modified = excluded.last_modified, "
                "fetched_at = excluded.fetched_at, error = excluded.error",
                (url, status, etag, last_modified, fetched_at or _now(), error))

    def fetch_state(self, url: str) -> FetchState | None:
        with self._lock:
            row = self._one("SELECT url, status, etag, last_modified, fetched_at, error FROM urls "
                            "WHERE url = ?", (url,))
        return FetchState(*row) if row else None

    # -------------------------------------------------------------- the index
    def reindex(self) -> int:
        """Rebuild the whole search index from the stored articles; returns how many."""
        with self._lock:
            with self._transaction():
                self._execute("UPDATE articles SET key_version = -1")
                self._clear_index()
                self._set_meta("key_version", "-1")
            return self._catch_up(fresh=True)

    def _refresh_stale(self, rid: int, keys: Keys) -> bool:
        """Re-index one row made by another key version; False where only a full rebuild can."""
        self._index(rid, keys, old=None)
        return True

    def _catch_up(self, *, fresh: bool = False) -> int:
        """Index every article whose keys were made by another key version (resumable, batched).

        ``fresh``: the index was just cleared, so nothing old needs replacing."""
        done = 0
        while True:
            with self._transaction():
                rows = self._all(f"SELECT a.{self.RID}, d.doc FROM articles a {self._docs} "
                                 f"WHERE a.key_version < ? OR a.key_version > ? LIMIT {BATCH}",
                                 (self._key_version, self._key_version))
                for rid, doc in rows:
                    self._index(rid, keys_from_doc(doc), old=None)
                    self._execute(f"UPDATE articles SET key_version = ? WHERE {self.RID} = ?",
                                  (self._key_version, rid))
                done += len(rows)
                if len(rows) < BATCH:
                    self._set_meta("key_version", str(self._key_version))
                    return done

    def _set_meta(self, key: str, value: str) -> None:
        self._execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def _get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def _migrate(self, migrations: tuple[tuple[str, ...], ...], *, check_keys: bool = True) -> None:
        with self._transaction():
            self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            current = int(self._get_meta("schema_version") or 0)
            if current > len(migrations):
                raise StoreError(f"this archive has schema {current}, newer than this khabar knows "
                                 f"({len(migrations)}); upgrade khabar")
            for number, statements in enumerate(migrations[current:], start=current + 1):
                for statement in statements:
                    self._execute(statement)
                self._set_meta("schema_version", str(number))
            if 0 < current < 2 <= len(migrations):
                groups.backfill(self._all, self._execute, self._execute_many, self.RID)
        if check_keys and self._get_meta("key_version") != str(self._key_version):
            self._catch_up()

    # -------------------------------------------------------------- search
    def search(self, query: SearchRequest) -> SearchResults:
        parsed = query.query
        restrict = filter_node(query.filters)
        if restrict is not None:  # filters run inside the index as hidden terms
            parsed = dataclasses.replace(parsed, include=AllOf((parsed.include, restrict)))
        source, source_params, match, match_params, score = self._match(parsed)
        base = f"FROM {source} WHERE {match}"
        args = [*source_params, *match_params]
        with self._lock:
            total, facets = self._totals(base, args, query.facets)
            if query.sort == "date":
                rows = self._all(f"SELECT a.{self.RID}, 0.0 {base} "
                                 f"ORDER BY a.sort_ts DESC, a.{self.RID} DESC LIMIT ? OFFSET ?",
                                 (*args, query.limit, query.offset))
                chosen = [(int(r[0]), 0.0) for r in rows]
            else:
                chosen = self._ranked_page(base, args, score, query.limit, query.offset)
            hits = self._hits(chosen, parsed)
        return SearchResults(total, hits, facets)

    def _totals(self, base: str, args: list[Any], facets: bool) -> tuple[int, Facets]:
        if not facets:
            row = self._one(f"SELECT count(*) {base}", args)
            return (int(row[0]) if row else 0), Facets()
        rows = self._all(f"SELECT a.source, a.section, a.month, a.jmonth, count(*) {base} GROUP BY a.source, "
                         "a.section, a.month, a.jmonth", args)
        return sum(int(r[4]) for r in rows), facets_of(rows)

    def _ranked_page(self, base: str, args: list[Any], score: str, limit: int,
                     offset: int) -> list[tuple[int, float]]:
        """BM25 order, then the top candidates re-ranked with the recency boost."""
        window = offset + limit + RERANK_EXTRA
        rows = self._all(f"SELECT a.{self.RID}, {score} AS score {base} ORDER BY score DESC "
                         "LIMIT ?", (*args, window))
        return self._rerank([(int(r[0]), float(r[1])) for r in rows], limit, offset)

    def _rerank(self, scored: list[tuple[int, float]], limit: int, offset: int) -> list[tuple[int, float]]:
        """Boost the BM25 candidates by recency (their dates read in one lookup), then cut the page."""
        if not scored:
            return []
        marks = ", ".join("?" for _ in scored)
        when: dict[int, float] = {
            int(rid): float(ts) for rid, ts in self._all(
                f"SELECT {self.RID}, sort_ts FROM articles WHERE {self.RID} IN ({marks})",
                [rid for rid, _ in scored])}
        now = time.time()
        ranked = sorted(((rid, relevance(bm25, when[rid], now)) for rid, bm25 in scored),
                        key=lambda pair: -pair[1])
        return ranked[offset:offset + limit]

    def _hits(self, chosen: list[tuple[int, float]], query: Query) -> tuple[SearchHit, ...]:
        if not chosen:
            return ()
        marks = ", ".join("?" for _ in chosen)
        rows = self._all(f"SELECT a.{self.RID}, {SUMMARY_SQL}, d.doc FROM articles a {self._docs} "
                         f"WHERE a.{self.RID} IN ({marks})", [rid for rid, _ in chosen])
        by_rid = {int(r[0]): r for r in rows}
        hits = []
        for rid, score in chosen:
            row = by_rid[rid]
            text = snippet(paragraphs_from_doc(row[9]), query.highlights)
            hits.append(SearchHit(summary(row[1:9]), text, score))
        return tuple(hits)
