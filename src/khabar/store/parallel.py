"""Rows for a batch of articles computed on two cores: a helper process folds a share of the batch
while this process folds the rest (then writes them all).

Folding search keys, hashing and MinHash are pure Python work of about a millisecond per article,
three times what writing the rows costs, and the GIL keeps threads from sharing it. One helper
process (started on the first large batch, kept until the store closes) takes SHARE of each batch;
small batches (a crawler's trickle, the web API) stay in this process. A helper that dies is
replaced by doing the work here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

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
    """The helper process of one store (created lazily)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.enabled = (os.cpu_count() or 1) > 1

    def rows(self, articles: list[Article], compute: Callable[[Article], ArticleRow]) -> list[ArticleRow]:
        if not self.enabled or len(articles) < MIN_BATCH:
            return [compute(article) for article in articles]
        for article in articles:  # the checks of ``compute`` (an id) before anything is sent
            if not article.id:
                compute(article)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        cut = int(len(articles) * SHARE)
        future = self._pool.submit(rows_of, articles[:cut])
        mine = [compute(article) for article in articles[cut:]]
        try:
            theirs = future.result()
        except (BrokenProcessPool, OSError):
            self.close()
            self.enabled = False
            theirs = [compute(article) for article in articles[:cut]]
        return theirs + mine

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
