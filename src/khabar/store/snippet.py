"""Snippets and highlights in display text.

The index holds folded keys, so FTS5's snippet() and PostgreSQL's ts_headline() would show the key
(no ZWNJ, Latin digits), not what the page says. This module finds the matching words in the display
text instead: each display word is folded with the same key function and compared with the query's
key tokens. Only the paragraph that is shown is folded word by word, so it stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from khabar.search import document_tokens
from khabar.store.models import MARK_END, MARK_START

_DISPLAY_WORD = re.compile(r"[\w\u200c\u0640\u064b-\u065f\u0670]+")
_MARKS = str.maketrans({MARK_START: None, MARK_END: None})
WINDOW_WORDS = 32

Highlights = Sequence[tuple[str, bool]]


def _matches(tokens: Iterable[str], highlights: Highlights) -> set[str]:
    hits: set[str] = set()
    for token in tokens:
        for key, prefix in highlights:
            if token == key or (prefix and token.startswith(key)):
                hits.add(key)
    return hits


def _word_hits(text: str, highlights: Highlights) -> list[tuple[int, int, bool]]:
    """(start, end, is a hit) for each display word of ``text``."""
    return [(m.start(), m.end(), bool(_matches(document_tokens(m.group()), highlights)))
            for m in _DISPLAY_WORD.finditer(text)]


def _render(text: str, words: list[tuple[int, int, bool]], first: int, last: int) -> str:
    start = 0 if first == 0 else words[first][0]
    end = len(text) if last == len(words) - 1 else words[last][1]
    out: list[str] = ["…"] if first > 0 else []
    cursor = start
    for word_start, word_end, hit in words[first:last + 1]:
        if hit:
            out.append(text[cursor:word_start] + MARK_START + text[word_start:word_end] + MARK_END)
            cursor = word_end
    out.append(text[cursor:end])
    if last < len(words) - 1:
        out.append("…")
    return "".join(out)


def highlight(text: str, highlights: Highlights) -> str:
    """The whole text with every matching word between MARK_START and MARK_END (for titles)."""
    clean = text.translate(_MARKS)
    words = _word_hits(clean, highlights)
    return _render(clean, words, 0, len(words) - 1) if words else clean


def _best_window(words: list[tuple[int, int, bool]], width: int) -> tuple[int, int]:
    if len(words) <= width:
        return 0, len(words) - 1
    hits = [1 if hit else 0 for _, _, hit in words]
    best, best_count, count = 0, -1, sum(hits[:width])
    for first in range(len(words) - width + 1):
        if first:
            count += hits[first + width - 1] - hits[first - 1]
        if count > best_count:
            best, best_count = first, count
    first_hit = next((i for i in range(best, len(words)) if hits[i]), best)
    start = max(0, first_hit - 3)  # a few words of context before the first match
    end = min(len(words) - 1, start + width - 1)
    return max(0, end - width + 1), end


def snippet(paragraphs: Sequence[str], highlights: Highlights, width: int = WINDOW_WORDS) -> str:
    """The best window of the paragraph matching most query words, with the matches marked."""
    best_text, best_hits = "", 0
    for paragraph in paragraphs:
        if not paragraph:
            continue
        hits = len(_matches(set(document_tokens(paragraph)), highlights))
        if hits > best_hits:
            best_text, best_hits = paragraph, hits
            if hits == len(highlights):
                break
    if not best_text:
        best_text = next((p for p in paragraphs if p), "")
    clean = best_text.translate(_MARKS)
    words = _word_hits(clean, highlights) if best_hits else [
        (m.start(), m.end(), False) for m in _DISPLAY_WORD.finditer(clean)]
    if not words:
        return clean
    first, last = _best_window(words, width)
    return _render(clean, words, first, last)
