"""Table-driven cases for every ZWNJ rule (DESIGN.md "Persian text repair"); invented sentences."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# (damaged input, expected display text)
JOINED = [
    ("او هر روز به دفتر میرود.", f"او هر روز به دفتر می{Z}رود."),
    ("کارگران هنوز نمیدانند.", f"کارگران هنوز نمی{Z}دانند."),
    ("همکاریهای تازه آغاز شد.", f"همکاری{Z}های تازه آغاز شد."),
    ("کتابها روی میز بود.", f"کتاب{Z}ها روی میز بود."),
    ("این بزرگترین سد استان است.", f"این بزرگ{Z}ترین سد استان است."),
    ("رئیسجمهور سخنرانی کرد.", f"رئیس{Z}جمهور سخنرانی کرد."),
    ("گفتوگو ادامه دارد.", f"گفت{Z}وگو ادامه دارد."),
    ("او نامهای نوشت.", f"او نامه{Z}ای نوشت."),
    ("کارگران رفتهاند.", f"کارگران رفته{Z}اند."),
    ("خانهشان نزدیک است.", f"خانه{Z}شان نزدیک است."),
    ("مذاکرات هستهای ادامه دارد.", f"مذاکرات هسته{Z}ای ادامه دارد."),
    ("نشست بینالمللی برگزار شد.", f"نشست بین{Z}المللی برگزار شد."),
    ("ما میکردیم.", f"ما می{Z}کردیم."),
]
SPACED = [
    ("او هر روز می رود.", f"او هر روز می{Z}رود."),
    ("همکاری های تازه", f"همکاری{Z}های تازه"),
    ("بزرگ ترین سد", f"بزرگ{Z}ترین سد"),
    ("کارگران رفته اند.", f"کارگران رفته{Z}اند."),
    ("رئیس جمهور گفت", f"رئیس{Z}جمهور گفت"),
    ("مذاکرات هسته ای", f"مذاکرات هسته{Z}ای"),
    ("این تصمیم بی سابقه است.", f"این تصمیم بی{Z}سابقه است."),
    ("اردوی سه روزه", f"اردوی سه{Z}روزه"),
    ("کشور ها", "کشورها"),
]
UNCHANGED = [
    "کره شمالی آزمایش تازه‌ای انجام داد.",
    "او کار را تمام کرده بود.",
    "وزیر امور خارجه به میدان آمد.",
    "همه بیماران در بیمارستان بستری شدند.",
    "تنها دفتر این شرکت در همدان است.",
    "کشورهای همسایه همکاری می‌کنند.",
    "بیشتر دانشجویان در دانشگاه ماندند.",
    "میزان بیمه تغییر نکرد.",
    "خانه‌ای که ساخته شده بود فروخته شد.",
    "The price was 12.5 USD at https://news.example/a?b=1",
    "۱۲ کیلومتر و 12 km",
    "",
    "سطر اول\n\nسطر سوم",
]


@pytest.mark.parametrize(("damaged", "expected"), JOINED)
def test_joined_damage_is_repaired(damaged: str, expected: str) -> None:
    assert repair(damaged) == expected


@pytest.mark.parametrize(("damaged", "expected"), SPACED)
def test_spaced_damage_is_repaired(damaged: str, expected: str) -> None:
    assert repair(damaged) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_correct_text_is_left_alone(text: str) -> None:
    assert repair(text) == text


def test_no_zwnj_after_non_joining_letters() -> None:
    out = repair("کشورها و دیدارها")
    assert out == "کشورها و دیدارها"
    assert Z not in repair("دانشجو ها")
