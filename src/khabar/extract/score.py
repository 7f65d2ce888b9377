"""Scoring extraction against gold JSON (tests/gold/*.json): field accuracy, body F1, chrome leaks.

Shared by ``bench/extract.py`` (khabar against its peers) and the quality test
that pins khabar's numbers. Text is compared by a key blind to what the repair
stage owns (ZWNJ and spacing, Arabic letter forms, digit script), so the score
measures extraction, not orthography.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khabar.extract.util import fold
from khabar.records import Article

FIELDS: tuple[str, ...] = (
    "section", "title", "lead", "published", "stated_reading_minutes", "caption", "credit", "authors",
)


@dataclass(frozen=True)
class Prediction:
    """What one tool returned for one page, mapped to the scored fields (None: not given)."""

    section: str | None = None
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    stated_reading_minutes: int | None = None
    caption: str | None = None
    credit: str | None = None
    authors: tuple[str, ...] = ()
    body: tuple[str, ...] = ()

    @classmethod
    def from_article(cls, article: Article) -> Prediction:
        return cls(
            section=article.section, title=article.title, lead=article.lead, published=article.published,
            stated_reading_minutes=article.stated_reading_minutes, caption=article.image.caption,
            credit=article.image.credit, authors=article.authors, body=article.body,
        )


@dataclass(frozen=True)
class Gold:
    stem: str
    page: Path
    data: dict[str, Any]

    def value(self, name: str) -> Any:
        if name in ("caption", "credit"):
            return (self.data.get("image") or {}).get(name)
        return self.data.get(name)


@dataclass
class Score:
    """Totals over pages for one tool."""

    pages: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    f1_sum: float = 0.0
    leaks: int = 0
    leaked: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str | None = None) -> float:
        if not self.pages:
            return 0.0
        if name is not None:
            return self.correct[name] / self.pages
        return sum(self.correct.values()) / (self.pages * len(FIELDS))

    @property
    def body_f1(self) -> float:
        return self.f1_sum / self.pages if self.pages else 0.0


def load_gold(samples: Path, gold_dir: Path) -> list[Gold]:
    golds: list[Gold] = []
    for path in sorted(gold_dir.glob("*.json")):
        pages = [p for p in (samples / f"{path.stem}.html", samples / f"{path.stem}.txt") if p.exists()]
        if pages:
            golds.append(Gold(path.stem, pages[0], json.loads(path.read_text(encoding="utf-8"))))
    return golds


def key(text: str | None) -> str:
    return fold(text) if text else ""


def same_date(predicted: str | None, gold: str | None) -> bool:
    """Equal ISO dates; date-times equal as instants. A date alone never matches a date-time."""
    if not predicted or not gold:
        return not predicted and not gold
    try:
        if "T" in gold:
            got = datetime.fromisoformat(predicted)
            want = datetime.fromisoformat(gold)
            if got.tzinfo is None or want.tzinfo is None:
                return got.replace(tzinfo=None) == want.replace(tzinfo=None)
            return got == want
        return "T" not in predicted and date.fromisoformat(predicted[:10]) == date.fromisoformat(gold)
    except ValueError:
        return False


def field_correct(name: str, predicted: Prediction, gold: Gold) -> bool:
    want = gold.value(name)
    got = getattr(predicted, name)
    if name == "published":
        return same_date(got, want)
    if name == "authors":
        return sorted(key(a) for a in got) == sorted(key(a) for a in want or [])
    if name == "stated_reading_minutes":
        return bool(got == want)
    return key(got) == key(want)


def body_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    got = [key(p) for p in predicted if key(p)]
    want = [key(p) for p in gold if key(p)]
    if not got and not want:
        return 1.0
    if not got or not want:
        return 0.0
    hits = sum(1 for p in got if p in set(want))
    precision = hits / len(got)
    recall = sum(1 for p in want if p in set(got)) / len(want)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def leaks(body: Iterable[str], chrome: Iterable[str]) -> list[str]:
    """Gold chrome strings that appear inside a predicted body paragraph."""
    keys = [key(p) for p in body]
    return [c for c in chrome if key(c) and any(key(c) in k for k in keys)]


def score(predictions: dict[str, Prediction], golds: Sequence[Gold]) -> Score:
    total = Score()
    for gold in golds:
        predicted = predictions.get(gold.stem, Prediction())
        total.pages += 1
        for name in FIELDS:
            if field_correct(name, predicted, gold):
                total.correct[name] += 1
            else:
                total.misses.append(f"{gold.stem}:{name}")
        total.f1_sum += body_f1(predicted.body, gold.data.get("body") or [])
        found = leaks(predicted.body, gold.data.get("chrome") or [])
        total.leaks += len(found)
        total.leaked.extend(f"{gold.stem}:{c}" for c in found)
    return total
