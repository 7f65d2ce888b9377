"""Schemas of both backends as ordered migrations.

Each migration is applied once, in one transaction, and recorded in ``meta.schema_version``. Add a
new migration at the end; never edit one that has shipped.
"""

from __future__ import annotations

from khabar.store.rows import FIELD_WEIGHTS

_W = ", ".join(str(w) for w in (*FIELD_WEIGHTS, 0.0))  # the hidden filter column weighs nothing

SQLITE_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, source TEXT, section TEXT, title TEXT, lead TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT, pub_day TEXT, month TEXT, sort_ts REAL NOT NULL, image_url TEXT,
            content_hash TEXT, minhash BLOB, doc_hash TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
            key_version INTEGER NOT NULL DEFAULT -1)""",
        "CREATE INDEX articles_by_time ON articles(sort_ts)",
        "CREATE INDEX articles_by_section ON articles(section, sort_ts)",
        "CREATE INDEX articles_by_source ON articles(source, sort_ts)",
        "CREATE INDEX articles_by_hash ON articles(content_hash)",
        "CREATE INDEX articles_by_key_version ON articles(key_version)",
        "CREATE TABLE article_docs (article INTEGER PRIMARY KEY, doc TEXT NOT NULL)",
        """CREATE TABLE article_versions (
            article_id TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT,
            doc TEXT NOT NULL, stored_at TEXT NOT NULL,
            PRIMARY KEY (article_id, version)) WITHOUT ROWID""",
        """CREATE TABLE minhash_bands (
            band INTEGER NOT NULL, article INTEGER NOT NULL,
            PRIMARY KEY (band, article)) WITHOUT ROWID""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, lead, body, meta, content = '', tokenize = 'unicode61 remove_diacritics 0')""",
        f"INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25({_W})')",
        """CREATE TABLE urls (
            url TEXT PRIMARY KEY, status INTEGER, etag TEXT, last_modified TEXT,
            fetched_at TEXT, error TEXT)""",
    ),
    # 2: the search index moves to Tantivy beside the file (khabar.store.tantivy_index); Jalali
    # day and month, and the duplicate group (its first publisher's row id), stored per article.
    (
        "DROP TABLE articles_fts",
        "DROP INDEX articles_by_key_version",
        "ALTER TABLE articles ADD COLUMN jday TEXT",
        "ALTER TABLE articles ADD COLUMN jmonth TEXT",
        "ALTER TABLE articles ADD COLUMN dup_group INTEGER",
        "CREATE INDEX articles_by_group ON articles(dup_group)",
        "CREATE INDEX articles_by_jmonth ON articles(jmonth, sort_ts)",
        # rows written to SQLite but not yet committed to the search index (see SQLiteStore)
        "CREATE TABLE index_queue (article INTEGER PRIMARY KEY)",
        "INSERT INTO index_queue (article) SELECT rowid FROM articles",
    ),
    # 3: band keys of new rows gather in memory and reach minhash_bands in sorted runs; the rows up
    # to meta.bands_upto are filed there (khabar.store.bands). Content hashes are looked up only
    # for texts without a MinHash signature (the others' copies share their band keys).
    (
        "INSERT OR REPLACE INTO meta (key, value) SELECT 'bands_upto', coalesce(max(rowid), 0) FROM articles",
        "DROP INDEX articles_by_hash",
        "CREATE INDEX articles_by_unsigned_hash ON articles(content_hash) WHERE minhash IS NULL",
    ),
    # 4: pages and counts of one section, source or Jalali month come from the search index
    # (khabar.store.listing): with publication times in random order each of these indexes took a
    # random page per new article, and at a million articles the three cost a fifth of the ingest.
    (
        "DROP INDEX IF EXISTS articles_by_section",
        "DROP INDEX IF EXISTS articles_by_source",
        "DROP INDEX IF EXISTS articles_by_jmonth",
    ),
)

POSTGRES_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE articles (
            rid BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, source TEXT, section TEXT, title TEXT, lead TEXT,
            authors JSONB NOT NULL DEFAULT '[]',
            published TEXT, pub_day TEXT, month TEXT, sort_ts DOUBLE PRECISION NOT NULL, image_url TEXT,
            content_hash TEXT, minhash BYTEA, doc_hash TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
            key_version INTEGER NOT NULL DEFAULT -1,
            tsv TSVECTOR NOT NULL DEFAULT ''::tsvector)""",
        "CREATE INDEX articles_by_time ON articles(sort_ts)",
        "CREATE INDEX articles_by_section ON articles(section, sort_ts)",
        "CREATE INDEX articles_by_source ON articles(source, sort_ts)",
        "CREATE INDEX articles_by_hash ON articles(content_hash)",
        "CREATE INDEX articles_by_key_version ON articles(key_version)",
        "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
        "CREATE TABLE article_docs (article BIGINT PRIMARY KEY, doc TEXT NOT NULL)",
        """CREATE TABLE article_versions (
            article_id TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT,
            doc TEXT NOT NULL, stored_at TEXT NOT NULL,
            PRIMARY KEY (article_id, version))""",
        """CREATE TABLE minhash_bands (
            band BIGINT NOT NULL, article BIGINT NOT NULL,
            PRIMARY KEY (band, article))""",
        """CREATE TABLE urls (
            url TEXT PRIMARY KEY, status INTEGER, etag TEXT, last_modified TEXT,
            fetched_at TEXT, error TEXT)""",
    ),
    # 2: Jalali day and month, and the duplicate group (its first publisher's row id), per article.
    (
        "ALTER TABLE articles ADD COLUMN jday TEXT",
        "ALTER TABLE articles ADD COLUMN jmonth TEXT",
        "ALTER TABLE articles ADD COLUMN dup_group BIGINT",
        "CREATE INDEX articles_by_group ON articles(dup_group)",
        "CREATE INDEX articles_by_jmonth ON articles(jmonth, sort_ts)",
    ),
)

#: Columns filled in Python for rows stored before the migration that added them.
BACKFILLED = ("jday", "jmonth", "dup_group")
