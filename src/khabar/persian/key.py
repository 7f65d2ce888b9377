"""The search key: one folded spelling per word so every variant finds every other.

``fold_key`` is the cheap part (one ``str.translate`` plus a few regex passes) for text that
``repair`` already produced; ``search_key`` repairs first, so joined (همکاریهای), spaced
(همکاری های) and correct (همکاری‌های) input give the same key.

A ZWNJ between the parts of a compound (رئیس‌جمهور، دانش‌بنیان) folds to a space, one before an
affix (همکاری‌ها، می‌کند) to nothing: so a compound repair left spaced (دانش بنیان) and its ZWNJ
spelling share a key, while a plural still differs from its bare word. A compound whose joined
spelling is itself a listed word (همزمان، هموطنان) folds joined, as that spelling is common.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from khabar.persian.affixes import COMPARATIVE, PLURAL, POSSESSIVE, VOWEL_CLITICS
from khabar.persian.characters import (
    ARABIC_DIGITS,
    CONTROLS,
    DIACRITICS,
    LATIN_DIGITS,
    LETTER_FORMS,
    LETTERS,
    PERSIAN_DIGITS,
    SEARCH_LETTER_FORMS,
    ZWNJ,
)
from khabar.persian.lexicon import load

#: Bump whenever the key of any text changes: stored keys must then be rebuilt.
SEARCH_KEY_VERSION = 2

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
_PART = f"[{LETTERS}{DIACRITICS}]+"
_ZWNJ_WORD = re.compile(f"{_PART}(?:{ZWNJ}{_PART})+")
_LISTED_ENDINGS = ("ان", "ی", "یان", "ین", "ها", "های")  # ماهیگیران: a listed ماهیگیر + ان
_BEFORE_AFFIX = frozenset({"می", "نمی", "بی"})
_AFFIX = frozenset({*PLURAL, *COMPARATIVE, *VOWEL_CLITICS, *POSSESSIVE, "ی", "یی", "ای", "گری", "گر"})
_SEPARATORS = re.compile(r"(?:(?<![0-9])\.|\.(?![0-9])|[^\w.]|_)+")


def fold_key(text: str) -> str:
    """Fold already repaired text: no ZWNJ, marks or tatweel; ی ک ه ا و; Latin digits; lower case."""
    if "ه\u200cی" in text:
        text = _EZAFE.sub("ه", text)
    if ZWNJ in text:
        text = _ZWNJ_WORD.sub(_compound_parts, text)
    return _SEPARATORS.sub(" ", text.translate(_FOLD).lower()).strip()


def _compound_parts(match: re.Match[str]) -> str:
    return _split_compound(match.group())


@lru_cache(maxsize=50_000)
def _split_compound(word: str) -> str:
    """A space at each compound joint of a ZWNJ word; affix joints keep their ZWNJ (folded away)."""
    parts = word.split(ZWNJ)
    joined, counts = "".join(parts), load().counts
    if joined in counts or any(joined.endswith(e) and joined[: -len(e)] in counts for e in _LISTED_ENDINGS):
        return word
    out = parts[0]
    for before, part in itertools.pairwise(parts):
        out += (ZWNJ if before in _BEFORE_AFFIX or part in _AFFIX else " ") + part
    return out
