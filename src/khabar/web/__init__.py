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
from khabar.web.data import StorePool
from khabar.web.feeds import Feeds
from khabar.web.security import STATIC_MAX_AGE, SecurityHeaders
from khabar.web.views import Pages, make_environment

__all__ = ["create_app"]

ERROR_TITLES = {
    400: "درخواست نادرست",
    401: "اجازه ندارید",
    404: "صفحه پیدا نشد",
    405: "این روش پذیرفته نیست",
    413: "درخواست بزرگ‌تر از حد مجاز",
    503: "بایگانی در دسترس نیست",
}


class CachedStatic(StaticFiles):
    """Static files (CSS, fonts) with a week of browser caching on top of Starlette's ETag."""

    def file_response(
        self, full_path: Any, stat_result: Any, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["cache-control"] = f"public, max-age={STATIC_MAX_AGE}"
        return response


def static_dir() -> Path:
    return Path(str(resources.files("khabar.web") / "static"))


def routes(pages: Pages, api: Api, feeds: Feeds) -> list[BaseRoute]:
    return [
        Route("/", pages.home, name="home"),
        Route("/article/{id}", pages.article, name="article"),
        Route("/search", pages.search, name="search"),
        Route("/section/{name:path}", pages.section, name="section"),
        Route("/source/{name:path}", pages.source, name="source"),
        Route("/archive", pages.archive_index, name="archive_index"),
        Route("/archive/{year:int}/{month:int}", pages.archive, name="archive_month"),
        Route("/archive/{year:int}/{month:int}/{day:int}", pages.archive, name="archive_day"),
        Mount(
            "/api/v1",
            routes=[
                Route("/articles", api.articles),
                Route("/articles/{id}", api.article),
                Route("/search", api.search),
                Route("/sections", api.names),
                Route("/sources", api.names),
                Route("/openapi.json", api.openapi),
                Route("/ingest", api.ingest, methods=["POST"]),
            ],
        ),
        Route("/feeds/section/{name:path}.atom", feeds.section),
        Route("/feeds/source/{name:path}.atom", feeds.source),
        Route("/feeds/search.atom", feeds.search),
        Mount("/static", app=CachedStatic(directory=static_dir()), name="static"),
    ]


def create_app(settings: Settings) -> Starlette:
    """The ASGI app over ``settings.db``: pages, /api/v1, /feeds, /static."""
    pool = StorePool(settings.db)
    pages = Pages(pool, make_environment())
    api = Api(pool, settings)

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

    app = Starlette(
        routes=routes(pages, api, Feeds(pool)),
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error, KhabarError: khabar_error, QueryError: khabar_error},
    )
    router = app.router
    assert isinstance(router, Router)
    router.redirect_slashes = False  # no redirects at all: nothing to abuse as an open redirect
    app.state.settings = settings
    return app
