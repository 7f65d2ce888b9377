"""A loopback web server for the collecting tests: routes, hostile behaviours, a request log.

Binds 127.0.0.1 only, on a free port; each test starts its own. Routes are
``path → Reply`` or ``path → function(handler)`` for servers that misbehave
(stall, drip, never end). robots.txt is a 404 unless a test sets one.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest

Handler = BaseHTTPRequestHandler


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    headers: dict[str, str]


Route = Reply | Callable[[Handler], None]


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route | list[Route]] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def handle(self, handler: Handler) -> None:
        path = urlsplit(handler.path).path
        with self.lock:
            self.hits.append(Hit(path, time.monotonic(), dict(handler.headers.items())))
            route = self.routes.get(path)
            if isinstance(route, list):  # a sequence of answers, the last one repeated
                route = route.pop(0) if len(route) > 1 else route[0]
        if route is None:
            route = Reply(404, b"not here", content_type="text/plain")
        try:
            if isinstance(route, Reply):
                send(handler, route)
            else:
                route(handler)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [hit.at for hit in self.hits if hit.path == path]


def send(handler: Handler, reply: Reply) -> None:
    handler.send_response(reply.status)
    handler.send_header("Content-Type", reply.content_type)
    handler.send_header("Content-Length", str(len(reply.body)))
    for key, value in reply.headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(reply.body)


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()


# ---------------------------------------------------------------- Persian fixtures
_TOPICS = (
    (
        "اقتصاد",
        "بازار کتاب‌های دست‌دوم در شهر رونق گرفت",
        "فروشندگان کتاب‌های دست‌دوم می‌گویند شمار خریداران در ماه گذشته دو برابر شده است.",
    ),
    (
        "فرهنگ",
        "جشنواره تئاتر خیابانی در میدان اصلی برگزار می‌شود",
        "گروه‌های نمایشی از هفت استان در این جشنواره سه‌روزه شرکت می‌کنند.",
    ),
    (
        "ورزش",
        "تیم والیبال دانش‌آموزان به مرحله نهایی رسید",
        "مربی تیم گفت بازیکنان جوان با همکاری یکدیگر بزرگ‌ترین پیروزی فصل را به دست آوردند.",
    ),
    (
        "علم",
        "پژوهشگران دانشگاه از ربات باغبان رونمایی کردند",
        "این ربات کوچک رطوبت خاک را اندازه می‌گیرد و گیاهان را به‌موقع آبیاری می‌کند.",
    ),
)


def article_html(n: int, charset: str = "utf-8", meta_charset: str | None = None) -> str:
    """An invented news article of the fictional outlet khabarnameh.example, numbered ``n``."""
    section, title, lead = _TOPICS[n % len(_TOPICS)]
    meta = f'<meta charset="{meta_charset or charset}">'
    return f"""<!doctype html>
<html lang="fa" dir="rtl"><head>{meta}
<title>{title} (شماره {n}) | خبرنامه نمونه</title>
<meta property="og:title" content="{title} (شماره {n})">
<meta property="og:site_name" content="خبرنامه نمونه">
<meta property="article:published_time" content="2025-11-{1 + n % 28:02d}T10:30:00+03:30">
</head><body>
<header><nav><a href="/">خانه</a> <a href="/economy">اقتصاد</a></nav></header>
<article>
<span class="section">{section}</span>
<h1>{title} (شماره {n})</h1>
<p class="lead">{lead}</p>
<p>به گزارش خبرنامه نمونه، این رویداد روز سه‌شنبه با حضور گروهی از شهروندان برگزار شد و شماره آن {n} است.</p>
<p>مسئولان محلی می‌گویند برنامه‌های مشابهی در ماه‌های آینده در محله‌های دیگر هم اجرا خواهد شد.</p>
<p>یکی از شرکت‌کنندگان گفت: «ما سال‌ها منتظر چنین فرصتی بودیم و امیدواریم ادامه پیدا کند.»</p>
</article>
<footer>همه حقوق برای خبرنامه نمونه محفوظ است.</footer>
</body></html>"""


def rss(site: Site, paths: list[str], title: str = "خبرنامه نمونه") -> bytes:
    items = "".join(
        f"<item><title>خبر {i}</title><link>{site.url(path)}</link>"
        f"<guid>{site.url(path)}</guid><pubDate>Tue, 04 Nov 2025 10:{i % 60:02d}:00 +0000</pubDate></item>"
        for i, path in enumerate(paths)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{site.base}/</link><description>تازه‌ترین خبرها</description>{items}</channel></rss>"
    ).encode()


def urlset(site: Site, paths: list[str], news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    body = []
    for i, path in enumerate(paths):
        extra = ""
        if news:
            extra = (
                "<news:news><news:publication><news:name>خبرنامه نمونه</news:name>"
                "<news:language>fa</news:language></news:publication>"
                f"<news:publication_date>2025-11-04T10:{i % 60:02d}:00+03:30</news:publication_date>"
                f"<news:title>خبر {i}</news:title></news:news>"
            )
        body.append(f"<url><loc>{site.url(path)}</loc><lastmod>2025-11-04</lastmod>{extra}</url>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{"".join(body)}</urlset>'
    ).encode()


def sitemap_index(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in paths)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    ).encode()


def add_articles(site: Site, count: int, prefix: str = "/news/") -> list[str]:
    paths = [f"{prefix}{n}" for n in range(1, count + 1)]
    for n, path in enumerate(paths, start=1):
        site.routes[path] = Reply(body=article_html(n).encode("utf-8"))
    return paths


@pytest.fixture()
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to connect anywhere outside 127.0.0.0/8."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = str(address[0])
            if not ipaddress.ip_address(host).is_loopback:
                raise AssertionError(f"a test tried to reach {host}; tests stay on 127.0.0.0/8")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
