"""The article's lead image: URL, alt text, caption and photo credit."""

from __future__ import annotations

from lxml.html import HtmlElement

from khabar.data.labels import CAPTION_CLASS_TOKENS, CREDIT_CLASS_TOKENS, CREDIT_MARKERS
from khabar.extract import cues
from khabar.extract.dom import abs_url, class_tokens, short_text, text_of
from khabar.extract.filters import split_caption
from khabar.extract.metadata import Metadata
from khabar.extract.util import clean, strip_prefix
from khabar.records import Image

_CAPTION = frozenset(CAPTION_CLASS_TOKENS)
_CREDIT = frozenset(CREDIT_CLASS_TOKENS)
# AMP pages carry <amp-img> where others have <img>.
_IMAGE_TAGS = ("img", "amp-img")
_FIGURE_TOKENS = frozenset({"figure", "image", "photo", "thumb", "thumbnail", "media", "post-thumb", "picture", "img"})


def find_image(scope: HtmlElement, root: HtmlElement, meta: Metadata, base: str | None) -> Image:
    figure = _figure(scope, meta.image_url)
    if figure is None:
        return Image(url=abs_url(base, meta.image_url), caption=meta.image_caption)
    img = figure if figure.tag in _IMAGE_TAGS else next(figure.iter(*_IMAGE_TAGS), None)
    alt = clean(img.get("alt")) if img is not None else ""
    src = (img.get("src") or img.get("data-src")) if img is not None else None
    caption_el, credit_el = _caption_elements(figure)
    credit_text = text_of(credit_el) if credit_el is not None else None
    caption_text = text_of(caption_el) if caption_el is not None else meta.image_caption
    if caption_text and credit_text and caption_el is not credit_el:
        caption_text = clean(caption_text.replace(credit_text, "")).rstrip(" /|-–—")
    caption, credit = split_caption(caption_text)
    if credit_text:
        credit = strip_prefix(credit_text, CREDIT_MARKERS) or credit
    return Image(
        url=abs_url(base, meta.image_url) or abs_url(base, src),
        alt=alt or None,
        caption=caption,
        credit=credit,
    )


def _figure(scope: HtmlElement, og_image: str | None) -> HtmlElement | None:
    """The first <figure> (or figure-like box) in the article, else the og:image <img>."""
    for element in scope.iter("figure"):
        if _has_image(element):
            return element
    for element in scope.iter("div", "span", "p", "picture"):
        if not _FIGURE_TOKENS.isdisjoint(class_tokens(element)) and _has_image(element):
            return element
    name = (og_image or "").rsplit("/", 1)[-1]
    for img in scope.iter(*_IMAGE_TAGS):
        if name and (img.get("src") or "").endswith(name):
            return _with_caption(img)
    for img in scope.iter(*_IMAGE_TAGS):
        if _is_photo(img):
            return _with_caption(img)
    return None


def _has_image(element: HtmlElement) -> bool:
    return next(element.iter(*_IMAGE_TAGS), None) is not None


def _is_photo(img: HtmlElement) -> bool:
    """Not a bullet, icon, spacer or logo: large enough when the page says its size."""
    src = (img.get("src") or img.get("data-src") or "").lower()
    skip = ("logo", "icon", "bullet", "spacer", "/ads/", "banner", ".gif", "header", "sprite", "pixel", "avatar")
    if not src or any(word in src for word in skip):
        return False
    width = (img.get("width") or "").rstrip("px")
    return not width.isdigit() or int(width) >= 120


def _with_caption(img: HtmlElement) -> HtmlElement:
    """The nearest box around ``img`` that also holds a caption, else its parent."""
    node = img
    for _ in range(4):
        parent = node.getparent()
        if parent is None:
            break
        caption, _credit = _caption_elements(parent)
        if caption is not None:
            return parent
        node = parent
    parent = img.getparent()
    return parent if parent is not None else img


def _caption_elements(figure: HtmlElement) -> tuple[HtmlElement | None, HtmlElement | None]:
    caption, credit = _marked_caption(figure)
    credit = credit if credit is not None else cues.credit_element(figure)
    small = short_text(figure, 300) is not None
    if caption is None and small and figure.tag in ("figure", "td", "div", "table", "p", "span", "picture"):
        caption = cues.caption_element(figure)
        if caption is credit:
            caption = None if credit is not None and figure.tag != "figure" else caption
    return caption, credit


def _marked_caption(figure: HtmlElement) -> tuple[HtmlElement | None, HtmlElement | None]:
    caption = credit = None
    for element in figure.iter():
        if not isinstance(element.tag, str) or element is figure:
            continue
        tokens = class_tokens(element)
        if caption is None and (element.tag == "figcaption" or not _CAPTION.isdisjoint(tokens)):
            caption = element
        elif credit is None and not _CREDIT.isdisjoint(tokens):
            credit = element
    return caption, credit
