"""Manners, measured on loopback servers: robots.txt, Crawl-delay, per-host delay, 429, 5xx."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from collect_server import (
    Reply,
    Site,
    add_articles,
    loopback_only,  # noqa: F401  (the fixture below)
    rss,
    serve,
)
from khabar.collect import Skipped, open_collector
from khabar.collect.polite import HostGate, backoff_delay, parse_retry_after
from khabar.config import FetchSettings, Settings
from khabar.records import Page

pytestmark = pytest.mark.usefixtures("loopback_only")

QUICK = FetchSettings(per_host_delay=0.0, read_timeout=1.0, total_timeout=3.0, backoff_base=0.1)
SLACK = 0.02  # timer resolution on a busy machine


def collect(urls: list[str], fetch: FetchSettings = QUICK) -> list[Page | Skipped]:
    with open_collector(Settings(fetch=fetch), persistent=False) as collector:
        return list(collector.items(urls))


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


def page_hits(site: Site) -> list[float]:
    return sorted(hit.at for hit in site.hits if hit.path != "/robots.txt")


def test_robots_disallow_is_honoured_for_feed_links_and_named_urls() -> None:
    with serve() as site:
        site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        paths = add_articles(site, 2) + add_articles(site, 2, prefix="/private/")
        site.routes["/feed.xml"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        items = collect([site.url("/feed.xml"), site.url("/private/9")])
        fetched = site.paths()
    assert not any(path.startswith("/private/") for path in fetched)
    pages = [item for item in items if isinstance(item, Page)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert sorted(p.url or "" for p in pages) == [site.url("/news/1"), site.url("/news/2")]
    assert len(skipped) == 3 and {s.kind for s in skipped} == {"robots"}
    assert "robots.txt disallows" in skipped[0].reason


def test_robots_for_khabar_specifically_and_obey_robots_off() -> None:
    with serve() as site:
        robots = b"User-agent: khabar\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
        site.routes["/robots.txt"] = Reply(body=robots, content_type="text/plain")
        add_articles(site, 1)
        assert [type(i) for i in collect([site.url("/news/1")])] == [Skipped]
        items = collect([site.url("/news/1")], replace(QUICK, obey_robots=False))
        assert [type(i) for i in items] == [Page]


def test_crawl_delay_is_honoured() -> None:
    with serve() as site:
        site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
        paths = add_articles(site, 4)
        collect([site.url(p) for p in paths])
        times = page_hits(site)
    assert len(times) == 4
    assert min(gaps(times)) >= 0.3 - SLACK


def test_per_host_delay_is_honoured_and_other_hosts_do_not_wait() -> None:
    with serve() as one, serve() as two:
        urls = [one.url(p) for p in add_articles(one, 3)] + [two.url(p) for p in add_articles(two, 3)]
        collect(urls, replace(QUICK, per_host_delay=0.25))
        first, second = page_hits(one), page_hits(two)
    assert min(gaps(first)) >= 0.25 - SLACK
    assert min(gaps(second)) >= 0.25 - SLACK
    # the hosts take turns: the second host does not wait for the first one's pauses
    assert second[0] < first[1] and first[1] < second[-1]


def test_429_waits_for_retry_after_then_succeeds() -> None:
    with serve() as site:
        add_articles(site, 1)
        page = site.routes["/news/1"]
        site.routes["/news/1"] = [Reply(429, b"slow down", {"Retry-After": "1"}), page]  # type: ignore[list-item]
        items = collect([site.url("/news/1")])
        times = page_hits(site)
    assert [type(i) for i in items] == [Page]
    assert len(times) == 2 and times[1] - times[0] >= 1.0 - SLACK


def test_5xx_is_retried_with_backoff_then_given_up() -> None:
    with serve() as site:
        site.routes["/broken"] = Reply(500, b"oops")
        items = collect([site.url("/broken")], replace(QUICK, max_retries=2))
        times = page_hits(site)
    assert len(times) == 3
    waits = gaps(times)
    assert waits[0] >= 0.1 * 0.9 - SLACK and waits[1] >= 0.2 * 0.9 - SLACK
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].kind == "http-500" and "gave up after 3 tries" in items[0].reason


def test_a_retry_after_beyond_the_limit_gives_up_at_once() -> None:
    with serve() as site:
        site.routes["/busy"] = Reply(503, b"", {"Retry-After": "3600"})
        items = collect([site.url("/busy")], replace(QUICK, max_retry_after=5))
        assert site.paths().count("/busy") == 1
    assert isinstance(items[0], Skipped) and "longer than --max-retry-after" in items[0].reason


def test_robots_server_error_blocks_the_host_and_404_allows_it() -> None:
    with serve() as site:
        site.routes["/robots.txt"] = Reply(503, b"")
        add_articles(site, 1)
        items = collect([site.url("/news/1")])
        assert "/news/1" not in site.paths()
    assert isinstance(items[0], Skipped) and "robots.txt answered 503" in items[0].reason
    assert items[0].kind == "network"  # transient: tried again in the next run
    with serve() as site:
        add_articles(site, 1)
        assert [type(i) for i in collect([site.url("/news/1")])] == [Page]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (None, None),
        ("soon", None),
        (format_datetime(datetime(2026, 1, 1, 12, 0, 30, tzinfo=UTC), usegmt=True), 30.0),
        (format_datetime(datetime(2026, 1, 1, 11, 0, 0, tzinfo=UTC), usegmt=True), 0.0),
    ],
)
def test_retry_after_forms(header: str | None, expected: float | None) -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    got = parse_retry_after(header, now)
    assert got == expected if expected is None else got == pytest.approx(expected)


def test_backoff_doubles_within_jitter_and_is_capped() -> None:
    rng = random.Random(7)
    for attempt, nominal in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0)]:
        assert nominal * 0.9 <= backoff_delay(attempt, 0.5, rng=rng) <= nominal * 1.1
    assert backoff_delay(30, 1.0, cap=60.0, rng=rng) <= 66.0


def test_host_gate_with_a_fake_clock() -> None:
    now = [100.0]
    slept: list[float] = []
    gate = HostGate(0.5, clock=lambda: now[0], sleep=slept.append)
    gate.done("a.example")
    gate.wait("a.example")
    assert slept == [pytest.approx(0.5)]
    gate.set_crawl_delay("a.example", 2.0)
    gate.set_crawl_delay("b.example", 0.1)  # never lower than the default
    assert gate.delay("a.example") == 2.0 and gate.delay("b.example") == 0.5
    gate.push_back("b.example", 10)
    assert gate.ready_at("b.example") == pytest.approx(110.0)
    assert timedelta(seconds=gate.ready_at("c.example")) == timedelta(0)
