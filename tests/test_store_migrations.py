"""An archive on PostgreSQL made by the code of schema 1 opens and upgrades (SQLite: test_store_sqlite)."""

from __future__ import annotations

import pytest

from khabar.errors import StoreError
from khabar.search import SearchRequest, key_version
from khabar.store import open_store
from khabar.store.postgres import tsvector_literal
from khabar.store.rows import article_row
from khabar.store.schema import POSTGRES_MIGRATIONS
from test_store import article


def _old_postgres_archive(url: str) -> None:
    import psycopg

    items = [article(1, published="2025-11-04T09:00:00+03:30"),
             article(2, source="بازنشر", published="2025-11-04T12:00:00+03:30")]
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in POSTGRES_MIGRATIONS[0]:
            conn.execute(statement)
        for item in items:
            row = article_row(item)
            rid = conn.execute(
                "INSERT INTO articles (id, url, source, section, title, lead, authors, published, pub_day, month, "
                "sort_ts, image_url, content_hash, minhash, doc_hash, first_seen, updated_at, key_version, tsv) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector) "
                "RETURNING rid",
                (row.id, row.url, row.source, row.section, row.title, row.lead, row.authors, row.published,
                 row.pub_day, row.month, row.sort_ts, row.image_url, row.content_hash, row.minhash, row.doc_hash,
                 "2025-11-05", "2025-11-05", key_version(), tsvector_literal(row.keys))).fetchone()
            assert rid is not None
            conn.execute("INSERT INTO article_docs (article, doc) VALUES (%s, %s)", (rid[0], row.doc))
        conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('key_version', %s)",
                     (str(key_version()),))


def test_a_postgres_archive_of_schema_1_opens_and_upgrades(archive: str) -> None:
    if not archive.startswith("postgresql"):
        pytest.skip("SQLite: see test_store_sqlite.test_an_archive_of_schema_1_opens_and_upgrades")
    _old_postgres_archive(archive)
    with pytest.raises(StoreError, match="needs an upgrade"):
        open_store(archive, read_only=True)
    with open_store(archive) as store:
        assert store.count() == 2
        assert store.search(SearchRequest("مناقصه")).total == 2
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]
        assert [a.id for a in store.latest(jmonth="1404-08").items] == ["art-2", "art-1"]
    with open_store(archive, read_only=True) as reader:
        assert reader.search(SearchRequest("مناقصه")).facets.jmonth == (("1404-08", 2),)
        with pytest.raises(StoreError, match="read-only"):
            reader.upsert(article(3))
