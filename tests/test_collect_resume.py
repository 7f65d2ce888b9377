"""kill -9 in the middle of an ingest, then run again: the same archive as one clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from collect_server import (
    Handler,
    Reply,
    Site,
    add_articles,
    loopback_only,  # noqa: F401  (the fixture below)
    rss,
    send,
    serve,
)
from khabar.cli import main
from khabar.store import open_store

pytestmark = pytest.mark.usefixtures("loopback_only")

PAGES = 40
# Orthography repair is not what is tested here and its lexicon takes seconds to load per process.
FLAGS = ["--delay", "0", "-q", "--no-repair"]


def slow(reply: Reply, seconds: float) -> object:
    def route(handler: Handler) -> None:
        time.sleep(seconds)
        send(handler, reply)

    return route


def archive(db: Path) -> list[tuple[object, ...]]:
    with open_store(str(db)) as store:
        return sorted((a.id, a.url, a.title, a.lead, a.body, a.published, a.section) for a in store.iter_articles())


def page_fetches(site: Site) -> list[str]:
    return [path for path in site.paths() if path.startswith("/news/")]


def ingest_in_process(db: Path, url: str) -> str:
    result = CliRunner().invoke(main, ["ingest", url, "--db", str(db), *FLAGS])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_run_killed_halfway_resumes_to_the_same_archive(tmp_path: Path) -> None:
    with serve() as site:
        paths = add_articles(site, PAGES)
        for path in paths:
            site.routes[path] = slow(site.routes[path], 0.03)  # type: ignore[arg-type]
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        feed = site.url("/rss")

        clean = tmp_path / "clean.db"
        assert ingest_in_process(clean, feed).startswith(f"{PAGES} new")
        site.hits.clear()

        killed = tmp_path / "killed.db"
        command = [sys.executable, "-m", "khabar", "ingest", feed, "--db", str(killed), *FLAGS]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while len(page_fetches(site)) < PAGES // 3 and process.poll() is None:
                assert time.monotonic() < deadline, "the ingest subprocess made no progress"
                time.sleep(0.01)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL

        first_run = page_fetches(site)
        with open_store(str(killed)) as store:
            kept = store.count()
        assert 0 < kept < PAGES and len(first_run) < PAGES

        ingest_in_process(killed, feed)
        every = page_fetches(site)

    assert archive(killed) == archive(clean)
    # nothing stored before the kill was fetched again; at most the page in flight was
    second_run = every[len(first_run) :]
    assert len(set(second_run)) == len(second_run)
    assert len(set(first_run) & set(second_run)) <= 2
    assert set(every) == set(paths)
