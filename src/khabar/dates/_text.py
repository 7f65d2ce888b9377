"""Fold a text for date matching while keeping a map back to the original offsets.

Hand-written because the folding is specific to dates (all digit scripts to
Latin, Arabic letter forms to Persian, diacritics and kashida dropped) and
find_dates must report offsets into the text exactly as the caller gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.data.calendars import DIGITS, DROPPED_CHARS, LETTER_FOLDS, PERSIAN_DIGITS


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the offset of the original character."""

    text: str
    origin: tuple[int, ...] | None  # None: nothing was dropped, offsets are the same
    length: int  # length of the original text

    def start(self, index: int) -> int:
        """Original offset of folded position ``index`` (a match start)."""
        if self.origin is None:
            return index
        return self.origin[index] if index < len(self.origin) else self.length

    def end(self, index: int) -> int:
        """Original offset just after folded position ``index - 1`` (a match end)."""
        if self.origin is None:
            return index
        return self.origin[index - 1] + 1 if index > 0 else 0


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in {**DIGITS, **LETTER_FOLDS}.items()}
    table.update({ord(ch): None for ch in DROPPED_CHARS})
    return table


@cache
def _dropped() -> re.Pattern[str]:
    return re.compile("[" + re.escape(DROPPED_CHARS) + "]")


def fold_key(name: str) -> str:
    """The lookup key of a name: folded, lower case, with no spaces or ZWNJ inside."""
    folded = name.translate(_table()).lower()
    return re.sub(r"[\s\u200c]+", "", folded)


def fold_name(name: str) -> str:
    """A name folded like matched text, keeping its inner spaces (for building patterns)."""
    return name.translate(_table()).lower()


def fold(text: str) -> Folded:
    """Fold ``text`` one character at a time, remembering where each kept character came from."""
    if not _dropped().search(text):
        return Folded(text.translate(_table()), None, len(text))
    table = _table()
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        mapped = table.get(ord(char), char)
        if mapped is None:
            continue
        chars.append(mapped)
        origin.append(index)
    return Folded("".join(chars), tuple(origin), len(text))


def persian_digits(value: int | str, width: int = 0) -> str:
    """Write a number with Persian digits, zero-padded to ``width``."""
    text = str(value).zfill(width)
    return text.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
