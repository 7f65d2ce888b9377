"""The article lane (pages answered before routing) and the joined-writes transport under uvicorn."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from khabar.config import Settings
from khabar.web import create_app, data
from khabar.web.front import article_id_of
from khabar.web.security import SECURITY_HEADERS, etag_of
from khabar.web.serve import JoinedWrites
from test_web_archive import FOOTBALL, SOLAR, build_archive

T = TypeVar("T")


def run_in_own_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a fresh event loop in its own thread: the browser tests' Playwright
    session keeps a loop running in the main thread for the rest of the run."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_archive(tmp_path_factory.mktemp("front") / "archive.db")


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(Settings(db=db), cache_size=0))


def test_an_article_page_carries_every_header_a_routed_page_does(client: TestClient) -> None:
    response = client.get(f"/article/{SOLAR.id}")
    assert response.status_code == 200 and SOLAR.title and SOLAR.title in response.text
    headers = response.headers
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["etag"] == etag_of(response.content)
    assert headers["cache-control"] == "public, max-age=60" and headers["vary"] == "accept-encoding"
    assert int(headers["content-length"]) == len(response.content)
    for name, value in SECURITY_HEADERS:
        assert headers.get_list(name.decode()) == [value.decode()]
    home = client.get("/").headers
    assert {name for name in home if name not in ("etag", "content-length")} == \
        {name for name in headers if name not in ("etag", "content-length")}


def test_head_and_conditional_requests(client: TestClient) -> None:
    url = f"/article/{SOLAR.id}"
    full = client.get(url)
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == full.headers["etag"]
    assert head.headers["content-length"] == full.headers["content-length"]
    etag = full.headers["etag"]
    for given in (etag, f"W/{etag}", f'"other", {etag}'):
        again = client.get(url, headers={"if-none-match": given})
        assert again.status_code == 304 and again.content == b"", given
        assert again.headers["etag"] == etag and "content-type" not in again.headers
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    assert client.get(f"/article/{FOOTBALL.id}").headers["etag"] != etag


@pytest.mark.parametrize("path", ["/article/no-such-id", "/article/", "/article/" + quote("<script>x</script>"),
                                  f"/article/{SOLAR.id}/more"])
def test_what_the_lane_cannot_answer_gets_the_routed_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>صفحه پیدا نشد</h1>" in response.text and "<script>x" not in response.text
    assert "script-src 'none'" in response.headers["content-security-policy"]


def test_only_one_path_segment_is_an_id() -> None:
    assert article_id_of("/article/abc") == "abc"
    assert article_id_of("/article/") is None and article_id_of("/article/a/b") is None
    assert article_id_of("/articles/abc") is None and article_id_of("/api/v1/articles/abc") is None


def test_the_lane_fills_the_response_cache(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cached = TestClient(create_app(Settings(db=db)))
    first = cached.get(f"/article/{FOOTBALL.id}")

    def gone(*args: object) -> None:
        raise RuntimeError("the archive is not read again for a cached page")

    monkeypatch.setattr(data, "article_data", gone)
    again = cached.get(f"/article/{FOOTBALL.id}")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]


def test_joined_writes_send_one_turn_of_the_loop_as_one_write() -> None:
    class Recorder:
        def __init__(self) -> None:
            self.writes: list[bytes] = []
            self.closed = False

        def write(self, data: bytes) -> None:
            self.writes.append(data)

        def is_closing(self) -> bool:
            return self.closed

        def close(self) -> None:
            self.closed = True

        def get_extra_info(self, name: str) -> str:
            return f"info:{name}"

    async def scenario(transport: Recorder) -> JoinedWrites:
        joined = JoinedWrites(transport)  # type: ignore[arg-type]
        joined.write(b"HTTP/1.1 200 OK\r\n\r\n")
        joined.write(b"<html>")
        assert transport.writes == []  # nothing leaves before the loop turns
        await asyncio.sleep(0)
        joined.write(b"next")
        joined.close()  # closing sends what is left first
        return joined

    transport = Recorder()
    joined = run_in_own_loop(scenario(transport))
    assert transport.writes == [b"HTTP/1.1 200 OK\r\n\r\n<html>", b"next"] and transport.closed
    assert joined.get_extra_info("peername") == "info:peername"  # everything else is the real transport's


def test_a_server_answers_whole_pages_through_joined_writes(tmp_path: Path) -> None:
    import threading
    import time

    import uvicorn

    from khabar.web.serve import server_ready, uvicorn_options

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    app = server_ready(create_app(Settings(db=build_archive(tmp_path / "archive.db")), cache_size=0))
    server = uvicorn.Server(uvicorn.Config(app, **uvicorn_options("127.0.0.1", port)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            for _ in range(2):  # two pages on one kept-alive connection
                conn.sendall(f"GET /article/{SOLAR.id} HTTP/1.1\r\nhost: reader.example\r\n\r\n".encode())
                head, body = read_response(conn)
                assert head.startswith(b"HTTP/1.1 200") and b"server: uvicorn" not in head.lower()
                assert SOLAR.title and SOLAR.title.encode() in body
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def read_response(conn: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lengths = [line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")]
    length = int(lengths[0])
    while len(body) < length:
        body += conn.recv(65536)
    return head, body


def test_a_server_is_warmed_before_its_objects_are_frozen(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores, templates and the modules a page needs are built before gc.freeze, so the garbage
    collector's full passes never walk them (they made 50 ms pauses under load)."""
    import gc

    from khabar.web import reader, serve

    opened: list[str] = []
    real_open = reader.open_reader
    monkeypatch.setattr(reader, "open_reader", lambda path: opened.append(path) or real_open(path))
    at_freeze: dict[str, object] = {}
    app = create_app(Settings(db=db), cache_size=0)

    def freeze() -> None:
        at_freeze["stores"] = list(opened)
        at_freeze["templates"] = set(app.state.env.cache.keys()) if app.state.env.cache else set()

    monkeypatch.setattr(gc, "freeze", freeze)
    serve.server_ready(app)
    assert at_freeze["stores"], "no store was opened before the freeze"
    templates = {name for _, name in at_freeze["templates"]}  # type: ignore[attr-defined]
    assert {"article.html", "base.html", "search.html", "home.html"} <= templates


def test_slow_views_run_in_at_most_a_few_threads_first_come_first_served() -> None:
    import threading
    import time

    from starlette.requests import Request
    from starlette.responses import Response

    from khabar.web.cache import THREADS, ResponseCache

    running, most, started = [0], [0], []
    lock = threading.Lock()

    def slow_view(request: Request) -> Response:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            started.append(request.query_params["n"])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return Response(b"ok")

    endpoint = ResponseCache(size=0).wrap(slow_view)

    async def scenario() -> None:
        calls = []
        for number in range(3 * THREADS):
            scope = {"type": "http", "method": "GET", "path": "/search", "query_string": f"n={number}".encode(),
                     "headers": []}
            calls.append(asyncio.create_task(endpoint(Request(scope))))
            await asyncio.sleep(0.001)  # the requests arrive in order
        await asyncio.gather(*calls)

    run_in_own_loop(scenario())
    assert most[0] == THREADS
    assert set(started[:THREADS]) == {str(n) for n in range(THREADS)}  # the first to come are the first served
    assert sorted(started, key=int) == [str(n) for n in range(3 * THREADS)]
