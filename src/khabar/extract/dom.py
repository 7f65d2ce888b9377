"""lxml helpers: parsing a hostile page safely and reading its elements.

Hand-written because the questions are Persian-news specific (is this
element furniture by its class? what is its text with ZWNJ kept?), and lxml
already gives the fast parse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from khabar.data.labels import CHROME_CLASS_TOKENS
from khabar.errors import ExtractError
from khabar.extract.util import clean

# Tags whose content is never visible text.
INVISIBLE = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "audio",
    "video", "source", "track", "map", "head", "select", "option", "input", "textarea", "button",
)
BLOCK_TAGS = frozenset(
    [
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "li", "dl",
        "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "figure", "figcaption", "form", "pre", "hr", "address", "details", "summary", "center",
        "fieldset",
    ]
)
PARAGRAPH_TAGS = frozenset(["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"])
SKIP_TAGS = frozenset([
    "nav", "aside", "footer", "header", "form", "figure", "figcaption", "table", "button", "select", "label",
])
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
_CHROME = frozenset(CHROME_CLASS_TOKENS)


def parse_html(text: str) -> HtmlElement:
    """An lxml tree of ``text``; never resolves entities from outside or runs anything."""
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    try:
        tree = document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"the page could not be parsed as HTML ({exc}); check that it is an HTML page") from exc
    return tree


def strip_invisible(tree: HtmlElement) -> None:
    """Remove elements that never show text (keeps their tails)."""
    etree.strip_elements(tree, *INVISIBLE, with_tail=False)


def text_of(element: HtmlElement) -> str:
    """Visible text, whitespace collapsed, every ZWNJ kept; <br> counts as a space."""
    return clean(" ".join(element.itertext()))


def inline_text(element: HtmlElement) -> str:
    """A paragraph's text as a browser lays it out: inline elements join their neighbours with
    no space added («<span class="dropcap">س</span>اعت» → «ساعت»); <br> and blocks are spaces."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br" or tag in BLOCK_TAGS:
            pieces.append(" " + (text_of(child) if tag else "") + " ")
        elif tag:
            pieces.append(inline_text(child))
        pieces.append(child.tail or "")
    return clean("".join(pieces))


def short_text(element: HtmlElement, limit: int) -> str | None:
    """The element's text if it is at most ``limit`` characters, else None (stops reading early)."""
    total = 0
    pieces: list[str] = []
    for piece in element.itertext():
        total += len(piece.strip())
        if total > limit:
            return None
        pieces.append(piece)
    return clean(" ".join(pieces))


@lru_cache(maxsize=4096)
def _tokens(attr: str) -> frozenset[str]:
    words = _CAMEL.sub("-", attr).lower()
    parts = set(_TOKEN_SPLIT.split(words))
    parts.update(words.split())
    parts.discard("")
    return frozenset(parts)


def class_tokens(element: HtmlElement) -> frozenset[str]:
    """Tokens of class and id: «story-related box» → {story-related, story, related, box}."""
    attr = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not attr.strip():
        return frozenset()
    return _tokens(attr)


def has_token(element: HtmlElement, tokens: frozenset[str]) -> bool:
    return not tokens.isdisjoint(class_tokens(element))


def is_chrome_element(element: HtmlElement) -> bool:
    """Furniture by markup: its tag, role, or a class/id token from the labels data."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIP_TAGS:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    role = (element.get("role") or "").lower()
    if role in {"navigation", "complementary", "banner", "contentinfo", "search", "dialog"}:
        return True
    return not _CHROME.isdisjoint(class_tokens(element))


def link_text_length(element: HtmlElement) -> int:
    return sum(len(text_of(a)) for a in element.iter("a"))


def abs_url(base: str | None, href: str | None) -> str | None:
    """``href`` resolved against ``base``; None for empty, javascript: and fragment-only links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "data:")):
        return None
    if base:
        from urllib.parse import urljoin

        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href
