"""Atom feeds (RFC 4287) per section, per source and per saved search.

Built with ElementTree, which escapes every text; characters XML 1.0 cannot
carry (control characters a page may hold) are dropped first, because no
serializer does that for us.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from khabar.store.models import ArticleSummary
from khabar.web import data
from khabar.web.display import parse_when, plain_snippet, safe_url
from khabar.web.reader import ArchiveReader
from khabar.web.security import cached

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30
TEHRAN = ZoneInfo("Asia/Tehran")
EPOCH = "1970-01-01T00:00:00Z"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str | None) -> str:
    return _NOT_XML.sub("", value or "")


def rfc3339(published: str | None) -> str:
    when = parse_when(published)
    if when is None:
        return EPOCH
    if not isinstance(when, datetime):
        when = datetime.combine(when if isinstance(when, date) else date.today(), time(0, 0), TEHRAN)
    if when.tzinfo is None:
        when = when.replace(tzinfo=TEHRAN)
    return when.isoformat()


def build_feed(title: str, self_url: str, base: str, entries: Iterable[tuple[ArticleSummary, str | None]]) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "fa"})
    items = list(entries)
    _sub(feed, "id", self_url)
    _sub(feed, "title", title)
    _sub(feed, "updated", max((rfc3339(item.published) for item, _ in items), default=EPOCH))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url, "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": base, "type": "text/html"})
    _sub(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", "khabar")
    for item, summary in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _sub(entry, "id", f"{base}article/{item.id}")
        _sub(entry, "title", item.title or "بی‌عنوان")
        _sub(entry, "updated", rfc3339(item.published))
        if item.published:
            _sub(entry, "published", rfc3339(item.published))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}article/{item.id}"})
        original = safe_url(item.url)
        if original:
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "related", "href": original})
        if item.source:
            _sub(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", item.source)
        if item.section:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": xml_text(item.section)})
        text = summary if summary is not None else item.lead
        if text:
            _sub(entry, "summary", text)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = xml_text(text)
    return element


class Feeds:
    def __init__(self, pool: ArchiveReader) -> None:
        self.pool = pool

    def respond(self, request: Request, title: str, entries: Iterable[tuple[ArticleSummary, str | None]]) -> Response:
        base = str(request.base_url)
        body = build_feed(title, str(request.url), base, entries)
        return cached(request, Response(body, media_type="application/atom+xml; charset=utf-8"))

    def section(self, request: Request) -> Response:
        return self._listing(request, "section", "بخش")

    def source(self, request: Request) -> Response:
        return self._listing(request, "source", "منبع")

    def _listing(self, request: Request, kind: str, label: str) -> Response:
        name = request.path_params["name"]
        filters = data.ListFilters(limit=FEED_SIZE, **{kind: name})
        listing = data.listing_data(self.pool, kind, filters)
        if not listing.items:
            raise HTTPException(404, f"no {kind} named {name!r}")
        return self.respond(request, f"خبر — {label}: {name}", ((item, None) for item in listing.items))

    def search(self, request: Request) -> Response:
        query = data.parse_search({**request.query_params, "sort": "date", "limit": str(FEED_SIZE)}, facets=False)
        if query.empty:
            raise HTTPException(400, "q is required: the feed follows a search")
        result = data.search_data(self.pool, query)
        entries = ((hit.article, plain_snippet(hit.snippet)) for hit in result.hits)
        return self.respond(request, f"خبر — جست‌وجو: {query.text}", entries)
