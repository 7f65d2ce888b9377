"""The repair stage (placeholder while the persian package grows)."""
from __future__ import annotations

from khabar.persian.characters import unify_characters
from khabar.persian.zwnj import default_repairer


def repair_text(text: str) -> str:
    return default_repairer().restore(unify_characters(text))
