"""A small per-worker cache of rendered GET responses (pages, API, feeds).

News reading is heavily skewed: most requests ask for the same few hundred
articles and the home page. Rendering one article costs a few milliseconds
of Python (three archive queries and a template); answering from this cache
costs a dictionary look-up on the event loop, with no thread hand-off.

Entries live ``ttl`` seconds, well inside the 60 s that Cache-Control
already lets browsers keep a page, so a page is never staler here than in a
browser; an ingest through the API clears the worker's cache at once. This
is a cache, not state: dropping it changes nothing but speed.

Hand-written because the few lines here need no dependency: functools'
lru_cache cannot expire entries, and an HTTP cache in front of uvicorn is
one more process to run.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from threading import Lock

import anyio
import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from khabar.web.security import SECURITY_HEADERS, Rendered, etags_in

Endpoint = Callable[[Request], Response]
THREADS = 4  # worker threads per process for the slow views: as many as ArchiveReader has stores
AsyncEndpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Entry:
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...]  # as sent (ASGI bytes), without the length and security headers
    etag: str
    expires: float


class ResponseCache:
    def __init__(self, size: int = 2048, ttl: float = 30.0) -> None:
        self.size = size
        self.ttl = ttl
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = Lock()
        self._limiter: tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter] | None = None  # made at first use

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, response: Response) -> None:
        etag = response.headers.get("etag")
        if self.size <= 0 or response.status_code != 200 or not etag:
            return
        headers = tuple((name, value) for name, value in response.headers.raw if name != b"content-length")
        self._keep(key, Entry(bytes(response.body), headers, etag, time.monotonic() + self.ttl))

    def put_rendered(self, key: str, rendered: Rendered) -> None:
        if self.size <= 0:
            return
        self._keep(key, Entry(rendered.body, tuple(rendered.raw_headers), rendered.etag, time.monotonic() + self.ttl))

    def _keep(self, key: str, entry: Entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    async def _in_thread(self, endpoint: Endpoint, request: Request) -> Response:
        """Run ``endpoint`` in a worker thread, at most :data:`THREADS` at once.

        More threads than the archive has stores only queue inside the store pool and fight for
        the interpreter lock, whose hand-offs are not first come, first served: a search then waits
        behind later ones. Waiting for the limiter is first come, first served.
        """
        loop = asyncio.get_running_loop()
        if self._limiter is None or self._limiter[0] is not loop:  # one per event loop (tests run several)
            self._limiter = (loop, anyio.CapacityLimiter(THREADS))
        return await anyio.to_thread.run_sync(endpoint, request, limiter=self._limiter[1])

    def wrap(self, endpoint: Endpoint, *, inline: bool = False) -> AsyncEndpoint:
        """An async endpoint running ``endpoint`` in the thread pool and keeping its answer.

        ``inline`` endpoints (sub-millisecond ones, like an article page) run on the event loop
        instead: a thread hand-off would cost more than the work. Hits never get here:
        :class:`CacheFront` answers them before routing.
        """

        async def cached_endpoint(request: Request) -> Response:
            response = endpoint(request) if inline else await self._in_thread(endpoint, request)
            self.put(cache_key(request.scope), response)
            return response

        cached_endpoint.__name__ = getattr(endpoint, "__name__", "endpoint")
        return cached_endpoint


def cache_key(scope: Scope) -> str:
    """Host, path and query: feeds carry absolute links built from the Host header, so a request
    with a forged Host must never fill the entry other readers get."""
    host = b""
    for name, value in scope.get("headers", ()):
        if name == b"host":
            host = value
            break
    query = bytes(scope.get("query_string", b""))
    return f"{host.decode('latin-1')}{scope['path']}?{query.decode('latin-1')}"


class CacheFront:
    """ASGI layer answering cache hits before routing, so a popular page costs a look-up and one send.

    Misses go on to the app, whose GET endpoints (:meth:`ResponseCache.wrap`) fill the cache.
    """

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        entry = None
        if self.cache.size > 0 and scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            entry = self.cache.get(cache_key(scope))
        if entry is None:
            await self.app(scope, receive, send)
            return
        headers = [*entry.headers, *SECURITY_HEADERS]
        if entry.etag in if_none_match_scope(scope):
            kept = [pair for pair in headers if pair[0] not in (b"content-type", b"content-length")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        headers.append((b"content-length", str(len(entry.body)).encode()))
        body = entry.body if scope["method"] == "GET" else b""
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def if_none_match_scope(scope: Scope) -> set[str]:
    """The entity tags of the request's If-None-Match (ASGI header names arrive lower-case)."""
    for name, value in scope.get("headers", ()):
        if name == b"if-none-match":
            return etags_in(value.decode("latin-1"))
    return set()
