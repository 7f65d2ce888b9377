"""HTML views: each asks a data function for its record and renders one template.

Views are sync functions: Starlette runs them in its thread pool, where each
worker thread keeps its own SQLite read connection (:class:`StorePool`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from khabar.store.models import ArticleSummary
from khabar.web import data
from khabar.web.display import (
    fa_digits,
    format_gregorian,
    format_jalali,
    gregorian_span_label,
    highlight,
    iso_attr,
    jalali_month_name,
    link,
    month_label,
    month_params,
    paragraphs,
    reading_label,
    safe_url,
    short_jalali,
    time_tag,
    url_host,
)
from khabar.web.reader import ArchiveReader
from khabar.web.security import Rendered, cached, etag_of, rendered_response

ARTICLE_PATH = "/article/"  # what the navigation compares; no article page is a navigation target


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("khabar.web", "templates"),
        autoescape=True,  # every template, whatever its extension: page content is hostile
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        fa=fa_digits,
        jalali=format_jalali,
        gregorian=format_gregorian,
        iso=iso_attr,
        highlight=highlight,
        short=short_jalali,
        safe_url=safe_url,
        host=url_host,
        link=link,
        paragraphs=paragraphs,
        reading=reading_label,
        month_name=jalali_month_name,
        seg=path_segment,
        month_label=month_label,
        gregorian_span=gregorian_span_label,
        time_tag=time_tag,
    )
    env.globals.update(qs=query_string, month_params=month_params)
    env.filters["headlines"] = memoised_headlines(env)
    return env


def memoised_headlines(env: jinja2.Environment) -> Callable[[Sequence[ArticleSummary]], Markup]:
    """The ``headline_list`` macro, memoised by its items (frozen records).

    Every article of a section shows the same «more from this section» box; rendering it once per
    set of headlines takes a tenth off an article page.
    """
    macro = env.get_template("_macros.html").module.headline_list  # type: ignore[attr-defined]

    @lru_cache(maxsize=1024)
    def render(items: tuple[ArticleSummary, ...]) -> Markup:
        return Markup(macro(items))

    return lambda items: render(tuple(items))


@lru_cache(maxsize=8192)
def path_segment(value: object) -> str:
    """A section or source name as one URL path segment (a «/» in it is escaped)."""
    return quote(str(value), safe="")


def query_string(params: dict[str, str]) -> str:
    return "?" + urlencode(params) if params else ""


class Pages:
    """The HTML side of the app: holds the template environment and the store pool."""

    def __init__(self, pool: ArchiveReader, env: jinja2.Environment) -> None:
        self.pool = pool
        self.loop_pool = pool.for_loop()  # for the views run on the event loop (article)
        self.env = env
        self.article_template = env.get_template("article.html")

    def render(self, request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
        html = self.env.get_template(template).render(path=request.url.path, **context)
        response = HTMLResponse(html, status_code=status_code)
        return cached(request, response) if status_code == 200 else response

    def home(self, request: Request) -> Response:
        store = self.pool
        return self.render(
            request,
            "home.html",
            home=data.home_data(store),
            sections=data.names_data(store, "sections"),
            sources=data.names_data(store, "sources"),
        )

    def article(self, request: Request) -> Response:
        rendered = self.article_page(request.path_params["id"])
        if rendered is None:
            raise HTTPException(404, "no article with this id")
        return rendered_response(request, rendered)

    def article_page(self, article_id: str) -> Rendered | None:
        """One article's page as bytes (None when the archive has no such id): the routed view and
        the article lane (:mod:`khabar.web.front`) both answer with it."""
        found = data.article_data(self.loop_pool, article_id)
        if found is None:
            return None
        html = self.article_template.render(path=ARTICLE_PATH, page=found, article=found.article)
        body = html.encode()
        return Rendered(body, etag_of(body))

    def section(self, request: Request) -> Response:
        return self._listing(request, "section")

    def source(self, request: Request) -> Response:
        return self._listing(request, "source")

    def _listing(self, request: Request, kind: str) -> Response:
        name = request.path_params["name"]
        filters = data.parse_filters(request.query_params, **{kind: name})
        listing = data.listing_data(self.pool, kind, filters)
        if not listing.items and filters.cursor is None:
            raise HTTPException(404, f"no {kind} named {name!r}")
        return self.render(request, "listing.html", listing=listing, feed=f"/feeds/{kind}/{path_segment(name)}.atom")

    def search(self, request: Request) -> Response:
        store = self.pool
        query = data.parse_search(request.query_params)
        return self.render(
            request,
            "search.html",
            result=data.search_data(store, query),
            query=query,
            sections=data.names_data(store, "sections"),
            sources=data.names_data(store, "sources"),
        )

    def archive_index(self, request: Request) -> Response:
        year, month = data.newest_month(self.pool, date.today())
        return self.archive_render(request, year, month, None)

    def archive(self, request: Request) -> Response:
        params = request.path_params
        return self.archive_render(request, params["year"], params["month"], params.get("day"))

    def archive_render(self, request: Request, year: int, month: int, day: int | None) -> Response:
        cursor = request.query_params.get("cursor") or None
        found = data.archive_data(self.pool, year, month, day, cursor)
        return self.render(request, "archive.html", archive=found)

    def error(self, request: Request, status: int, title: str, detail: str) -> Response:
        return self.render(request, "error.html", status_code=status, status=status, title=title, detail=detail)
