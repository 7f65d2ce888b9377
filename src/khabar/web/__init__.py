"""khabar's reader: right-to-left pages, a JSON API and Atom feeds over one archive.

``create_app(settings)`` is what ``khabar serve`` and ``khabar demo`` hand to
uvicorn. It is read-only unless ``settings.api_token`` is set, which turns on
``POST /api/v1/ingest`` for requests carrying that token.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from khabar.config import Settings
from khabar.errors import KhabarError, QueryError, StoreError
from khabar.web.api import Api, UnicodeJSON
from khabar.web.cache import CacheFront, ResponseCache
from khabar.web.feeds import Feeds
from khabar.web.front import ArticleFront
from khabar.web.reader import ArchiveReader
from khabar.web.security import STATIC_MAX_AGE, SecurityHeaders
from khabar.web.views import Pages, make_environment

__all__ = ["create_app"]

ERROR_TITLES = {
    400: "درخواست نادرست",
    500: "خطای سرور",
    401: "اجازه ندارید",
    404: "صفحه پیدا نشد",
    405: "این روش پذیرفته نیست",
    413: "درخواست بزرگ‌تر از حد مجاز",
    503: "بایگانی در دسترس نیست",
}


class CachedStatic(StaticFiles):
    """Static files (CSS, fonts) with a week of browser caching on top of Starlette's ETag."""

    def file_response(self, full_path: Any, stat_result: Any, scope: Scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["cache-control"] = f"public, max-age={STATIC_MAX_AGE}"
        return response


def static_dir() -> Path:
    return Path(str(resources.files("khabar.web") / "static"))


def routes(pages: Pages, api: Api, feeds: Feeds, cache: ResponseCache) -> list[BaseRoute]:
    """Every GET route answers through ``cache``; the one write route (ingest) does not."""
    get = cache.wrap
    return [
        Route("/", get(pages.home), name="home"),
        Route("/article/{id}", get(pages.article, inline=True), name="article"),
        Route("/search", get(pages.search), name="search"),
        Route("/section/{name:path}", get(pages.section), name="section"),
        Route("/source/{name:path}", get(pages.source), name="source"),
        Route("/archive", get(pages.archive_index), name="archive_index"),
        Route("/archive/{year:int}/{month:int}", get(pages.archive), name="archive_month"),
        Route("/archive/{year:int}/{month:int}/{day:int}", get(pages.archive), name="archive_day"),
        Mount(
            "/api/v1",
            routes=[
                Route("/articles", get(api.articles)),
                Route("/articles/{id}", get(api.article, inline=True)),
                Route("/search", get(api.search)),
                Route("/sections", get(api.names)),
                Route("/sources", get(api.names)),
                Route("/openapi.json", get(api.openapi)),
                Route("/ingest", api.ingest, methods=["POST"]),
            ],
        ),
        Route("/feeds/section/{name:path}.atom", get(feeds.section)),
        Route("/feeds/source/{name:path}.atom", get(feeds.source)),
        Route("/feeds/search.atom", get(feeds.search)),
        Mount("/static", app=CachedStatic(directory=static_dir()), name="static"),
    ]


def create_app(settings: Settings, *, cache_size: int = 2048, cache_seconds: float = 30.0) -> Starlette:
    """The ASGI app over ``settings.db``: pages, /api/v1, /feeds, /static.

    ``cache_size`` rendered responses are kept ``cache_seconds`` per worker (0 turns the cache off).
    """
    pool = ArchiveReader(settings.db, ttl=cache_seconds)
    cache = ResponseCache(cache_size, cache_seconds)
    pages = Pages(pool, make_environment())

    def after_write() -> None:
        cache.clear()
        pool.forget()

    api = Api(pool, settings, on_write=after_write)

    def error_response(request: Request, status: int, detail: str) -> Response:
        if request.url.path.startswith(("/api/", "/feeds/")):
            return UnicodeJSON({"error": detail, "status": status}, status_code=status)
        return pages.error(request, status, ERROR_TITLES.get(status, "خطا"), detail)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        response = error_response(request, exc.status_code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def khabar_error(request: Request, exc: Exception) -> Response:
        status = 503 if isinstance(exc, StoreError) else 400
        detail = str(exc) if isinstance(exc, KhabarError) else "bad request"
        return error_response(request, status, detail)

    async def bug(request: Request, exc: Exception) -> Response:
        """A bug still gets a Persian page (the traceback goes to the server log, not the reader)."""
        return error_response(request, 500, "internal error")

    app = Starlette(
        routes=routes(pages, api, Feeds(pool), cache),
        middleware=[
            Middleware(CacheFront, cache=cache),
            Middleware(ArticleFront, pages=pages, cache=cache),
            Middleware(SecurityHeaders),
        ],
        exception_handlers={
            HTTPException: http_error,
            KhabarError: khabar_error,
            QueryError: khabar_error,
            Exception: bug,
        },
    )
    router = app.router
    assert isinstance(router, Router)
    router.redirect_slashes = False  # no redirects at all: nothing to abuse as an open redirect
    app.state.settings = settings
    app.state.env = pages.env
    app.state.warm = lambda: warm(pages)
    return app


def warm(pages: Pages) -> None:
    """Do once what the first requests would: open the stores, compile every template, render the
    newest article. A server calls this before freezing its start-up objects out of the garbage
    collector (:func:`khabar.web.serve.server_ready`), so lazily built modules are frozen too."""
    for name in pages.env.list_templates():
        pages.env.get_template(name)
    try:
        newest = pages.pool.newest(limit=1).items
        if newest:
            pages.article_page(newest[0].id)
    except KhabarError:
        pass  # an empty or unreadable archive: the first request reports it
