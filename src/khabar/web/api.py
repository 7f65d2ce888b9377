"""The JSON API under /api/v1: the same data functions as the pages, as JSON.

Dates stay ISO 8601 and digits Latin here: the API is for scripts. Snippets
come as plain text with the highlighted spans as offsets, so no client has
to strip markup.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from khabar.config import Settings
from khabar.errors import InputError, KhabarError
from khabar.records import Page
from khabar.store.models import MARK_END, MARK_START, ArticleSummary, SearchHit
from khabar.web import data
from khabar.web.openapi import openapi_document
from khabar.web.reader import ArchiveReader
from khabar.web.security import API_MAX_AGE, cached, token_matches

MAX_INGEST_BYTES = 5 * 1024 * 1024


class UnicodeJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def summary_json(item: ArticleSummary) -> dict[str, Any]:
    return {**item.to_json(), "href": f"/api/v1/articles/{item.id}", "page": f"/article/{item.id}"}


def hit_json(hit: SearchHit) -> dict[str, Any]:
    text, spans = split_marks(hit.snippet)
    return {
        "article": summary_json(hit.article),
        "snippet": text,
        "highlights": spans,
        "score": round(hit.score, 4),
    }


def split_marks(snippet: str) -> tuple[str, list[list[int]]]:
    """The store's \\x02…\\x03 markers → plain text and [start, end) offsets of the marked spans."""
    out: list[str] = []
    spans: list[list[int]] = []
    length = 0
    start: int | None = None
    for char in snippet:
        if char == MARK_START:
            start = length
        elif char == MARK_END:
            if start is not None:
                spans.append([start, length])
            start = None
        else:
            out.append(char)
            length += 1
    return "".join(out), spans


async def bounded_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` (never read whole first)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the page is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class Api:
    def __init__(self, pool: ArchiveReader, settings: Settings, on_write: Callable[[], None] = lambda: None) -> None:
        self.pool = pool
        self.loop_pool = pool.for_loop()  # for the views run on the event loop (one article)
        self.settings = settings
        self.on_write = on_write  # drops cached pages after an ingest

    def respond(self, request: Request, content: Any, status: int = 200) -> Response:
        response = UnicodeJSON(content, status_code=status)
        return cached(request, response, API_MAX_AGE) if status == 200 else response

    def articles(self, request: Request) -> Response:
        filters = data.parse_filters(request.query_params)
        listing = data.listing_data(self.pool, "latest", filters)
        next_url = None
        if listing.next_cursor:
            params = {**request.query_params, "cursor": listing.next_cursor}
            next_url = "/api/v1/articles?" + urlencode(params)
        return self.respond(
            request,
            {
                "items": [summary_json(item) for item in listing.items],
                "next_cursor": listing.next_cursor,
                "next": next_url,
            },
        )

    def article(self, request: Request) -> Response:
        found = data.article_data(self.loop_pool, request.path_params["id"])
        if found is None:
            raise HTTPException(404, "no article with this id")
        return self.respond(
            request,
            {
                **found.article.to_json(),
                "duplicates": [summary_json(item) for item in found.duplicates],
                "page": f"/article/{found.article.id}",
            },
        )

    def search(self, request: Request) -> Response:
        query = data.parse_search(request.query_params, facets=True)
        if query.empty:
            raise HTTPException(400, "q is required: give the words to search for")
        result = data.search_data(self.pool, query)
        return self.respond(
            request,
            {
                "total": result.total,
                "page": query.page,
                "pages": result.pages,
                "hits": [hit_json(hit) for hit in result.hits],
                "facets": {facet.name: [[item.name, item.count] for item in facet.values] for facet in result.facets},
            },
        )

    def names(self, request: Request) -> Response:
        kind = "sections" if request.url.path.endswith("/sections") else "sources"
        items = data.names_data(self.pool, kind)
        return self.respond(request, {"items": [{"name": item.name, "count": item.count} for item in items]})

    def openapi(self, request: Request) -> Response:
        return self.respond(request, openapi_document())

    async def ingest(self, request: Request) -> Response:
        """POST a page (HTML or text) to add it to the archive; only with the configured token."""
        if not self.settings.api_token:
            raise HTTPException(404, "ingest over HTTP is off: start the server with KHABAR_TOKEN set")
        if not token_matches(request, self.settings.api_token):
            return UnicodeJSON(
                {"error": "a valid 'Authorization: Bearer <token>' header is required"},
                status_code=401,
                headers={"www-authenticate": "Bearer"},
            )
        body = await bounded_body(request, MAX_INGEST_BYTES)
        if not body:
            raise HTTPException(400, "the request body is empty: send the page's HTML")
        page = Page(
            content=body,
            url=request.query_params.get("url") or None,
            headers=(("content-type", request.headers.get("content-type", "text/html")),),
            fetched_at=datetime.now(UTC),
            origin="http-ingest",
        )
        from starlette.concurrency import run_in_threadpool

        article_id, status = await run_in_threadpool(self._ingest, page)
        return UnicodeJSON(
            {"id": article_id, "status": status, "href": f"/api/v1/articles/{article_id}"},
            status_code=201 if status == "inserted" else 200,
        )

    def _ingest(self, page: Page) -> tuple[str, str]:
        from khabar.pipeline import process_page

        try:
            article = process_page(page, self.settings)
        except KhabarError as exc:
            raise InputError(f"cannot ingest this page: {exc}") from exc
        with self.pool.writer() as store:
            status = store.upsert(article)
        self.on_write()
        return article.id, status
