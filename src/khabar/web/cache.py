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

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from threading import Lock

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from khabar.web.security import if_none_match

Endpoint = Callable[[Request], Response]
AsyncEndpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Entry:
    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str
    expires: float


class ResponseCache:
    def __init__(self, size: int = 2048, ttl: float = 30.0) -> None:
        self.size = size
        self.ttl = ttl
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = Lock()

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
        headers = tuple((name, value) for name, value in response.headers.items() if name != "content-length")
        entry = Entry(bytes(response.body), headers, etag, time.monotonic() + self.ttl)
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def wrap(self, endpoint: Endpoint) -> AsyncEndpoint:
        """An async endpoint answering from the cache, else running ``endpoint`` in the thread pool."""

        async def cached_endpoint(request: Request) -> Response:
            key = request.url.path + "?" + request.url.query
            entry = self.get(key)
            if entry is None:
                response = await run_in_threadpool(endpoint, request)
                self.put(key, response)
                return response
            if entry.etag in if_none_match(request):
                kept = {name: value for name, value in entry.headers if name in ("etag", "cache-control", "vary")}
                return Response(status_code=304, headers=kept)
            response = Response(entry.body)
            response.raw_headers = [
                *((name.encode("latin-1"), value.encode("latin-1")) for name, value in entry.headers),
                (b"content-length", str(len(entry.body)).encode()),
            ]
            return response

        cached_endpoint.__name__ = getattr(endpoint, "__name__", "endpoint")
        return cached_endpoint
