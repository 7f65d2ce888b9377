"""Rows for a batch of articles computed on two cores: a helper process folds most of the batch's
texts in pieces while this process folds the first part and writes the pieces as they arrive.

Folding search keys, hashing and MinHash are pure Python work, about as much as writing the rows
costs, and the GIL keeps threads from sharing it. One helper process
(``python -m khabar.store.parallel``, started on the first large batch and kept until the store
closes) receives the texts of its share of each batch over a pipe (a few strings per article
pickle five times faster than the records) and sends back each piece's folded columns
(``rows.Folded``); a thread here reads them as they come, so the helper never waits on a full pipe
while this process folds its own part or writes. The rows are built here from the records and the
folded columns. Writing piece k while the helper folds piece k + 1 keeps both cores busy. Small
batches (a crawler's trickle, the web API) stay in this process. It is a plain subprocess rather
than a multiprocessing pool because spawning re-imports the caller's main module, which a script
without a ``__main__`` guard does not survive. A helper that fails is replaced by doing the work
here.
"""

from __future__ import annotations

import gc
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator
from contextlib import suppress
from pathlib import Path
from typing import IO

from khabar.records import Article
from khabar.store.rows import ArticleRow, Folded, Texts, fold_texts, rows_of

try:
    import fcntl
except ImportError:  # Windows: the pipes keep their size
    fcntl = None  # type: ignore[assignment]

#: Batches smaller than this are folded here alone (starting the helper costs about a second).
MIN_BATCH = 400
#: The relative sizes of the helper's pieces of a batch (this process folds its own share first,
#: and writes everything): each piece is written while the helper folds the next. Writing a row
#: costs about what folding one does in the helper (0.4-0.5 ms at a million articles), so equal
#: pieces keep the helper one piece ahead; this process's share covers the wait for the first.
PIECES = (0.125,) * 8
#: This process's share of the folding: where it starts, its bounds, and its step. The share
#: follows the cores' balance: up after a batch in which this process waited for the helper to
#: finish pieces longer than WAIT_TOLERANCE of the batch's time, down after any other. (Time
#: spent reading a finished piece is not waiting: a larger share would not shorten it.)
SHARE, MIN_SHARE, MAX_SHARE, SHARE_STEP = 0.22, 0.04, 0.5, 0.02
WAIT_TOLERANCE = 0.03
#: Room in each pipe to the helper and back: a whole folded piece fits (see _widen).
PIPE_BYTES = 1 << 20

Compute = Callable[[list[Article]], list[ArticleRow]]


def _cuts(size: int, share: float = SHARE) -> list[int]:
    """Where a batch of ``size`` is cut: this process's ``share``, then the helper's pieces."""
    cuts, end = [], size
    scale = (1.0 - share) / sum(PIECES)
    for fraction in reversed(PIECES):
        end -= max(1, int(size * fraction * scale))
        cuts.append(end)
    return sorted(max(0, cut) for cut in cuts)


def next_share(share: float, waited: float, elapsed: float) -> float:
    """This process's share after a batch of ``elapsed`` seconds in which it ``waited`` for pieces."""
    step = SHARE_STEP if waited > WAIT_TOLERANCE * elapsed else -SHARE_STEP
    return min(MAX_SHARE, max(MIN_SHARE, share + step))


def _widen(*pipes: IO[bytes] | None) -> None:
    """Give the pipes PIPE_BYTES of room (Linux; elsewhere they keep the system's size).

    With the default 64 KiB a folded piece (up to a MiB) crossed in a dozen writes, and the
    reading thread here needed the GIL back after each one, which this process's writing held
    for up to a switch interval: the helper stood blocked on a full pipe most of the time while
    this process, the busier one, waited for its pieces."""
    for pipe in pipes:
        if pipe is not None and fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
            with suppress(OSError):
                fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _read_exactly(source: IO[bytes], size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise EOFError("the helper stopped")
    return data


def _read(source: IO[bytes], count: int, out: queue.Queue[tuple[float, Folded] | None]) -> None:
    """Read ``count`` folded pieces from the helper, each with when it was ready (None after a
    failure). A piece comes as its length, then its pickle: the length arrives when the helper
    has folded the piece."""
    try:
        for _ in range(count):
            size = int.from_bytes(_read_exactly(source, 8), "little")
            ready = time.perf_counter()
            out.put((ready, pickle.loads(_read_exactly(source, size))))
    except (OSError, EOFError, pickle.PickleError, ValueError):
        out.put(None)


class RowHelper:
    """The helper process of one store (started lazily)."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self.enabled = (os.cpu_count() or 1) > 1
        self.share = SHARE

    def _start(self) -> subprocess.Popen[bytes]:
        if self._child is None:
            package_root = str(Path(__file__).resolve().parents[2])
            path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
            self._child = subprocess.Popen([sys.executable, "-m", "khabar.store.parallel"],
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           env={**os.environ, "PYTHONPATH": path})
            _widen(self._child.stdin, self._child.stdout)
        return self._child

    def rows(self, articles: list[Article], compute: Compute) -> list[ArticleRow]:
        """The rows of ``articles`` in order (all pieces joined)."""
        return [row for piece in self.pieces(articles, compute) for row in piece]

    def pieces(self, articles: list[Article], compute: Compute) -> Generator[list[ArticleRow], None, None]:
        """The rows of ``articles`` in consecutive pieces, in order: this process's part first, then
        the helper's as they arrive. ``compute`` folds a list here (and checks the articles first)."""
        if not self.enabled or len(articles) < MIN_BATCH:
            yield compute(articles)
            return
        compute([article for article in articles if not article.id])  # its checks, before anything is sent
        cuts = _cuts(len(articles), self.share)
        parts = [articles[start:end] for start, end in zip(cuts, [*cuts[1:], len(articles)], strict=True)]
        arrived: queue.Queue[tuple[float, Folded] | None] = queue.Queue()
        reader = self._send(parts, arrived)
        began = time.perf_counter()
        mine = compute(articles[:cuts[0]])
        waited = 0.0
        try:
            yield mine
            for part in parts:
                piece = None
                if reader is not None:
                    asked = time.perf_counter()
                    piece = arrived.get()
                    waited += max(0.0, piece[0] - asked) if piece is not None else 0.0
                if piece is None:
                    self._fail()
                    reader = None
                    yield compute(part)
                else:
                    yield rows_of(part, piece[1])
            self.share = next_share(self.share, waited, time.perf_counter() - began)
        finally:
            if reader is not None:
                reader.join()  # an abandoned batch: its rows are read and dropped

    def _send(self, parts: list[list[Article]], arrived: queue.Queue[tuple[float, Folded] | None]) -> \
            threading.Thread | None:
        try:
            child = self._start()
            assert child.stdin is not None and child.stdout is not None
            pickle.dump([Texts.of(part) for part in parts], child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            child.stdin.flush()
        except (OSError, pickle.PickleError):
            self._fail()
            return None
        reader = threading.Thread(target=_read, args=(child.stdout, len(parts), arrived), daemon=True)
        reader.start()
        return reader

    def _fail(self) -> None:
        self.close()
        self.enabled = False

    def close(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        try:
            if child.stdin is not None:
                child.stdin.close()
            child.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            child.kill()
            child.wait()
        finally:
            if child.stdout is not None:
                child.stdout.close()


def main() -> None:
    """The helper: batches (lists of pieces) in on stdin, each piece's folded columns out on stdout
    (its pickle's length, then the pickle) as soon as it is folded, until stdin closes."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    # This process holds the imported modules and word lists, and makes rows that die with each
    # batch (no reference cycles): its collector runs seldom and skips what import left.
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    while True:
        try:
            parts = pickle.load(source)
        except EOFError:
            return
        for part in parts:
            data = pickle.dumps(fold_texts(part), protocol=pickle.HIGHEST_PROTOCOL)
            sink.write(len(data).to_bytes(8, "little"))
            sink.write(data)
            sink.flush()


if __name__ == "__main__":
    main()
