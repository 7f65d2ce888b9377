"""Character-level repair: Arabic letter forms, digits, invisible controls.

Everything here is a ``str.translate`` table built once, so the character stage costs one C-level
pass over the text. The tables are hand-written because no maintained library ships the exact
mapping DESIGN.md asks for (display text keeps ة and ۀ; only the search key folds them).
"""

from __future__ import annotations

import re

from khabar.errors import ConfigError

ZWNJ = "\u200c"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
#: Letters that never join the next letter: a ZWNJ after them cannot show.
NON_JOINING = frozenset("اآأإٱدذرزژوؤءۀة")
#: Arabic-script letters khabar treats as Persian word characters (no digits, no marks).
LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"
DIACRITICS = "\u064b-\u065f\u0670"

#: Arabic letter forms written for Persian ones: unified in display text (ي ى→ی، ك→ک).
LETTER_FORMS = {"ي": "ی", "ى": "ی", "ك": "ک"}
#: Letters of Kurdish, Urdu, Pashto or Sindhi that Persian text sometimes borrows by mistake:
#: left alone in display text (they are real letters elsewhere), folded in the search key only.
SEARCH_LETTER_FORMS = {"ە": "ه", "ھ": "ه", "ہ": "ه", "ۍ": "ی", "ې": "ی", "ڪ": "ک"}
CONTROLS = "\u0640\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

#: The display table: letter forms and Arabic-Indic digits unified, kashida and controls dropped.
DISPLAY_TABLE = str.maketrans(
    {**LETTER_FORMS, **dict(zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)), **dict.fromkeys(CONTROLS)}
)
TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

_NEEDS_DISPLAY = re.compile("[" + "".join(LETTER_FORMS) + ARABIC_DIGITS + CONTROLS + "]")
_LATIN_NUMBER = re.compile(r"(?<![A-Za-z0-9_/.:%#=&@-])[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_/%@]|\.[0-9A-Za-z])")
_PERSIAN_DECIMAL = re.compile("(?<=[۰-۹])٫(?=[۰-۹])")
#: A ZWNJ behind a kashida or control after ا د ر … (کندـ‌): dropping the control would strand it there.
_STRANDED_ZWNJ = re.compile(f"(?<=[{''.join(sorted(NON_JOINING))}])[{CONTROLS}]+{ZWNJ}")


def is_joining(char: str) -> bool:
    """True when a letter joins the one after it, so a ZWNJ after it changes how text looks."""
    return char not in NON_JOINING and ("\u0620" <= char <= "\u06d5" or char == "ی")


def unify_characters(text: str) -> str:
    """Display letter forms and digits: ي→ی, ك→ک, ٠–٩→۰–۹; kashida, ZWJ and bidi controls dropped."""
    if _NEEDS_DISPLAY.search(text) is None:
        return text
    if ZWNJ in text:
        text = _STRANDED_ZWNJ.sub("", text)
    return text.translate(DISPLAY_TABLE)


def _persian_number(match: re.Match[str]) -> str:
    return match.group().replace(".", "٫").translate(TO_PERSIAN_DIGITS)


def convert_digits(text: str, digits: str | None) -> str:
    """Put every number in one script: ``fa`` (۰–۹, ٫) or ``latin`` (0–9, .); None keeps both."""
    if digits is None:
        return text
    if digits == "latin":
        return _PERSIAN_DECIMAL.sub(".", text).translate(TO_LATIN_DIGITS)
    if digits == "fa":
        return _LATIN_NUMBER.sub(_persian_number, text)
    raise ConfigError(f"--digits must be fa or latin, not {digits!r}")
