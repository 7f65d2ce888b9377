"""Snippets and highlights in display text.

The index holds folded keys, so an index's own snippets would show the key (no ZWNJ, Latin
digits), not what the page says. Here display text is first folded character for character
(ي→ی, ۀ→ه, any digit script → Latin, ZWNJ, kashida and diacritics → one gap mark), which keeps every
offset, and each query key token becomes a small regular expression over that fold (a gap mark
allowed between letters, the plural with izafe), so finding the best paragraph and marking the
display text is one C-level scan per paragraph. Plain letters keep the expressions cheap to compile
(character classes of Persian letters cost about 0.1 ms each), which matters since most queries are
new. Highlighting approximates the key fold; which articles match never depends on it.

Measured costs drove the shape (a 3,000-character paragraph): ``str.translate`` with a dict looks
up every character (about 1 ms), while one ``str.replace`` per variant letter actually present is
C-speed (about 40 µs); each alternative starts with a plain letter and checks the word boundary
after it (a lookbehind first hides the literal prefix from ``re``, which then tries the whole
expression at every position, 4x slower); the window's words are found near the match only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from khabar.data.search_affixes import HIGHLIGHT_VARIANTS
from khabar.store.models import MARK_END, MARK_START

_DISPLAY_WORD = re.compile(r"[\w\u200c\u0640\u064b-\u065f\u0670]+")
_GAP_MARK = "\u200c"
_FOLD: dict[str, str] = {
    **{variant: key for key, variants in HIGHLIGHT_VARIANTS.items() for variant in variants if variant != key},
    **{chr(c): _GAP_MARK for c in (0x0640, 0x0670, *range(0x064B, 0x0660))},
    **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
}
#: After an alternative's first letter: the character before that letter is no word character.
_WORD_STARTED = "(?<![\\w\u200c].)"
_NOT_BEFORE_WORD = "(?!\\w)(?!\u200c)"
#: Characters looked at before a match for the words that lead into the window.
_LOOK_BACK = 160
WINDOW_WORDS = 32

Highlights = Sequence[tuple[str, bool]]


def _unmarked(text: str) -> str:
    """The text without stray marker characters (a page could contain them)."""
    if MARK_START in text or MARK_END in text:
        return text.replace(MARK_START, "").replace(MARK_END, "")
    return text


def _token_pattern(token: str, prefix: bool) -> str:
    """The expression of one key token over folded display text (see _FOLD)."""
    letters = [re.escape(c) for c in token.lower()]
    body = letters[0] + _WORD_STARTED + "".join(f"{_GAP_MARK}*{c}" for c in letters[1:])
    if token.endswith("ها"):
        body += "(?:یی|ی)?"  # خانه‌های, خانه‌هایی (PLURAL_ENDINGS)
    elif token.endswith("ه"):
        body += f"(?:{_GAP_MARK}ی)?"  # the izafe written ه‌ی
    end = f"(?:\\w|{_GAP_MARK})*" if prefix else _NOT_BEFORE_WORD
    return body + end


@lru_cache(maxsize=256)
def _pattern(highlights: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    """One alternation, longest token first (the whole word wins); no groups, so that ``re`` sees
    the set of first letters and skips to them."""
    tokens = [(token, prefix) for token, prefix in highlights if token]
    if not tokens:
        return None
    ordered = sorted(tokens, key=lambda h: -len(h[0]))
    return re.compile("|".join(_token_pattern(token, prefix) for token, prefix in ordered))


@lru_cache(maxsize=256)
def _ordered_tokens(highlights: tuple[tuple[str, bool], ...]) -> tuple[str, ...]:
    return tuple(sorted((token.lower() for token, _ in highlights if token), key=lambda t: -len(t)))


def _fold(text: str) -> str:
    """Display text folded letter for letter (same length, same offsets)."""
    for variant, key in _FOLD.items():
        if variant in text:
            text = text.replace(variant, key)
    return text


def _spans(text: str, pattern: re.Pattern[str] | None) -> list[re.Match[str]]:
    """Matches in the folded text: the same offsets as in ``text``."""
    return list(pattern.finditer(_fold(text))) if pattern else []


def _distinct(found: list[str], tokens: tuple[str, ...]) -> int:
    """How many query tokens the matches cover (a match names its token by its letters)."""
    covered = set()
    for match in found:
        letters = match.replace(_GAP_MARK, "")
        covered.add(next((t for t in tokens if letters.startswith(t)), letters))
    return len(covered)


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


def _word_start(text: str, at: int) -> int:
    while at > 0 and _DISPLAY_WORD.match(text, at - 1, at):
        at -= 1
    return at


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """Character range of the ``width`` words around the first match, with a few words before it
    (more when the paragraph ends soon after). Words are looked for near the match only: a long
    paragraph is not split whole."""
    origin = _word_start(text, spans[0][0]) if spans else 0
    after = [m.span() for m in islice(_DISPLAY_WORD.finditer(text, origin), width + 1)]
    need = 3 if len(after) > width else max(3, width - len(after))
    back = max(0, origin - _LOOK_BACK * need)
    before = [m.span() for m in _DISPLAY_WORD.finditer(text, back, origin)]
    if back > 0 and len(before) <= need:
        before = [m.span() for m in _DISPLAY_WORD.finditer(text, 0, origin)]
    lead = before[-need:]
    words = (lead + after)[:width]
    if not words or (len(before) <= need and len(lead) + len(after) <= width):
        return 0, len(text)  # the whole paragraph fits
    start = 0 if len(before) <= need else words[0][0]
    end = len(text) if len(lead) + len(after) <= width else words[-1][1]
    return start, end


def snippet(paragraphs: Sequence[str], highlights: Highlights, width: int = WINDOW_WORDS) -> str:
    """The best window of the paragraph matching most query words, with the matches marked."""
    key = tuple(highlights)
    pattern = _pattern(key)
    tokens = _ordered_tokens(key)
    best_text, best_spans, best_count = "", [], 0
    if pattern is not None:
        folded = _fold("\n".join(paragraphs))  # one fold for the whole article
        offset = 0
        for paragraph in paragraphs:
            begin, offset = offset, offset + len(paragraph) + 1
            found = [(m.start() - begin, m.end() - begin, m.group())
                     for m in pattern.finditer(folded, begin, offset - 1)] if paragraph else []
            count = _distinct([text for _, _, text in found], tokens) if found else 0
            if count > best_count:
                best_text, best_spans, best_count = paragraph, [(a, b) for a, b, _ in found], count
                if count == len(tokens):
                    break
    if not best_text:
        best_text = next((p for p in paragraphs if p), "")
    clean = _unmarked(best_text)
    spans = best_spans if clean == best_text else [
        m.span() for m in _spans(clean, pattern)]
    start, end = _window(clean, spans, width)
    return _render(clean, spans, start, end)
