"""What only the SQLite archive has: its Tantivy index beside the file, migrations from older
archives, read-only opening, and one writer at a time."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from khabar.errors import StoreError
from khabar.search import SearchRequest, key_version
from khabar.store import open_store, sqlite, tantivy_index
from khabar.store.rows import article_row, article_rows
from khabar.store.schema import SQLITE_MIGRATIONS
from test_store import BODY, article


def _old_archive(path: Path) -> None:
    """An archive as the code of schema 1 left it: migration 1's tables, rows, FTS5 entries."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in SQLITE_MIGRATIONS[0]:
        conn.execute(statement)
    items = [article(1, published="2025-11-04T09:00:00+03:30"),
             article(2, source="بازنشر", published="2025-11-04T12:00:00+03:30"),
             article(3, body=("گزارشی دیگر درباره بازار کتاب و نمایشگاه تازه شهر که به پل ربطی ندارد. " * 4,))]
    for rid, item in enumerate(items, start=1):
        row = article_row(item)
        conn.execute("INSERT INTO articles (rowid, id, url, source, section, title, lead, authors, published, "
                     "pub_day, month, sort_ts, image_url, content_hash, minhash, doc_hash, first_seen, "
                     "updated_at, key_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (rid, row.id, row.url, row.source, row.section, row.title, row.lead, row.authors,
                      row.published, row.pub_day, row.month, row.sort_ts, row.image_url, row.content_hash,
                      row.minhash, row.doc_hash, "2025-11-05", "2025-11-05", key_version()))
        conn.execute("INSERT INTO article_docs (article, doc) VALUES (?, ?)", (rid, row.doc))
        conn.execute("INSERT INTO articles_fts (rowid, title, lead, body, meta) VALUES (?, ?, ?, ?, ?)",
                     (rid, *row.keys))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('key_version', ?)",
                 (str(key_version()),))
    conn.execute(f"PRAGMA user_version = {100_000 + key_version()}")
    conn.close()


def test_an_archive_of_schema_1_opens_and_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _old_archive(db)
    with pytest.raises(StoreError, match="needs an upgrade"):
        open_store(str(db), read_only=True)
    with open_store(str(db)) as store:
        assert store.count() == 3
        assert store.search(SearchRequest("مناقصه")).total == 2  # indexed from the stored rows
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]  # groups filled in
        assert store.latest(jmonth="1404-08").items[0].id in {"art-1", "art-2", "art-3"}
        assert store._one("SELECT jday FROM articles WHERE id = 'art-1'") == ("1404-08-13",)
        assert store._one("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'") == (0,)
        assert store.upsert(article(4)) == "inserted"
    with open_store(str(db), read_only=True) as reader:
        assert reader.search(SearchRequest("مناقصه")).total == 3


def test_read_only_never_writes(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with pytest.raises(StoreError, match="ingest into it first"):
        open_store(str(db), read_only=True)
    with open_store(str(db)) as writer:
        writer.upsert(article(1))
    with open_store(str(db), read_only=True) as reader:
        assert reader.get("art-1") == article(1)
        with pytest.raises(StoreError, match="read-only"):
            reader.upsert(article(2))
        with open_store(str(db)) as writer:  # a reader does not hold the writer's lock
            writer.upsert(article(2))
        assert reader.search(SearchRequest("مناقصه")).total == 2  # sees the writer's commit


def test_a_lost_or_outdated_index_is_rebuilt_from_the_rows(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(str(db)) as store:
        store.upsert_many([article(n) for n in range(1, 5)])
    shutil.rmtree(f"{db}.tantivy")
    with pytest.raises(StoreError, match="no search index"):
        open_store(str(db), read_only=True)
    with open_store(str(db)) as store:
        assert store.search(SearchRequest("مناقصه")).total == 4
    meta = Path(f"{db}.tantivy") / tantivy_index.META_FILE
    meta.write_text(json.dumps({"layout": tantivy_index.LAYOUT, "key_version": -7}), encoding="utf-8")
    with open_store(str(db)) as store:
        assert store.search(SearchRequest("مناقصه")).total == 4  # rebuilt, no entry twice


def test_a_second_writer_gets_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tantivy_index, "LOCK_WAIT", 0.2)
    monkeypatch.setattr(sqlite, "COMMIT_SECONDS", 0.2)
    db = str(tmp_path / "k.db")
    with open_store(db) as first:
        first.upsert(article(1))
        with open_store(db) as second:
            with pytest.raises(StoreError, match="another process is writing") as caught:
                second.upsert(article(2))
            assert "\n" not in str(caught.value)
            waited = 0.0
            while second.search(SearchRequest("مناقصه")).total == 0 and waited < 10:  # the timer commits
                time.sleep(0.1)
                waited += 0.1
            assert second.search(SearchRequest("مناقصه")).total == 1
        assert first.upsert(article(3)) == "inserted"
    with open_store(db) as again:
        assert again.count() == 2


def test_jalali_months_in_rows_facets_and_browsing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "k.db")) as store:
        store.upsert_many([article(1, published="2025-10-22"), article(2, published="2025-10-23"),
                           article(3, published="2025-11-21")])
        # 1404-07-30 is 22 October 2025; Aban 1404 begins on the 23rd.
        assert [a.id for a in store.latest(jmonth="1404-08").items] == ["art-3", "art-2"]
        facets = store.search(SearchRequest("مناقصه")).facets
        assert facets.jmonth == (("1404-08", 2), ("1404-07", 1))
        assert facets.month == (("2025-11", 1), ("2025-10", 2))
        assert store.months() == [("1404-08", 2), ("1404-07", 1)]


def test_body_text_is_indexed_per_word_key(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "k.db")) as store:
        store.upsert(article(1, body=BODY))
        assert store.search(SearchRequest("سالمندان")).total == 1
        assert store.search(SearchRequest("سالمند*")).total == 1
        assert store.search(SearchRequest('"عابر پیاده" -بزرگراه')).total == 0


def test_large_batches_fold_on_two_cores_with_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store import parallel

    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    items = [article(n, body=(*BODY, f"بند شماره {n} گزارش.")) for n in range(1, 41)]
    helper = parallel.RowHelper()
    helper.enabled = True
    try:
        assert helper.rows(items, article_rows) == [article_row(a) for a in items]
    finally:
        helper.close()
    with open_store(str(tmp_path / "k.db")) as store:
        assert store.upsert_many(items) == ["inserted"] * 40
        assert store.search(SearchRequest("بند")).total == 40


def test_index_commits_wait_longer_during_a_bulk_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A timed index commit that took many entries makes the next wait BULK_COMMIT_SECONDS; one that
    took few brings back COMMIT_SECONDS (occasional writes stay visible to others within it)."""
    monkeypatch.setattr(sqlite, "COMMIT_SECONDS", 0.2)
    monkeypatch.setattr(sqlite, "BULK_COMMIT_SECONDS", 60.0)
    monkeypatch.setattr(sqlite, "BULK_ENTRIES", 3)

    def next_wait(store: sqlite.SQLiteStore, ids: range) -> float:
        store.upsert_many([article(i) for i in ids])
        timer = store._timer
        assert timer is not None
        wait = float(timer.interval)
        if wait < 1:
            timer.join(5)
        return wait

    with open_store(str(tmp_path / "k.db")) as store:
        assert isinstance(store, sqlite.SQLiteStore)
        assert next_wait(store, range(1, 5)) == 0.2  # first batch: the short wait, then 4 entries committed
        assert next_wait(store, range(5, 6)) == 60.0  # ingest is busy: the long wait
        store._timer.cancel()  # type: ignore[union-attr]
        store._timed_save()  # one entry committed: quiet again
        assert next_wait(store, range(6, 7)) == 0.2
        assert store.search(SearchRequest("مناقصه")).total == 6
