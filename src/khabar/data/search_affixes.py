"""Affixes the search query expands around, as data.

Stored articles are repaired, so their words carry the standard ZWNJ and fold to one joined key
(همکاری‌های → همکاریهای). A query or an unrepaired page may still split such a word with a space
(همکاری های) or join it; the query expander offers the other form as an alternative when one part
is one of these affixes. Keys are folded (no ZWNJ, Persian letters), so these are folded forms too.
"""

from __future__ import annotations

#: Suffixes that stand after a ZWNJ in standard spelling: plural, comparative, clitics.
SUFFIXES: frozenset[str] = frozenset({
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
    "تر", "ترین", "تری",
    "ای", "ام", "ات", "اش", "ایم", "اید", "اند",
    "شان", "مان", "تان",
})

#: Prefixes written before a ZWNJ: verbal می/نمی and the privative بی.
PREFIXES: frozenset[str] = frozenset({"می", "نمی", "بی"})

#: A joined word is split for the alternative only if the rest keeps at least this many letters.
MIN_STEM = 2

#: The izafe ی written as its own word after a silent ه (خانه ی) — folded away with ۀ and ه‌ی.
IZAFE_YE = "ی"

#: Plural + izafe or indefinite ی folds to the bare plural on both sides of the index
#: (خانه‌های شهر, خانه‌هایی → خانه‌ها), so a search for the plural finds it in any construction.
#: Longest ending first.
PLURAL_ENDINGS: tuple[tuple[str, str], ...] = (("هایی", "ها"), ("های", "ها"))

#: Display spellings of each key letter, for highlighting matches in display text (the key folds
#: these to the first form). Digits: the key has Latin digits, pages Persian or Arabic-Indic ones.
HIGHLIGHT_VARIANTS: dict[str, str] = {
    "ا": "اآأإٱ", "ه": "هۀة", "ی": "یيئىۍې", "ک": "کكڪ", "و": "وؤ", ".": ".٫",
    **{d: d + p + a for d, p, a in zip("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩", strict=True)},
}
