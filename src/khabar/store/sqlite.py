"""The default archive: one SQLite file in WAL mode, searched through a Tantivy index beside it.

One writer at a time (SQLite's rule, and Tantivy's lock file); readers never block it. Each upsert is
one transaction (or one per batch in ``upsert_many``), so a crash loses at most the transaction in
flight. The search index (``<db>.tantivy/``, in memory for ``:memory:``) holds derived data only:
every row written is also put in ``index_queue`` in the same transaction and leaves it once Tantivy
has committed it, so an index that missed rows (a crash, a killed process) catches up when the
archive is next opened for writing, and a missing or outdated index is rebuilt from the rows.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from khabar.errors import StoreError
from khabar.search import Filters, Query, SearchRequest
from khabar.store import dedup
from khabar.store.bands import KeyFilter, RecentBands
from khabar.store.base import RERANK_EXTRA, SQLStore
from khabar.store.checkpoint import Checkpointer
from khabar.store.models import ArticlePage, SearchResults
from khabar.store.reading import BATCH, SUMMARY_SQL
from khabar.store.rows import ArticleRow, Keys, decode_cursor, encode_cursor, keys_from_doc, relevance, summary
from khabar.store.schema import SQLITE_MIGRATIONS
from khabar.store.tantivy_index import Entry, SearchIndex

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # durable at every commit against a process crash, fast
    "PRAGMA busy_timeout = 30000",
    # 128 MiB page cache: at a million articles the B-trees every insert touches at a random page
    # (the id, publication time and duplicate group, about 55 MiB) stay cached with the tables'
    # last pages (appending to a 1M archive, 64 → 128 MiB: 2,281-2,295 → 2,328-2,506 articles/s).
    "PRAGMA cache_size = -131072",
    "PRAGMA temp_store = MEMORY",
    # The writer maps nothing (readers do): mapped pages count in its resident memory on top of the
    # page cache above, and at a million articles its lookups are scattered over gigabytes that no
    # map covers anyway (a 64 MiB map held 17 MiB of the writer's resident memory at 300k articles).
    "PRAGMA mmap_size = 0",
    # Checkpoints run in a thread of their own (see Checkpointer); this is the backstop that bounds
    # the WAL (~200 MiB) should that thread fall behind.
    "PRAGMA wal_autocheckpoint = 50000",
)
READ_ONLY_PRAGMAS = ("PRAGMA busy_timeout = 30000", "PRAGMA cache_size = -65536",
                     "PRAGMA mmap_size = 268435456")
#: Index entries added before Tantivy commits them (a commit waits for its indexing threads, so
#: committing seldom lets them index while Python prepares the next batches), and the longest wait
#: before a timer commits them (how late other processes may see a write).
COMMIT_EVERY = 20_000
COMMIT_SECONDS = 2.0
#: The timer's wait after its last commit took at least BULK_ENTRIES entries (ingest at ≥ 500
#: articles/s): a bulk ingest commits every 10 s instead of every 2 s, fewer small segments and
#: merges (30k articles, old/new alternating: main-process CPU 0.82 → 0.72-0.77 ms/article, ingest
#: +6-15% articles/s; the last commit at close takes ~0.3 s longer). Once a timed commit takes fewer, the
#: wait is COMMIT_SECONDS again, so occasional writes are seen by other processes within 2 s.
BULK_COMMIT_SECONDS = 10.0
BULK_ENTRIES = 1_000
#: Keys looked up in the band table, at least, before a table this store did not fill is screened.
SCREEN_AFTER = 200_000
_ENTRY_SQL = ("SELECT a.rowid, a.section, a.source, a.authors, a.pub_day, a.sort_ts, a.month, a.jmonth, d.doc "
              "FROM articles a JOIN article_docs d ON d.article = a.rowid WHERE a.rowid IN ({marks})")


def _day_number(pub_day: str | None) -> int | None:
    return int(pub_day.replace("-", "")) if pub_day and len(pub_day) == 10 else None


def entry_of(rid: int, row: ArticleRow) -> Entry:
    return Entry(rid, row.title_key, row.lead_key, row.body_key, row.section, row.source, row.author_names,
                 _day_number(row.pub_day), row.sort_ts, row.month, row.jmonth)


def stored_entry(values: Sequence[Any]) -> Entry:
    rid, section, source, authors, pub_day, sort_ts, month, jmonth, doc = values
    title, lead, body, _ = keys_from_doc(doc)
    return Entry(int(rid), title, lead, body, section, source, tuple(json.loads(authors or "[]")),
                 _day_number(pub_day), float(sort_ts), month, jmonth)


class SQLiteStore(SQLStore):
    RID = "rowid"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only)
        self.path = path
        if path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(f"cannot create archive {path}: folder {Path(path).parent} does not exist; "
                             "create it or pass another --db")
        if read_only and (path == ":memory:" or not Path(path).exists()):
            raise StoreError(f"no archive at {path} to open read-only; ingest into it first")
        self._depth = 0
        self._checkpointer: Checkpointer | None = None
        self._pending: list[tuple[Entry, bool]] = []  # (entry, replaces one) waiting for the SQL commit
        self._unsaved: list[int] = []  # in Tantivy's writer, not yet committed there
        self._indexed: list[int] = []  # committed in Tantivy, still in index_queue
        self._timer: threading.Timer | None = None
        # Held by whoever calls Tantivy's writer: a timed commit holds it without the store's lock,
        # so ingest goes on while Tantivy commits (it releases the GIL); ordered after self._lock.
        self._index_lock = threading.RLock()
        self._indexed_lock = threading.Lock()  # _indexed is filled by commits, emptied by _dequeue
        self._bulk = False  # the last timed index commit took BULK_ENTRIES or more
        self._closed = False
        self._bands = RecentBands()
        self._data_version: tuple[Any, ...] | None = None  # PRAGMA data_version when _bands was last right
        self._bands_ready = False  # the schema has bands_upto (after the migrations)
        # The minhash_bands table's keys (None: not screened; see _table_keys), and how many keys
        # were looked up unscreened since the filter was last dropped.
        self._table_filter: KeyFilter | None = None
        self._unscreened = 0
        try:
            if read_only:
                self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                             isolation_level=None, check_same_thread=False)
            else:
                self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in READ_ONLY_PRAGMAS if read_only else PRAGMAS:
                self._conn.execute(pragma)
            current = self._one("PRAGMA user_version") == (self._stamp,)
            if read_only and not current:
                raise StoreError(f"archive {path} needs an upgrade first; open it once for writing "
                                 "(e.g. khabar reindex --db …)")
            where = None if path == ":memory:" else f"{path}.tantivy"
            self._search_index = SearchIndex(where, key_version=self._key_version, read_only=read_only)
            if not current:
                self._migrate(SQLITE_MIGRATIONS, check_keys=False)
                self._execute(f"PRAGMA user_version = {self._stamp}")
            self._bands_ready = not read_only
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open archive {path}: {exc}; is it a khabar archive? "
                             "pass another --db") from exc
        self._checkpointer = Checkpointer(path) if not read_only and path != ":memory:" else None
        if not read_only:
            self._open_catch_up()

    @property
    def _stamp(self) -> int:
        """The header's user_version of an archive at this schema: opening reads it alone (one page)
        and runs the migrations only when it differs."""
        return len(SQLITE_MIGRATIONS) * 100_000

    # ------------------------------------------------------------------ connection
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
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
        if self.read_only:
            raise StoreError(f"archive {self.path} was opened read-only; open it without read_only to write")
        self._search_index.writer()  # a busy index lock fails here, before anything is written
        self._execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            self._dequeue()
            if self._bands_ready and self._one("PRAGMA data_version") != self._data_version:
                self._reload_bands()  # another process wrote: its rows are not in this one's memory
            if self._bands.full:
                self._merge_bands()
            yield
        except BaseException:
            self._depth = 0
            self._pending.clear()
            self._conn.execute("ROLLBACK")
            self._data_version = None  # the band keys in memory are reloaded with the next write
            raise
        self._depth = 0
        self._execute("COMMIT")
        if self._checkpointer is not None:
            self._checkpointer.poke()
        self._flush()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
        try:
            if not self.read_only:
                self._flush(wait=True)
                self._save_index()
                if self._indexed or len(self._bands):
                    self._closed = False  # for the last transaction
                    with self._transaction():  # _dequeue runs inside
                        if len(self._bands):
                            self._merge_bands()
                    self._closed = True
            self._search_index.close()
        finally:
            self._helper.close()
            if self._checkpointer is not None:
                self._checkpointer.close()
            self._conn.close()

    # ------------------------------------------------------------------ band keys (khabar.store.bands)
    def _reload_bands(self) -> None:
        """Inside a write transaction: file the rows after the table's watermark in memory again."""
        upto = int(self._get_meta("bands_upto") or 0)
        self._bands.clear(upto)
        # An empty table is screened exactly from the start; another's keys are read once it pays.
        self._table_filter = None if self._one("SELECT 1 FROM minhash_bands LIMIT 1") else KeyFilter()
        self._unscreened = 0
        for rid, minhash in self._all("SELECT rowid, minhash FROM articles WHERE rowid > ? "
                                      "AND minhash IS NOT NULL", (upto,)):
            self._bands.add(int(rid), dedup.bands(bytes(minhash)))
        self._data_version = self._one("PRAGMA data_version")

    def _merge_bands(self) -> None:
        """Inside a write transaction: append the band keys held in memory to the table, sorted."""
        row = self._one("SELECT coalesce(max(rowid), 0) FROM articles")
        upto = int(row[0]) if row else 0
        pairs = self._bands.pairs()
        self._execute_many("INSERT OR IGNORE INTO minhash_bands (band, article) VALUES (?, ?)", pairs)
        if self._table_filter is not None:
            self._table_filter.add(key for key, _ in pairs)
        self._set_meta("bands_upto", str(upto))
        self._bands.clear(upto)

    def _file_bands(self, entries: list[tuple[int, tuple[int, ...]]]) -> None:
        older = [(rid, keys) for rid, keys in entries if rid <= self._bands.upto]  # updated rows
        for rid, keys in entries:
            if rid > self._bands.upto:
                self._bands.add(rid, keys)
        if older:
            super()._file_bands(older)
            if self._table_filter is not None:
                self._table_filter.add(key for _, keys in older for key in keys)

    def _unfile_bands(self, rid: int, keys: list[int]) -> None:
        if rid > self._bands.upto:
            self._bands.remove(rid, keys)
        else:
            super()._unfile_bands(rid, keys)

    def _recent_rids(self, keys: list[int]) -> set[int]:
        return self._bands.rids(keys)

    def _table_keys(self, keys: list[int]) -> list[int]:
        """The keys the table may hold, by its Bloom filter. A table this store did not fill
        itself is read into one once this store has looked up a tenth as many keys as the table
        holds: reading a key costs about a tenth of looking one up (1 and 8-10 µs at a million
        articles), so a crawler's trickle never pays for reading the table."""
        if self._table_filter is None:
            self._unscreened += len(keys)
            if self._unscreened < max(SCREEN_AFTER, self._bands.upto * dedup.BANDS // 10):
                return keys
            self._table_filter = self._read_table_filter()
        return self._table_filter.may_hold(keys)

    def _read_table_filter(self) -> KeyFilter:
        found = KeyFilter()
        cursor = self._conn.execute("SELECT band FROM minhash_bands")
        while part := cursor.fetchmany(1 << 18):
            found.add(chain.from_iterable(part))
        return found

    def _reserve_rids(self, count: int) -> list[int]:
        """The next ``count`` rowids: safe because BEGIN IMMEDIATE holds the only write lock."""
        row = self._one("SELECT coalesce(max(rowid), 0) FROM articles")
        first = int(row[0]) + 1 if row else 1
        return list(range(first, first + count))

    # ------------------------------------------------------------------ the index queue
    def _queue_rows(self, entries: list[tuple[int, ArticleRow]], *, replace: bool) -> bool:
        self._execute_many("INSERT OR IGNORE INTO index_queue (article) VALUES (?)", [(rid,) for rid, _ in entries])
        self._pending += [(entry_of(rid, row), replace) for rid, row in entries]
        return True

    def _dequeue(self) -> None:
        """Inside a write transaction: forget the queued rows Tantivy has committed."""
        with self._indexed_lock:
            indexed, self._indexed = self._indexed, []
        if indexed:
            self._execute_many("DELETE FROM index_queue WHERE article = ?", [(rid,) for rid in indexed])

    def _flush(self, *, wait: bool = False) -> None:
        """After a SQL commit (holding the store's lock): hand the new entries to Tantivy; commit
        it now and then. While a timed commit runs they wait for the next flush (or the timer),
        unless ``wait``; they are in index_queue all along."""
        if not self._pending:
            return
        self._add_pending(wait=wait)
        if len(self._unsaved) >= COMMIT_EVERY:
            self._save_index()
        elif self._timer is None:
            self._schedule()

    def _schedule(self) -> None:
        """Start the timer of the next index commit (holding the store's lock)."""
        if not self._closed:
            self._timer = threading.Timer(BULK_COMMIT_SECONDS if self._bulk else COMMIT_SECONDS, self._timed_save)
            self._timer.daemon = True
            self._timer.start()

    def _add_pending(self, *, wait: bool) -> None:
        if self._pending and self._index_lock.acquire(blocking=wait):
            try:
                fresh = [entry for entry, replace in self._pending if not replace]
                replaced = [entry for entry, replace in self._pending if replace]
                self._pending = []
                self._search_index.add(fresh, replace=False)
                self._search_index.add(replaced, replace=True)
                self._unsaved += [e.rid for e in fresh] + [e.rid for e in replaced]
            finally:
                self._index_lock.release()

    def _timed_save(self) -> None:
        """The timer's commit: entries in under the store's lock, then Tantivy's commit (about a
        tenth of bulk ingest's time) outside it, so the next batch is written meanwhile."""
        with self._lock:
            self._timer = None
            if self._closed:
                return
            if not self._index_lock.acquire(blocking=False):
                self._schedule()  # another commit runs: waiting here would hold up the writes
                return
            try:
                self._bulk = len(self._unsaved) >= BULK_ENTRIES
                self._add_pending(wait=True)
            except BaseException:
                self._index_lock.release()
                raise
        try:
            self._save_index()
        finally:
            self._index_lock.release()

    def _save_index(self) -> None:
        with self._index_lock:
            if self._unsaved:
                self._search_index.commit()
                with self._indexed_lock:
                    self._indexed += self._unsaved
                self._unsaved = []

    def _open_catch_up(self) -> None:
        """Opening for writing: a new or rebuilt index takes every row; otherwise the queued ones."""
        if self._search_index.fresh:
            with self._lock, self._transaction():
                self._execute("INSERT OR IGNORE INTO index_queue (article) SELECT rowid FROM articles")
        if self._one("SELECT 1 FROM index_queue LIMIT 1"):
            try:
                self._search_index.writer(wait=0.0)
            except StoreError:
                return  # another process writes the index, and it will catch up itself
            self._catch_up(fresh=self._search_index.fresh)
            self._search_index.release()  # a store opened to read must not keep the writer's lock

    def _catch_up(self, *, fresh: bool = False) -> int:
        """Index the queued rows in batches (resumable: they leave the queue once committed)."""
        done, last = 0, 0
        with self._lock, self._index_lock:
            while rids := [int(r[0]) for r in self._all(
                    f"SELECT article FROM index_queue WHERE article > ? ORDER BY article LIMIT {BATCH}", (last,))]:
                entries = [stored_entry(r) for r in self._all(_ENTRY_SQL.format(marks=", ".join("?" * len(rids))),
                                                              rids)]
                if not fresh:
                    self._search_index.delete(rids)  # gone or replaced
                self._search_index.add(entries, replace=False)
                self._unsaved += rids
                done += len(entries)
                last = rids[-1]
                if len(self._unsaved) >= COMMIT_EVERY:
                    self._save_index()
            self._save_index()
            if self._indexed:
                with self._transaction():
                    pass
        return done

    def reindex(self) -> int:
        """Rebuild the search index from the stored rows; returns how many."""
        with self._lock, self._index_lock:
            self._flush(wait=True)
            self._save_index()  # Tantivy's delete-all leaves uncommitted additions in place
            self._search_index.clear()
            self._search_index.commit()
            with self._transaction():
                self._execute("INSERT OR IGNORE INTO index_queue (article) SELECT rowid FROM articles")
            return self._catch_up(fresh=True)

    def _refresh_stale(self, rid: int, keys: Keys) -> bool:
        return True  # the index is rebuilt as a whole when the key version changes

    # ------------------------------------------------------------------ unused SQL-index hooks
    def _index(self, rid: int, keys: Keys, *, old: Keys | None) -> None:
        raise AssertionError("the SQLite archive indexes through _queue_rows")

    def _clear_index(self) -> None:
        with self._index_lock:
            self._search_index.clear()

    def _match(self, query: Query) -> tuple[str, list[Any], str, list[Any], str]:
        raise AssertionError("the SQLite archive searches through Tantivy")

    def _author_clause(self, author: str) -> tuple[str, Any]:
        return "EXISTS (SELECT 1 FROM json_each(a.authors) WHERE json_each.value = ?)", author

    # ------------------------------------------------------------------ search
    def search(self, query: SearchRequest) -> SearchResults:
        """Tantivy finds, counts, ranks (BM25 over every match) and facets; the best BM25 candidates
        are re-ranked with the recency boost; snippets come from the stored display text."""
        with self._lock:
            self._sync_index()
            relevant = query.sort == "relevance"
            window = query.offset + query.limit + RERANK_EXTRA
            found = self._search_index.search(
                query.query, query.filters, sort=query.sort, limit=window if relevant else query.limit,
                offset=0 if relevant else query.offset, facets=query.facets,
                page_end=query.offset + query.limit)
            if relevant:
                now = time.time()
                ranked = sorted(((rid, relevance(score, ts, now)) for rid, score, ts in found.hits),
                                key=lambda pair: -pair[1])
                chosen = ranked[query.offset:query.offset + query.limit]
            else:
                chosen = [(rid, 0.0) for rid, _, _ in found.hits]
            hits = self._hits(chosen, query.query)
        return SearchResults(found.total, hits, found.facets, exact=found.exact)

    def _sync_index(self) -> None:
        """Commit this store's own writes to the search index before it answers (holding the lock)."""
        if self._unsaved or self._pending:
            self._flush(wait=True)
            self._save_index()

    # ------------------------------------------------------------------ listings (khabar.store.listing)
    def latest(self, *, section: str | None = None, source: str | None = None, since: date | None = None,
               until: date | None = None, limit: int = 20, cursor: str | None = None,
               jmonth: str | None = None) -> ArticlePage:
        """Newest first, as ArchiveReader.latest; a page of one section, source or Jalali month
        comes from the search index (the archive has no B-tree index on them, see listing)."""
        if not (section or source or jmonth):
            return super().latest(since=since, until=until, limit=limit, cursor=cursor)
        with self._lock:
            self._sync_index()
            pairs = self._search_index.newest(Filters(section=section, source=source, since=since, until=until),
                                              jmonth, before=decode_cursor(cursor) if cursor else None,
                                              count=limit + 1)
            rids = [rid for _, rid in pairs]
            found = {int(r[-1]): r for r in self._all(
                f"SELECT {SUMMARY_SQL}, a.rowid FROM articles a WHERE a.rowid IN ({', '.join('?' * len(rids))})",
                rids)} if rids else {}
        items = tuple(summary(found[rid]) for rid in rids[:limit] if rid in found)
        more = len(pairs) > limit
        return ArticlePage(items, encode_cursor(*pairs[limit - 1]) if more else None)

    def _grouped(self, column: str) -> list[tuple[str, int]]:
        with self._lock:
            self._sync_index()
            return list(self._search_index.counts(column))

    def index_size(self) -> int:
        """Bytes used by the full-text index (for benchmarks)."""
        return self._search_index.size()

    def optimize(self) -> int:
        """After a bulk ingest: commit the search index and wait for its segment merges (see
        SearchIndex.optimize); returns the segments left. Searches stay correct without it."""
        with self._lock, self._index_lock:
            self._flush(wait=True)
            self._save_index()
            return self._search_index.optimize()
