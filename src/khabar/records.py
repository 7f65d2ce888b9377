"""Typed records that flow between the pipeline stages.

Every stage is a function from one of these records to another. They are
frozen dataclasses so a stage can never mutate what an earlier stage made;
use :func:`dataclasses.replace` to derive a changed copy.

``Article.to_json`` gives the contract form of DESIGN.md: the keys in that
order, then the keys khabar added since (never removed or renamed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Page:
    """One fetched or read document: bytes plus where and when they came from."""

    content: bytes
    url: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    fetched_at: datetime | None = None
    encoding: str | None = None
    origin: str | None = None  # file path, URL or "-" the page was read from

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)


def find_header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """The first value of an HTTP header, by case-insensitive name."""
    wanted = name.lower()
    for key, value in headers:
        if key.lower() == wanted:
            return value
    return None


@dataclass(frozen=True)
class Image:
    url: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "alt": self.alt, "caption": self.caption, "credit": self.credit}


@dataclass(frozen=True)
class RelatedLink:
    title: str
    source: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "source": self.source, "url": self.url}


@dataclass(frozen=True)
class ExploreLink:
    title: str
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True)
class Repairs:
    zwnj_inserted: int = 0
    characters_unified: int = 0
    digits_unified: int = 0

    def to_json(self) -> dict[str, int]:
        return {
            "zwnj_inserted": self.zwnj_inserted,
            "characters_unified": self.characters_unified,
            "digits_unified": self.digits_unified,
        }

    def __add__(self, other: Repairs) -> Repairs:
        return Repairs(
            self.zwnj_inserted + other.zwnj_inserted,
            self.characters_unified + other.characters_unified,
            self.digits_unified + other.digits_unified,
        )


@dataclass(frozen=True)
class Article:
    """The contract record (DESIGN.md "The Article record")."""

    id: str = ""
    url: str | None = None
    source: str | None = None
    language: str = "fa"
    section: str | None = None
    title: str | None = None
    lead: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_text: str | None = None
    updated: str | None = None
    stated_reading_minutes: int | None = None
    reading_minutes: int | None = None
    image: Image = field(default_factory=Image)
    body: tuple[str, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    explore: tuple[ExploreLink, ...] = ()
    tags: tuple[str, ...] = ()
    repairs: Repairs = field(default_factory=Repairs)
    # Added by khabar after the first contract; appended, never reordered.
    kicker: str | None = None
    updated_text: str | None = None
    content_hash: str | None = None
    fetched_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "section": self.section,
            "title": self.title,
            "lead": self.lead,
            "authors": list(self.authors),
            "published": self.published,
            "published_text": self.published_text,
            "updated": self.updated,
            "stated_reading_minutes": self.stated_reading_minutes,
            "reading_minutes": self.reading_minutes,
            "image": self.image.to_json(),
            "body": list(self.body),
            "related": [link.to_json() for link in self.related],
            "explore": [link.to_json() for link in self.explore],
            "tags": list(self.tags),
            "repairs": self.repairs.to_json(),
            "kicker": self.kicker,
            "updated_text": self.updated_text,
            "content_hash": self.content_hash,
            "fetched_at": self.fetched_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        image = data.get("image") or {}
        repairs = data.get("repairs") or {}
        return cls(
            id=data.get("id") or "",
            url=data.get("url"),
            source=data.get("source"),
            language=data.get("language") or "fa",
            section=data.get("section"),
            title=data.get("title"),
            lead=data.get("lead"),
            authors=tuple(data.get("authors") or ()),
            published=data.get("published"),
            published_text=data.get("published_text"),
            updated=data.get("updated"),
            stated_reading_minutes=data.get("stated_reading_minutes"),
            reading_minutes=data.get("reading_minutes"),
            image=Image(
                url=image.get("url"),
                alt=image.get("alt"),
                caption=image.get("caption"),
                credit=image.get("credit"),
            ),
            body=tuple(data.get("body") or ()),
            related=tuple(
                RelatedLink(title=r["title"], source=r.get("source"), url=r.get("url"))
                for r in data.get("related") or ()
            ),
            explore=tuple(
                ExploreLink(title=e["title"], url=e.get("url")) for e in data.get("explore") or ()
            ),
            tags=tuple(data.get("tags") or ()),
            repairs=Repairs(
                zwnj_inserted=int(repairs.get("zwnj_inserted", 0)),
                characters_unified=int(repairs.get("characters_unified", 0)),
                digits_unified=int(repairs.get("digits_unified", 0)),
            ),
            kicker=data.get("kicker"),
            updated_text=data.get("updated_text"),
            content_hash=data.get("content_hash"),
            fetched_at=data.get("fetched_at"),
        )


CONTRACT_KEYS: tuple[str, ...] = (
    "id", "url", "source", "language", "section", "title", "lead", "authors",
    "published", "published_text", "updated", "stated_reading_minutes",
    "reading_minutes", "image", "body", "related", "explore", "tags", "repairs",
)


def stable_id(url: str | None, title: str | None, published: str | None, source: str | None) -> str:
    """DESIGN.md: hash of the canonical URL, else of title + published + source."""
    basis = url if url else "\x1f".join(part or "" for part in (title, published, source))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
