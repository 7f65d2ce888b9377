"""The article's own paragraphs, with the site's furniture left out.

A readability-style engine on the lxml tree: paragraphs vote for their
parent (and half for the grandparent), the best-scoring container wins, and
its blocks are read in order — <p>, subheads, quotes, list items, and runs
of text split by <br> (pages whose body is one <div>, where newspaper4k and
news-please return nothing). Hand-written because trafilatura, the field's
best engine, deletes every ZWNJ, leaks «مطالب مرتبط / برچسب ها» in recall
mode and costs several times more; it stays as the fallback, with ZWNJ
protected, when this engine finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

from khabar.data.labels import BODY_CLASS_TOKENS
from khabar.extract.dom import BLOCK_TAGS, PARAGRAPH_TAGS, class_tokens, inline_text, is_chrome_element, text_of
from khabar.extract.util import ZWNJ, clean

_BODY = frozenset(BODY_CLASS_TOKENS)
# BEM and prefixed variants: «c-article-body», «post__content», «news_text», «storyBody».
_BODY_WORD = re.compile(r"(?:article|story|news|post|entry|item|khabar|matn)[-_]*(?:body|text|content|matn)\b")
_MIN_PARAGRAPH = 25
_MIN_RUN = 60
_HEADINGS = frozenset(["h2", "h3", "h4", "h5", "h6"])
# A paragraph classed as a quote is judged like a <blockquote>: a pull quote when it repeats the body.
_QUOTE_CLASS = frozenset({"quote", "pull", "pullquote", "pull-quote", "quotation", "highlight", "callout"})
# Stand-ins for ZWNJ while trafilatura runs: it deletes U+200C and every format or
# private-use character too, so the stand-in is a rare visible symbol absent from the page.
_PLACEHOLDERS = ("\u2042", "\ua66e", "\u058d", "\u2e3b")


@dataclass(frozen=True)
class Block:
    """One paragraph-like block of the body, with what the filters need to judge it."""

    text: str
    tag: str
    link_chars: int
    emphasis: bool = False  # the whole block is one <em>/<strong>/<b>: a standfirst when first

    @property
    def link_ratio(self) -> float:
        return self.link_chars / max(1, len(self.text))


def chrome_ids(root: HtmlElement, keep: frozenset[int]) -> set[int]:
    """ids of elements that are furniture or inside furniture (``keep``: never furniture)."""
    marked: set[int] = set()
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, inherited = stack.pop()
        if not isinstance(element.tag, str):
            continue
        chrome = inherited or (id(element) not in keep and is_chrome_element(element))
        if chrome:
            marked.add(id(element))
        stack.extend((child, chrome) for child in element)
    return marked


def find_containers(root: HtmlElement, chrome: set[int]) -> list[HtmlElement]:
    """The body container (and sibling parts of a body split by an advert), best first."""
    scores: dict[int, float] = {}
    elements: dict[int, HtmlElement] = {}
    for element in root.iter("p", "div", "td", "section", "article", "pre", "blockquote", "span", "font"):
        if id(element) in chrome:
            continue
        if element.tag == "p":
            own = len(text_of(element)) - _links(element)
            if own < _MIN_PARAGRAPH:
                continue
        else:
            # text straight in a <div> (a body split by <br>) counts only when paragraph-sized,
            # so a date line or a tag list does not lift its parent above the real body
            own = _own_text_length(element)
            if own < _MIN_RUN:
                continue
        weight = 1.0 + min(own, 600) / 100
        target = element if element.tag in ("div", "td", "span", "font") else element.getparent()
        for level, ancestor in enumerate((target, target.getparent() if target is not None else None)):
            if ancestor is None or not isinstance(ancestor.tag, str):
                break
            scores[id(ancestor)] = scores.get(id(ancestor), 0.0) + weight / (1 + level)
            elements[id(ancestor)] = ancestor
    if not scores:
        return []
    for key, element in elements.items():
        if _is_body_marked(element):
            scores[key] *= 1.5
    best_key = max(scores, key=lambda k: scores[k])
    best = elements[best_key]
    parts = [best]
    parent = best.getparent()
    if parent is not None:
        siblings = [s for s in parent if s is not best and id(s) in scores and id(s) not in chrome]
        parts.extend(s for s in siblings if scores[id(s)] >= 0.3 * scores[best_key] and _similar(s, best))
    order = {id(e): i for i, e in enumerate(parent.iter())} if parent is not None and len(parts) > 1 else {}
    return sorted(parts, key=lambda e: order.get(id(e), 0))


def _similar(one: HtmlElement, other: HtmlElement) -> bool:
    return bool(one.tag == other.tag and (one.get("class") or "").split()[:1] == (other.get("class") or "").split()[:1])


def _is_body_marked(element: HtmlElement) -> bool:
    if (element.get("itemprop") or "").lower() == "articlebody":
        return True
    attr = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(word in _BODY for word in attr.split()) or _BODY_WORD.search(attr) is not None


def _own_text_length(element: HtmlElement) -> int:
    """Text directly in ``element`` (its text and its inline children's), not in child blocks."""
    total = len((element.text or "").strip())
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag not in BLOCK_TAGS and tag != "a" and child.find(".//a") is None:
            total += len(clean(" ".join(child.itertext())))
        total += len((child.tail or "").strip())
    return total


def _links(element: HtmlElement) -> int:
    return sum(len(text_of(a)) for a in element.iter("a"))


def blocks(containers: Iterable[HtmlElement], chrome: set[int]) -> list[Block]:
    """Paragraph-like blocks of the containers in reading order."""
    out: list[Block] = []
    for container in containers:
        _walk(container, chrome, out)
    return out


def _walk(element: HtmlElement, chrome: set[int], out: list[Block]) -> None:
    run: list[str] = []
    run_links = 0

    def flush() -> None:
        nonlocal run_links
        text = clean(" ".join(run))
        if text:
            out.append(Block(text, "div", min(run_links, len(text))))
        run.clear()
        run_links = 0

    if element.text:
        run.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            flush()
        elif tag in BLOCK_TAGS:
            flush()
            if id(child) not in chrome:
                _block(child, chrome, out)
        elif tag and id(child) not in chrome:
            piece = " ".join(child.itertext())
            run.append(piece)
            if tag == "a" or child.find(".//a") is not None:
                run_links += len(clean(piece)) if tag == "a" else _links(child)
        if child.tail:
            run.append(child.tail)
    flush()


def _block(element: HtmlElement, chrome: set[int], out: list[Block]) -> None:
    tag = str(element.tag)
    if _image_box(element):
        return
    has_blocks = any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element)
    if tag in PARAGRAPH_TAGS and not has_blocks and not _double_break(element):
        text = inline_text(element)
        if text:
            kind = "h" if tag in _HEADINGS else "blockquote" if _QUOTE_CLASS & class_tokens(element) else tag
            out.append(Block(text, kind, _links(element), _emphasised(element, text)))
        return
    _walk(element, chrome, out)


def _image_box(element: HtmlElement) -> bool:
    """A picture with a short line beside it inside the body («<div><img><span>caption</span></div>»):
    the line is a caption, not a paragraph, whatever the box's class."""
    if element.tag == "figure":
        return True
    images = [img for img in element.iter("img", "amp-img") if not (img.get("width") or "100").rstrip("px").isdigit()
              or int((img.get("width") or "100").rstrip("px")) >= 60]
    return bool(images) and len(text_of(element).split()) <= 35


def _double_break(element: HtmlElement) -> bool:
    """<br><br> inside a <p>: several paragraphs in one element."""
    previous_br = False
    for child in element:
        is_br = child.tag == "br"
        if is_br and previous_br:
            return True
        previous_br = is_br and not (child.tail or "").strip()
    return False


def _emphasised(element: HtmlElement, text: str) -> bool:
    children = [c for c in element if isinstance(c.tag, str)]
    return (
        len(children) == 1 and children[0].tag in ("em", "strong", "b", "i")
        and not (element.text or "").strip() and not (children[0].tail or "").strip()
        and text_of(children[0]) == text
    )


# --- trafilatura fallback -------------------------------------------------------------


def trafilatura_paragraphs(html: str) -> list[str]:
    """Body paragraphs by trafilatura, every ZWNJ kept (swapped for a private-use
    character while it runs, because trafilatura's normalisation deletes U+200C)."""
    import trafilatura

    placeholder = next((p for p in _PLACEHOLDERS if p not in html), None)
    if placeholder is None:
        return []
    protected = html.replace(ZWNJ, placeholder).replace("&zwnj;", placeholder)
    try:
        text = trafilatura.extract(
            protected, include_comments=False, include_tables=False, favor_precision=True, deduplicate=True
        )
    except Exception:  # trafilatura raises many foreign types on hostile input
        return []
    if not text:
        return []
    return [clean(line.replace(placeholder, ZWNJ)) for line in re.split(r"\n+", text) if clean(line)]
