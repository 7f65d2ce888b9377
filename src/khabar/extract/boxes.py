"""Boxes around the article: related links, lists of other headlines, tags.

Found by their heading words first («مطالب مرتبط», «پربازدیدترین‌ها»,
«برچسب‌ها» — the labels data), then by class names. No extraction library
returns these as data; the rules are hand-written and generic.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from lxml.html import HtmlElement

from khabar.data.labels import (
    EXPLORE_LABELS,
    EXPLORE_PREFIXES,
    OUTLET_WORDS,
    RELATED_LABELS,
    RELATED_SUFFIXES,
    TAG_LABELS,
)
from khabar.extract.dom import abs_url, class_tokens, short_text, text_of
from khabar.extract.util import clean, fold, label_set, starts_with_any, strip_prefix
from khabar.records import ExploreLink, RelatedLink

_RELATED = label_set(RELATED_LABELS)
_EXPLORE = label_set(EXPLORE_LABELS)
_TAGS = label_set(TAG_LABELS)
_EXPLORE_PREFIXES = tuple(fold(p) for p in EXPLORE_PREFIXES)
_RELATED_SUFFIXES = tuple(fold(s) for s in RELATED_SUFFIXES)
_LABEL_TAGS = frozenset([
    "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "header", "label", "legend", "dt", "em",
    "i",
])
_CLASS_KINDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"related", "relate", "related-posts", "related-news", "see-also", "seealso"}), "related"),
    (frozenset({"tags", "tag", "tagcloud", "keywords", "post-tags", "news-tags"}), "tags"),
    (frozenset({"popular", "mostviewed", "most-read", "most-viewed", "mostread", "latest", "trending",
                "explore", "last-news", "latest-news", "top-news"}), "explore"),
)
_SOURCE_TOKENS = frozenset({"source", "rel-source", "outlet", "site", "publisher"})
_TITLE_TOKENS = frozenset({"title", "rel-title", "headline"})


class Kind(Enum):
    RELATED = "related"
    EXPLORE = "explore"
    TAGS = "tags"


@dataclass(frozen=True)
class Boxes:
    related: tuple[RelatedLink, ...] = ()
    explore: tuple[ExploreLink, ...] = ()
    tags: tuple[str, ...] = ()
    element_ids: frozenset[int] = frozenset()


def label_kind(text: str) -> Kind | None:
    """Which box a heading text names, if any (compared folded)."""
    key = fold(text)
    if not key or len(key) > 40:
        return None
    if key in _RELATED or key.endswith(_RELATED_SUFFIXES):
        return Kind.RELATED
    if key in _TAGS:
        return Kind.TAGS
    if key in _EXPLORE or key.startswith(_EXPLORE_PREFIXES):
        return Kind.EXPLORE
    return None


def find_boxes(root: HtmlElement, base_url: str | None, keep: frozenset[int]) -> Boxes:
    """Every labelled box in the page (``keep``: ids of elements never taken as a box)."""
    related: list[RelatedLink] = []
    explore: list[ExploreLink] = []
    tags: list[str] = []
    taken: set[int] = set()
    for region, kind, label in _regions(root, keep):
        if id(region) in taken or any(id(a) in taken for a in region.iterancestors()):
            continue
        links = [a for a in region.iter("a") if label is None or not _inside(a, label)]
        if kind is Kind.TAGS:
            tags.extend(_tag_texts(region, label, links))
        elif kind is Kind.RELATED:
            related.extend(_related(a, base_url) for a in links if _is_headline(a))
        else:
            explore.extend(ExploreLink(text_of(a), abs_url(base_url, a.get("href"))) for a in links if _is_headline(a))
        taken.update(id(e) for e in region.iter())
    return Boxes(
        related=tuple(_unique(related)),
        explore=tuple(_unique(explore)),
        tags=tuple(dict.fromkeys(t for t in tags if t)),
        element_ids=frozenset(taken),
    )


def _regions(root: HtmlElement, keep: frozenset[int]) -> list[tuple[HtmlElement, Kind, HtmlElement | None]]:
    """(box element, kind, its label element) in document order: labelled boxes, then classed ones."""
    found: list[tuple[HtmlElement, Kind, HtmlElement | None]] = []
    for element in root.iter(*_LABEL_TAGS):
        if len(element) > 3 or id(element) in keep:
            continue
        text = short_text(element, 300)
        if text is None:
            continue
        kind = label_kind(text)
        if kind is None and element.find(".//a") is not None and starts_with_any(text, RELATED_LABELS):
            # an inline «بیشتر بخوانید: <a>…</a>» block
            if len(text) < 300:
                found.append((element, Kind.RELATED, None))
            continue
        if kind is None or (element.find(".//a") is not None and kind is not Kind.TAGS):
            continue
        region = _region_of(element, keep)
        if region is not None:
            found.append((region, kind, element))
    for element in root.iter("div", "section", "aside", "ul", "ol", "nav"):
        if id(element) in keep:
            continue
        tokens = class_tokens(element)
        for names, kind_name in _CLASS_KINDS:
            if not names.isdisjoint(tokens) and element.find(".//a") is not None:
                found.append((element, Kind(kind_name), None))
                break
    return found


def _region_of(label: HtmlElement, keep: frozenset[int]) -> HtmlElement | None:
    """The smallest ancestor of ``label`` holding links beyond the label, if mostly links."""
    node = label
    for _ in range(3):
        parent = node.getparent()
        if parent is None or id(parent) in keep:
            return None
        links = [a for a in parent.iter("a") if not _inside(a, label)]
        if links:
            link_chars = sum(len(text_of(a)) for a in links)
            rest = len(text_of(parent)) - len(text_of(label))
            return parent if link_chars >= 0.5 * max(1, rest) else None
        node = parent
    return None


def _inside(element: HtmlElement, container: HtmlElement) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _is_headline(link: HtmlElement) -> bool:
    text = text_of(link)
    return len(text) >= 12 and label_kind(text) is None and len(text.split()) >= 3


def _related(link: HtmlElement, base_url: str | None) -> RelatedLink:
    source = title = None
    for span in link.iter():
        tokens = class_tokens(span)
        if span is not link and not _SOURCE_TOKENS.isdisjoint(tokens):
            source = text_of(span)
        elif span is not link and not _TITLE_TOKENS.isdisjoint(tokens):
            title = text_of(span)
    if source and not title:
        title = clean(text_of(link).replace(source, "", 1)).strip(" -–—|:")
    if not source and not title:
        source, title = split_outlet(text_of(link))
    return RelatedLink(title=title or text_of(link), source=source or None, url=abs_url(base_url, link.get("href")))


def split_outlet(text: str) -> tuple[str | None, str | None]:
    """«خبرنامه بندر - عنوان» → (outlet, title) when the left part names an outlet."""
    left, separator, right = text.partition(" - ")
    if not separator or not right.strip() or len(left.split()) > 4:
        return None, None
    words = fold(left)
    if any(fold(word) in words for word in OUTLET_WORDS):
        return clean(left), clean(right)
    return None, None


def _tag_texts(region: HtmlElement, label: HtmlElement | None, links: list[HtmlElement]) -> list[str]:
    if links:
        return [clean(text_of(a).lstrip("#")) for a in links if 0 < len(text_of(a)) < 60]
    text = text_of(region)
    if label is not None:
        text = strip_prefix(text, [text_of(label)])
    return [clean(part.lstrip("#")) for part in text.replace("،", ",").split(",") if clean(part)]


_Link = TypeVar("_Link", RelatedLink, ExploreLink)


def _unique(items: list[_Link]) -> list[_Link]:
    seen: set[str] = set()
    out: list[_Link] = []
    for item in items:
        key = fold(item.title)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out
