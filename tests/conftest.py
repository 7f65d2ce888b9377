"""Shared pytest fixtures.

``archive`` is the string a user passes as ``--db``: a fresh SQLite file, or (when
``KHABAR_TEST_PG`` names a PostgreSQL server, see .ci/postgres.sh) a fresh schema there; tests that
use it or ``store`` run once per backend.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

BACKENDS = ["sqlite", "postgres"]


def _pg_schema_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty archive location for each backend (PostgreSQL skipped without KHABAR_TEST_PG)."""
    if request.param == "sqlite":
        yield str(tmp_path / "khabar.db")
        return
    base = os.environ.get("KHABAR_TEST_PG")
    if not base:
        pytest.skip("KHABAR_TEST_PG is not set (run .ci/postgres.sh)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(archive: str) -> Iterator[object]:
    """An open, empty Store on each backend."""
    from khabar.store import open_store

    with open_store(archive) as opened:
        yield opened
