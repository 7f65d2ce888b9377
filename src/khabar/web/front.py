"""The article page's own ASGI lane: ``GET /article/{id}`` answered before Starlette's routing.

Article pages are most of a news site's traffic and each costs a few hundred
microseconds of real work (one archive read, one template). Starlette's
middleware stack, router, Request and Response objects added about as much
again per page, so this layer renders the page straight from the path and
sends the bytes with the same headers the routed view would give (security
headers, ETag, Cache-Control, 304 on a matching If-None-Match, HEAD).

Anything else, and every article it cannot answer itself (no such id, an
archive error, a bug), goes on to the app unchanged, where the routed view
gives the same 404, 503 or Persian 500 page as before. Hand-written because
no router is faster than a prefix test on the one path that matters.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Receive, Scope, Send

from khabar.web.cache import ResponseCache, cache_key, if_none_match_scope
from khabar.web.security import SECURITY_HEADERS, Rendered
from khabar.web.views import Pages

PREFIX = "/article/"
_log = logging.getLogger(__name__)


class ArticleFront:
    def __init__(self, app: ASGIApp, pages: Pages, cache: ResponseCache) -> None:
        self.app = app
        self.pages = pages
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rendered = None
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            article_id = article_id_of(scope["path"])
            if article_id:
                rendered = self._render(article_id)
        if rendered is None:
            await self.app(scope, receive, send)
            return
        if self.cache.size > 0:
            self.cache.put_rendered(cache_key(scope), rendered)
        await send_rendered(scope, send, rendered)

    def _render(self, article_id: str) -> Rendered | None:
        """The page, or None to let the routed view answer (and report) what went wrong."""
        try:
            return self.pages.article_page(article_id)
        except Exception:
            _log.debug("article %s: handing over to the routed view", article_id, exc_info=True)
            return None


def article_id_of(path: str) -> str | None:
    """The id in ``/article/{id}`` (one non-empty path segment, as the routed view matches it)."""
    if not path.startswith(PREFIX):
        return None
    article_id = path[len(PREFIX):]
    return article_id if article_id and "/" not in article_id else None


async def send_rendered(scope: Scope, send: Send, rendered: Rendered) -> None:
    headers = [*rendered.raw_headers, *SECURITY_HEADERS]
    if rendered.etag in if_none_match_scope(scope):
        kept = [pair for pair in headers if pair[0] != b"content-type"]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    headers.append((b"content-length", str(len(rendered.body)).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": rendered.body if scope["method"] == "GET" else b""})
