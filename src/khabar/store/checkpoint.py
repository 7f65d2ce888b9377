"""The SQLite archive's WAL checkpoints, in a thread of their own."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress

#: The shortest time between two WAL checkpoints (see Checkpointer).
CHECKPOINT_SECONDS = 2.0


class Checkpointer:
    """Copies the WAL back into the database file in a thread with its own connection, after
    commits, so that the writer does not.

    At a few hundred thousand articles a checkpoint (copying the pages a batch dirtied into a
    file of gigabytes, then syncing it) cost the committing thread 0.8 ms per article, more than
    writing the rows. A passive checkpoint never blocks the writer or readers, and SQLite releases
    the GIL while it runs, so it overlaps the next batch. Commits are as durable as before: a
    checkpoint only moves committed pages from one file to the other. Checkpoints come at most
    every CHECKPOINT_SECONDS: a page that several commits dirtied in between (an index's inner
    pages, the tables' last pages) is copied once.
    """

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 30000")
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="khabar-checkpoint", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping.is_set():
                return
            with suppress(sqlite3.Error):  # the writer's own autocheckpoint (the backstop) bounds the WAL
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._stopping.wait(CHECKPOINT_SECONDS)

    def close(self) -> None:
        self._stopping.set()
        self._wake.set()
        self._thread.join()
        self._conn.close()
