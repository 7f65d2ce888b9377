"""Every source kind ingested end to end from loopback servers: feeds, sitemaps, sites, WARC, 304s."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

import khabar.pipeline
from collect_server import (
    Handler,
    Reply,
    add_articles,
    loopback_only,  # noqa: F401  (the fixture below)
    rss,
    send,
    serve,
    sitemap_index,
    urlset,
)
from khabar.cli import main
from khabar.collect.sitemaps import parse_sitemap
from khabar.records import Article, Page
from khabar.store import open_store

pytestmark = pytest.mark.usefixtures("loopback_only")

# Orthography repair is tested elsewhere; its lexicon takes seconds to load.
FAST = ["--delay", "0", "--timeout", "2", "-q", "--no-repair"]


def ingest(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["ingest", *args, "--db", str(db), *FAST])
    return result.exit_code, result.stdout, result.stderr


def stored(db: Path) -> list[Article]:
    with open_store(str(db)) as store:
        return sorted(store.iter_articles(), key=lambda a: a.url or "")


def crawl_rows(db: Path) -> dict[str, tuple[str, str | None, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, status, error_kind, reason FROM crawl_urls").fetchall()
    return {url: (status, kind, reason) for url, status, kind, reason in rows}


def with_validators(body: bytes, etag: str, content_type: str = "text/html; charset=utf-8") -> object:
    """A route that answers 304 when the client already has ``etag``."""

    def route(handler: Handler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        send(handler, Reply(body=body, headers={"ETag": etag}, content_type=content_type))

    return route


@pytest.fixture()
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URL of every page that reached the extract stage."""
    seen: list[str] = []
    real = khabar.pipeline.extract

    def counting(page: Page) -> Article:
        seen.append(page.url or "")
        return real(page)

    monkeypatch.setattr(khabar.pipeline, "extract", counting)
    return seen


def test_a_feed_of_100_items_is_fully_ingested(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 100)
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        code, out, _ = ingest(db, site.url("/rss"))
        assert code == 0 and out.startswith("100 new, 0 updated, 0 unchanged, 0 failed"), out
        articles = stored(db)
        assert len(articles) == 100
        assert {a.url for a in articles} == {site.url(p) for p in paths}
        assert all(a.title and a.body for a in articles)
        # a second run reads the feed again but fetches no article twice
        before = len(site.hits)
        code, out, _ = ingest(db, site.url("/rss"))
        assert out.startswith("0 new, 0 updated, 0 unchanged, 0 failed")
        assert [hit.path for hit in site.hits[before:]] == ["/robots.txt", "/rss"]


def test_a_sitemap_index_with_a_gzipped_news_sitemap_is_fully_ingested(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        first = add_articles(site, 30, prefix="/a/")
        second = add_articles(site, 30, prefix="/b/")
        site.routes["/sitemap_index.xml"] = Reply(
            body=sitemap_index(site, ["/sitemap-a.xml", "/sitemap-b.xml.gz"]), content_type="application/xml"
        )
        site.routes["/sitemap-a.xml"] = Reply(body=urlset(site, first), content_type="application/xml")
        site.routes["/sitemap-b.xml.gz"] = Reply(
            body=gzip.compress(urlset(site, second, news=True)),
            content_type="application/octet-stream",  # as many servers send .gz
        )
        code, out, _ = ingest(db, site.url("/sitemap_index.xml"))
    assert code == 0 and out.startswith("60 new"), out
    assert len(stored(db)) == 60


def test_google_news_sitemap_fields_are_read() -> None:
    with serve() as site:
        data = urlset(site, ["/n/1", "/n/2"], news=True)
    sitemap = parse_sitemap(gzip.compress(data), site.url("/news.xml.gz"), 10**6)
    assert not sitemap.is_index and len(sitemap.entries) == 2
    entry = sitemap.entries[1]
    assert entry.url == site.url("/n/2") and entry.news_title == "خبر 1"
    assert entry.news_published is not None and entry.news_published.isoformat() == "2025-11-04T10:01:00+03:30"
    assert entry.lastmod is not None and entry.lastmod.year == 2025


def test_a_home_page_leads_to_its_feed_and_robots_sitemap(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 8)
        home = (
            '<html><head><link rel="alternate" type="application/rss+xml" href="/rss/all">'
            "<title>خبرنامه نمونه</title></head><body><h1>صفحه نخست</h1></body></html>"
        ).encode()
        site.routes["/"] = Reply(body=home)
        site.routes["/rss/all"] = Reply(body=rss(site, paths[:5]), content_type="application/rss+xml")
        site.routes["/robots.txt"] = Reply(
            body=b"User-agent: *\nAllow: /\nSitemap: /map.xml\n",
            content_type="text/plain",
        )
        site.routes["/map.xml"] = Reply(body=urlset(site, paths[3:]), content_type="application/xml")
        code, out, _ = ingest(db, site.url("/"))
        assert code == 0 and out.startswith("8 new, 0 updated, 0 unchanged, 0 failed"), out
    assert site.url("/") not in {a.url for a in stored(db)}


def test_a_home_page_without_feed_links_is_probed_quietly(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 3)
        site.routes["/"] = Reply(body="<html><body><h1>خانه</h1></body></html>".encode())
        site.routes["/rss.xml"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        code, out, _ = ingest(db, site.url("/"))
        assert "/feed" in site.paths() and "/sitemap.xml" in site.paths()
    assert code == 0 and out.startswith("3 new, 0 updated, 0 unchanged, 0 failed"), out


def test_a_304_costs_no_re_extraction(tmp_path: Path, extractions: list[str]) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        add_articles(site, 1)
        body = site.routes["/news/1"].body  # type: ignore[union-attr]
        site.routes["/news/1"] = with_validators(body, '"v1"')
        assert ingest(db, site.url("/news/1"))[1].startswith("1 new")
        assert extractions == [site.url("/news/1")]
        code, out, _ = ingest(db, site.url("/news/1"))
        assert site.hits[-1].headers.get("If-None-Match") == '"v1"'
    assert code == 0 and out.startswith("0 new, 0 updated, 0 unchanged, 0 failed"), out
    assert len(extractions) == 1
    assert crawl_rows(db)[site.url("/news/1")][0] == "done"


def test_failures_are_recorded_per_url_and_the_run_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 2)
        site.routes["/news/empty"] = Reply(body=b"   ")
        site.routes["/news/gone"] = Reply(410, b"")
        site.routes["/news/photo"] = Reply(body=b"\x89PNG", content_type="image/png")
        feed = [*paths, "/news/empty", "/news/gone", "/news/photo"]
        site.routes["/rss"] = Reply(body=rss(site, feed), content_type="application/rss+xml")
        code = ingest(db, site.url("/rss"))[0]
        rows = crawl_rows(db)
    assert code == 0
    assert len(stored(db)) == 2
    assert rows[site.url("/news/empty")][:2] == ("failed", "extract")
    assert rows[site.url("/news/gone")][:2] == ("failed", "http-410")
    assert rows[site.url("/news/photo")][:2] == ("failed", "content-type")
    assert all(rows[site.url(p)][0] == "done" for p in paths)


def test_the_summary_table_names_errors_by_kind(tmp_path: Path) -> None:
    with serve() as site:
        paths = add_articles(site, 1)
        site.routes["/rss"] = Reply(body=rss(site, [*paths, "/news/gone"]), content_type="application/rss+xml")
        result = CliRunner().invoke(
            main, ["ingest", site.url("/rss"), "--db", str(tmp_path / "a.db"), "--delay", "0", "--no-repair"]
        )
    assert "responses fetched" in result.stderr and "failed: http-404" in result.stderr
    assert result.stdout.startswith("1 new, 0 updated, 0 unchanged, 1 failed")


def test_warc_out_records_every_response_and_reads_back_to_the_same_archive(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    with serve() as site:
        paths = add_articles(site, 5)
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        site.routes["/news/2"] = Reply(
            body=gzip.compress(site.routes["/news/2"].body),  # type: ignore[union-attr]
            headers={"Content-Encoding": "gzip"},
        )
        code, _, _ = ingest(tmp_path / "live.db", site.url("/rss"), "--warc-out", str(warc))
        assert code == 0
    with warc.open("rb") as stream:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(stream)]
    assert [url for _, url in records] == [site.url(p) for p in ["/robots.txt", "/rss", *paths]]
    assert {kind for kind, _ in records} == {"response"}
    code, out, _ = ingest(tmp_path / "replay.db", str(warc))
    assert code == 0 and out.startswith("5 new"), out
    live, replay = stored(tmp_path / "live.db"), stored(tmp_path / "replay.db")
    assert [(a.id, a.title, a.body) for a in live] == [(a.id, a.title, a.body) for a in replay]


def test_max_pages_stops_the_run_and_the_next_run_continues(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 6)
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        assert ingest(db, site.url("/rss"), "--max-pages", "4")[1].startswith("4 new")
        assert ingest(db, site.url("/rss"))[1].startswith("2 new")
        assert sorted(site.paths().count(p) for p in paths) == [1] * 6


def test_extract_command_follows_a_feed_without_writing_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with serve() as site:
        paths = add_articles(site, 2)
        site.routes["/rss"] = Reply(body=rss(site, paths), content_type="application/rss+xml")
        result = CliRunner().invoke(main, ["extract", site.url("/rss"), "--format", "jsonl", "--no-repair"])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert list(tmp_path.iterdir()) == []


def test_last_modified_is_sent_back_and_a_304_answers_it(tmp_path: Path, extractions: list[str]) -> None:
    db = tmp_path / "a.db"
    stamp = "Tue, 04 Nov 2025 07:00:00 GMT"
    with serve() as site:
        add_articles(site, 1)
        body = site.routes["/news/1"].body  # type: ignore[union-attr]

        def route(handler: Handler) -> None:
            if handler.headers.get("If-Modified-Since") == stamp:
                handler.send_response(304)
                handler.end_headers()
                return
            send(handler, Reply(body=body, headers={"Last-Modified": stamp}))

        site.routes["/news/1"] = route
        ingest(db, site.url("/news/1"))
        ingest(db, site.url("/news/1"))
        statuses = [hit.headers.get("If-Modified-Since") for hit in site.hits if hit.path == "/news/1"]
    assert statuses == [None, stamp]
    assert len(extractions) == 1


def test_a_redirected_article_is_fetched_once_under_either_url(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        paths = add_articles(site, 2)
        site.routes["/short/1"] = Reply(301, headers={"Location": "/news/1"})
        feed = ["/short/1", *paths]
        site.routes["/rss"] = Reply(body=rss(site, feed), content_type="application/rss+xml")
        code, out, _ = ingest(db, site.url("/rss"))
        fetched = site.paths()
    assert code == 0 and out.startswith("2 new"), out
    assert fetched.count("/news/1") == 1 and fetched.count("/short/1") == 1
    assert {a.url for a in stored(db)} == {site.url(p) for p in paths}


def test_robots_is_checked_again_at_a_redirect_target(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with serve() as site:
        site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        add_articles(site, 1, prefix="/private/")
        site.routes["/go"] = Reply(302, headers={"Location": "/private/1"})
        code, out, _ = ingest(db, site.url("/go"))
        assert "/private/1" not in site.paths()
    assert code == 1 and out.startswith("0 new, 0 updated, 0 unchanged, 1 failed")
    assert crawl_rows(db)[site.url("/go")][:2] == ("failed", "robots")
