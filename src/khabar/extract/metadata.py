"""Machine-readable metadata: JSON-LD, OpenGraph, ``article:*``/Dublin Core meta, microdata.

extruct does this too, but pulls in a dozen dependencies and parses the page
again; the page is already an lxml tree here, and only a few keys matter, so
the walk is hand-written and bounded (a hostile page cannot make it parse
megabytes of JSON or recurse without end).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from lxml.html import HtmlElement

from khabar.data.labels import ARTICLE_TYPES, ORGANISATION_WORDS
from khabar.extract.util import clean, latin_digits

_MAX_JSON = 500_000
_MAX_DEPTH = 12
# Zero-width and direction marks that hostile or sloppy pages put inside keys.
_FORMAT_CHARS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\\s]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_DURATION = re.compile(r"^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?", re.I)


@dataclass(frozen=True)
class Metadata:
    """What the page's metadata says, before the visible page is consulted."""

    url: str | None = None
    source: str | None = None
    title: str | None = None
    description: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    tags: tuple[str, ...] = ()
    reading_minutes: int | None = None
    language: str | None = None
    breadcrumbs: tuple[str, ...] = ()


def read_metadata(tree: HtmlElement) -> Metadata:
    meta = _meta_tags(tree)
    article, crumbs = _json_ld(tree)
    micro = _microdata(tree)

    def pick(*values: str | None) -> str | None:
        for value in values:
            if value and clean(value):
                return clean(value)
        return None

    authors = _names(article.get("author")) or micro.authors or _meta_authors(meta)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    return Metadata(
        url=pick(canonical[0] if canonical else None, meta.get("og:url"), _text(article.get("url"))),
        source=_site_name(pick(meta.get("og:site_name"), _name(article.get("publisher")),
                               meta.get("application-name"))),
        title=pick(_text(article.get("headline")), meta.get("og:title"), meta.get("twitter:title"),
                   micro.title, meta.get("dc.title")),
        description=pick(_text(article.get("description")), meta.get("og:description"),
                         meta.get("description"), meta.get("twitter:description"), meta.get("dc.description")),
        section=pick(_text(article.get("articleSection")), meta.get("article:section"), micro.section),
        authors=authors,
        published=iso_date(pick(_text(article.get("datePublished")), meta.get("article:published_time"),
                                micro.published, meta.get("og:published_time"), meta.get("pubdate"),
                                meta.get("publishdate"), meta.get("date"), meta.get("dc.date"),
                                meta.get("dc.date.issued"), meta.get("sailthru.date"))),
        updated=iso_date(pick(_text(article.get("dateModified")), meta.get("article:modified_time"),
                              meta.get("og:updated_time"), micro.updated)),
        image_url=pick(_image_url(article.get("image")), meta.get("og:image"), meta.get("twitter:image")),
        image_caption=pick(_image_caption(article.get("image"))),
        tags=_tags(article.get("keywords")) or _meta_tags_list(meta),
        reading_minutes=_duration(_text(article.get("timeRequired"))),
        language=pick(_text(article.get("inLanguage")), meta.get("og:locale"), meta.get("language")),
        breadcrumbs=crumbs,
    )


def _site_name(value: str | None) -> str | None:
    """«Outlet | tagline | EN» → «Outlet»."""
    if not value:
        return None
    return re.split(r"\s[|｜]\s", value)[0].strip() or value


class _Meta(dict[str, str]):
    """First value per key, plus every value for repeatable keys."""

    def __init__(self) -> None:
        super().__init__()
        self.multi: dict[str, list[str]] = {}

    def add(self, key: str, value: str) -> None:
        self.setdefault(key, value)
        self.multi.setdefault(key, []).append(value)

    def getall(self, key: str) -> list[str]:
        return self.multi.get(key, [])


def _meta_tags(tree: HtmlElement) -> _Meta:
    meta = _Meta()
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        value = element.get("content")
        if key and value is not None and value.strip():
            meta.add(_FORMAT_CHARS.sub("", key).strip().lower(), _unescape(value.strip()))
    return meta


def _unescape(value: str) -> str:
    """Entities escaped twice by the CMS («&amp;zwnj;» shows as «&zwnj;») become characters."""
    return html.unescape(value) if "&" in value else value


def _meta_tags_list(meta: _Meta) -> tuple[str, ...]:
    tags: list[str] = []
    for value in meta.getall("article:tag"):
        tags.extend(_split_tags(value))
    return tuple(dict.fromkeys(t for t in tags if t))


def _split_tags(value: str) -> list[str]:
    return [clean(part) for part in re.split(r"[,،؛;]", value) if clean(part)]


def _meta_authors(meta: _Meta) -> tuple[str, ...]:
    names = meta.getall("article:author") or meta.getall("author") or meta.getall("dc.creator")
    out = [clean(n) for n in names if clean(n) and not n.startswith("http") and not _organisation(n)]
    return tuple(dict.fromkeys(out))


def _organisation(name: str) -> bool:
    words = set(name.lower().replace("|", " ").split())
    return any(word in words or (" " in word and word in name) for word in ORGANISATION_WORDS)


# --- JSON-LD -----------------------------------------------------------------------


def _json_ld(tree: HtmlElement) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The page's article object (merged if several) and its breadcrumb names."""
    article: dict[str, Any] = {}
    crumbs: tuple[str, ...] = ()
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSON:
            continue
        try:
            data = json.loads(_CONTROL.sub(" ", raw), strict=False)
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data, 0):
            types = node.get("@type")
            kinds = {types} if isinstance(types, str) else set(types) if isinstance(types, list) else set()
            if kinds & set(ARTICLE_TYPES) and ("headline" in node or "headLine" in node or "name" in node):
                if "headLine" in node and "headline" not in node:
                    node = {**node, "headline": node["headLine"]}
                if "WebPage" in kinds and article:
                    continue
                article = {**node, **article} if "WebPage" in kinds else {**article, **node}
            if "BreadcrumbList" in kinds and not crumbs:
                crumbs = _breadcrumb_names(node)
    return article, crumbs


def _nodes(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data[:200]:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "breadcrumb", "isPartOf"):
            if key in data:
                yield from _nodes(data[key], depth + 1)


def _breadcrumb_names(node: dict[str, Any]) -> tuple[str, ...]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        return ()
    ordered = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position")))
    names = [_name(i.get("item")) or _text(i.get("name")) for i in ordered]
    return tuple(clean(n) for n in names if n and clean(n))


def _position(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name"))
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return value if isinstance(value, str) and not value.startswith("http") else None


def _names(value: Any) -> tuple[str, ...]:
    """Person authors only: an Organization «author» is the outlet, not a byline."""
    items = value if isinstance(value, list) else [value] if value else []
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict):
            if item.get("@type") == "Organization":
                continue
            name = _text(item.get("name"))
        else:
            name = item if isinstance(item, str) and not item.startswith("http") else None
        if name and clean(name):
            names.append(clean(name))
    return tuple(dict.fromkeys(names))


def _image_url(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        return _image_url(value[0])
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("contentUrl"))
    return None


def _image_caption(value: Any) -> str | None:
    if isinstance(value, list) and value:
        return _image_caption(value[0])
    if isinstance(value, dict):
        return _text(value.get("caption"))
    return None


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(dict.fromkeys(clean(v) for v in value if isinstance(v, str) and clean(v)))
    if isinstance(value, str):
        return tuple(dict.fromkeys(_split_tags(value)))
    return ()


def _duration(value: str | None) -> int | None:
    if not value:
        return None
    match = _DURATION.match(value.strip())
    if not match or not (match.group(1) or match.group(2)):
        return None
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0) or None


# --- microdata ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Micro:
    title: str | None = None
    section: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()


def _microdata(tree: HtmlElement) -> _Micro:
    def prop(name: str) -> str | None:
        for element in tree.xpath(f"//*[@itemprop='{name}']")[:3]:
            value = element.get("content") or element.get("datetime") or element.text_content()
            if value and clean(value):
                return clean(value)
        return None

    authors: list[str] = []
    for element in tree.xpath("//*[@itemprop='author']")[:10]:
        named = element.xpath(".//*[@itemprop='name']")
        value = (named[0].get("content") or named[0].text_content()) if named else (
            element.get("content") or element.text_content())
        if value and clean(value) and len(clean(value)) < 80:
            authors.append(clean(value))
    return _Micro(
        title=prop("headline"),
        section=prop("articleSection"),
        published=prop("datePublished"),
        updated=prop("dateModified"),
        authors=tuple(dict.fromkeys(authors)),
    )


# --- dates -------------------------------------------------------------------------


def iso_date(value: str | None) -> str | None:
    """A machine date as ISO 8601 (date, or date-time with its offset), else None.

    Only machine dates are read here (``2025-11-04T10:30:00+03:30``, ``Z``,
    ``+0330``); dates printed for people are the enrich stage's job.
    """
    if not value:
        return None
    match = _ISO.match(latin_digits(value))
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if int(year) < 1900:  # a Jalali date written like ISO: left to the enrich stage
        return None
    try:
        if hour is None:
            return datetime(int(year), int(month), int(day)).date().isoformat()
        stamp = f"{year}-{month}-{day}T{int(hour):02d}:{minute}:{second or '00'}"
        if zone:
            zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
            return datetime.fromisoformat(stamp + zone).isoformat()
        # Times without a zone are Tehran time (DESIGN.md "Dates").
        return datetime.fromisoformat(stamp).replace(tzinfo=ZoneInfo("Asia/Tehran")).isoformat()
    except ValueError:
        return None
