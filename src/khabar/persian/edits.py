"""Edits between the input and the repaired text, with offsets into the input.

The repair stages rewrite text in place with ``str.translate`` and regexes for speed; the edits
are recovered afterwards by aligning input and output line by line (``difflib``), which is exact
because every stage only substitutes, drops or inserts characters locally.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from khabar.persian.characters import (
    ARABIC_DIGITS,
    CONTROLS,
    LATIN_DIGITS,
    LETTER_FORMS,
    PERSIAN_DIGITS,
    ZWNJ,
)

EDIT_KINDS = ("zwnj", "character", "digit", "punctuation", "removed")
_DIGITS = frozenset(ARABIC_DIGITS + LATIN_DIGITS + PERSIAN_DIGITS + "٫.")
_SPACING = frozenset(ZWNJ + " \t")
_REMOVABLE = frozenset(CONTROLS)
#: Folds each side of a substitution so letter-form and digit pairs compare equal.
_PAIRS = str.maketrans({**LETTER_FORMS, **dict(zip(ARABIC_DIGITS + LATIN_DIGITS, PERSIAN_DIGITS * 2, strict=True))})


@dataclass(frozen=True)
class Edit:
    """One change: input[start:end] (``before``) became ``after``."""

    start: int
    end: int
    before: str
    after: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "kind": self.kind,
        }


def _kind(before: str, after: str) -> str:
    both = before + after
    if not after and before and all(c in _REMOVABLE for c in before):
        return "removed"
    if ZWNJ in both and all(c in _SPACING for c in both):
        return "zwnj"
    if both and all(c in _DIGITS for c in both):
        return "digit"
    if all(c in _SPACING for c in both) or any(c in "،؛؟,;?«»" for c in both):
        return "punctuation"
    return "character"


def diff_edits(source: str, target: str) -> list[Edit]:
    """Edits turning ``source`` into ``target``; applying them in order yields ``target``."""
    edits: list[Edit] = []
    offset = 0
    for src_line, dst_line in zip(source.split("\n"), target.split("\n"), strict=True):
        if src_line != dst_line:
            edits.extend(_line_edits(src_line, dst_line, offset))
        offset += len(src_line) + 1
    return edits


def _line_edits(src: str, dst: str, offset: int) -> list[Edit]:
    out: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            out.extend(_split_replace(src[i1:i2], dst[j1:j2], offset + i1))
            continue
        before, after = src[i1:i2], dst[j1:j2]
        kind = _kind(before, after)
        if kind == "punctuation" and _between_letters(src, i1, i2):
            kind = "zwnj"  # a wrong space removed inside a word: کشور ها → کشورها
        out.append(Edit(offset + i1, offset + i2, before, after, kind))
    return out


def _between_letters(src: str, start: int, end: int) -> bool:
    return start > 0 and end < len(src) and src[start - 1].isalpha() and src[end].isalpha()


def _plausible(before: str, after: str) -> bool:
    return before == after or before.translate(_PAIRS) == after.translate(_PAIRS)


def _split_replace(before: str, after: str, start: int) -> list[Edit]:
    """Split one replaced block into letter/digit substitutions plus one insertion or deletion.

    The substitutions pair the block's characters from the front or from the back, whichever
    pairs more characters that one repair rule maps onto each other (ي+ZWNJ vs ZWNJ+ی).
    """
    k = min(len(before), len(after))
    front = sum(_plausible(before[i], after[i]) for i in range(k))
    back = sum(_plausible(before[len(before) - k + i], after[len(after) - k + i]) for i in range(k))
    edits: list[Edit] = []
    if front >= back:
        pairs = [(start + i, before[i], after[i]) for i in range(k)]
        rest = (start + k, start + len(before), before[k:], after[k:])
    else:
        rest = (start, start + len(before) - k, before[: len(before) - k], after[: len(after) - k])
        pairs = [
            (start + len(before) - k + i, before[len(before) - k + i], after[len(after) - k + i]) for i in range(k)
        ]
    if front < back and (rest[2] or rest[3]):
        edits.append(Edit(rest[0], rest[1], rest[2], rest[3], _kind(rest[2], rest[3])))
    edits.extend(Edit(pos, pos + 1, b, a, _kind(b, a)) for pos, b, a in pairs if b != a)
    if front >= back and (rest[2] or rest[3]):
        edits.append(Edit(rest[0], rest[1], rest[2], rest[3], _kind(rest[2], rest[3])))
    return edits


def apply_edits(source: str, edits: list[Edit]) -> str:
    """Apply edits (sorted, non-overlapping) to ``source``."""
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(source[position : edit.start])
        parts.append(edit.after)
        position = edit.end
    parts.append(source[position:])
    return "".join(parts)
