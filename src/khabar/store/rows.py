"""Turning an Article into the columns both backends store, and stored rows back into records."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

import jdatetime
import orjson

from khabar.records import Article
from khabar.search import document_key
from khabar.store import dedup
from khabar.store.filter_terms import meta_key
from khabar.store.models import ArticleSummary

#: Times without a zone are Tehran time (DESIGN.md "Dates").
TEHRAN = timezone(timedelta(hours=3, minutes=30))
#: Columns of an ArticleSummary, in order, as both backends select them.
SUMMARY_COLUMNS = ("id", "url", "source", "section", "title", "lead", "published", "image_url")
#: Relevance ranking: weight of title, lead and body matches; recency boost and its half-life.
FIELD_WEIGHTS = (8.0, 3.0, 1.0)
RECENCY_WEIGHT = 0.5
RECENCY_DAYS = 30.0


#: What the full-text index holds for one article: title, lead, body and filter tokens.
Keys = tuple[str, str, str, str]


def pub_day_of(published: str | None) -> str | None:
    """The publication day as written (YYYY-MM-DD), when ``published`` is a valid ISO date."""
    return published[:10] if published and parse_timestamp(published) else None


@lru_cache(maxsize=1 << 14)
def jalali_day(pub_day: str | None) -> str | None:
    """The Jalali (solar hijri) day of a Gregorian YYYY-MM-DD, as 1404-08-13, for browsing by month."""
    if not pub_day:
        return None
    try:
        day = jdatetime.date.fromgregorian(date=date.fromisoformat(pub_day))
    except ValueError:
        return None
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


@dataclass(frozen=True)
class ArticleRow:
    """An article as stored: display columns, the JSON document, and the derived search keys."""

    id: str
    url: str | None
    source: str | None
    section: str | None
    title: str | None
    lead: str | None
    authors: str  # JSON list
    published: str | None
    pub_day: str | None  # YYYY-MM-DD, for date filters
    month: str | None  # YYYY-MM, for facets
    jday: str | None  # the Jalali day, 1404-08-13
    jmonth: str | None  # the Jalali month, 1404-08
    sort_ts: float  # seconds since the epoch: publication, else when fetched
    image_url: str | None
    content_hash: str | None
    minhash: bytes | None
    doc: str  # Article.to_json(), the record of truth
    doc_hash: str  # what makes a re-fetch "unchanged"
    title_key: str
    lead_key: str
    body_key: str
    author_names: tuple[str, ...]
    bands: tuple[int, ...]  # MinHash LSH band keys (see dedup)

    @property
    def meta_key(self) -> str:
        """Hidden filter tokens (see filter_terms), for the backends whose index holds them."""
        return meta_key(self.section, self.source, self.author_names, self.pub_day)

    @property
    def keys(self) -> Keys:
        return self.title_key, self.lead_key, self.body_key, self.meta_key


def parse_timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=TEHRAN)


def article_row(article: Article, now: datetime | None = None) -> ArticleRow:
    return article_rows([article], now)[0]


def article_rows(articles: Sequence[Article], now: datetime | None = None) -> list[ArticleRow]:
    """The rows of a batch: text folded per article, MinHash signatures for the batch at once."""
    return rows_of(articles, fold_texts(Texts.of(articles)), now)


@dataclass(frozen=True)
class Texts:
    """The texts of a batch that its search keys and MinHash come from (what the row helper process
    is sent: a few strings per article pickle far faster than the records)."""

    titles: tuple[str, ...]
    leads: tuple[str, ...]
    bodies: tuple[str, ...]
    hashed: tuple[bool, ...]  # the article came with its content hash (the pipeline sets it)

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Texts:
        return cls(tuple(a.title or "" for a in articles), tuple(a.lead or "" for a in articles),
                   tuple("\n".join(a.body) for a in articles), tuple(bool(a.content_hash) for a in articles))


@dataclass(frozen=True)
class Folded:
    """The derived columns of a batch's texts, column by column (one pickle carries a whole piece)."""

    title_keys: tuple[str, ...]
    lead_keys: tuple[str, ...]
    body_keys: tuple[str, ...]
    signatures: tuple[bytes | None, ...]  # MinHash of the body's word bigrams
    bands: tuple[tuple[int, ...], ...]  # the LSH band keys of each signature
    body_hashes: tuple[str | None, ...]  # content hashes, for articles that come without one


def fold_texts(texts: Texts) -> Folded:
    """Search keys and MinHash signatures of a batch (the costly part of a row)."""
    body_keys = tuple(map(document_key, texts.bodies))  # tokens joined by single spaces
    signatures = tuple(dedup.key_signatures(body_keys))
    return Folded(
        title_keys=tuple(map(document_key, texts.titles)), lead_keys=tuple(map(document_key, texts.leads)),
        body_keys=body_keys,
        signatures=signatures, bands=tuple(tuple(dedup.bands(sig)) if sig else () for sig in signatures),
        body_hashes=tuple(dedup.content_hash(key) if key and not hashed else None
                          for key, hashed in zip(body_keys, texts.hashed, strict=True)),
    )


def rows_of(articles: Sequence[Article], folded: Folded, now: datetime | None = None) -> list[ArticleRow]:
    """The rows of ``articles`` from their folded texts."""
    return [_row(article, folded, i, now) for i, article in enumerate(articles)]


def _row(article: Article, folded: Folded, i: int, now: datetime | None) -> ArticleRow:
    data = article.to_json()
    fetched_at = data.pop("fetched_at", None)  # a re-fetch alone does not change an article
    stable = _dumps(data)
    doc_hash = hashlib.sha256(stable).hexdigest()
    doc = f'{stable[:-1].decode()},"fetched_at":{_dumps(fetched_at).decode()}}}'
    published = parse_timestamp(article.published)
    moment = published or parse_timestamp(article.fetched_at) or now or datetime.now(UTC)
    pub_day = article.published[:10] if published and article.published else None  # as pub_day_of
    jday = jalali_day(pub_day)
    return ArticleRow(
        id=article.id, url=article.url, source=article.source, section=article.section,
        title=article.title, lead=article.lead,
        authors=_dumps(list(article.authors)).decode(),
        published=article.published, pub_day=pub_day, month=pub_day[:7] if pub_day else None,
        jday=jday, jmonth=jday[:7] if jday else None,
        sort_ts=moment.timestamp(), image_url=article.image.url,
        content_hash=article.content_hash or folded.body_hashes[i],
        minhash=folded.signatures[i], bands=folded.bands[i], doc=doc, doc_hash=doc_hash,
        title_key=folded.title_keys[i], lead_key=folded.lead_keys[i],
        body_key=folded.body_keys[i], author_names=tuple(article.authors),
    )


def _dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, byte for byte what ``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))`` writes (doc hashes of stored articles depend on it) at a fifth of its
    cost; what orjson refuses (a lone surrogate) takes the standard library's path as before."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def keys_from_doc(doc: str) -> Keys:
    """Recompute the search keys of a stored document (for reindexing)."""
    data = json.loads(doc)
    return (document_key(data.get("title") or ""), document_key(data.get("lead") or ""),
            document_key("\n".join(data.get("body") or ())),
            meta_key(data.get("section"), data.get("source"), data.get("authors") or [],
                     pub_day_of(data.get("published"))))


def article_from_doc(doc: str) -> Article:
    return Article.from_json(json.loads(doc))


def paragraphs_from_doc(doc: str) -> list[str]:
    data = json.loads(doc)
    return [p for p in [data.get("lead"), *(data.get("body") or ())] if p]


def summary(row: Mapping[str, Any] | tuple[Any, ...]) -> ArticleSummary:
    values = tuple(row[c] for c in SUMMARY_COLUMNS) if isinstance(row, Mapping) else tuple(row[:8])
    return ArticleSummary(*values)


def relevance(bm25: float, sort_ts: float, now: float) -> float:
    """BM25 (larger is better) boosted for recent articles: up to ×(1 + RECENCY_WEIGHT)."""
    age_days = max(0.0, (now - sort_ts) / 86400.0)
    return bm25 * (1.0 + RECENCY_WEIGHT * math.exp(-age_days / RECENCY_DAYS))


def encode_cursor(sort_ts: float, rowid: int) -> str:
    return f"{sort_ts!r}~{rowid}"


def decode_cursor(cursor: str) -> tuple[float, int]:
    from khabar.errors import QueryError

    try:
        ts, rowid = cursor.split("~")
        return float(ts), int(rowid)
    except ValueError as exc:
        raise QueryError(f"bad page cursor {cursor!r}; start again without one") from exc
