"""Cues from visible text when an outlet's class names say nothing.

Class names differ from outlet to outlet; the words on the page much less
(«تاریخ انتشار:», «نویسنده:», «خانه › اقتصاد», a section link that repeats a
menu item). These fallbacks read the visible text around the headline, so a
new layout with unfamiliar class names still yields its date, byline,
section and caption.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from khabar.data.labels import CREDIT_MARKERS, DATE_PREFIXES, HOME_LABELS, SECTION_PREFIXES
from khabar.extract.dom import short_text, text_of
from khabar.extract.filters import author_names, byline_row, date_span, is_byline, is_date_line
from khabar.extract.util import fold, label_set, starts_with_any, strip_prefix

_HOME = label_set(HOME_LABELS)
_CRUMB_SEPARATORS = re.compile(r"^[\s/›»>\-–—]*$")
_PARTS = re.compile(r"\s+[|｜]\s+|\s{3,}")
_ZONE = re.compile(r"[،,]?\s*به\s+وقت\s+\S+(?:\s+\S+)?$")
_ROW_ITEMS = re.compile(r"\s*[|｜•·]\s*|\s{3,}")


def breadcrumb_by_text(root: HtmlElement) -> list[str]:
    """Items of a «خانه › اقتصاد › بورس» line: 2–6 short links joined only by separators."""
    for element in root.iter("div", "nav", "p", "ol", "ul", "span"):
        links = element.findall(".//a")
        if not 2 <= len(links) <= 6 or any(len(text_of(a).split()) > 4 for a in links):
            continue
        rest = text_of(element)
        for link in links:
            rest = rest.replace(text_of(link), " ", 1)
        if rest.strip() and _CRUMB_SEPARATORS.match(rest):
            return [text_of(a) for a in links if text_of(a)]
    return []


def section_above(title_el: HtmlElement | None, root: HtmlElement) -> str | None:
    """A short link just above the headline whose words are also a menu item."""
    if title_el is None:
        return None
    parent = title_el.getparent()
    if parent is None:
        return None
    menu = _menu_items(root)
    for sibling in title_el.itersiblings(preceding=True):
        links = [sibling] if sibling.tag == "a" else sibling.findall(".//a")
        for link in links[:2]:
            text = text_of(link)
            if 0 < len(text.split()) <= 3 and fold(text) in menu and fold(text) not in _HOME:
                return text
    return None


def _menu_items(root: HtmlElement) -> set[str]:
    """Folded texts of the site's menu links: links in <nav>/<ul>/<header>, and any row of
    four or more short sibling links (a menu whose classes are random strings)."""
    items = {fold(text_of(a)) for nav in root.iter("nav", "ul", "header") for a in nav.iter("a")}
    for element in root.iter("div", "p", "span", "td"):
        links = [c for c in element if c.tag == "a"]
        if len(links) >= 4 and all(0 < len(text_of(a).split()) <= 3 for a in links):
            items.update(fold(text_of(a)) for a in links)
    return items


def labelled_section(scope: HtmlElement) -> str | None:
    """«سرویس: علمی», «گروه: اقتصاد» in a short element of the article."""
    for element in scope.iter():
        if not isinstance(element.tag, str) or len(element) > 2:
            continue
        text = short_text(element, 40)
        if text and (":" in text or "：" in text) and starts_with_any(text, SECTION_PREFIXES):
            value = strip_prefix(text, SECTION_PREFIXES)
            if 0 < len(value.split()) <= 4:
                return value
    return None


def printed_date(scope: HtmlElement) -> str | None:
    """The first short text in the article that is a date (after «تاریخ انتشار:» and the like)."""
    for element in scope.iter():
        if not isinstance(element.tag, str) or len(element) > 3:
            continue
        text = short_text(element, 90)
        if not text:
            continue
        for part in _PARTS.split(text):
            value = strip_prefix(part, DATE_PREFIXES)
            if is_date_line(value) or is_date_line(_ZONE.sub("", value)):  # «… ۱۰:۲۰ به وقت کابل»
                return value
    for element in scope.iter():
        text = short_text(element, 90) if isinstance(element.tag, str) and len(element) <= 3 else None
        if text and (span := date_span(text)):
            return span
    return None


def byline(scope: HtmlElement) -> tuple[str, ...]:
    """«نویسنده: …», «گزارش: …» in a short element of the article, or in one item of a meta
    row («به قلم … و … | ۲۳ آذر ۱۴۰۴ | زمان مطالعه: …»)."""
    for element in scope.iter():
        if not isinstance(element.tag, str) or len(element) > 3:
            continue
        text = short_text(element, 160)
        for part in _ROW_ITEMS.split(text) if text else ():
            if len(part) < 70 and is_byline(part):
                return author_names(part)
    for element in scope.iter():
        text = short_text(element, 100) if isinstance(element.tag, str) and len(element) <= 3 else None
        if text and (row := byline_row(text)):
            return row[0]
    return ()


def credit_element(figure: HtmlElement) -> HtmlElement | None:
    """An element inside the figure whose text starts with a credit label («عکس:», «منبع تصویر،»)."""
    for element in figure.iter():
        if element is figure or not isinstance(element.tag, str):
            continue
        text = short_text(element, 120)
        if text and starts_with_any(text, CREDIT_MARKERS) and len(element) <= 2:
            return element
    return None


def caption_element(figure: HtmlElement) -> HtmlElement | None:
    """The figure's own short text block beside its image, when nothing is marked as caption."""
    for element in figure.iter("p", "span", "div", "small", "em", "td"):
        if element is figure or element.find(".//img") is not None:
            continue
        text = short_text(element, 250)
        if text and len(text.split()) >= 2:
            return element
    return None
