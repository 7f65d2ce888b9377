"""What a source is: a page, a feed, a sitemap, a site's home page, a WARC file, saved pages.

A local source is judged by its name; a URL by what the server sends back
(the content, then the Content-Type), because feed and sitemap URLs rarely
say what they are. A URL whose path is ``/`` is a site's home page: khabar
looks there for feeds (``<link rel="alternate">``, then common paths) and
in robots.txt for sitemaps, instead of storing the home page as an article.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from khabar.collect.feeds import looks_like_feed
from khabar.collect.sitemaps import looks_like_sitemap
from khabar.data.collect import FEED_MIME_TYPES, WARC_SUFFIXES
from khabar.fetch import Response, is_url


class Kind(StrEnum):
    AUTO = "auto"  # a URL the user named: decided when it arrives
    PAGE = "page"
    FEED = "feed"
    SITEMAP = "sitemap"
    SITE = "site"
    STDIN = "stdin"
    WARC = "warc"
    FILES = "files"  # a saved page or a folder of them


def local_kind(source: str) -> Kind:
    """The kind of a source named on the command line, before anything is fetched."""
    if source == "-":
        return Kind.STDIN
    if is_url(source):
        return Kind.AUTO
    if source.lower().endswith(WARC_SUFFIXES) and not Path(source).is_dir():
        return Kind.WARC
    return Kind.FILES


def is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def sniff(response: Response, expected: Kind) -> Kind:
    """What a fetched URL turned out to be."""
    body = response.content
    if looks_like_feed(body):
        return Kind.FEED
    if looks_like_sitemap(body):
        return Kind.SITEMAP
    if expected in (Kind.FEED, Kind.SITEMAP):
        return expected  # the caller will say why it does not parse
    if expected == Kind.SITE or (expected == Kind.AUTO and is_home(response.requested)):
        return Kind.SITE
    return Kind.PAGE


def discover_feeds(html: bytes, base_url: str) -> tuple[str, ...]:
    """Feed URLs a page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    found: list[str] = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_MIME_TYPES and href:
            url = urljoin(base_url, href)
            if url not in found:
                found.append(url)
    return tuple(found)
