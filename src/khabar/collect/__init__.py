"""Collecting: every kind of source → pages, politely, boundedly, resumably.

:class:`Collector` is the one entry point: local files, folders and stdin go
through :mod:`khabar.fetch`, WARC files through :mod:`khabar.collect.warc`,
URLs (pages, feeds, sitemaps, home pages) through the crawler. Failures come
out as :class:`Skipped` items, never as exceptions, so a batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType

from khabar.collect.crawl import Crawler
from khabar.collect.detect import Kind, local_kind
from khabar.collect.records import Skipped
from khabar.collect.state import CrawlState, state_path
from khabar.collect.stats import CrawlStats, error_kind
from khabar.collect.warc import WarcRecorder, iter_warc
from khabar.config import FetchSettings, Settings
from khabar.errors import KhabarError
from khabar.fetch import iter_pages
from khabar.records import Page

__all__ = ["Collector", "CrawlStats", "Skipped", "open_collector"]


class Collector:
    def __init__(
        self,
        settings: FetchSettings,
        state: CrawlState,
        on_progress: Callable[[CrawlStats], None] | None = None,
    ) -> None:
        self.settings = settings
        self.state = state
        self.recorder = WarcRecorder(settings.warc_out) if settings.warc_out else None
        self.crawler = Crawler(settings, state, recorder=self.recorder, on_progress=on_progress)

    @property
    def stats(self) -> CrawlStats:
        return self.crawler.stats

    def items(self, sources: Iterable[str]) -> Iterator[Page | Skipped]:
        """Pages (and failures) from every source, in the order given; runs of URLs are crawled together."""
        urls: list[str] = []
        for source in sources:
            kind = local_kind(source)
            if kind == Kind.AUTO:
                urls.append(source)
                continue
            if urls:
                yield from self.crawler.crawl(urls)
                urls = []
            yield from self._local(source, kind)
        if urls:
            yield from self.crawler.crawl(urls)

    def _local(self, source: str, kind: Kind) -> Iterator[Page | Skipped]:
        try:
            if kind == Kind.WARC:
                yield from iter_warc(source, self.settings)
            else:
                yield from iter_pages(source, self.settings)
        except KhabarError as exc:
            self.stats.errors[error_kind(exc)] += 1
            yield Skipped(source, str(exc), error_kind(exc))

    def reject(self, page: Page, reason: str) -> None:
        """A page the pipeline could not use: the crawl state records it as failed."""
        if page.url:
            self.crawler.reject(page.url, reason)

    def close(self) -> None:
        self.crawler.close()
        if self.recorder is not None:
            self.recorder.close()
        self.state.close()

    def __enter__(self) -> Collector:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@contextmanager
def open_collector(
    settings: Settings,
    *,
    persistent: bool = True,
    on_progress: Callable[[CrawlStats], None] | None = None,
) -> Iterator[Collector]:
    """A collector whose crawl state is kept in the archive (``persistent``) or only in memory."""
    state = CrawlState(state_path(settings.db) if persistent else ":memory:")
    collector = Collector(settings.fetch, state, on_progress)
    try:
        yield collector
    finally:
        collector.close()
