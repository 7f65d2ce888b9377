"""The collecting parts one by one: watch files, crawl state, source detection, WARC reading."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import khabar.collect.watch
from collect_server import Reply, add_articles, loopback_only, rss, serve  # noqa: F401  (fixture)
from khabar.cli import main
from khabar.collect.crawl import canonical
from khabar.collect.detect import Kind, discover_feeds, local_kind
from khabar.collect.records import Skipped
from khabar.collect.state import CrawlState, Discovered, Outcome
from khabar.collect.warc import iter_warc
from khabar.collect.watch import load_outlets, watch_loop
from khabar.config import FetchSettings
from khabar.errors import ConfigError
from khabar.records import Page
from khabar.store import open_store

pytestmark = pytest.mark.usefixtures("loopback_only")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sources.toml"


# ---------------------------------------------------------------- watch
def test_the_example_sources_file_loads() -> None:
    plan = load_outlets(str(EXAMPLE))
    assert [o.name for o in plan.outlets] == ["خبرنامه نمونه", "روزنامه پگاه", "پیام شهر"]
    assert plan.interval == 900 and plan.jitter == 0.2
    assert plan.outlets[0].profile == "khabarnameh"
    # listed feeds and sitemaps are polled; an outlet with neither is found from its home page
    assert plan.sources() == [
        "https://khabarnameh.example/rss",
        "https://khabarnameh.example/fa/economy/rss",
        "https://khabarnameh.example/sitemap-news.xml",
        "https://pegah-daily.example/sitemap_index.xml.gz",
        "https://payam-shahr.example/",
    ]
    assert all(".example/" in source for source in plan.sources())


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("interval = 60\n", "no [[outlet]]"),
        ('[[outlet]]\nhome = "https://a.example/"\n', "needs a name"),
        ('[[outlet]]\nname = "الف"\n', "needs a home, feeds or sitemaps"),
        ('[[outlet]]\nname = "الف"\nfeeds = ["ftp://a.example/rss"]\n', "list of http(s) URLs"),
        ('jitter = 2\n[[outlet]]\nname = "الف"\nhome = "https://a.example/"\n', "jitter"),
        ('[[outlet]]\nname = "الف"\nfeed = ["https://a.example/rss"]\n', "unknown key 'feed'"),
        ("[[outlet]\n", "not valid TOML"),
    ],
)
def test_mistakes_in_a_sources_file_are_one_clear_line(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_outlets(str(path))
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_watch_pauses_with_jitter_between_rounds() -> None:
    plan = load_outlets(str(EXAMPLE))
    pauses: list[float] = []
    rounds = list(itertools.islice(watch_loop(plan, interval=100, sleep=pauses.append, rng=random.Random(1)), 4))
    assert len(rounds) == 4 and all(r == plan.sources() for r in rounds)
    assert len(pauses) == 3 and all(80 <= p <= 120 for p in pauses) and len(set(pauses)) == 3
    assert list(watch_loop(plan, once=True, sleep=pauses.append)) == [plan.sources()]


def test_watch_polls_until_stopped_and_ingests_only_what_is_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "watch.db"
    naps: list[float] = []

    def stop_after_two_rounds(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(khabar.collect.watch.time, "sleep", stop_after_two_rounds)
    with serve() as site:
        paths = add_articles(site, 3)
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'interval = 5\njitter = 0.1\n[[outlet]]\nname = "خبرنامه نمونه"\nfeeds = ["{site.url("/rss")}"]\n',
            "utf-8",
        )
        result = CliRunner().invoke(main, ["watch", str(sources), "--db", str(db), "--delay", "0", "--no-repair", "-q"])
        fetched = [p for p in site.paths() if p.startswith("/news/")]
    assert result.exit_code == 0, result.stderr
    assert "3 new" in result.stderr and "0 new, 0 updated" in result.stderr
    assert "watch stopped" in result.stderr
    assert sorted(fetched) == sorted(paths)
    assert all(4.5 <= n <= 5.5 for n in naps)
    with open_store(str(db)) as store:
        assert store.count() == 3


# ---------------------------------------------------------------- state
def test_state_requeues_a_page_only_when_its_sitemap_lastmod_is_newer(tmp_path: Path) -> None:
    state = CrawlState(str(tmp_path / "s.db"))
    seed = "https://a.example/sitemap.xml"
    state.seed(seed, Kind.AUTO)
    page = "https://a.example/news/1"
    [task] = state.finish(seed, Outcome("done", 200), seed, [Discovered(page, Kind.PAGE)])
    state.finish(page, Outcome("done", 200, etag='"e1"'), seed)
    old = datetime.now(UTC) - timedelta(days=1)
    new = datetime.now(UTC) + timedelta(hours=1)
    assert state.finish(seed, Outcome("done", 200), seed, [Discovered(page, Kind.PAGE, lastmod=old)]) == []
    [again] = state.finish(seed, Outcome("done", 200), seed, [Discovered(page, Kind.PAGE, lastmod=new)])
    assert again.url == task.url == page
    assert state.validators(page) == ('"e1"', None)
    state.close()


def test_state_survives_reopening_with_its_frontier(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    state = CrawlState(path)
    seed = "https://a.example/rss"
    state.seed(seed, Kind.AUTO)
    children = [Discovered(f"https://a.example/news/{n}", Kind.PAGE) for n in range(3)]
    state.finish(seed, Outcome("done", 200, etag='"f"'), seed, children)
    state.finish(children[0].url, Outcome("done", 200), seed)
    state.finish(children[1].url, Outcome("failed", 500, "boom", "http-500"), seed)
    state.close()
    reopened = CrawlState(path)
    assert [t.url for t in reopened.pending([seed])] == [children[2].url]
    assert reopened.counts() == {"done": 2, "failed": 1, "queued": 1}
    assert reopened.failures() == [(children[1].url, "http-500", "boom")]
    assert reopened.seed(seed, Kind.AUTO).url == seed and reopened.validators(seed) == ('"f"', None)
    reopened.close()


def test_transient_failures_are_retried_in_a_later_run_and_permanent_ones_not(tmp_path: Path) -> None:
    state = CrawlState(str(tmp_path / "s.db"))
    feed = "https://a.example/rss"
    urls = {kind: f"https://a.example/news/{kind}" for kind in ("timeout", "http-503", "http-404", "robots")}
    state.seed(feed, Kind.AUTO)
    state.finish(feed, Outcome("done", 200), feed, [Discovered(u, Kind.PAGE) for u in urls.values()])
    for kind, url in urls.items():
        state.finish(url, Outcome("failed", None, "why", kind), feed)
    again = state.finish(feed, Outcome("done", 200), feed, [Discovered(u, Kind.PAGE) for u in urls.values()])
    assert sorted(t.url for t in again) == sorted([urls["timeout"], urls["http-503"]])
    for _ in range(4):  # five fetches in all, then the URL is left alone
        state.finish(urls["timeout"], Outcome("failed", None, "why", "timeout"), feed)
    again = state.finish(feed, Outcome("done", 200), feed, [Discovered(urls["timeout"], Kind.PAGE)])
    assert again == []
    state.close()


def test_an_index_child_sitemap_is_refetched_only_when_its_lastmod_moves(tmp_path: Path) -> None:
    state = CrawlState(str(tmp_path / "s.db"))
    index, child = "https://a.example/sitemap_index.xml", "https://a.example/sitemap-2024.xml"
    state.seed(index, Kind.AUTO)
    old = datetime(2024, 12, 31, tzinfo=UTC)
    assert len(state.finish(index, Outcome("done", 200), index, [Discovered(child, Kind.SITEMAP, lastmod=old)])) == 1
    state.finish(child, Outcome("done", 200), index)
    assert state.finish(index, Outcome("done", 200), index, [Discovered(child, Kind.SITEMAP, lastmod=old)]) == []
    # without a lastmod a sitemap is always read again (conditional GET keeps that cheap)
    assert len(state.finish(index, Outcome("done", 200), index, [Discovered(child, Kind.SITEMAP)])) == 1
    state.close()


# ---------------------------------------------------------------- detect
@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("-", Kind.STDIN),
        ("https://a.example/rss", Kind.AUTO),
        ("crawl.warc.gz", Kind.WARC),
        ("CC-MAIN-1.warc.wet.gz", Kind.WARC),
        ("pages/", Kind.FILES),
        ("page.html", Kind.FILES),
    ],
)
def test_local_kind(source: str, kind: Kind) -> None:
    assert local_kind(source) == kind


def test_feed_links_are_discovered_from_a_home_page() -> None:
    html = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        b'<link rel="alternate" type="application/atom+xml" href="https://a.example/atom.xml">'
        b'<link rel="alternate" hreflang="en" href="/en/"><link rel="stylesheet" href="/s.css">'
        b"</head><body></body></html>"
    )
    assert discover_feeds(html, "https://a.example/") == ("https://a.example/rss", "https://a.example/atom.xml")
    assert discover_feeds(b"", "https://a.example/") == ()


# ---------------------------------------------------------------- WARC in
def _warc(tmp_path: Path) -> Path:
    path = tmp_path / "in.warc.gz"
    page = "<html><head><title>خبر</title></head><body><p>متن خبر آزمایشی</p></body></html>".encode()
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("https://a.example/news/1", "response", payload=BytesIO(page), http_headers=http)
        )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/logo.png", "response", payload=BytesIO(b"\x89PNG"), http_headers=image
            )
        )
        big = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/huge", "response", payload=BytesIO(b"x" * 5000), http_headers=big
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/news/2",
                "conversion",
                payload=BytesIO("متن ساده صفحه".encode()),
                warc_content_type="text/plain",
            )
        )
    return path


def test_warc_records_become_pages_and_oversized_ones_are_reported(tmp_path: Path) -> None:
    items = list(iter_warc(str(_warc(tmp_path)), FetchSettings(max_bytes=4000)))
    assert [type(i) for i in items] == [Page, Skipped, Page]
    first, skipped, text = items
    assert isinstance(first, Page) and first.url == "https://a.example/news/1"
    assert first.encoding == "utf-8" and "متن خبر آزمایشی" in first.content.decode()
    assert isinstance(skipped, Skipped) and skipped.kind == "too-large"
    assert isinstance(text, Page) and text.content.decode() == "متن ساده صفحه"


def test_a_truncated_warc_keeps_the_good_records_and_reports_the_cut_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(_warc(tmp_path).read_bytes()[:-40] + b"garbage")
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(db), "--no-repair", "--max-bytes", "4000"])
    assert result.exit_code == 0 and result.stdout.startswith("1 new"), result.stdout
    skipped = [line for line in result.stderr.splitlines() if line.startswith("khabar: skipped")]
    assert len(skipped) == 2 and "Traceback" not in result.stderr
    assert any("a.example/news/2" in line and "empty" in line for line in skipped)
    assert any("a.example/huge" in line and "page limit" in line for line in skipped)


@given(
    path=st.lists(st.sampled_from(["news", "اخبار", "a b", "..", "x"]), max_size=4),
    query=st.lists(st.sampled_from(["id=2", "utm_source=tg", "page=3", "fbclid=9"]), max_size=3),
)
def test_canonical_urls_are_stable_and_drop_tracking(path: list[str], query: list[str]) -> None:
    url = "https://News.Example:443/" + "/".join(path) + ("?" + "&".join(query) if query else "") + "#top"
    once = canonical(url)
    assert canonical(once) == once
    assert "utm_source" not in once and "fbclid" not in once and "#" not in once
    assert once.startswith("https://news.example/")
