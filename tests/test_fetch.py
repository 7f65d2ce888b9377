"""The bounded fetch against hostile loopback servers: bombs, giants, stalls, loops."""

from __future__ import annotations

import gzip
import time
import zlib
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect_server import (
    Handler,
    Reply,
    Site,
    article_html,
    loopback_only,  # noqa: F401  (the fixture below)
    serve,
)
from khabar.config import FetchSettings, Settings
from khabar.errors import FetchTimeout, HTTPStatusError, TooLarge, TooManyRedirects, UnsupportedInput
from khabar.fetch import BoundedDecoder, bounded_get, fetch_url, make_client, read_file
from khabar.pipeline import process_page

pytestmark = pytest.mark.usefixtures("loopback_only")

FAST = FetchSettings(connect_timeout=1.0, read_timeout=0.3, total_timeout=1.0, per_host_delay=0.0)
MB = 1024 * 1024


def get(site: Site, path: str, settings: FetchSettings = FAST) -> object:
    with make_client(settings) as client:
        return bounded_get(client, site.url(path), settings)


def endless(declared: int | None) -> object:
    """A server that writes zeros until the client hangs up."""

    def route(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declared is not None:
            handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        block = b"0" * 65536
        for _ in range(2000):  # at most ~130 MB
            handler.wfile.write(block)

    return route


def test_gzip_bomb_is_cut_at_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (64 * MB), compresslevel=9)
    assert len(bomb) < 200_000
    settings = FetchSettings(max_bytes=1 * MB, per_host_delay=0.0)
    with serve() as site:
        site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
        started = time.monotonic()
        with pytest.raises(TooLarge, match="decompressed"):
            get(site, "/bomb", settings)
    assert time.monotonic() - started < 3


def test_bounded_decoder_never_holds_more_than_the_limit() -> None:
    bomb = zlib.compress(b"\0" * (32 * MB), 9)
    decoder = BoundedDecoder("deflate", 100_000, "bomb")
    with pytest.raises(TooLarge):
        decoder.feed(bomb)
    assert decoder.size <= 100_000 + 256 * 1024
    ok = BoundedDecoder("gzip", 10_000, "small")
    ok.feed(gzip.compress("خبر تازه".encode()))
    assert ok.result().decode() == "خبر تازه"


def test_raw_deflate_is_decoded_too() -> None:
    packer = zlib.compressobj(wbits=-15)
    raw = packer.compress("سلام".encode()) + packer.flush()
    decoder = BoundedDecoder("deflate", 1000, "raw")
    decoder.feed(raw)
    assert decoder.result().decode() == "سلام"


def test_a_declared_50_mb_page_is_refused_before_reading() -> None:
    with serve() as site:
        site.routes["/huge"] = endless(50 * MB)
        started = time.monotonic()
        with pytest.raises(TooLarge, match="declares 52428800 bytes"):
            get(site, "/huge", FetchSettings(per_host_delay=0.0))
    assert time.monotonic() - started < 2


def test_an_undeclared_50_mb_page_stops_at_the_limit() -> None:
    settings = FetchSettings(per_host_delay=0.0)  # the default 20 MB limit
    with serve() as site:
        site.routes["/huge"] = endless(None)
        with pytest.raises(TooLarge, match=f"{settings.max_bytes}-byte page limit"):
            get(site, "/huge", settings)


def test_a_server_that_never_answers_times_out() -> None:
    def stall(handler: Handler) -> None:
        time.sleep(3)

    with serve() as site:
        site.routes["/slow"] = stall
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="timed out"):
            get(site, "/slow")
    assert time.monotonic() - started < 2


def test_a_dripping_server_hits_the_total_timeout() -> None:
    def drip(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"<p>")
            handler.wfile.flush()
            time.sleep(0.1)

    with serve() as site:
        site.routes["/drip"] = drip
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="in all"):
            get(site, "/drip")
    assert time.monotonic() - started < 2.5


def test_a_redirect_loop_is_named_and_stopped() -> None:
    with serve() as site:
        site.routes["/a"] = Reply(302, headers={"Location": "/b"})
        site.routes["/b"] = Reply(301, headers={"Location": site.url("/a")})
        with pytest.raises(TooManyRedirects, match="redirect loop"):
            get(site, "/a")
        assert site.paths().count("/a") == 1


def test_a_long_redirect_chain_stops_at_the_limit() -> None:
    with serve() as site:
        for n in range(10):
            site.routes[f"/r{n}"] = Reply(302, headers={"Location": f"/r{n + 1}"})
        settings = FetchSettings(max_redirects=3, per_host_delay=0.0)
        with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
            get(site, "/r0", settings)
        assert site.paths() == ["/r0", "/r1", "/r2", "/r3"]


def test_redirects_are_followed_and_the_final_url_kept() -> None:
    with serve() as site:
        site.routes["/old"] = Reply(301, headers={"Location": "/new"})
        site.routes["/new"] = Reply(body=b"<p>ok</p>")
        response = get(site, "/old")
        assert response.url == site.url("/new")  # type: ignore[attr-defined]
        assert response.redirects == (site.url("/new"),)  # type: ignore[attr-defined]


def test_content_types_outside_the_list_are_refused() -> None:
    with serve() as site:
        site.routes["/photo"] = Reply(body=b"\x89PNG....", content_type="image/png")
        with pytest.raises(UnsupportedInput, match="image/png"):
            get(site, "/photo")


def test_fetch_url_raises_for_an_error_status_and_sends_our_user_agent() -> None:
    with serve() as site:
        with pytest.raises(HTTPStatusError, match="404"):
            fetch_url(site.url("/missing"), FAST)
        assert site.hits[0].headers["User-Agent"].startswith("khabar/")


def test_wrong_charset_is_decoded_end_to_end() -> None:
    """A windows-1256 page whose server claims UTF-8 still reads as Persian after extraction."""
    # windows-1256 has no Persian yeh: such pages write the Arabic one, which repair unifies.
    body = article_html(3, meta_charset="windows-1256").replace("ی", "ي").encode("cp1256")
    with serve() as site:
        site.routes["/cp1256"] = Reply(body=body, content_type="text/html; charset=utf-8")
        page = fetch_url(site.url("/cp1256"), FAST)
    assert page.encoding == "utf-8"
    article = process_page(page, Settings())
    assert article.title is not None and "ربات باغبان رونمایی کردند" in article.title
    assert any("سه‌شنبه" in paragraph for paragraph in article.body)


def test_a_local_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(TooLarge, match="page limit"):
        read_file(big, FetchSettings(max_bytes=1000))


def test_connection_refused_is_one_clear_error() -> None:
    with serve() as site:
        url = site.url("/x")
    with pytest.raises(Exception, match=r"127\.0\.0\.1") as info:
        fetch_url(url, FAST)
    assert not isinstance(info.value, httpx.HTTPError)


def test_the_loopback_guard_refuses_any_other_address() -> None:
    import socket

    with pytest.raises(AssertionError, match=r"127\.0\.0\.0/8"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)  # TEST-NET-1, never reached


@given(
    data=st.binary(max_size=50_000),
    limit=st.integers(min_value=1, max_value=60_000),
    encoding=st.sampled_from(["gzip", "deflate", "identity"]),
)
@settings(max_examples=60, deadline=None)
def test_bounded_decoding_is_exact_below_the_limit_and_refuses_above(data: bytes, limit: int, encoding: str) -> None:
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "identity": bytes}[encoding](data)
    decoder = BoundedDecoder(encoding, limit, "page")
    chunks = [packed[i : i + 777] for i in range(0, len(packed), 777)]
    if len(data) <= limit:
        for chunk in chunks:
            decoder.feed(chunk)
        assert decoder.result() == data
    else:
        with pytest.raises(TooLarge):
            for chunk in chunks:
                decoder.feed(chunk)
        assert decoder.size <= limit + 256 * 1024
