"""The search key: one folded spelling per word so every variant finds every other.

``fold_key`` is the cheap part (one ``str.translate`` plus two regex passes) for text that
``repair`` already produced; ``search_key`` repairs first, so joined (همکاریهای), spaced
(همکاری های) and correct (همکاری‌های) input give the same key.
"""

from __future__ import annotations

import re

from khabar.persian.characters import (
    ARABIC_DIGITS,
    CONTROLS,
    LATIN_DIGITS,
    LETTER_FORMS,
    PERSIAN_DIGITS,
    SEARCH_LETTER_FORMS,
    ZWNJ,
)

#: Bump whenever the key of any text changes: stored keys must then be rebuilt.
SEARCH_KEY_VERSION = 1

_FOLD = str.maketrans(
    {
        **LETTER_FORMS,
        **SEARCH_LETTER_FORMS,
        **dict(zip(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2, strict=True)),
        **dict.fromkeys(CONTROLS + ZWNJ),
        **dict.fromkeys(map(chr, range(0x064B, 0x0660))),
        "\u0670": None,
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "آ": "ا",
        "ؤ": "و",
        "ئ": "ی",
        "ة": "ه",
        "ۀ": "ه",
        "\u0654": None,
        "٫": ".",
        "٬": None,
    }
)
_EZAFE = re.compile(f"ه{ZWNJ}ی\\b")
_SEPARATORS = re.compile(r"(?:(?<![0-9])\.|\.(?![0-9])|[^\w.]|_)+")


def fold_key(text: str) -> str:
    """Fold already repaired text: no ZWNJ, marks or tatweel; ی ک ه ا و; Latin digits; lower case."""
    if "ه\u200cی" in text:
        text = _EZAFE.sub("ه", text)
    return _SEPARATORS.sub(" ", text.translate(_FOLD).lower()).strip()
