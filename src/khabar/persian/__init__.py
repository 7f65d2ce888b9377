"""Persian orthography repair: ZWNJ restored, letters and digits unified, punctuation spaced.

``repair`` gives display text, ``repair_edits`` what it changed (offsets into the input),
``search_key`` / ``fold_key`` the folded key for indexing and queries (DESIGN.md "Persian text
repair").
"""

from __future__ import annotations

from khabar.persian.characters import convert_digits, unify_characters
from khabar.persian.edits import Edit, apply_edits, diff_edits
from khabar.persian.key import SEARCH_KEY_VERSION, fold_key
from khabar.persian.punctuation import fix_punctuation
from khabar.persian.zwnj import default_repairer

__all__ = ["SEARCH_KEY_VERSION", "Edit", "apply_edits", "fold_key", "repair", "repair_edits", "search_key"]


def repair(text: str, *, digits: str | None = None) -> str:
    """Display text: letter forms, Arabic-Indic digits, controls, ZWNJ and punctuation repaired.

    ``digits`` None keeps Persian and Latin digits as written; "fa" or "latin" puts all in one script.
    """
    text = unify_characters(text)
    text = default_repairer().restore(text)
    text = fix_punctuation(text)
    return convert_digits(text, digits)


def repair_edits(text: str, *, digits: str | None = None) -> list[Edit]:
    """What ``repair`` changes, each edit with its offsets in ``text``, kind and before/after."""
    return diff_edits(text, repair(text, digits=digits))


def search_key(text: str) -> str:
    """The folded key of any text (repaired first): every spelling variant gives the same key."""
    return fold_key(repair(text))
