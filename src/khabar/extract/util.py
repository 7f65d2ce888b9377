"""Small text helpers shared by the HTML and the flattened-text extractors.

``fold`` is a comparison key, hand-written because it must match labels
across the damage Persian pages carry (ZWNJ deleted or spaced, Arabic ي/ك,
Arabic-Indic digits) without repairing the text itself: extract output stays
raw and the repair stage owns orthography.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

ZWNJ = "\u200c"
_ALL_SPACE = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans(
    {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
        "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u202a": "", "\u202b": "", "\u202c": "",
        "ـ": "", "«": "", "»": "", "\u064b": "", "\u064c": "", "\u064d": "", "\u064e": "", "\u064f": "",
        "\u0650": "", "\u0651": "", "\u0652": "", "\u0670": "",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
_LATIN_DIGITS = str.maketrans(
    {chr(0x06F0 + i): str(i) for i in range(10)} | {chr(0x0660 + i): str(i) for i in range(10)}
)


def clean(text: str | None) -> str:
    """Collapse runs of spaces (keeping every ZWNJ) and strip the ends."""
    if not text:
        return ""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    # str.split() splits on every Unicode space (NBSP, thin spaces …) but never on ZWNJ
    return " ".join(text.split()).strip("\u200e\u200f ")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A comparison key: no ZWNJ, spaces or punctuation at the ends, one letter form, Latin digits."""
    folded = text.translate(_FOLD_TABLE).lower()
    folded = _ALL_SPACE.sub("", folded)
    return folded.strip(":：-–—|•·.،؛«»()[]*#>")


def latin_digits(text: str) -> str:
    return text.translate(_LATIN_DIGITS)


def label_set(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(label) for label in labels)


def starts_with_any(text: str, prefixes: Iterable[str]) -> str | None:
    """The first prefix (compared folded) that ``text`` starts with, or None."""
    key = fold(text)
    for prefix in prefixes:
        folded = fold(prefix)
        if folded and key.startswith(folded):
            return prefix
    return None


def strip_prefix(text: str, prefixes: Iterable[str]) -> str:
    """``text`` without a leading label (matched folded), e.g. «نویسنده: » or «عکس: »."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        pattern = _loose_pattern(prefix)
        match = pattern.match(text)
        if match:
            return text[match.end():].strip(" :：-–—|")
    return text


@lru_cache(maxsize=1024)
def _loose_pattern(label: str) -> re.Pattern[str]:
    """A regex matching ``label`` at the start with any ZWNJ/space damage and letter form."""
    parts: list[str] = [r"\s*"]
    for char in label:
        if char in " \u200c":
            parts.append(r"[\s\u200cـ]*")
        elif char in "یيى":
            parts.append("[یيى]")
        elif char in "کك":
            parts.append("[کك]")
        else:
            parts.append(re.escape(char) + r"[\u200cـ]*")
    return re.compile("".join(parts) + r"\s*[:：]?\s*", re.I)


def is_persian(text: str) -> bool:
    """Mostly Arabic-script letters (Persian pages only carry a few Latin words)."""
    letters = [c for c in text[:2000] if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff")
    return arabic / len(letters) > 0.5


def detect_language(text: str) -> str:
    """fa / ar / en / und from letters alone, hand-written because the field's
    detectors (langdetect, lingua) are slow to load and confuse fa with ar on
    short pages; Persian has letters Arabic lacks (پ چ ژ گ) and vice versa (ة)."""
    sample = text[:4000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    if arabic / len(letters) < 0.3:
        latin = sum(1 for c in letters if c.isascii())
        return "en" if latin / len(letters) > 0.7 else "und"
    persian = sum(sample.count(c) for c in "پچژگ")
    if persian >= 0.003 * arabic:
        return "fa"
    return "ar" if sample.count("ة") + sample.count("ي") > persian else "fa"
