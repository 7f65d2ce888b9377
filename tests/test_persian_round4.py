"""Round-4 rules (issue 8): words a joined token is on its own (منها، اولاند، خواباند), the
detached privative بی in spaced text, and known names only. Invented sentences and fictional
events; they test kinds of damage and of correct text, not listed sentences."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# Correct text: a joined token the corpus writes often and never with a ZWNJ is a word of its own,
# not stem + suffix (من + ها، اول + اند، خواب + اند).
OWN_WORDS = [
    "معلم علامت منها را روی تخته نوشت.",
    "ژان اولاند، مربی تیم، از بازیکنان تشکر کرد.",
    "مادر کودک را خواباند و به آشپزخانه رفت.",
    "باد شاخه‌ها را تکاند و برگ‌ها ریخت.",
]


@pytest.mark.parametrize("text", OWN_WORDS)
def test_words_of_their_own_stay(text: str) -> None:
    assert repair(text) == text


# The same suffixes after a real stem are still repaired in joined text.
@pytest.mark.parametrize(
    ("damaged", "gold"),
    [
        ("کتابها روی میز بود.", f"کتاب{Z}ها روی میز بود."),
        ("دانشجویان نگراناند.", f"دانشجویان نگران{Z}اند."),
        ("بازیکنان خستهاند.", f"بازیکنان خسته{Z}اند."),
    ],
)
def test_real_suffixes_still_join(damaged: str, gold: str) -> None:
    assert repair(damaged) == gold
