"""The pipeline: one page through every stage, in numbered steps.

Stages never import each other; this module is where they meet. Each step
is a plain function from record to record, so the same code runs in a loop
here and as a map step on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from khabar.collect import Collector, Skipped, open_collector
from khabar.config import Settings
from khabar.enrich import enrich
from khabar.errors import KhabarError
from khabar.extract import extract
from khabar.records import Article, Page
from khabar.repair import repair_article


def process_page(page: Page, settings: Settings) -> Article:
    # 1. extract: structure from HTML or flattened text (raw orthography)
    article = extract(page)
    # 2. repair: Persian orthography (half-spaces, letter forms, digits)
    if settings.repair:
        article = repair_article(article, digits=settings.digits)
    # 3. enrich: dates in any calendar, reading time, content hash, id
    return enrich(article, fetched_at=page.fetched_at, timezone=settings.timezone)


@dataclass(frozen=True)
class Failure:
    """A source or page that could not be processed, and why (one line)."""

    origin: str
    reason: str


def process_sources(
    sources: Iterable[str], settings: Settings, collector: Collector | None = None,
) -> Iterator[Article | Failure]:
    """Every article from every source (files, folders, WARC, URLs, feeds,
    sitemaps, sites); failures are reported, never raised, so one bad page
    does not stop a batch. Without a ``collector`` the crawl state is kept in
    memory only (``extract``); ``ingest`` passes one that keeps it in the archive."""
    if collector is None:
        with open_collector(settings, persistent=False) as own:
            yield from process_sources(sources, settings, own)
        return
    for item in collector.items(sources):
        if isinstance(item, Skipped):
            yield Failure(item.origin, item.reason)
            continue
        try:
            yield process_page(item, settings)
        except KhabarError as exc:
            collector.reject(item, str(exc))
            yield Failure(item.origin or item.url or "?", str(exc))
