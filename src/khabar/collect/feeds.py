"""RSS, Atom and RDF feeds → the article links they list (feedparser does the parsing)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from khabar.errors import InputError


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(content: bytes, base_url: str) -> Feed:
    """The feed's entries with absolute links; not a feed raises InputError."""
    parsed: Any = feedparser.parse(content, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(f"{base_url}: not an RSS or Atom feed ({problem or 'no entries'})")
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link:
            entries.append(
                FeedEntry(
                    url=urljoin(base_url, link),
                    title=entry.get("title"),
                    published=_when(entry),
                )
            )
    return Feed(title=parsed.feed.get("title"), entries=tuple(entries))


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return str(link)
    for candidate in entry.get("links", ()):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"])
    guid = entry.get("id")
    if guid and str(guid).startswith(("http://", "https://")):
        return str(guid)
    return None


def _when(entry: Any) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC)


def looks_like_feed(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
