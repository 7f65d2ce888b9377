"""Crawl state: the frontier, what was fetched, how it went and its validators.

It lives in the archive's SQLite file, in its own ``crawl_urls`` table, so
one file holds everything (a PostgreSQL archive keeps its crawl state in a
SQLite file beside the working folder, see :func:`state_path`). Every change
is its own committed transaction in WAL mode, so a run stopped at any moment
(Ctrl-C, kill -9) leaves a consistent frontier: the next run takes the
queued URLs back and skips the done ones.

A page is marked done only after the consumer has taken it (the crawler
marks it when its generator is resumed), so a page that was fetched but not
stored is fetched again; storing is idempotent, so nothing is lost or doubled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from khabar.collect.detect import Kind
from khabar.errors import StoreError

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_urls (
    url TEXT PRIMARY KEY,
    seed TEXT NOT NULL,
    kind TEXT NOT NULL,
    probe INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'queued',
    http_status INTEGER,
    reason TEXT,
    error_kind TEXT,
    etag TEXT,
    last_modified TEXT,
    lastmod TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    discovered_at TEXT NOT NULL,
    fetched_at TEXT
);
CREATE INDEX IF NOT EXISTS crawl_urls_queue ON crawl_urls (status, seed);
"""

QUEUED, DONE, FAILED = "queued", "done", "failed"
# Failures worth another try in a later run (up to MAX_ATTEMPTS fetches in all).
TRANSIENT = ("timeout", "network", "http-429")
MAX_ATTEMPTS = 5
# Kinds whose content changes: revisited (with a conditional GET) on every run.
REVISITED = (Kind.AUTO, Kind.FEED, Kind.SITEMAP, Kind.SITE)


@dataclass(frozen=True)
class Task:
    """One URL waiting to be fetched."""

    url: str
    kind: Kind
    seed: str
    probe: bool = False  # a guessed path (/feed, /sitemap.xml): a 404 there is no error
    attempts: int = 0


@dataclass(frozen=True)
class Discovered:
    url: str
    kind: Kind
    probe: bool = False
    lastmod: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    status: str  # done | failed
    http_status: int | None = None
    reason: str | None = None
    error_kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def state_path(db: str) -> str:
    """Where crawl state lives: the archive file itself, or a sidecar for PostgreSQL archives."""
    return "khabar-crawl.db" if db.startswith(("postgres://", "postgresql://")) else db


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CrawlState:
    def __init__(self, path: str) -> None:
        try:
            self.db = sqlite3.connect(path, timeout=30.0, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the crawl state ({exc}); check the path and permissions") from exc
        self.path = path

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: crawl state write failed ({exc}); is the disk full?") from exc

    def seed(self, url: str, kind: Kind) -> Task:
        """A URL the user named: queued again even if done (its validators are kept)."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO crawl_urls (url, seed, kind, discovered_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET status='queued', attempts=0",
                (url, url, kind.value, _now()),
            )
            row = db.execute("SELECT kind FROM crawl_urls WHERE url=?", (url,)).fetchone()
        stored = Kind(row[0])
        return Task(url, kind if stored == Kind.AUTO else stored, url)

    def pending(self, seeds: Sequence[str]) -> list[Task]:
        """URLs queued by an earlier run (interrupted) for these seeds, in discovery order."""
        marks = ",".join("?" * len(seeds))
        rows = self.db.execute(
            f"SELECT url, kind, seed, probe FROM crawl_urls WHERE status='queued' AND seed IN ({marks}) ORDER BY rowid",
            tuple(seeds),
        ).fetchall()
        return [Task(url, Kind(kind), seed, bool(probe)) for url, kind, seed, probe in rows if url != seed]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM crawl_urls WHERE url=?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def finish(self, url: str, outcome: Outcome, seed: str, children: Iterable[Discovered] = ()) -> list[Task]:
        """Record how ``url`` went and queue what it listed, in one transaction.

        Returns the children that need fetching: new ones, ones still queued,
        revisited kinds, and pages whose sitemap ``lastmod`` is newer than our copy.
        """
        tasks: list[Task] = []
        now = _now()
        with self._tx() as db:
            db.execute(
                "INSERT INTO crawl_urls (url, seed, kind, discovered_at) VALUES (?, ?, 'page', ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, seed, now),
            )
            db.execute(
                "UPDATE crawl_urls SET status=?, http_status=?, reason=?, error_kind=?, "
                "etag=COALESCE(?, etag), last_modified=COALESCE(?, last_modified), "
                "attempts=attempts+1, fetched_at=? WHERE url=?",
                (
                    outcome.status,
                    outcome.http_status,
                    outcome.reason,
                    outcome.error_kind,
                    outcome.etag,
                    outcome.last_modified,
                    now,
                    url,
                ),
            )
            for child in children:
                task = self._discover(db, child, seed, now)
                if task is not None:
                    tasks.append(task)
        return tasks

    def _discover(self, db: sqlite3.Connection, child: Discovered, seed: str, now: str) -> Task | None:
        lastmod = child.lastmod.isoformat() if child.lastmod else None
        row = db.execute(
            "SELECT status, fetched_at, kind, error_kind, attempts FROM crawl_urls WHERE url=?", (child.url,)
        ).fetchone()
        if row is None:
            db.execute(
                "INSERT INTO crawl_urls (url, seed, kind, probe, lastmod, discovered_at) VALUES (?,?,?,?,?,?)",
                (child.url, seed, child.kind.value, int(child.probe), lastmod, now),
            )
            return Task(child.url, child.kind, seed, child.probe)
        status, fetched_at, kind, error_kind, attempts = row
        if _wanted(Kind(kind), status, child.lastmod, fetched_at, error_kind, attempts):
            db.execute(
                "UPDATE crawl_urls SET status='queued', lastmod=COALESCE(?, lastmod) WHERE url=?",
                (lastmod, child.url),
            )
            return Task(child.url, Kind(kind), seed, child.probe)
        return None

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, COUNT(*) FROM crawl_urls GROUP BY status").fetchall())

    def failures(self) -> list[tuple[str, str, str]]:
        """(url, error kind, reason) of every URL that failed, for reports."""
        rows = self.db.execute(
            "SELECT url, error_kind, reason FROM crawl_urls WHERE status='failed' ORDER BY rowid"
        ).fetchall()
        return [(str(url), str(kind), str(reason)) for url, kind, reason in rows]


def _wanted(
    kind: Kind, status: str, lastmod: datetime | None, fetched_at: str | None, error: str | None, attempts: int
) -> bool:
    """Should a URL listed again (by a feed, a sitemap) be fetched in this run?"""
    if status == QUEUED:
        return True
    if status == FAILED:
        return (error in TRANSIENT or (error or "").startswith("http-5")) and attempts < MAX_ATTEMPTS
    if kind == Kind.SITEMAP and lastmod is not None and fetched_at is not None:
        return _newer(lastmod, fetched_at)  # an index says when each child sitemap changed
    return kind in REVISITED or _newer(lastmod, fetched_at)


def _newer(lastmod: datetime | None, fetched_at: str | None) -> bool:
    if lastmod is None or fetched_at is None:
        return False
    when = lastmod if lastmod.tzinfo else lastmod.replace(tzinfo=UTC)
    return when > datetime.fromisoformat(fetched_at)
