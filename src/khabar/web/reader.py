"""The web's read-only view of the archive: a few pooled stores and short-lived memos.

Every call borrows one open store from a small pool and gives it back, so a
worker never opens more than ``size`` connections (opening one runs the
store's migration check, which is slow on a large archive) and no thread
keeps a store it is not using.

The lists that do not depend on the page asked for (sections and sources
with their counts, the newest articles of a section) are whole-table
aggregates; they are memoised for ``ttl`` seconds, within the time
Cache-Control lets a browser keep the page anyway.

Article pages cost well under a millisecond, less than handing them to a
thread, so they are rendered on the event loop with :meth:`ArchiveReader.
for_loop`: a reader with one store of its own (the loop runs one sync call
at a time, so it never waits for a store a slow search in the thread pool
holds) and the same memos.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from khabar.errors import StoreError
from khabar.records import Article
from khabar.search import SearchRequest
from khabar.store import Store, open_store
from khabar.store.models import ArticlePage, ArticleSummary, SearchResults

T = TypeVar("T")


class Memo:
    """Values kept ``ttl`` seconds, shared by the readers of one app."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._values: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        now = time.monotonic()
        found = self._values.get(key)
        if found is not None and found[0] > now:
            value: T = found[1]
            return value
        value = compute()
        with self._lock:
            self._values[key] = (now + self.ttl, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


class ArchiveReader:
    def __init__(self, db: str, size: int = 4, ttl: float = 30.0, memo: Memo | None = None) -> None:
        self.db = db
        self.size = size
        self.ttl = ttl
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._memo = memo or Memo(ttl)

    def for_loop(self) -> ArchiveReader:
        """A reader with a single store of its own, for sync calls made on the event loop."""
        return LoopReader(self.db, size=1, ttl=self.ttl, memo=self._memo)

    # ------------------------------------------------------------ pooling
    @contextmanager
    def borrow(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        finally:
            self._idle.put(store)

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            may_open = self._opened < self.size
            if may_open:
                self._opened += 1
        if not may_open:
            return self._idle.get()
        try:
            return open_reader(self.db)
        except BaseException:
            with self._lock:
                self._opened -= 1
            raise

    def writer(self) -> Store:
        """A fresh store for one write (ingest); use it in a ``with`` block so it closes."""
        return open_store(self.db)

    def forget(self) -> None:
        """Drop the memos (after a write)."""
        self._memo.clear()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    def _memoised(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        return self._memo.get(key, compute)

    # ------------------------------------------------------------ the Store calls the web makes
    def get(self, article_id: str) -> Article | None:
        with self.borrow() as store:
            return store.get(article_id)

    def count(self) -> int:
        return self._memoised(("count",), lambda: self._call(lambda s: s.count()))

    def duplicates(self, article_id: str) -> list[ArticleSummary]:
        with self.borrow() as store:
            return store.duplicates(article_id)

    def search(self, request: SearchRequest) -> SearchResults:
        with self.borrow() as store:
            return store.search(request)

    def latest(
        self,
        *,
        section: str | None = None,
        source: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        cursor: str | None = None,
        jmonth: str | None = None,
    ) -> ArticlePage:
        with self.borrow() as store:
            return store.latest(section=section, source=source, since=since, until=until, limit=limit, cursor=cursor,
                                jmonth=jmonth)

    def newest(self, *, section: str | None = None, source: str | None = None, limit: int) -> ArticlePage:
        """The first page of a section or source (memoised: many pages show it)."""
        return self._memoised(
            ("newest", section, source, limit), lambda: self.latest(section=section, source=source, limit=limit)
        )

    def sections(self) -> list[tuple[str, int]]:
        return self._memoised(("sections",), lambda: self._call(lambda s: s.sections()))

    def sources(self) -> list[tuple[str, int]]:
        return self._memoised(("sources",), lambda: self._call(lambda s: s.sources()))

    def months(self) -> list[tuple[str, int]]:
        """Articles per Jalali month («1404-08»), newest first."""
        return self._memoised(("months",), lambda: self._call(lambda s: s.months()))

    def _call(self, action: Callable[[Store], T]) -> T:
        with self.borrow() as store:
            return action(store)


class LoopReader(ArchiveReader):
    """The event loop's reader: one store, lent without a queue or lock (the loop makes one call at
    a time, and an article page makes two)."""

    def __init__(self, db: str, size: int = 1, ttl: float = 30.0, memo: Memo | None = None) -> None:
        super().__init__(db, size, ttl, memo)
        self._store: Store | None = None

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        if self._store is None:
            self._store = open_reader(self.db)
        yield self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def open_reader(db: str) -> Store:
    """The archive opened read-only; an archive that must first be created or upgraded is opened
    once for writing (which does that), as ``khabar serve`` always did."""
    try:
        return open_store(db, read_only=True)
    except StoreError:
        return open_store(db)
