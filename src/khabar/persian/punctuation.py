"""Punctuation spacing by Persian rules: no space before ، ؛ ؟ ! . : » ), one after ، ؛ ؟,
none inside « », and Latin , ; ? next to Persian letters written as ، ؛ ؟.

Hand-written regexes: the rules are few and must not touch Latin text, numbers or URLs, so
every rule is anchored on a Persian letter.
"""

from __future__ import annotations

import re

from khabar.persian.characters import LETTERS

_P = f"[{LETTERS}]"
# (pattern, replacement, substrings one of which must occur for the rule to apply): the cheap
# substring test skips most rules on most lines.
_RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(f"(?<={_P})[ \t]*,(?=[ \t]*{_P})"), "،", (",",)),
    (re.compile(f"(?<={_P})[ \t]*;(?=[ \t]*(?:{_P}|$))", re.M), "؛", (";",)),
    (re.compile(f'(?<={_P})[ \t]*\\?(?=[ \t]*(?:{_P}|$|[»"]))', re.M), "؟", ("?",)),
    (re.compile(f"(?<={_P})[ \t]+(?=[،؛؟»])"), "", (" ،", " ؛", " ؟", " »", "\t")),
    (re.compile(f"(?<={_P})[ \t]+(?=[.!:)](?:[ \t]|$))", re.M), "", (" .", " !", " :", " )", "\t")),
    (re.compile(f"([،؛؟])(?={_P})"), r"\1 ", ("،", "؛", "؟")),
    (re.compile(f"«[ \t]+(?={_P})"), "«", ("« ", "«\t")),
    (re.compile(f"(?<={_P})»(?={_P})"), "» ", ("»",)),
    (re.compile(f"(?<={_P})«"), " «", ("«",)),
)
_ANY = re.compile("[,;?،؛؟«»!.:)]")


def fix_punctuation(text: str) -> str:
    if _ANY.search(text) is None:
        return text
    for pattern, replacement, triggers in _RULES:
        if any(t in text for t in triggers):
            text = pattern.sub(replacement, text)
    return text
