"""Bound and stem heads seen through their inflections in spaced text (issue 8, round 5)."""

from __future__ import annotations

import pytest

from khabar.repair import repair_text

Z = "\u200c"

#: (spaced input, repaired): the head carries a plural or comparative ending of its own.
INFLECTED_HEADS = [
    ("این بخش انعطاف پذیرتر از نسخه قبلی است.", f"این بخش انعطاف{Z}پذیرتر از نسخه قبلی است."),
    ("نفت کش ها دیروز در بندر خیالی پهلو گرفتند.", f"نفت{Z}کش{Z}ها دیروز در بندر خیالی پهلو گرفتند."),
    ("نقشه کشان شهرداری طرح تازه را آماده کردند.", f"نقشه{Z}کشان شهرداری طرح تازه را آماده کردند."),
    ("زمین شناس ها از منطقه بازدید کردند.", f"زمین{Z}شناس{Z}ها از منطقه بازدید کردند."),
    ("این مسیر از جاده قدیمی پر هزینه تر است.", f"این مسیر از جاده قدیمی پرهزینه{Z}تر است."),
    ("آنجا پر جمعیت ترین محله شهر است.", f"آنجا پرجمعیت{Z}ترین محله شهر است."),
    ("حقوق دانان دانشگاه به این طرح ایراد گرفتند.", f"حقوق{Z}دانان دانشگاه به این طرح ایراد گرفتند."),
    ("تاریخ دانان درباره این بنا کتابی نوشتند.", f"تاریخ{Z}دانان درباره این بنا کتابی نوشتند."),
    ("قرارداد نیم ساله دیروز امضا شد.", f"قرارداد نیم{Z}ساله دیروز امضا شد."),
    ("باستان شناسان بنای سه هزارساله را مرمت کردند.", f"باستان{Z}شناسان بنای سه{Z}هزارساله را مرمت کردند."),
]


@pytest.mark.parametrize(("spaced", "repaired"), INFLECTED_HEADS)
def test_inflected_head_joins_the_word_before(spaced: str, repaired: str) -> None:
    assert repair_text(spaced) == repaired


@pytest.mark.parametrize("correct", [repaired for _, repaired in INFLECTED_HEADS])
def test_inflected_head_compounds_are_left_alone(correct: str) -> None:
    assert repair_text(correct) == correct


#: Correct text where a stem head's look-alike must not join: letter names, a preposition.
APART = [
    "شبکه‌های بی بی سی و سی ان ان خبر را پخش کردند.",
    "او بی هیچ توضیحی از جلسه رفت.",
    "کارگران بندهای قرارداد را خواندند.",
    "او نیم ساعت در ایستگاه منتظر ماند.",
    "سه هزار نفر در همایش شرکت کردند.",
    "لیوان پر از آب روی میز بود.",
    "شبکه برنامه‌ای تازه ساخت.",
    "شهرداری پلی تازه ساخت و جاده را گسترش داد.",
]


@pytest.mark.parametrize("sentence", APART)
def test_look_alikes_stay_apart(sentence: str) -> None:
    assert repair_text(sentence) == sentence


#: (joined input, repaired): a known compound before a ساز head in one joined token.
JOINED_THREE_PART = [
    ("همسطحسازی خیابان اصلی از فردا آغاز میشود.", f"هم{Z}سطح{Z}سازی خیابان اصلی از فردا آغاز می‌شود."),
    ("کارشناسان درباره چندجانبهسازی تجارت گفتوگو کردند.", f"کارشناسان درباره چندجانبه{Z}سازی تجارت گفت{Z}وگو کردند."),
]


@pytest.mark.parametrize(("joined", "repaired"), JOINED_THREE_PART)
def test_known_compound_before_saz_head(joined: str, repaired: str) -> None:
    assert repair_text(joined) == repaired
    assert repair_text(repaired) == repaired


#: Energy units: a power unit + ساعت, joined or spaced, is written with a ZWNJ.
ENERGY_UNITS = [
    ("مصرف برق روستا به ده کیلوواتساعت رسید.", f"مصرف برق روستا به ده کیلووات{Z}ساعت رسید."),
    ("نیروگاه خیالی سه مگاوات ساعت برق فروخت.", f"نیروگاه خیالی سه مگاوات{Z}ساعت برق فروخت."),
]


@pytest.mark.parametrize(("damaged", "repaired"), ENERGY_UNITS)
def test_energy_units_take_a_zwnj(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired
    assert repair_text(repaired) == repaired


#: A bound-head compound the corpus often writes joined but the dictionary lists only with a ZWNJ.
JOINED_BOUND = [
    ("قیمتگذاری کالاهای اساسی تغییر کرد.", f"قیمت{Z}گذاری کالاهای اساسی تغییر کرد."),
]
#: Dictionary words that end in a bound head's letters stay joined.
JOINED_WORDS = ["ساختمان پایدار ماند.", "نگهبان در را بست.", "او مردی ثروتمند است."]


@pytest.mark.parametrize(("joined", "repaired"), JOINED_BOUND)
def test_joined_bound_head_compound(joined: str, repaired: str) -> None:
    assert repair_text(joined) == repaired


@pytest.mark.parametrize("sentence", JOINED_WORDS)
def test_dictionary_words_with_head_letters_stay(sentence: str) -> None:
    assert repair_text(sentence) == sentence


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("سامانه ثبتنام دیروز بهروز شد.", f"سامانه ثبت{Z}نام دیروز به{Z}روز شد."),
        ("فهرست قیمتها را بهروز کنید.", f"فهرست قیمت{Z}ها را به{Z}روز کنید."),
        ("بهروز کتاب تازه‌اش را به کتابخانه داد.", "بهروز کتاب تازه‌اش را به کتابخانه داد."),
        ("بهروز داشت از ایستگاه بیرون می‌آمد.", "بهروز داشت از ایستگاه بیرون می‌آمد."),
    ],
)
def test_behruz_is_a_name_unless_a_making_verb_follows(text: str, repaired: str) -> None:
    assert repair_text(text) == repaired
