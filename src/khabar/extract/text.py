"""An Article from flattened page text (scraper output, Common Crawl WET).

No HTML is left, so the structure comes from the line sequence alone: the
navigation and header lines, the headline (often repeated below as the
image's alt text), the lead, byline, date and reading-time lines, the
caption with its credit, the body lines, and the labelled boxes after the
body («مطالب مرتبط», «اکسپلور», «برچسب‌ها»). No library does this; it is
hand-written over the labels data so that a new outlet rarely needs code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.data.labels import (
    AUTHOR_PREFIXES,
    BIO_STARTS,
    BYLINE_LABEL_LINES,
    DATE_PREFIXES,
    HOME_LABELS,
    RELATED_LABELS,
    ROLE_LABEL_LINES,
    SECTION_PREFIXES,
)
from khabar.extract.boxes import Kind, label_kind, split_outlet
from khabar.extract.filters import author_names, byline_row, is_byline
from khabar.extract.lines import (
    caption_in,
    date_in,
    is_furniture,
    is_headline_shaped,
    is_meta_line,
    is_nav,
    reading_in,
)
from khabar.extract.util import clean, detect_language, fold, label_set, starts_with_any, strip_prefix
from khabar.records import Article, ExploreLink, Image, Page, RelatedLink

_HOME = label_set(HOME_LABELS)
_BYLINE_LABELS = label_set(BYLINE_LABEL_LINES)
_ROLE_LABELS = label_set(ROLE_LABEL_LINES)
_BREADCRUMB = re.compile(r"\s+(?:›|»|>|/|«|‹)\s+")
_BULLET = re.compile(r"^\s*(?:[-–—•*▪◄►]|[0-9۰-۹٠-٩]{1,2}\s*[.)\-]|[0-9۰-۹٠-٩]{1,2}\s)\s*")
_ONLY_NUMBER = re.compile(r"^[0-9۰-۹٠-٩]{1,3}[.)]?$")
_PIPE = re.compile(r"\s+[|｜]\s+")
_COPYRIGHT = (
    re.compile(r"متعلق\s+به\s+(.+?)\s+(?:است|می\s?\u200c?باشد)"),
    re.compile(r"برای\s+(.+?)\s+محفوظ"),
    re.compile(r"[©]\s*[0-9۰-۹٠-٩\-–\s]*\s+([^.،؛©]+?)\s*[.،؛]"),
)
_GLUED_RELATED = "مرتبط"
_MAX_LINES = 5000


@dataclass
class _Header:
    """What the lines around the headline say (mutable while reading, then frozen into Article)."""

    authors: list[str] = field(default_factory=list)
    published_text: str | None = None
    reading: int | None = None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    lead: str | None = None


@dataclass
class _Boxes:
    related: list[RelatedLink] = field(default_factory=list)
    explore: list[ExploreLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def extract_text(text: str, page: Page) -> Article:
    lines = [clean(line) for line in text.replace("\r\n", "\n").split("\n")[:_MAX_LINES]]
    content = [i for i, line in enumerate(lines) if line]
    if not content:
        return Article()
    title_at = _find_title(lines)
    boxes = _Boxes()
    header = _Header()
    body: list[str] = []
    if title_at is not None:
        _read_boxes(lines[:title_at], 0, boxes)
        body_at = _read_header(lines, title_at, header)
        end = _read_body(lines, body_at, body, header, boxes)
        _read_boxes(lines, end, boxes)
    title = lines[title_at] if title_at is not None else None
    section = _section(lines, title_at) if title_at is not None else None
    return Article(
        url=page.url,
        source=_source(lines),
        language=detect_language(" ".join(body[:5]) or title or ""),
        section=section,
        title=title,
        lead=header.lead,
        authors=tuple(dict.fromkeys(header.authors)),
        published_text=header.published_text or _any_date(lines, title_at),
        stated_reading_minutes=header.reading,
        image=Image(alt=header.alt, caption=header.caption, credit=header.credit),
        body=tuple(body),
        related=tuple(_unique_related(boxes.related)),
        explore=tuple(boxes.explore),
        tags=tuple(dict.fromkeys(boxes.tags)),
        kicker=_kicker(lines, title_at, section) if title_at is not None else None,
        fetched_at=page.fetched_at.isoformat(timespec="seconds") if page.fetched_at else None,
    )


# --- headline and header ------------------------------------------------------------------


def _find_title(lines: list[str]) -> int | None:
    """The headline: a line the page repeats soon after (the image's alt text); else the
    nearest headline-shaped line above the first full sentence (the lead), skipping the
    byline, date and bio lines between them; else the last of the first headline run."""
    limit = max(60, int(len(lines) * 0.6))
    listed = _listed(lines)
    for i, line in enumerate(lines[:limit]):
        if is_headline_shaped(line) and i not in listed:
            key = fold(line)
            if any(fold(other) == key for other in lines[i + 1:i + 10]):
                return i
    sentence = next((i for i, line in enumerate(lines[:limit]) if _is_sentence(line)), None)
    if sentence is not None and sentence not in listed:
        for j in range(sentence - 1, max(-1, sentence - 9), -1):
            if is_headline_shaped(lines[j]) and not _after_label(lines, j) and j not in listed:
                return j
    for i, line in enumerate(lines[:limit]):
        if is_headline_shaped(line) and i not in listed:
            nxt = i + 1
            while nxt < len(lines) and is_headline_shaped(lines[nxt]) and nxt - i < 2:
                nxt += 1
            return nxt - 1
    return None


def _listed(lines: list[str]) -> set[int]:
    """Indices of lines in a labelled list («آخرین اخبار» + headlines): never the headline."""
    listed: set[int] = set()
    in_list = False
    for i, line in enumerate(lines):
        if label_kind(line) in (Kind.EXPLORE, Kind.RELATED):
            in_list = True
        elif in_list and line and (is_headline_shaped(_BULLET.sub("", line)) or _ONLY_NUMBER.match(line)):
            listed.add(i)
        else:
            in_list = False
    return listed


def _is_sentence(line: str) -> bool:
    return (
        len(line.split()) >= 10 and line.rstrip("»\"' ").endswith((".", "!", "؟", "?", "…"))
        and not is_furniture(line) and not is_meta_line(line)
    )


def _after_label(lines: list[str], index: int) -> bool:
    """The line follows a byline or role label («نویسنده،» / «نقش،»): a name or a role."""
    prev = next((lines[j] for j in range(index - 1, -1, -1) if lines[j]), "")
    return fold(prev) in _BYLINE_LABELS or fold(prev) in _ROLE_LABELS


def _read_header(lines: list[str], title_at: int, header: _Header) -> int:
    """Read the lines after the headline up to the lead (inclusive) and the meta lines that
    follow it; return the index where the body starts."""
    for line in lines[max(0, title_at - 6):title_at]:
        if line and not is_headline_shaped(line):
            _read_meta(line, header)
    title_key = fold(lines[title_at])
    i = title_at + 1
    pending_name = False
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        key = fold(line)
        if pending_name:
            header.authors.extend(_names(line))
            pending_name = False
        elif key in _BYLINE_LABELS:
            pending_name = True
        elif key in _ROLE_LABELS:
            i += 1  # the role line that follows
        elif key == title_key or (_before_caption(lines, i) and is_headline_shaped(line)):
            header.alt = header.alt or line
        elif i == title_at + 1 and _is_name(line):
            header.authors.append(line)
        elif header.authors and header.lead is None and _is_bio(line, header.authors[-1]):
            pass
        elif not _read_meta(line, header) and not is_furniture(line):
            if header.lead is not None:
                break
            header.lead = line
        i += 1
    return i


def _before_caption(lines: list[str], index: int) -> bool:
    """The next line is a caption: this one is the image's alt text."""
    following = next((line for line in lines[index + 1:index + 3] if line), "")
    return bool(following) and caption_in(following) is not None


def _is_name(line: str) -> bool:
    """A bare author name under the headline: two to four words, no digits or punctuation."""
    words = line.split()
    return 2 <= len(words) <= 4 and not re.search(r"[0-9۰-۹٠-٩.:،؛!؟?]", line) and not is_furniture(line)


def _is_bio(line: str, author: str) -> bool:
    key = fold(line)
    return key.startswith(fold(author)) or starts_with_any(line, BIO_STARTS) is not None


def _read_meta(line: str, header: _Header) -> bool:
    """Take a byline/date/reading-time/caption line into ``header``; False if it is none."""
    found = False
    if is_byline(line) and not header.authors:
        header.authors.extend(_names(strip_prefix(line, AUTHOR_PREFIXES)))
        found = True
    row = byline_row(line)
    if row is not None and not header.authors:
        header.authors.extend(row[0])
    date = date_in(line)
    if date is not None:
        header.published_text = header.published_text or date
        found = True
    minutes = reading_in(line)
    if minutes is not None:
        header.reading = header.reading or minutes
        found = True
    caption = caption_in(line) if not found else None
    if caption is not None:
        header.caption = header.caption or caption[0]
        header.credit = header.credit or caption[1]
        found = True
    return found


def _names(text: str) -> list[str]:
    return list(author_names(text))


def _section(lines: list[str], title_at: int) -> str | None:
    """«سرویس: …», a breadcrumb's leaf, or a short line that repeats a menu item."""
    head = lines[:title_at]
    seen: set[str] = set()
    found: str | None = None
    for line in head:
        if not line:
            continue
        if starts_with_any(line, SECTION_PREFIXES) and ":" in line:
            value = strip_prefix(line, SECTION_PREFIXES)
            if 0 < len(value.split()) <= 4:
                found = value
                continue
        crumbs = [c for c in _BREADCRUMB.split(line) if c]
        if len(crumbs) >= 2 and all(len(c.split()) <= 4 for c in crumbs):
            leaf = [c for c in crumbs if fold(c) not in _HOME]
            found = leaf[-1] if leaf else found
            continue
        items = _PIPE.split(line) if is_nav(line) else [line]
        for item in items:
            key = fold(item)
            if key in seen and len(item.split()) <= 4 and key not in _HOME:
                found = item
            seen.add(key)
    return found or _label_above(lines, title_at)


def _label_above(lines: list[str], title_at: int) -> str | None:
    """A lone short line just above the headline block (past kicker, date and reading-time
    lines) that is not the tail of a menu run: the section label."""
    index = title_at - 1
    while index >= 0 and (not lines[index] or is_meta_line(lines[index]) or is_headline_shaped(lines[index])):
        index -= 1
    if index <= 0 or not _is_label_word(lines[index]):
        return None
    previous = [line for line in lines[max(0, index - 3):index] if line]
    in_menu = len(previous) >= 2 and all(_is_label_word(line) for line in previous[-2:]) and bool(lines[index - 1])
    return None if in_menu else lines[index]


def _is_label_word(line: str) -> bool:
    return 0 < len(line.split()) <= 3 and not re.search(r"[0-9۰-۹٠-٩:،.؛]", line) and not is_furniture(line) \
        and fold(line) not in _HOME


def _kicker(lines: list[str], title_at: int, section: str | None) -> str | None:
    before = next((lines[j] for j in range(title_at - 1, max(-1, title_at - 3), -1) if lines[j]), None)
    if before is None or not is_headline_shaped(before) or fold(before) == fold(section or ""):
        return None
    return before


def _any_date(lines: list[str], title_at: int | None) -> str | None:
    """A date line before the headline («کد خبر … تاریخ انتشار: …» at the top), else a
    labelled one anywhere («تاریخ انتشار: …» under the body)."""
    for line in lines[: title_at if title_at is not None else 30]:
        if line and (date := date_in(line)):
            return date
    for line in lines[title_at or 0:]:
        if line and starts_with_any(line, DATE_PREFIXES) and (date := date_in(line)):
            return date
    return None


def _source(lines: list[str]) -> str | None:
    """The outlet: from the copyright line («… متعلق به X است», «© ۱۴۰۴ X.»), else the first line."""
    for line in reversed(lines[-40:]):
        if "©" in line or "حقوق" in line:
            for pattern in _COPYRIGHT:
                match = pattern.search(line)
                if match and 0 < len(match.group(1).split()) <= 5:
                    name = clean(match.group(1))
                    name = re.sub(r"^(?:این\s+)?(?:سایت|وب\s?سایت|پایگاه)\s+", "", name)
                    if name and not re.search(r"[0-9۰-۹٠-٩]", name):
                        return name
    first = next((line for line in lines if line), "")
    return first if 0 < len(first.split()) <= 4 and not is_furniture(first) else None


# --- body and boxes -----------------------------------------------------------------------


def _read_body(lines: list[str], start: int, body: list[str], header: _Header, boxes: _Boxes) -> int:
    """Body paragraphs from ``start`` until the first box label or end-of-story mark."""
    known = {fold(v) for v in (header.lead, header.alt, header.caption) if v}
    i = start
    while i < len(lines):
        line = lines[i]
        if line:
            if label_kind(line) is not None or _ends_story(line) or _inline_tags(line) is not None:
                return i
            if _glued_related(line) is not None or (starts_with_any(line, RELATED_LABELS) and ":" in line):
                boxes.related.append(_glued_related(line) or _related_item(strip_prefix(line, RELATED_LABELS)))
            elif is_byline(line):
                if not header.authors:
                    header.authors.extend(_names(strip_prefix(line, AUTHOR_PREFIXES)))
            elif not is_furniture(line) and not is_meta_line(line) and fold(line) not in known:
                body.append(line)
        i += 1
    return i


def _ends_story(line: str) -> bool:
    key = fold(line)
    return key.startswith(("انتهایپیام", "انتهایخبر", "درباره نویسنده".replace(" ", ""))) or key in {
        fold("اشتراک‌گذاری"), fold("ارسال نظر")} or "©" in line or starts_with_any(line, ("اشتراک گذاری:",)) is not None


def _inline_tags(line: str) -> list[str] | None:
    """«برچسب‌ها: شعر، کابل» → [شعر, کابل]; «#والیبال بانوان #آذرخش» → [والیبال بانوان, آذرخش]."""
    if line.startswith("#"):
        return [clean(t) for t in line.split("#") if clean(t)]
    if ":" not in line:
        return None
    label, _, rest = line.partition(":")
    if label_kind(label) is not Kind.TAGS or not rest.strip():
        return None
    return [clean(t).lstrip("#") for t in re.split(r"[،,؛]", rest) if clean(t)]


def _glued_related(line: str) -> RelatedLink | None:
    """«مرتبطهفته‌نامه جنوب - عنوان» (label glued to outlet) → RelatedLink."""
    if not line.startswith(_GLUED_RELATED) or " - " not in line:
        return None
    rest = line[len(_GLUED_RELATED):].lstrip(" :")
    source, _, title = rest.partition(" - ")
    if not title.strip() or len(source.split()) > 5:
        return None
    return RelatedLink(title=clean(title), source=clean(source) or None)


def _related_item(text: str) -> RelatedLink:
    return RelatedLink(title=clean(_BULLET.sub("", text)))


def _read_boxes(lines: list[str], start: int, boxes: _Boxes) -> None:
    kind: Kind | None = None
    for line in lines[start:]:
        if not line:
            continue
        tags = _inline_tags(line)
        if tags is not None:
            boxes.tags.extend(tags)
            kind = None
            continue
        glued = _glued_related(line)
        if glued is not None:
            boxes.related.append(glued)
            continue
        found = label_kind(line)
        if found is not None:
            kind = found
            continue
        if kind is None or _ONLY_NUMBER.match(line):
            continue
        item = clean(_BULLET.sub("", line))
        if kind is Kind.TAGS and 0 < len(item.split()) <= 5 and not is_furniture(item):
            boxes.tags.append(item)
        elif kind is not Kind.TAGS and len(item.split()) >= 3 and not is_furniture(item):
            if kind is Kind.RELATED:
                source, title = split_outlet(item)
                boxes.related.append(RelatedLink(title=title or item, source=source))
            else:
                boxes.explore.append(ExploreLink(title=item))
        else:
            kind = None


def _unique_related(items: list[RelatedLink]) -> list[RelatedLink]:
    seen: set[str] = set()
    out: list[RelatedLink] = []
    for item in items:
        if fold(item.title) not in seen:
            seen.add(fold(item.title))
            out.append(item)
    return out
