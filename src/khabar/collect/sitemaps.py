"""Sitemaps and sitemap indexes (gzip too, Google News extension) → URLs, with lxml.

The parser is hardened: no network, no entity expansion, no DTDs, so a
hostile sitemap cannot make lxml fetch or inflate anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree

from khabar.data.collect import NEWS_NS
from khabar.errors import InputError
from khabar.fetch import gunzip_bounded

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
)


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: datetime | None = None
    news_published: datetime | None = None  # Google News <news:publication_date>
    news_title: str | None = None


@dataclass(frozen=True)
class Sitemap:
    is_index: bool  # True: entries are child sitemaps
    entries: tuple[SitemapEntry, ...]


def parse_sitemap(content: bytes, base_url: str, max_bytes: int) -> Sitemap:
    """A ``<urlset>`` or ``<sitemapindex>`` (gzipped or not); anything else raises InputError."""
    if content[:2] == b"\x1f\x8b":
        content = gunzip_bounded(content, max_bytes, base_url)
    try:
        root = etree.fromstring(content.lstrip(), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{base_url}: not a sitemap ({exc})") from exc
    if root is None:
        raise InputError(f"{base_url}: not a sitemap (empty document)")
    name = etree.QName(root).localname
    if name not in ("urlset", "sitemapindex"):
        raise InputError(f"{base_url}: not a sitemap (root element <{name}>)")
    child = "sitemap" if name == "sitemapindex" else "url"
    entries = tuple(
        entry
        for node in root
        if _local(node) == child
        for entry in [_entry(node, base_url)]
        if entry is not None
    )
    return Sitemap(is_index=name == "sitemapindex", entries=entries)


def _entry(node: etree._Element, base_url: str) -> SitemapEntry | None:
    loc = _text(node, "loc")
    if not loc:
        return None
    news = next((n for n in node if isinstance(n.tag, str) and etree.QName(n).namespace == NEWS_NS), None)
    published = title = None
    if news is not None:
        published = _date(_text(news, "publication_date"))
        title = _text(news, "title")
    return SitemapEntry(
        url=urljoin(base_url, loc),
        lastmod=_date(_text(node, "lastmod")),
        news_published=published,
        news_title=title,
    )


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if _local(child) == name and child.text and child.text.strip():
            return str(child.text).strip()
    return None


def _date(text: str | None) -> datetime | None:
    """W3C datetime as sitemaps write it: 2025-11-04, 2025-11-04T10:30:00+03:30, …Z."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def looks_like_sitemap(content: bytes) -> bool:
    if content[:2] == b"\x1f\x8b":
        return True
    head = content[:4096].lower()
    return b"<urlset" in head or b"<sitemapindex" in head
