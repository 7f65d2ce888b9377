"""Joined text of the round-5 evidence heads (issue 8): a bound head or a listed loanword compound
gives its ZWNJ back, and a plural hazm lists takes no second plural. The spaced sentences of the
same rules are in test_persian_spaced.py. Invented sentences about fictional events."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# Joined damage: the bound head gives the ZWNJ back.
JOINED = [
    ("مهگرفتگی جاده را بست.", f"مه{Z}گرفتگی جاده را بست."),
    ("مراسم شمعافروزی برگزار شد.", f"مراسم شمع{Z}افروزی برگزار شد."),
    # a listed loanword compound no corpus counts, also before a plural
    ("مهاجم تیم نمونه هتتریک کرد.", f"مهاجم تیم نمونه هت{Z}تریک کرد."),
    ("او هتتریکهای زیادی در کارنامه دارد.", f"او هت{Z}تریک{Z}های زیادی در کارنامه دارد."),
    # شعب is a plural already (hazm's PL): شعبهای is the noun شعبه + ای, not a second plural
    ("پرونده به شعبهای دیگر رفت.", f"پرونده به شعبه{Z}ای دیگر رفت."),
]


@pytest.mark.parametrize(("joined", "repaired"), JOINED)
def test_joined_bound_heads(joined: str, repaired: str) -> None:
    assert repair(joined) == repaired


def test_action_tails_count_the_corpus_spelling_not_the_curated_weight() -> None:
    """A curated compound (count raised to the list's weight) does not make a tail productive:
    only the corpus's own count of each spelling is weighed."""
    from khabar.persian.evidence import _action_tails

    zwnj = {
        "گروهبندی": ("گروه\u200cبندی", 5_000),
        "جمعبندی": ("جمع\u200cبندی", 5_000),
        "میراثفرهنگی": ("میراث\u200cفرهنگی", 100_000),
    }
    assert _action_tails(zwnj, {})["فرهنگی"] == 1
    assert "فرهنگی" not in _action_tails(zwnj, {"میراث\u200cفرهنگی": 0})
    assert _action_tails(zwnj, {"میراث\u200cفرهنگی": 0})["بندی"] == 2
