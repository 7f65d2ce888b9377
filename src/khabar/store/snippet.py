"""Snippets and highlights in display text.

The index holds folded keys, so an index's own snippets would show the key (no ZWNJ, Latin
digits), not what the page says. Here display text is first folded character for character
(ي→ی, ۀ→ه, any digit script → Latin, ZWNJ, kashida and diacritics → one gap mark), which keeps every
offset, and each query key token becomes a small regular expression over that fold (a gap mark
allowed between letters, the plural with izafe), so finding the best paragraph and marking the
display text is one C-level scan per paragraph. Plain letters keep the expressions cheap to compile
(character classes of Persian letters cost about 0.1 ms each), which matters since most queries are
new. Highlighting approximates the key fold; which articles match never depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from khabar.data.search_affixes import HIGHLIGHT_VARIANTS
from khabar.store.models import MARK_END, MARK_START

_DISPLAY_WORD = re.compile(r"[\w\u200c\u0640\u064b-\u065f\u0670]+")
_GAP_MARK = "\u200c"
_FOLD = str.maketrans({
    **{variant: key for key, variants in HIGHLIGHT_VARIANTS.items() for variant in variants if variant != key},
    **{chr(c): _GAP_MARK for c in (0x0640, 0x0670, *range(0x064B, 0x0660))},
    **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
})
_NOT_AFTER_WORD = "(?<!\\w)(?<!\u200c)"
_NOT_BEFORE_WORD = "(?!\\w)(?!\u200c)"
WINDOW_WORDS = 32

Highlights = Sequence[tuple[str, bool]]


def _unmarked(text: str) -> str:
    """The text without stray marker characters (a page could contain them)."""
    if MARK_START in text or MARK_END in text:
        return text.replace(MARK_START, "").replace(MARK_END, "")
    return text


def _token_pattern(token: str, prefix: bool) -> str:
    """The expression of one key token over folded display text (see _FOLD)."""
    body = f"{_GAP_MARK}*".join(re.escape(c) for c in token.lower())
    if token.endswith("ها"):
        body += "(?:یی|ی)?"  # خانه‌های, خانه‌هایی (PLURAL_ENDINGS)
    elif token.endswith("ه"):
        body += f"(?:{_GAP_MARK}ی)?"  # the izafe written ه‌ی
    end = f"(?:\\w|{_GAP_MARK})*" if prefix else _NOT_BEFORE_WORD
    return f"{_NOT_AFTER_WORD}{body}{end}"


@lru_cache(maxsize=256)
def _pattern(highlights: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    if not highlights:
        return None
    ordered = sorted(highlights, key=lambda h: -len(h[0]))  # longest first: the whole word wins
    groups = "|".join(f"(?P<g{i}>{_token_pattern(token, prefix)})" for i, (token, prefix) in
                      enumerate(ordered))
    return re.compile(groups)


def _spans(text: str, pattern: re.Pattern[str] | None) -> list[re.Match[str]]:
    """Matches in the folded text: the same offsets as in ``text``."""
    return list(pattern.finditer(text.translate(_FOLD))) if pattern else []


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(text[cursor:span_start] + MARK_START + text[span_start:span_end] + MARK_END)
        cursor = span_end
    out.append(text[cursor:end])
    if end < len(text):
        out.append("…")
    return "".join(out)


def highlight(text: str, highlights: Highlights) -> str:
    """The whole text with every matching word between MARK_START and MARK_END (for titles)."""
    clean = _unmarked(text)
    spans = [m.span() for m in _spans(clean, _pattern(tuple(highlights)))]
    return _render(clean, spans, 0, len(clean))


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """Character range of the ``width`` words around the first match, with a few words before it."""
    words = [m.span() for m in _DISPLAY_WORD.finditer(text)]
    if len(words) <= width:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    at = next((i for i, (_, word_end) in enumerate(words) if word_end > first), 0)
    begin = max(0, min(at - 3, len(words) - width))
    last = begin + width - 1
    start = 0 if begin == 0 else words[begin][0]
    end = len(text) if last >= len(words) - 1 else words[last][1]
    return start, end


def snippet(paragraphs: Sequence[str], highlights: Highlights, width: int = WINDOW_WORDS) -> str:
    """The best window of the paragraph matching most query words, with the matches marked."""
    pattern = _pattern(tuple(highlights))
    best_text, best_spans, best_count = "", [], 0
    for paragraph in paragraphs:
        if not paragraph or pattern is None:
            continue
        found = _spans(paragraph, pattern)  # one fold and one scan: no cheaper pre-check pays
        count = len({m.lastgroup for m in found})
        if count > best_count:
            best_text, best_spans, best_count = paragraph, found, count
            if count == len(highlights):
                break
    if not best_text:
        best_text = next((p for p in paragraphs if p), "")
    clean = _unmarked(best_text)
    spans = [m.span() for m in best_spans] if clean == best_text else [
        m.span() for m in _spans(clean, pattern)]
    start, end = _window(clean, spans, width)
    return _render(clean, spans, start, end)
