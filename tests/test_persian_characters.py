"""Letters, digits, controls and punctuation spacing."""

from __future__ import annotations

import pytest

from khabar.errors import ConfigError
from khabar.persian import repair
from khabar.persian.characters import unify_characters

CASES = [
    ("علي كتاب خريد", "علی کتاب خرید"),
    ("قيمت ٢٫٤ درصد", "قیمت ۲٫۴ درصد"),
    ("خـــبر", "خبر"),
    ("سلام\u200fدنیا\u200d", "سلامدنیا"),
    ("سلام ، دوست من", "سلام، دوست من"),
    ("او گفت: « امروز »", "او گفت: «امروز»"),
    ("چرا ?", "چرا؟"),
    ("سلام،دوست", "سلام، دوست"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_characters_and_punctuation(raw: str, expected: str) -> None:
    assert repair(raw) == expected


@pytest.mark.parametrize(
    ("digits", "raw", "expected"),
    [
        (None, "سال 2025 و ۱۴۰۴ و ١٤٠٤", "سال 2025 و ۱۴۰۴ و ۱۴۰۴"),
        ("latin", "سال ۱۴۰۴ و ٢٫٥", "سال 1404 و 2.5"),
        ("fa", "سال 2025 و 3.5 درصد", "سال ۲۰۲۵ و ۳٫۵ درصد"),
        ("fa", "https://news.example/2025/a1", "https://news.example/2025/a1"),
    ],
)
def test_digit_scripts(digits: str | None, raw: str, expected: str) -> None:
    assert repair(raw, digits=digits) == expected


def test_unknown_digit_script_is_our_error() -> None:
    with pytest.raises(ConfigError):
        repair("۱۲", digits="roman")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("کندـ\u200c", "کند"), ("کتابـ\u200cها", "کتاب\u200cها"), ("دیدارـ\u200cها", "دیدارها")],
)
def test_a_zwnj_behind_a_dropped_kashida_is_not_stranded(text: str, expected: str) -> None:
    """Dropping a kashida must not leave its ZWNJ after ا د ر … where it shows nothing."""
    assert unify_characters(text) == expected
