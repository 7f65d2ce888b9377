"""The damage-mode gate: which repairs one text (a field, a paragraph, a line) may receive.

Hand-written because no toolkit asks it: a scraper damages a page consistently, so the text
itself shows which damage it carries, and a repair for the other damage can only hurt it.

* ``KEPT`` — the text holds ZWNJs inside words: the writer keeps them, so a space or a joined
  spelling elsewhere is the writer's choice. Only the repairs the standard never leaves open
  remain: a detached affix token (ها، های، ترین) joins, a detached می/نمی joins its verb, and a
  می/نمی glued to a verb (میکند) takes its ZWNJ.
* ``JOINED`` — no ZWNJ and unambiguous joined forms (میکند، کتابها): the spaces are real, so
  nothing joins across a space by compound evidence (detached affix tokens still join).
* ``SPACED`` — no ZWNJ and detached می/ها/های tokens: the joined spellings are real, so no ZWNJ
  goes inside an input token by lexicon or tie evidence.
* ``UNKNOWN`` — no evidence either way (or both): every rule applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from khabar.persian import affixes as A
from khabar.persian.characters import LETTERS, ZWNJ

Mode = Literal["kept", "joined", "spaced", "unknown"]
KEPT: Mode = "kept"
JOINED: Mode = "joined"
SPACED: Mode = "spaced"
UNKNOWN: Mode = "unknown"

#: Affix tokens the standard never leaves standing alone (تر alone is also «wet», ای «O»).
DETACHED_AFFIXES = frozenset((*A.PLURAL, "ترین"))
#: Tokens that show spaced damage when they stand alone.
SPACED_SIGNS = frozenset((*A.VERB_PREFIXES, "ها", "های"))
_INNER_ZWNJ = re.compile(f"[{LETTERS}]{ZWNJ}[{LETTERS}]")
_WORD = re.compile(f"[{LETTERS}]+")
_ENDINGS = ("ها", "های")


def prefix_only(token: str, fixed: str) -> str:
    """``fixed`` if it only puts a ZWNJ after a glued می/نمی (میکند → می‌کند), else ``token``."""
    for prefix in A.VERB_PREFIXES:
        if fixed == prefix + ZWNJ + token[len(prefix) :] and token.startswith(prefix):
            return fixed
    return token


def _joined_sign(word: str, fixed: str) -> bool:
    """A repair only joined damage needs: می/نمی glued to a verb, ها/های glued after a joining
    letter. A lexicon ZWNJ alone (آنها، رئیسجمهور) is no sign: writers join such words by choice."""
    if ZWNJ not in fixed or fixed.replace(ZWNJ, "") != word:
        return False
    return prefix_only(word, fixed) != word or any(fixed.endswith(ZWNJ + e) for e in _ENDINGS)


def damage_mode(text: str, fix_token: Callable[[str], str]) -> Mode:
    """Which damage ``text`` shows (module docstring); ``fix_token`` is the cached token repair."""
    if _INNER_ZWNJ.search(text):
        return KEPT
    spaced = joined = False
    for word in _WORD.findall(text):
        if word in SPACED_SIGNS:
            spaced = True
        elif not joined and len(word) >= 5 and (word.startswith(A.VERB_PREFIXES) or word.endswith(_ENDINGS)):
            joined = _joined_sign(word, fix_token(word))
        if spaced and joined:
            return UNKNOWN
    if spaced:
        return SPACED
    return JOINED if joined else UNKNOWN
