"""Rows for a batch of articles computed on two cores: a helper process folds a share of the batch
while this process folds the rest (then writes them all).

Folding search keys, hashing and MinHash are pure Python work of about a millisecond per article,
three times what writing the rows costs, and the GIL keeps threads from sharing it. One helper
process (``python -m khabar.store.parallel``, started on the first large batch and kept until the
store closes) takes SHARE of each batch over a pipe (pickled records); small batches (a crawler's
trickle, the web API) stay in this process. It is a plain subprocess rather than a multiprocessing
pool because spawning re-imports the caller's main module, which a script without a
``__main__`` guard does not survive. A helper that fails is replaced by doing the work here.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from khabar.records import Article
from khabar.store.rows import ArticleRow, article_row

#: Batches smaller than this are folded here alone (starting the helper costs about a second).
MIN_BATCH = 400
#: The helper's share of a batch: this process also writes, so it folds less.
SHARE = 0.6


def rows_of(articles: list[Article]) -> list[ArticleRow]:
    """What the helper runs."""
    return [article_row(article) for article in articles]


class RowHelper:
    """The helper process of one store (started lazily)."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self.enabled = (os.cpu_count() or 1) > 1

    def _start(self) -> subprocess.Popen[bytes]:
        if self._child is None:
            package_root = str(Path(__file__).resolve().parents[2])
            path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
            self._child = subprocess.Popen([sys.executable, "-m", "khabar.store.parallel"],
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           env={**os.environ, "PYTHONPATH": path})
        return self._child

    def rows(self, articles: list[Article], compute: Callable[[Article], ArticleRow]) -> list[ArticleRow]:
        if not self.enabled or len(articles) < MIN_BATCH:
            return [compute(article) for article in articles]
        for article in articles:  # the checks of ``compute`` (an id) before anything is sent
            if not article.id:
                compute(article)
        cut = int(len(articles) * SHARE)
        try:
            child = self._start()
            assert child.stdin is not None and child.stdout is not None
            pickle.dump(articles[:cut], child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            child.stdin.flush()
            mine = [compute(article) for article in articles[cut:]]
            theirs: list[ArticleRow] = pickle.load(child.stdout)
        except (OSError, EOFError, pickle.PickleError):
            self.close()
            self.enabled = False
            return [compute(article) for article in articles]
        return theirs + mine

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
    """The helper: batches of articles in on stdin, their rows out on stdout, until stdin closes."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            batch = pickle.load(source)
        except EOFError:
            return
        pickle.dump(rows_of(batch), sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()


if __name__ == "__main__":
    main()
