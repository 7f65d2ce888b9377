"""Listings of the SQLite archive that come from its search index (khabar.store.listing) give the
same pages as the SQL query they replace."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.store import listing
from khabar.store.reading import ArchiveReader
from khabar.store.sqlite import SQLiteStore
from test_store import article

SECTIONS = ("ورزش", "شهری", "اقتصاد")
SOURCES = ("خبرنامه نمونه", "خبرنامه دوم")
TIMES = ("2025-10-20T08:00:00+03:30", "2025-11-05T12:30:00+03:30", "2025-11-05T12:31:00+03:30",
         "2025-12-01T23:59:00+03:30", None)


def pages(read: Any, limit: int, **filters: Any) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = read(limit=limit, cursor=cursor, **filters)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return seen


stored = st.lists(st.tuples(st.sampled_from(SECTIONS), st.sampled_from(SOURCES), st.sampled_from(TIMES)),
                  min_size=1, max_size=30)
chosen = st.fixed_dictionaries({}, optional={"section": st.sampled_from(SECTIONS),
                                             "source": st.sampled_from(SOURCES),
                                             "jmonth": st.sampled_from(("1404-08", "1404-09")),
                                             "since": st.just(date(2025, 11, 5))})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=stored, filters=chosen, limit=st.integers(1, 8), slack=st.sampled_from((0, 1, 32)),
       ties=st.sampled_from((1, 3, 1000)))
def test_index_pages_equal_the_sql_pages(rows: list[tuple[str, str, str | None]], filters: dict[str, Any],
                                         limit: int, slack: int, ties: int) -> None:
    """Also with little or no slack and small tie batches, so every path of listing.newest runs."""
    with SQLiteStore(":memory:") as store, patch.object(listing, "SLACK", slack), \
            patch.object(listing, "TIES", ties):
        store.upsert_many([article(n, section=section, source=source, published=published,
                                   fetched_at="2025-11-05T09:00:00+00:00")
                           for n, (section, source, published) in enumerate(rows, 1)])
        from_index = pages(store.latest, limit, **filters)
        from_sql = pages(lambda **kw: ArchiveReader.latest(store, **kw), limit, **filters)
    assert from_index == from_sql


def test_counts_equal_the_sql_counts() -> None:
    rows = [(SECTIONS[n % 3], SOURCES[n % 2], TIMES[n % 5]) for n in range(23)]
    with SQLiteStore(":memory:") as store:
        store.upsert_many([article(n, section=section, source=source, published=published,
                                   fetched_at="2025-11-05T09:00:00+00:00")
                           for n, (section, source, published) in enumerate(rows, 1)])
        for name in ("section", "source", "month", "jmonth"):
            assert store._grouped(name) == ArchiveReader._grouped(store, name), name


def test_a_reader_process_lists_through_the_index(tmp_path: Path) -> None:
    """The archive file has no section, source or month B-tree; a read-only store (the web
    reader's) pages a section from the index the writer left."""
    where = str(tmp_path / "a.db")
    with SQLiteStore(where) as store:
        store.upsert_many([article(n, section=SECTIONS[n % 3]) for n in range(1, 8)])
        before = pages(store.latest, 2, section="ورزش")
    with sqlite3.connect(where) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not names & {"articles_by_section", "articles_by_source", "articles_by_jmonth"}
    with SQLiteStore(where, read_only=True) as store:
        assert pages(store.latest, 2, section="ورزش") == before == ["art-6", "art-3"]
