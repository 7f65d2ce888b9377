"""The default archive: one SQLite file in WAL mode, full-text search with FTS5 over search keys.

One writer at a time (SQLite's rule); readers never block it. Each upsert is one transaction (or one
per batch in ``upsert_many``), so a crash loses at most the transaction in flight, and the article
row and its index entry always commit together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from khabar.errors import StoreError
from khabar.search import AllOf, AnyOf, Node, Phrase, Query
from khabar.store.base import SQLStore, facets_of
from khabar.store.models import Facets
from khabar.store.rows import Keys
from khabar.store.schema import SQLITE_MIGRATIONS

#: Matches ranked by BM25 at most (see SQLiteStore._index_top).
RANK_CAP = 2000

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # durable at every commit against a process crash, fast
    "PRAGMA busy_timeout = 30000",
    "PRAGMA cache_size = -65536",  # 64 MiB page cache
    "PRAGMA temp_store = MEMORY",
    "PRAGMA mmap_size = 268435456",
)


def fts_expression(node: Node) -> str:
    """Compile a query tree node to FTS5 MATCH syntax (tokens are plain word characters)."""
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"' + (" *" if node.prefix else "")
    joiner = " OR " if isinstance(node, AnyOf) else " AND "
    assert isinstance(node, AnyOf | AllOf)
    return "(" + joiner.join(fts_expression(item) for item in node.items) + ")"


def _has_phrase(node: Node) -> bool:
    if isinstance(node, Phrase):
        return len(node.words) > 1
    return any(_has_phrase(item) for item in node.items)


def fts_query(query: Query) -> str:
    text = fts_expression(query.include)
    if query.exclude:
        text = f"({text}) NOT ({' OR '.join(fts_expression(e) for e in query.exclude)})"
    return text


class SQLiteStore(SQLStore):
    RID = "rowid"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        if path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(f"cannot create archive {path}: folder {Path(path).parent} does not exist; "
                             "create it or pass another --db")
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in PRAGMAS:
                self._conn.execute(pragma)
            self._depth = 0
            if self._one("PRAGMA user_version") != (self._stamp,):
                self._migrate(SQLITE_MIGRATIONS)
                self._execute(f"PRAGMA user_version = {self._stamp}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open archive {path}: {exc}; is it a khabar archive? "
                             "pass another --db") from exc

    @property
    def _stamp(self) -> int:
        """The header's user_version of an archive at this schema and key version: opening reads it
        alone (one page) and runs the migration and key checks only when it differs."""
        return len(SQLITE_MIGRATIONS) * 100_000 + self._key_version

    def reindex(self) -> int:
        self._execute("PRAGMA user_version = 0")  # an interrupted rebuild is resumed at the next open
        done = super().reindex()
        self._execute(f"PRAGMA user_version = {self._stamp}")
        return done

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc):
                from khabar.errors import QueryError

                raise QueryError(f"the search index cannot run this query ({exc}); simplify it") from exc
            raise StoreError(f"archive {self.path}: {exc}; check the disk and that no other writer hangs") \
                from exc

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"archive {self.path}: {exc}; check the disk and that no other writer hangs") \
                from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def _index(self, rid: int, keys: Keys, *, old: Keys | None) -> None:
        """The FTS5 table is contentless (it keeps no copy of the keys), so replacing an entry
        means deleting it with the keys it was indexed with, recomputed from the old document."""
        if old is not None:
            self._execute("INSERT INTO articles_fts (articles_fts, rowid, title, lead, body, meta) "
                          "VALUES ('delete', ?, ?, ?, ?, ?)", (rid, *old))
        self._execute("INSERT INTO articles_fts (rowid, title, lead, body, meta) VALUES (?, ?, ?, ?, ?)",
                      (rid, *keys))

    def _reserve_rids(self, count: int) -> list[int]:
        """The next ``count`` rowids: safe because BEGIN IMMEDIATE holds the only write lock."""
        row = self._one("SELECT coalesce(max(rowid), 0) FROM articles")
        first = int(row[0]) + 1 if row else 1
        return list(range(first, first + count))

    def _index_many(self, entries: list[tuple[int, Keys]]) -> None:
        self._execute_many("INSERT INTO articles_fts (rowid, title, lead, body, meta) VALUES (?, ?, ?, ?, ?)",
                           [(rid, *keys) for rid, keys in entries])

    def _refresh_stale(self, rid: int, keys: Keys) -> bool:
        return False  # the old keys are gone with the old key version: _catch_up rebuilds

    def _catch_up(self, *, fresh: bool = False) -> int:
        """Keys from another version cannot be deleted one by one from a contentless index: any stale
        row means a full rebuild (itself resumable: rows are marked stale until re-indexed)."""
        if not fresh and self._one("SELECT 1 FROM articles WHERE key_version < ? OR key_version > ? LIMIT 1",
                                   (self._key_version, self._key_version)):
            return self.reindex()
        return super()._catch_up(fresh=fresh)

    def _clear_index(self) -> None:
        self._execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")

    def _match(self, query: Query) -> tuple[str, list[Any], str, list[Any], str]:
        return ("articles_fts f JOIN articles a ON a.rowid = f.rowid", [],
                "articles_fts MATCH ?", [fts_query(query)], "-f.rank")

    def _index_only(self, query: Query) -> tuple[str, str, list[Any]] | None:
        return ("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                "SELECT rowid, -rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                [fts_query(query)])

    def _recent_edge(self, plain: tuple[str, str, list[Any]]) -> tuple[int | None, int | None]:
        """FTS5 scores every match before it can sort (no top-k pruning), about 15 µs each, and a
        phrase checks the positions of every match: for a query matching more than RANK_CAP
        articles, ranking, facets and (for phrases) the count use the RANK_CAP most recently stored
        matches, found by walking the index backwards (cheap); the recency boost favours them anyway."""
        rows = self._all("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC "
                         "LIMIT ?", [*plain[2], RANK_CAP + 1])
        return (int(rows[-1][0]), None) if len(rows) > RANK_CAP else (None, len(rows))

    def _index_total(self, plain: tuple[str, str, list[Any]], query: Query,
                     edge: int | None) -> tuple[int, bool]:
        """Phrases with more than RANK_CAP matches: the total is estimated from how much of the rowid
        range the newest RANK_CAP + 1 matches span (rows are stored roughly uniformly)."""
        if edge is None or not _has_phrase(query.include):
            return super()._index_total(plain, query, edge)
        top = self._one("SELECT max(rowid) FROM articles")
        newest = int(top[0]) if top and top[0] is not None else edge
        return round((RANK_CAP + 1) * newest / max(1, newest - edge + 1)), False

    def _recent_facets(self, plain: tuple[str, str, list[Any]], edge: int | None) -> Facets:
        rows = self._all("SELECT a.source, a.section, a.month, count(*) FROM articles a WHERE a.rowid IN "
                         "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?) "
                         "GROUP BY a.source, a.section, a.month", [*plain[2], edge or 0])
        return facets_of(rows)

    def _index_top(self, plain: tuple[str, str, list[Any]], window: int, edge: int | None,
                   query: Query) -> list[tuple[int, float]]:
        if edge is None:
            return super()._index_top(plain, window, edge, query)
        if _has_phrase(query.include):
            # bm25() of a phrase first counts the phrase in every matching row (its IDF), as slow as
            # counting them all, and scoring row by row recomputes that: above RANK_CAP matches, a
            # phrase's newest matches are ordered by recency alone (the boost of _rerank).
            rows = self._all("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
                             "ORDER BY rowid DESC LIMIT ?", [*plain[2], edge, window])
            return [(int(r[0]), 1.0) for r in rows]
        rows = self._all("SELECT rowid, -rank FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
                         "ORDER BY rank LIMIT ?", [*plain[2], edge, window])
        return [(int(r[0]), float(r[1])) for r in rows]

    def _author_clause(self, author: str) -> tuple[str, Any]:
        return "EXISTS (SELECT 1 FROM json_each(a.authors) WHERE json_each.value = ?)", author

    def index_size(self) -> int:
        """Bytes used by the full-text index (for benchmarks)."""
        row = self._one("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'")
        return int(row[0] or 0) if row else 0
