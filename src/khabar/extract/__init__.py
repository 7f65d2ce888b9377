"""The extract stage: a Page (HTML or flattened page text) → a raw Article.

Raw means the page's own orthography: no repair here (the repair stage owns
it), and every ZWNJ kept. Dates are kept as printed in ``published_text``;
``published`` is set only from machine dates (JSON-LD, meta, microdata,
<time datetime>), and the enrich stage parses the printed date otherwise.
"""

from __future__ import annotations

import re

from lxml import etree

from khabar.errors import ExtractError, KhabarError
from khabar.extract.decode import decode_page
from khabar.extract.html import extract_html
from khabar.extract.text import extract_text
from khabar.records import Article, Page

__all__ = ["extract", "looks_like_html"]

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p\b|main)", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|br|a|span|h1|article|body)\b[^>]*>", re.I)


def looks_like_html(text: str, page: Page) -> bool:
    """HTML by its first tag, content type, file suffix, or tag density (a server that
    calls an HTML page text/plain does not make it text)."""
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    content_type = (page.header("content-type") or "").lower()
    if "html" in content_type:
        return True
    origin = (page.origin or page.url or "").lower().split("?")[0]
    if origin.endswith((".txt", ".text", ".wet")) or "text/plain" in content_type:
        return False
    if origin.endswith((".html", ".htm", ".xhtml", ".php", ".aspx", ".asp")):
        return True
    return len(_HTML_TAGS.findall(head)) >= 3


def extract(page: Page) -> Article:
    """The article in ``page``: EmptyInput / NotTextInput for bad bytes, a sparse Article
    for a page that is not a news article, ExtractError when nothing at all is there."""
    text = decode_page(page)
    try:
        article = extract_html(text, page) if looks_like_html(text, page) else extract_text(text, page)
    except KhabarError:
        raise
    except (ValueError, TypeError, LookupError, AttributeError, ArithmeticError, etree.LxmlError,
            RecursionError) as exc:
        raise ExtractError(f"could not extract an article from the page ({type(exc).__name__}: {exc})") from exc
    if not (article.title or article.body):
        raise ExtractError("no article found in the page: no headline and no body text")
    return article
