"""search_key / fold_key: every spelling variant of a word gives one key."""

from __future__ import annotations

import pytest

from khabar.persian import SEARCH_KEY_VERSION, fold_key, repair, search_key

Z = "\u200c"

VARIANTS = [
    (f"همکاری{Z}های", "همکاری های", "همکاریهای"),
    ("علي", "علی"),
    ("كتاب", "کتاب"),
    ("خانۀ", f"خانه{Z}ی", "خانه"),
    ("۱۲", "١٢", "12"),
    ("كِتاب", "کتاب", "کتـــاب"),
    (f"می{Z}رود", "می رود", "میرود"),
    ("Reuters", "REUTERS", "reuters"),
    ("آغاز", "اغاز"),
    # compounds: a ZWNJ between parts folds to a space, so a spaced spelling repair left alone
    # finds the ZWNJ spelling (invented compounds too: the key must not depend on the lexicon)
    (f"دانش{Z}بنیان", "دانش بنیان", "دانشبنیان"),
    (f"رئیس{Z}جمهور", "رئیس جمهور", "رئیسجمهور"),
    (f"ماه{Z}نورد", "ماه نورد"),
    (f"هم{Z}زمان", "همزمان", "هم زمان"),
    (f"کتاب{Z}فروشی{Z}ها", "کتاب فروشی ها", "کتابفروشیها"),
]


@pytest.mark.parametrize("forms", VARIANTS)
def test_variants_share_a_key(forms: tuple[str, ...]) -> None:
    keys = {search_key(form) for form in forms}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("word", "bare"),
    [(f"همکاری{Z}ها", "همکاری"), (f"بزرگ{Z}ترین", "بزرگ"), (f"می{Z}کند", "کند"), (f"خانه{Z}اش", "خانه")],
)
def test_affix_joints_do_not_fold_to_the_bare_word(word: str, bare: str) -> None:
    assert search_key(bare) not in search_key(word).split()


def test_key_tokens_are_single_spaced() -> None:
    assert search_key("  سلام،   دنیا!\n«خبر»  ") == "سلام دنیا خبر"


def test_decimal_numbers_keep_their_point() -> None:
    assert search_key("۲٫۴ درصد") == "2.4 درصد"


@pytest.mark.parametrize("text", ["همکاریهای بینالمللی", "علي ميرود", "رئیس جمهور گفت ١٢"])
def test_fold_of_repaired_text_is_the_search_key(text: str) -> None:
    assert fold_key(repair(text)) == search_key(text)


def test_version_is_an_int() -> None:
    assert isinstance(SEARCH_KEY_VERSION, int) and SEARCH_KEY_VERSION >= 1
