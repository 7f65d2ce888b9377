"""Judging lines and blocks: is this furniture, a caption, a reading time, a date line?

Shared by the HTML and the flattened-text extractors so both read the same
labels data the same way. Hand-written: these are Persian newsroom
conventions no library knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from khabar.data.labels import (
    AUTHOR_OPENERS,
    AUTHOR_PREFIXES,
    BIO_STARTS,
    BYLINE_STOP_WORDS,
    CAPTION_PREFIXES,
    CHROME_LINE_PATTERNS,
    CHROME_LINES,
    CHROME_PREFIXES,
    CREDIT_MARKERS,
    DATE_PREFIXES,
    MESSENGER_NAMES,
    MONTHS,
    NUMBER_WORDS,
    READING_TIME_PATTERNS,
    RELATED_LABELS,
    SHARE_PHRASES,
    TITLE_SEPARATORS,
    WEEKDAYS,
)
from khabar.extract.body import Block
from khabar.extract.util import clean, fold, label_set, latin_digits, starts_with_any, strip_prefix

_CHROME_LINES = label_set(CHROME_LINES)
# A one-word prefix without a colon («آگهی», «خبرنامه») marks only short lines: a long one
# may be a sentence («تبلیغات انتخاباتی نامزدها …»); labels with a colon or several words,
# and the © sign, mark lines up to a long caption's length.
_CHROME_PREFIXES = tuple(
    p for p in (fold(x) + (":" if x.rstrip().endswith(":") else "") for x in CHROME_PREFIXES
                if x.rstrip().endswith(":") or " " in x.strip() or not x[0].isalpha()) if p
)
_SHORT_CHROME_PREFIXES = tuple(
    fold(x) for x in CHROME_PREFIXES if not (x.rstrip().endswith(":") or " " in x.strip() or not x[0].isalpha())
)
_READING = tuple(re.compile(p, re.I) for p in READING_TIME_PATTERNS)
_CHROME_PATTERNS = tuple(re.compile(p) for p in CHROME_LINE_PATTERNS)
_NUMBERS = dict(NUMBER_WORDS)
_NUMBER_ALT = "|".join(sorted(_NUMBERS, key=len, reverse=True))
# «بیست و پنج دقیقه»: number words joined by «و», summed
_NUMBER_WORD = re.compile(
    r"(?<![^\s:：⏱\ufe0f])((?:(?:" + _NUMBER_ALT + r")\s+و\s+)*(?:" + _NUMBER_ALT + r"))(?=\s+دقیقه)"
)
_MESSENGERS = label_set(MESSENGER_NAMES)
_SHARE_PHRASES = tuple(fold(p) for p in SHARE_PHRASES)
_SHARE_SPLIT = re.compile(r"[\s،,|/:：•·\-–—()\[\]]+")
_BYLINE_STOPS = label_set(BYLINE_STOP_WORDS) | {"|", "-", "–", "—", "•", "·", "/"}
_LETTER = re.compile(r"[^\W\d_]")
_SECTION_SPLIT = re.compile(r"\s*(?:>|»|›|/|\||::)\s*")


def reading_minutes(text: str) -> int | None:
    """The stated reading time in ``text`` («۳ دقیقه خواندن», «زمان مطالعه: ۷ دقیقه»), or None."""
    lowered = text.lower()
    if "دقیقه" not in text and "min" not in lowered and "reading" not in lowered:
        return None  # most lines: skip the number-word pass and the patterns
    latin = _NUMBER_WORD.sub(_number_value, latin_digits(text.replace("\u200c", " ")))
    for pattern in _READING:
        match = pattern.search(latin)
        if match:
            minutes = int(match.group("n"))
            return minutes if 0 < minutes < 240 else None
    return None


def _number_value(match: re.Match[str]) -> str:
    return str(sum(_NUMBERS[word] for word in re.split(r"\s+و\s+", match.group(1))))


def is_share_row(text: str) -> bool:
    """A share prompt however it is worded: a short line that names a share action
    («… را به اشتراک بگذارید», «اشتراک در:») or is mostly messenger names
    («بله، روبیکا، سروش، ایتا»). Hand-written: share rows are chrome recognised by
    wording when the page gives them no class."""
    if len(text) > 160:
        return False
    key = fold(text)
    has_phrase = any(phrase in key for phrase in _SHARE_PHRASES)
    if not has_phrase and key not in _MESSENGERS and sum(1 for name in _MESSENGERS if name in key) < 2:
        return False  # most lines: no tokenising
    tokens = [fold(t) for t in _SHARE_SPLIT.split(text.replace("\u200c", "")) if fold(t)]
    names = _messenger_tokens(tokens)
    if names and has_phrase:
        return True
    sentence = text.rstrip().endswith((".", "!", "؟", "?"))
    if names >= 2 and names >= 0.6 * len(tokens):
        return True
    if tokens and names == len(tokens) and not sentence:  # one share button's label («سروش», «X»)
        return True
    return len(tokens) <= 10 and not sentence and any(phrase in key for phrase in _SHARE_PHRASES[:4])


def _messenger_tokens(tokens: list[str]) -> int:
    """How many tokens are messenger names (a two-word name such as «سروش پلاس» counts its words)."""
    count = index = 0
    while index < len(tokens):
        if index + 1 < len(tokens) and tokens[index] + tokens[index + 1] in _MESSENGERS:
            count, index = count + 2, index + 2
            continue
        count += tokens[index] in _MESSENGERS
        index += 1
    return count


def author_names(text: str) -> tuple[str, ...]:
    """The names in a byline row: label stripped, cut where the date or a counter starts
    («سارا احمدی ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸» → سارا احمدی), split on «و» and «،»."""
    words: list[str] = []
    for word in strip_prefix(clean(text), AUTHOR_PREFIXES).split():
        key = fold(word)
        if key in _BYLINE_STOPS or any(c.isdigit() for c in key) or (words and key in _MONTH_WORDS) \
                or (words and key in _WEEKDAY_WORDS):
            break
        words.append(word)
    name = " ".join(words).strip(" :：،,؛-–—|")
    parts = [clean(p).strip(" :：") for p in re.split(r"\s*[،,؛;]\s*|\s+و\s+|\s+&\s+|\s+and\s+", name)]
    # «سارا احمدی، خبرنگار» : a role or a place after the name is not another author
    return tuple(p for p in parts if p and not (starts_with_any(p, BIO_STARTS) and len(parts) > 1))


def split_section(value: str) -> str | None:
    """The leaf of a section path: «سیاست > انتخابات» → «انتخابات»."""
    parts = [clean(p) for p in _SECTION_SPLIT.split(value) if clean(p)]
    if not parts:
        return None
    leaf = parts[-1]
    return leaf.split(",")[0].strip() or None


def strip_site_name(title: str | None, source: str | None, prefix_only: bool = False) -> str | None:
    """«headline | site» or «site - headline» → «headline», when a part names the site."""
    if not title:
        return None
    title = clean(title)
    if source:
        site = fold(source)
        for separator in TITLE_SEPARATORS:
            parts = [clean(p) for p in title.split(separator)]
            if len(parts) < 2:
                continue
            if _names_site(parts[0], site):
                return separator.join(parts[1:]).strip() or title
            if not prefix_only and _names_site(parts[-1], site):
                return separator.join(parts[:-1]).strip() or title
    return title


def _names_site(part: str, site: str) -> bool:
    key = fold(part)
    return bool(key) and (key == site or (len(key) > 3 and (key in site or site in key)))


def split_caption(text: str | None) -> tuple[str | None, str | None]:
    """«caption / عکس: credit» → (caption, credit)."""
    if not text:
        return None, None
    text = strip_prefix(clean(text), CAPTION_PREFIXES)
    if not _any_marker().search(text):
        return text, None
    for marker in _MARKERS_LONGEST_FIRST:
        pattern = _marker_pattern(marker)
        match = pattern.search(text)
        if match:
            caption = clean(text[: match.start()]).rstrip(" /|-–—،,؛(")
            credit = clean(text[match.end():]).strip(" )(")
            return caption or None, credit or None
    return text, None


_MARKERS_LONGEST_FIRST = tuple(sorted(CREDIT_MARKERS, key=len, reverse=True))


@lru_cache(maxsize=1)
def _any_marker() -> re.Pattern[str]:
    """One pass over a caption: does any credit label occur at all (most lines carry none)."""
    return re.compile("|".join(f"(?:{_marker_pattern(m).pattern})" for m in _MARKERS_LONGEST_FIRST), re.I)


@lru_cache(maxsize=64)
def _marker_pattern(marker: str) -> re.Pattern[str]:
    word = re.escape(marker.rstrip(":،, ")).replace("ک", "[کك]").replace("ی", "[یي]")
    colon = r"\s*[:：،,]\s*" if marker.rstrip().endswith((":", "،")) else r"\s+"
    return re.compile(r"(?:^|[\s/|(\-–—])" + word + colon, re.I)


_MONTH_WORDS = frozenset(fold(m) for m in MONTHS)
_WEEKDAY_WORDS = frozenset(fold(w) for w in WEEKDAYS)
_DATE_TOKEN = re.compile(r"^[0-9]{1,4}([/:.\-][0-9]{1,4}){0,2}$")
_DATE_GLUE = frozenset({"-", "،", ",", "|", "ساعت", "ماه", "ه.ش", "ش", "م", "ق", "ه.ق", "بظ", "قظ", "am", "pm"})


_RELATIVE = re.compile(
    r"^(?:[0-9]{1,3}|یک|چند)\s*(?:دقیقه|ساعت|روز|هفته|ماه)\s*(?:پیش|قبل)$"
    r"|^(?:امروز|دیروز)(?:\s*[-،,]?\s*[0-9]{1,2}:[0-9]{2})?$"
)


def is_date_line(text: str) -> bool:
    """A line that is only a date (any calendar, optional weekday and time, or «۲ ساعت پیش»)."""
    if _RELATIVE.match(latin_digits(clean(text).replace("\u200c", " "))):
        return True
    words = latin_digits(text.replace("\u200c", " ")).replace("/", " / ").split()
    if not words or len(words) > 10:
        return False
    has_month = has_number = False
    index = 0
    while index < len(words):
        key = fold(words[index]).rstrip("،,")
        pair = key + fold(words[index + 1]).rstrip("،,") if index + 1 < len(words) else ""
        if pair and (pair in _WEEKDAY_WORDS or pair in _MONTH_WORDS):  # «سه شنبه», «ربیع الاول»
            key = pair
            index += 1
        index += 1
        key = key[:-3] if key.endswith("ماه") and key[:-3] in _MONTH_WORDS else key
        if key in _MONTH_WORDS:
            has_month = True
        elif _DATE_TOKEN.match(key):
            has_number = True
        elif key in _WEEKDAY_WORDS or key in _DATE_GLUE or key in {"/", ""} or key.strip(".") in _DATE_GLUE:
            continue
        else:
            return False
    full_numeric = re.search(r"\d{2,4}[/\-.]\d{1,2}[/\-.]\d{1,4}", latin_digits(text)) is not None
    return has_number and (has_month or full_numeric)


def date_span(text: str) -> str | None:
    """The longest run of words inside a mixed row that is a date: «سارا احمدی ۱۱ عقرب ۱۴۰۴
    بازدید: ۱۲۴۸» → «۱۱ عقرب ۱۴۰۴». Hand-written: a byline row glues name, date and counters."""
    words = text.split()
    keys = [fold(w).rstrip("،,") for w in words]
    if not any(k in _MONTH_WORDS for k in keys) and not _NUMERIC_DATE.search(latin_digits(text)):
        return None  # no month name and no 1404/09/24: no date to find
    # a date starts with a number, a weekday or a month name
    starts = [i for i, k in enumerate(keys) if k[:1].isdigit() or k in _MONTH_WORDS or k in _WEEKDAY_WORDS
              or (i + 1 < len(keys) and k + keys[i + 1] in _WEEKDAY_WORDS)]
    for size in range(min(len(words), 8), 1, -1):
        for start in starts:
            if start + size > len(words):
                continue
            candidate = " ".join(words[start:start + size]).strip(" |-–—،,")
            if is_date_line(candidate):
                return candidate
    return None


_NUMERIC_DATE = re.compile(r"\d{2,4}[/\-.]\d{1,2}[/\-.]\d{1,4}")


_COUNTER_START = re.compile(r"^(?:بازدید|تعداد بازدید|نظر|نظرات|دیدگاه|views?)\b", re.I)


@lru_cache(maxsize=4096)
def byline_row(line: str) -> tuple[tuple[str, ...], str] | None:
    """(names, date) from an unlabelled byline row that glues a name, a date and counters:
    «حمیدالله نوری ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸». Hand-written: the row has no label to key on,
    only its shape (a short name, then a date, then nothing but furniture)."""
    if len(line) > 100 or not any(c.isdigit() for c in line):
        return None
    span = date_span(line)
    if span is None:
        return None
    before, _, after = line.partition(span)
    before = before.strip(" |-–—،,:")
    after = after.strip(" |-–—،,•·")
    words = before.split()
    # a name has no label colon («سرویس: قضایی تاریخ انتشار: …» is a label row, not a byline)
    if not 1 <= len(words) <= 5 or any(c.isdigit() or c in ":：" for c in before) or is_chrome_text(before):
        return None
    if starts_with_any(before, DATE_PREFIXES) is not None:
        return None
    if after and not (_COUNTER_START.match(after) or is_chrome_text(after) or reading_minutes(after)):
        return None
    names = author_names(before)
    return (names, span) if names else None


def is_chrome_text(text: str) -> bool:
    """Furniture wording: a label line, or a line that starts with a furniture prefix."""
    key = fold(text)
    if not key or key in _CHROME_LINES or is_share_row(text):
        return True
    if len(text) < 40 and any(p.match(clean(text).replace("\u200c", " ")) for p in _CHROME_PATTERNS):
        return True
    return (len(text) < 160 and key.startswith(_CHROME_PREFIXES)) or (len(text) < 40 and key.startswith(
        _SHORT_CHROME_PREFIXES))


def is_byline(text: str) -> bool:
    """«نویسنده: …», «گزارش: …», «به قلم …»: a short line opened by a byline label."""
    if len(text) >= 90 or starts_with_any(text, AUTHOR_PREFIXES) is None:
        return False
    if ":" in text or "：" in text:
        return True
    words = [fold(w) for w in text.split()]
    opened = any(words[: len(o.split())] == [fold(w) for w in o.split()] for o in AUTHOR_OPENERS)
    return opened and 2 <= len(words) <= 14 and not text.rstrip().endswith((".", "!", "؟"))


def _pull_quote(quote: str, others: list[str]) -> bool:
    """A quote box that repeats (a shortening of) a sentence of another paragraph."""
    words = [fold(w) for w in quote.split() if len(fold(w)) > 1]
    if len(words) < 4 or len(words) > 40:
        return False
    for other in others:
        vocabulary = {fold(w) for w in other.split()}
        if sum(1 for w in words if w in vocabulary) >= 0.85 * len(words):
            return True
    return False


@dataclass(frozen=True)
class BodyFilter:
    """Drops blocks that are furniture or repeat the headline, lead, caption, alt text."""

    known: frozenset[str]

    @staticmethod
    def known_strings(*values: str | None) -> frozenset[str]:
        return frozenset(fold(v) for v in values if v and fold(v))

    def keep(self, text: str, link_ratio: float = 0.0) -> bool:
        key = fold(text)
        if not key or not _LETTER.search(text) or key in self.known:
            return False
        if is_chrome_text(text) or is_date_line(text) or is_byline(text) or (reading_minutes(text) and len(text) < 60):
            return False
        if starts_with_any(text, RELATED_LABELS) and (link_ratio > 0.3 or len(text) < 150):
            return False
        return not (link_ratio > 0.6 or (link_ratio > 0.3 and len(text) < 120))

    def paragraphs(self, blocks: Iterable[Block]) -> list[str]:
        kept = [b for b in blocks if self.keep(b.text, b.link_ratio)]
        out: list[str] = []
        for block in kept:
            if out and fold(out[-1]) == fold(block.text):
                continue
            if block.tag == "blockquote" and _pull_quote(block.text, [b.text for b in kept if b is not block]):
                continue
            out.append(block.text)
        return out

    def texts(self, lines: Iterable[str]) -> list[str]:
        return [line for line in lines if self.keep(line)]
