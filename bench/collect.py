#!/usr/bin/env python3
"""End-to-end collecting benchmark: a loopback site of 2,000 pages → a fresh archive.

The site (threaded http.server on 127.0.0.1, nothing else is contacted) serves the sample corpus
(src/khabar/samples, HTML and flattened text) cycled to --pages distinct URLs, listed in a sitemap
index of two sitemaps, with a robots.txt. ``khabar ingest`` runs in-process with per-host delay 0:
robots.txt, sitemaps, conditional-GET bookkeeping, crawl state in the archive, extract → repair →
enrich → store. The repair lexicon is loaded before timing (it is a once-per-process cost).

Prints three numbers: fetching alone (the collector, pages handed out, nothing extracted),
end to end pages/s and articles/s, and a second run over the same site (everything known:
sitemaps re-read, no page fetched again).

Usage: python bench/collect.py [--pages 2000]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "khabar" / "samples"

from khabar.cli import run_ingest  # noqa: E402
from khabar.collect import Skipped, open_collector  # noqa: E402
from khabar.config import FetchSettings, Settings  # noqa: E402
from khabar.pipeline import process_page  # noqa: E402
from khabar.records import Page  # noqa: E402

Routes = dict[str, tuple[bytes, str]]


def build_site(pages: int) -> tuple[Routes, list[str]]:
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".html", ".txt"))
    routes: Routes = {"/robots.txt": (b"User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml\n", "text/plain")}
    paths: list[str] = []
    for n in range(pages):
        sample = samples[n % len(samples)]
        kind = "text/html; charset=utf-8" if sample.suffix == ".html" else "text/plain; charset=utf-8"
        path = f"/news/{n:05d}-{sample.stem}{sample.suffix}"
        routes[path] = (sample.read_bytes(), kind)
        paths.append(path)
    return routes, paths


def add_sitemaps(routes: Routes, paths: list[str], base: str) -> None:
    half = len(paths) // 2
    for name, part in (("/sitemap-1.xml", paths[:half]), ("/sitemap-2.xml", paths[half:])):
        urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in part)
        routes[name] = (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                        "application/xml")
    index = "".join(f"<sitemap><loc>{base}{n}</loc></sitemap>" for n in ("/sitemap-1.xml", "/sitemap-2.xml"))
    routes["/sitemap_index.xml"] = (
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'.encode(),
        "application/xml")


def serve(routes: Routes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
        wbufsize = 1 << 16  # headers and body in one write: no Nagle/delayed-ACK stall of 40 ms

        def do_GET(self) -> None:
            body, kind = routes.get(urlsplit(self.path).path, (b"not found", "text/plain"))
            self.send_response(200 if urlsplit(self.path).path in routes else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()

    routes, paths = build_site(args.pages)
    server = serve(routes)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    add_sitemaps(routes, paths, base)
    seed = base + "/sitemap_index.xml"
    fetch = FetchSettings(per_host_delay=0.0)
    process_page(Page(content=routes[paths[0]][0], url=base + paths[0]), Settings())  # warm-up

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with open_collector(Settings(db=f"{tmp}/fetch.db", fetch=fetch)) as collector:
            fetched = sum(1 for item in collector.items([seed]) if not isinstance(item, Skipped))
        fetch_only = time.perf_counter() - started

        settings = Settings(db=f"{tmp}/archive.db", fetch=fetch)
        started = time.perf_counter()
        summary = run_ingest([seed], settings, quiet=True)
        elapsed = time.perf_counter() - started

        started = time.perf_counter()
        again = run_ingest([seed], settings, quiet=True)
        second = time.perf_counter() - started
    server.shutdown()

    articles = summary.total_ok
    print(f"fetch only: {fetched} pages in {fetch_only:.1f} s = {fetched / fetch_only:.0f} pages/s")
    print(f"second run (all known): {again.line()} in {second:.2f} s")
    print(f"collect: {args.pages} pages, {articles} articles stored, {summary.failed} failed, "
          f"{elapsed:.1f} s: {args.pages / elapsed:.1f} pages/s, {articles / elapsed:.1f} articles/s end to end")


if __name__ == "__main__":
    main()
