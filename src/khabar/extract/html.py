"""An Article from an HTML page: metadata first, the visible page second.

Machine-readable metadata (metadata.py) gives the canonical URL, outlet,
machine dates and often the section; the visible page gives what a reader
sees — the headline without the site name, the kicker and section label
above it, the lead, byline, printed date, stated reading time, figure and
caption, the body (body.py) and the boxes around it (boxes.py).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from khabar.data.labels import (
    AUTHOR_CLASS_TOKENS,
    AUTHOR_PREFIXES,
    AUTHOR_URL_PARTS,
    DATE_CLASS_TOKENS,
    DATE_PREFIXES,
    HOME_LABELS,
    KICKER_CLASS_TOKENS,
    LEAD_CLASS_TOKENS,
    SECTION_CLASS_TOKENS,
    SECTION_PREFIXES,
    UPDATED_CLASS_TOKENS,
    UPDATED_PREFIXES,
)
from khabar.extract import body as body_engine
from khabar.extract import cues
from khabar.extract.boxes import find_boxes
from khabar.extract.dom import abs_url, class_tokens, parse_html, short_text, strip_invisible, text_of
from khabar.extract.figure import find_image
from khabar.extract.filters import BodyFilter, author_names, is_byline, reading_minutes, split_section, strip_site_name
from khabar.extract.metadata import Metadata, iso_date, read_metadata
from khabar.extract.profiles import profile_for, select, select_text
from khabar.extract.util import clean, detect_language, fold, label_set, starts_with_any, strip_prefix
from khabar.records import Article, Page

_KICKER = frozenset(KICKER_CLASS_TOKENS)
_LEAD = frozenset(LEAD_CLASS_TOKENS)
_SECTION = frozenset(SECTION_CLASS_TOKENS)
_AUTHOR = frozenset(AUTHOR_CLASS_TOKENS)
_DATE = frozenset(DATE_CLASS_TOKENS)
_UPDATED = frozenset(UPDATED_CLASS_TOKENS)
_HOME = label_set(HOME_LABELS)
_NOT_DATE = frozenset({"today", "date-today", "topbar", "top-bar", "ticker"})
_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_TITLE_TOKENS = frozenset(
    {"title", "titr", "headline", "news-title", "post-title", "entry-title", "article-title", "news-titr"}
)


# Element budget: real article pages have a few thousand elements; a hostile page with
# hundreds of thousands is cut (its head kept) so every pass below stays cheap.
MAX_ELEMENTS = 12_000


def extract_html(text: str, page: Page) -> Article:
    tree = parse_html(text)
    count = sum(1 for _ in tree.iter())
    if count > MAX_ELEMENTS:
        text = text[: int(len(text) * MAX_ELEMENTS / count)]
        tree = parse_html(text)
    meta = read_metadata(tree)
    html_lang = (tree.get("lang") or "").split("-")[0].lower() or None
    titles = tree.xpath("//title")
    title_tag = text_of(titles[0]) if titles else None
    source = meta.source or _title_tag_site(title_tag, tree)
    strip_invisible(tree)
    root = tree.body if tree.find("body") is not None else tree
    # lxml makes element proxies on demand and id() of a dead proxy is reused;
    # holding every proxy keeps the id()-keyed sets below sound.
    alive = list(tree.iter())
    base = _site_base(page.url, meta, tree)
    url = abs_url(page.url, meta.url) or page.url
    profile = profile_for(url or base)
    headline = _headline(root, meta, source, title_tag)
    chosen = select(root, profile.title) if profile else []
    title_el, title = (chosen[0], text_of(chosen[0])) if chosen else headline
    keep = frozenset(id(a) for a in title_el.iterancestors()) | {id(title_el)} if title_el is not None else frozenset()
    boxes = find_boxes(root, base, keep)
    chrome = body_engine.chrome_ids(root, keep) | set(boxes.element_ids)
    if profile and profile.drop:
        chrome |= {id(e) for dropped in select(root, profile.drop) for e in dropped.iter()}
    containers = (select(root, profile.body) if profile else []) or body_engine.find_containers(root, chrome)
    scope = _scope(title_el, containers, root)
    kicker = (select_text(root, profile.kicker) if profile else None) or _kicker(scope, title_el, title)
    lead = (select_text(root, profile.lead) if profile else None) or _lead(scope, title, chrome, containers) \
        or _lead_after_headline(title_el, containers, title)
    image = find_image(scope, root, meta, base)
    section = (select_text(root, profile.section) if profile else None) or _section(
        meta, root, scope, title_el, source, title)
    known = BodyFilter.known_strings(title, kicker, lead, image.caption, image.alt, section, source)
    blocks = body_engine.blocks(containers, chrome)
    if lead is None and blocks and blocks[0].emphasis and len(blocks[0].text.split()) >= 8:
        lead = blocks[0].text  # a standfirst set in bold/italic as the body's first paragraph
        known = known | BodyFilter.known_strings(lead)
    body = BodyFilter(known).paragraphs(blocks)
    if not body:
        body = BodyFilter(known).texts(body_engine.trafilatura_paragraphs(text))
    if lead is None and meta.description:
        lead = _lead_from_description(meta.description, source, body, title)
    published_text, updated_text = _printed_dates(scope)
    published_text = published_text or cues.printed_date(scope)
    del alive
    return Article(
        url=url,
        source=source,
        language=_language(html_lang, meta.language, body, title),
        section=section,
        title=title,
        lead=lead,
        authors=_authors(meta, scope, source) or cues.byline(scope) or _body_byline(blocks, source),
        published=meta.published or _time_datetime(scope),
        published_text=published_text,
        updated=meta.updated,
        stated_reading_minutes=meta.reading_minutes or _reading_time(scope),
        image=image,
        body=tuple(body),
        related=boxes.related,
        explore=boxes.explore,
        tags=boxes.tags or meta.tags,
        kicker=kicker,
        updated_text=updated_text,
        fetched_at=page.fetched_at.isoformat(timespec="seconds") if page.fetched_at else None,
    )


# --- headline, kicker, section, lead ----------------------------------------------------


def _title_tag_site(title_tag: str | None, tree: HtmlElement) -> str | None:
    """The outlet named in «site - headline» / «headline | site»: the part the logo's alt
    text repeats, else a short part beside a long one."""
    if not title_tag:
        return None
    parts = [clean(p) for p in re.split(r"\s[|\-–—:]+\s", title_tag) if clean(p)]
    if len(parts) < 2:
        return None
    alts = {fold(alt) for alt in tree.xpath("//img/@alt")[:20] if alt}
    for part in (parts[0], parts[-1]):
        if fold(part) in alts:
            return part
    ends = sorted((parts[0], parts[-1]), key=len)
    return ends[0] if len(ends[0].split()) <= 3 < len(ends[1].split()) else None


def _site_base(page_url: str | None, meta: Metadata, tree: HtmlElement) -> str | None:
    """Where relative links point: the page URL, canonical URL, else the site of an
    absolute image URL (old pages give no other hint)."""
    if page_url or (meta.url and meta.url.startswith("http")):
        return abs_url(page_url, meta.url) or page_url
    for src in [meta.image_url or "", *tree.xpath("//img/@src")[:30]]:
        match = re.match(r"https?://[^/]+/", src)
        if match:
            return match.group(0)
    return None


def _headline(
    root: HtmlElement, meta: Metadata, source: str | None, title_tag: str | None
) -> tuple[HtmlElement | None, str | None]:
    """The headline element and text: the <h1> that matches the metadata title, else the
    main <h1>, else the metadata/<title> text with the site name taken off."""
    meta_title = strip_site_name(meta.title, source) if meta.title else None
    if meta_title is None:
        meta_title = strip_site_name(title_tag, source)
    wanted = fold(meta_title) if meta_title else ""
    candidates = [h for h in root.iter("h1") if len(text_of(h)) >= 5]
    titled = [h for h in root.iter("h2", "h3", "div", "span", "p", "a") if not _TITLE_TOKENS.isdisjoint(class_tokens(h))
              and 5 <= len(text_of(h)) < 300][:8]
    for heading in candidates + titled:
        key = fold(text_of(heading))
        if wanted and (key == wanted or (len(key) > 10 and (key in wanted or wanted in key))):
            return heading, text_of(heading)
    if wanted:
        for element in root.iter("span", "b", "strong", "div", "td", "font", "p", "h2", "h3"):
            text = short_text(element, 300)
            if text and fold(text) == wanted:
                return element, text
    candidates = candidates or titled
    main = [h for h in candidates if not any(a.tag in ("header", "nav", "footer", "aside") for a in h.iterancestors())]
    if main and (not wanted or not candidates or len(text_of(main[0]).split()) >= 3):
        return main[0], text_of(main[0])
    return None, meta_title


def _scope(title_el: HtmlElement | None, containers: list[HtmlElement], root: HtmlElement) -> HtmlElement:
    """The smallest element holding both the headline and the body: the article."""
    if title_el is None:
        return containers[0].getparent() if containers and containers[0].getparent() is not None else root
    if not containers:
        parent = title_el.getparent()
        grand = parent.getparent() if parent is not None else None
        return grand if grand is not None else root
    body_ancestors = {id(a) for a in containers[0].iterancestors()} | {id(containers[0])}
    for ancestor in title_el.iterancestors():
        if id(ancestor) in body_ancestors:
            return ancestor
    return root


def _kicker(scope: HtmlElement, title_el: HtmlElement | None, title: str | None) -> str | None:
    for element in scope.iter():
        if isinstance(element.tag, str) and not _KICKER.isdisjoint(class_tokens(element)):
            text = text_of(element)
            if text and len(text) < 200 and fold(text) != fold(title or ""):
                return text
    if title_el is not None:
        before = title_el.getprevious()
        if before is not None and before.find(".//a") is None and isinstance(before.tag, str):
            text = text_of(before)
            # a heading right above the headline, or the classic «… گفت:» rutitr
            if 0 < len(text) < 150 and (before.tag in ("h2", "h3", "h4", "h5", "h6") or text.endswith(":")):
                return text
    return None


def _lead(scope: HtmlElement, title: str | None, chrome: set[int], containers: list[HtmlElement]) -> str | None:
    inside = {id(e) for c in containers for e in c.iter()}
    for element in scope.iter():
        if not isinstance(element.tag, str) or (id(element) in inside and element.tag != "p"):
            continue
        if (element.get("itemprop") or "").lower() == "description" or not _LEAD.isdisjoint(class_tokens(element)):
            text = text_of(element)
            if len(text) >= 30 and fold(text) != fold(title or "") and len(text) < 1500:
                return text
    return None


def _lead_after_headline(
    title_el: HtmlElement | None, containers: list[HtmlElement], title: str | None
) -> str | None:
    """A standfirst sentence just under the headline, outside the body."""
    if title_el is None:
        return None
    inside = {id(e) for c in containers for e in c.iter()}
    for count, sibling in enumerate(title_el.itersiblings()):
        if count > 4 or id(sibling) in inside or any(id(c) in {id(e) for e in sibling.iter()} for c in containers):
            return None
        text = text_of(sibling)
        words = len(text.split())
        if sibling.find(".//img") is not None or sibling.tag in ("figure", "table", "ul", "ol"):
            continue
        if 8 <= words <= 80 and text.rstrip("»\"").endswith((".", "!", "؟", "?")) and fold(text) != fold(title or ""):
            return text
    return None


def _lead_from_description(description: str, source: str | None, body: list[str], title: str | None) -> str | None:
    """The meta description as lead, unless it only repeats the body's start or the title."""
    text = strip_site_name(description, source, prefix_only=True) or ""
    key = fold(text).rstrip(".…")
    if len(key) < 20 or key == fold(title or ""):
        return None
    if body and (fold(body[0]).startswith(key[:60]) or key.startswith(fold(body[0])[:60])):
        return None
    return text


def _section(
    meta: Metadata, root: HtmlElement, scope: HtmlElement, title_el: HtmlElement | None,
    source: str | None, title: str | None,
) -> str | None:
    """The section's own label: article:section / JSON-LD, else the breadcrumb's leaf, else the
    label above the headline. A Latin machine value («Politics») on a Persian page yields to
    the visible label, which is what the page calls it."""
    machine = split_section(strip_prefix(meta.section, SECTION_PREFIXES)) if meta.section else None
    if machine and not machine.isascii():
        return machine
    crumbs = list(meta.breadcrumbs) or _breadcrumb_items(root) or cues.breadcrumb_by_text(root)
    skip = {fold(source or ""), fold(title or "")}
    crumbs = [c for c in crumbs if fold(c) not in _HOME and fold(c) not in skip and len(c) < 60]
    if crumbs:
        return split_section(crumbs[-1])
    return _section_label(scope, title_el) or cues.labelled_section(scope) or cues.section_above(
        title_el, root) or machine


def _section_label(scope: HtmlElement, title_el: HtmlElement | None) -> str | None:
    for element in scope.iter():
        if isinstance(element.tag, str) and element is not title_el and not _SECTION.isdisjoint(class_tokens(element)):
            text = short_text(element, 60)
            text = strip_prefix(text, SECTION_PREFIXES) if text else None
            if text and len(text.split()) <= 4 and not text.endswith(":"):
                return text
    return None


def _breadcrumb_items(root: HtmlElement) -> list[str]:
    for element in root.iter("nav", "ol", "ul", "div", "p", "span"):
        tokens = class_tokens(element)
        label = (element.get("aria-label") or "").lower()
        if {"breadcrumb", "breadcrumbs", "crumbs", "path"} & tokens or "breadcrumb" in label:
            items = [text_of(a) for a in element.iter("a", "span", "li") if len(a) == 0 and text_of(a)]
            return list(dict.fromkeys(i for i in items if i not in {"/", "»", "›", ">", "|"}))
    return []


# --- byline, dates, reading time --------------------------------------------------------


def _authors(meta: Metadata, scope: HtmlElement, source: str | None) -> tuple[str, ...]:
    def real(name: str) -> bool:
        key = fold(name)
        site = fold(source or "")
        return bool(key) and key != site and not (site and key in site) and "|" not in name and len(name) < 60

    # a machine author may still be «A و B» or «نویسنده: A»: split and clean it like a byline
    machine = tuple(n for name in meta.authors for n in (_split_names(name) or (name,)))
    if machine and all(real(n) for n in machine):
        return machine
    for element in scope.iter():
        if not isinstance(element.tag, str):
            continue
        if _author_link(element) and (parent := element.getparent()) is not None:
            # «<a href=/author/x>…</a> و <a href=/author/y>…</a>»: every author link of the row
            names = tuple(n for a in parent if _author_link(a) for n in _split_names(text_of(a)))
            if names and all(real(n) for n in names):
                return names
        if element.get("rel") == "author" or not _AUTHOR.isdisjoint(class_tokens(element)):
            text = text_of(element)
            if 0 < len(text) <= 80:
                names = _split_names(strip_prefix(text, AUTHOR_PREFIXES))
                if names and all(real(n) for n in names):
                    return names
    return tuple(n for n in machine if real(n))


def _author_link(element: HtmlElement) -> bool:
    """A link to an author's page («/author/…», rel=author)."""
    if element.tag != "a":
        return False
    href = element.get("href") or ""
    return element.get("rel") == "author" or any(part in href for part in AUTHOR_URL_PARTS)


def _body_byline(blocks: list[body_engine.Block], source: str | None) -> tuple[str, ...]:
    """A byline line inside the body («خبرنگار: …»), usually its last line."""
    for block in reversed(blocks[-4:]):
        if is_byline(block.text):
            return _split_names(strip_prefix(block.text, AUTHOR_PREFIXES))
    return ()


def _split_names(text: str) -> tuple[str, ...]:
    return author_names(text)


def _printed_dates(scope: HtmlElement) -> tuple[str | None, str | None]:
    published: str | None = None
    updated: str | None = None
    for element in scope.iter():
        if not isinstance(element.tag, str):
            continue
        tokens = class_tokens(element)
        if element.tag != "time" and _DATE.isdisjoint(tokens) and _UPDATED.isdisjoint(tokens):
            continue
        if not _NOT_DATE.isdisjoint(tokens) or (len(element) > 2 and element.tag != "time"):
            continue
        text = text_of(element)
        if not text or len(text) > 80 or not _DIGIT.search(text):
            continue
        is_update = not _UPDATED.isdisjoint(tokens) or starts_with_any(text, UPDATED_PREFIXES) is not None
        value = strip_prefix(strip_prefix(text, UPDATED_PREFIXES if is_update else ()), DATE_PREFIXES)
        if is_update:
            updated = updated or value
        elif published is None:
            published = value
    return published, updated


def _time_datetime(scope: HtmlElement) -> str | None:
    for element in scope.iter("time"):
        value = iso_date(element.get("datetime"))
        if value:
            return value
    return None


_META_PARTS = re.compile(r"\s*[|｜•·]\s*|\s{3,}")


def _reading_time(scope: HtmlElement) -> int | None:
    """A stated reading time in a short element, or in one item of a meta row
    («تاریخ انتشار: … | زمان تقریبی مطالعه: ۴ دقیقه | بازدید: ۸۷۳»)."""
    for element in scope.iter():
        if isinstance(element.tag, str) and len(element) <= 4:
            text = text_of(element)
            if not 0 < len(text) < 200:
                continue
            parts = _META_PARTS.split(text) + ([text] if len(text) < 120 else [])
            for part in parts:
                if 0 < len(part) < 120 and (minutes := reading_minutes(part)):
                    return minutes
    return None


def _language(html_lang: str | None, meta_lang: str | None, body: list[str], title: str | None) -> str:
    sample = " ".join(body[:5]) or title or ""
    detected = detect_language(sample)
    if detected != "und":
        return detected
    for value in (html_lang, meta_lang):
        if value:
            return value.split("_")[0].split("-")[0].lower()
    return "fa"
