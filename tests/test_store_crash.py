"""kill -9 in the middle of an ingest loses nothing committed, and a repeated run leaves no duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from khabar.search import SearchRequest
from khabar.store import open_store

TOTAL = 400

INGEST = textwrap.dedent("""
    import sys
    from khabar.records import Article
    from khabar.store import open_store

    db, total, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    body = ("گزارش آزمایشی درباره بارش باران در شهر نمونه و وضعیت راه{z}های روستایی." * 3,)
    items = [Article(id=f"c{n}", url=f"https://crash.example/{n}", source="خبرنامه آزمایشی",
                     title=f"گزارش شماره {n}", body=body, published="2025-11-05") for n in range(total)]
    with open_store(db) as store:
        for start in range(0, total, batch):
            chunk = items[start:start + batch]
            if batch == 1:
                store.upsert(chunk[0])
            else:
                store.upsert_many(chunk)
            print(" ".join(a.id for a in chunk), flush=True)  # printed only after the commit
""").replace("{z}", "\u200c")


def _run(db: str, batch: int, stop_after: int | None) -> set[str]:
    """Ingest in a child process; kill -9 it after ``stop_after`` commits. Returns the committed ids."""
    child = subprocess.Popen([sys.executable, "-c", INGEST, db, str(TOTAL), str(batch)],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert child.stdout is not None
    committed: set[str] = set()
    for line in child.stdout:
        committed.update(line.split())
        if stop_after is not None and len(committed) >= stop_after:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    child.stdout.close()
    return committed


def _check_consistent(db: str, expected: int) -> None:
    with open_store(db) as store:
        assert store.count() == expected
        assert store.search(SearchRequest("باران", facets=False)).total == expected  # one index entry each
        assert len({a.id for a in store.iter_articles()}) == expected
        if not db.startswith("postgresql"):
            assert store._one("PRAGMA integrity_check") == ("ok",)  # type: ignore[attr-defined]
            assert store._one("SELECT count(*) FROM index_queue") == (0,)  # type: ignore[attr-defined]


def test_kill_9_mid_ingest_loses_nothing_and_rerun_leaves_no_duplicate(archive: str) -> None:
    committed = _run(archive, batch=1, stop_after=60)
    with open_store(archive) as store:
        survivors = {a.id for a in store.iter_articles()}
    assert committed <= survivors  # nothing committed is lost
    assert len(survivors) < TOTAL  # the kill really came mid-ingest
    _check_consistent(archive, len(survivors))
    assert len(_run(archive, batch=1, stop_after=None)) == TOTAL
    _check_consistent(archive, TOTAL)


def test_kill_9_during_batched_ingest(archive: str) -> None:
    committed = _run(archive, batch=50, stop_after=100)
    with open_store(archive) as store:
        survivors = {a.id for a in store.iter_articles()}
    assert committed <= survivors
    assert len(survivors) % 50 == 0  # whole batches only: a batch is one transaction
    _run(archive, batch=50, stop_after=None)
    _check_consistent(archive, TOTAL)
