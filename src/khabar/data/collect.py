"""Data for collecting: where sites keep feeds and sitemaps, what a feed's MIME type is.

Kept as data so a new convention (a CMS that puts its feed elsewhere) is a
one-line change, not a code change.
"""

from __future__ import annotations

# Probed in this order when a home page links no feed (<link rel="alternate">).
COMMON_FEED_PATHS: tuple[str, ...] = (
    "/feed",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/fa/rss",
    "/rss/all",
)

# Probed when robots.txt names no sitemap.
COMMON_SITEMAP_PATHS: tuple[str, ...] = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
)

FEED_MIME_TYPES: tuple[str, ...] = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)

# Local files read as WARC archives (WET "conversion" records included).
WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc.gz")

# Sitemap and feed namespaces.
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

# robots.txt is read up to this size (RFC 9309 asks crawlers to parse at least 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024
