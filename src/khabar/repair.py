"""The repair stage: Article → Article with Persian orthography repaired (DESIGN.md "Persian text repair").

Every human-text field goes through :func:`khabar.persian.repair`; dates as printed
(``published_text``, ``updated_text``) only get letter forms and Arabic-Indic digits unified, so
date parsing sees what the page wrote. ``Article.repairs`` counts the edits by kind.
"""

from __future__ import annotations

from dataclasses import replace

from khabar.persian import repair, repair_edits
from khabar.persian.characters import unify_characters
from khabar.persian.edits import Edit, apply_edits, diff_edits
from khabar.records import Article, ExploreLink, Image, RelatedLink, Repairs


def repair_text(text: str) -> str:
    """str → str entry point for the scorer (``--func khabar.repair:repair_text``)."""
    return repair(text)


class _Counter:
    """Repairs each field once and adds its edits to the article's counts."""

    def __init__(self, digits: str | None) -> None:
        self.digits = digits
        self.total = Repairs()

    def text(self, value: str | None) -> str | None:
        if not value:
            return value
        return self._count(value, repair_edits(value, digits=self.digits))

    def letters(self, value: str | None) -> str | None:
        if not value:
            return value
        return self._count(value, diff_edits(value, unify_characters(value)))

    def many(self, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.text(v) or v for v in values)

    def _count(self, value: str, edits: list[Edit]) -> str:
        zwnj = sum(1 for e in edits if e.kind == "zwnj" and "\u200c" in e.after)
        chars = sum(1 for e in edits if e.kind in ("character", "removed"))
        digits = sum(1 for e in edits if e.kind == "digit")
        self.total = self.total + Repairs(zwnj, chars, digits)
        return apply_edits(value, edits)


def repair_article(article: Article, *, digits: str | None = None) -> Article:
    """Repair every human-text field of ``article`` and fill ``Article.repairs`` with the counts."""
    c = _Counter(digits)
    image = article.image
    return replace(
        article,
        source=c.text(article.source),
        section=c.text(article.section),
        kicker=c.text(article.kicker),
        title=c.text(article.title),
        lead=c.text(article.lead),
        authors=c.many(article.authors),
        body=c.many(article.body),
        image=Image(
            url=image.url, alt=c.text(image.alt), caption=c.text(image.caption), credit=c.text(image.credit)
        ),
        related=tuple(
            RelatedLink(title=c.text(r.title) or r.title, source=c.text(r.source), url=r.url)
            for r in article.related
        ),
        explore=tuple(ExploreLink(title=c.text(e.title) or e.title, url=e.url) for e in article.explore),
        tags=c.many(article.tags),
        published_text=c.letters(article.published_text),
        updated_text=c.letters(article.updated_text),
        repairs=article.repairs + c.total,
    )
