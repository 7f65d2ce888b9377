"""Hypothesis properties of repair and repair_edits."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from khabar.persian import apply_edits, repair, repair_edits
from khabar.persian.characters import CONTROLS, LETTER_FORMS

Z = "\u200c"
WORDS = [
    "می",
    "نمی",
    "کند",
    "کرد",
    "همکاری",
    "ها",
    "های",
    "کتاب",
    "خانه",
    "ای",
    "اند",
    "رفته",
    "بزرگ",
    "ترین",
    "رئیس",
    "جمهور",
    "هسته",
    "کره",
    "شمالی",
    "بی",
    "سابقه",
    "پر",
    "هزینه",
    "تر",
    "آسیب",
    "دیدگان",
    "یاد",
    "تنها",
    "میدان",
    "همه",
    "سه",
    "روزه",
    "است",
    "علي",
    "كتاب",
    "١٢",
    "۱۲",
    "12",
    "news",
    "،",
    "«",
    "»",
    "؟",
    ".",
    "\u0640",
    Z,
]
persian_text = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", Z, "\n", " ، "])), max_size=14
).map(lambda parts: "".join(w + sep for w, sep in parts))
latin_text = st.text(st.characters(codec="ascii"), max_size=60)


def letters(text: str) -> str:
    """The letters of a text with letter forms unified: what repair may never add or drop."""
    table = str.maketrans({**LETTER_FORMS, **dict.fromkeys(CONTROLS)})
    return "".join(c for c in text.translate(table) if c.isalpha())


@settings(max_examples=300, deadline=None)
@given(persian_text)
def test_idempotent(text: str) -> None:
    once = repair(text)
    assert repair(once) == once


@settings(max_examples=200, deadline=None)
@given(latin_text)
def test_text_without_persian_letters_is_unchanged(text: str) -> None:
    assert repair(text) == text


@settings(max_examples=300, deadline=None)
@given(persian_text)
def test_no_letter_is_lost_or_added(text: str) -> None:
    assert letters(repair(text)) == letters(text)
    assert repair(text).count("\n") == text.count("\n")


@settings(max_examples=300, deadline=None)
@given(persian_text)
def test_edits_point_at_the_right_characters(text: str) -> None:
    edits = repair_edits(text)
    assert apply_edits(text, edits) == repair(text)
    for edit in edits:
        assert text[edit.start : edit.end] == edit.before
        assert edit.kind in ("zwnj", "character", "digit", "punctuation", "removed")


NON_JOINING = "اآأإدذرزژو"


@settings(max_examples=300, deadline=None)
@given(persian_text)
@example("این طرح پر هزینه تر است.")
@example("خانواده آسیب دیدگان و ستم دیدگان")
def test_no_zwnj_is_added_after_a_non_joining_letter(text: str) -> None:
    """DESIGN.md: never a ZWNJ after ا د ذ ر ز ژ و — it changes nothing a reader sees."""
    def after_non_joining(value: str) -> int:
        return sum(1 for a, b in pairwise(value) if b == Z and a in NON_JOINING)

    assert after_non_joining(repair(text)) <= after_non_joining(text)
