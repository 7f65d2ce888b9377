"""Bug classes that damaged correct text (issue 8): each rule in a table of our own sentences."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# 1. ‑تر/‑ترین never splits a listed word far more frequent than a comparative of its first part
#    (a loanword or name: فیلتر، توییتر، مستر), while real comparatives still take their ZWNJ.
COMPARATIVE = [
    ("کاربران برای دور زدن فیلتر از برنامه تازه استفاده کردند.", None),
    ("او در توییتر نوشت که جلسه لغو شد.", None),
    ("مستر رحیمی امروز به تهران آمد.", None),
    ("این خودرو بزرگتر و گرانتر از مدل قبلی است.", f"این خودرو بزرگ{Z}تر و گران{Z}تر از مدل قبلی است."),
    ("مهمترین خبر روز درباره باران بود.", f"مهم{Z}ترین خبر روز درباره باران بود."),
]

# 2. A bound head (طلب، ساز، گرا …) never attaches to a verb, with or without its می.
HEAD_AFTER_VERB = [
    ("کارگران می گویند طلب های معوق خود را نگرفته اند.", f"کارگران می{Z}گویند طلب{Z}های معوق خود را نگرفته{Z}اند."),
    ("مدیران گفتند طلب های بانک ها زیاد است.", f"مدیران گفتند طلب{Z}های بانک{Z}ها زیاد است."),
    (f"کشاورزان می{Z}گویند طلب{Z}های معوق را نگرفته{Z}اند.", None),
    ("زیست شناسان گفتند این گونه در خطر است.", f"زیست{Z}شناسان گفتند این گونه در خطر است."),
    ("این گروه اصلاح طلب ها را جمع کرد.", f"این گروه اصلاح{Z}طلب{Z}ها را جمع کرد."),
]

# 3. A plural written joined after a non-joining letter (واحدهای) before a relational adjective
#    that is also a verb form (تولیدی) stays the plural.
PLURAL_AFTER_D = [
    ("این وام برای واحدهای تولیدی کوچک است.", None),
    ("نمایشگاه با حضور واحدهای صنفی برگزار شد.", None),
    ("او زمینهای برای این کار نمیبیند.", f"او زمینه{Z}ای برای این کار نمی{Z}بیند."),
    # a number word takes no plural with an ezafe: هفتهای is هفته‌ای
    ("قیمت ارز هفتهای دو بار تغییر میکند.", f"قیمت ارز هفته{Z}ای دو بار تغییر می{Z}کند."),
    ("مرکز دادهای که ساخته شد بزرگ است.", f"مرکز داده{Z}ای که ساخته شد بزرگ است."),
]

# 4. Where the writer keeps ZWNJs, a lexicon compound written apart stays apart.
KEPT_APART = [
    (f"امام جمعه این شهر در نماز{Z}ها سخن گفت.", None),
    (f"امدادگران هلال احمر تا نیمه{Z}شب کار کردند.", None),
    (f"شبکه نمایش خانگی در هفته{Z}های آینده سه فیلم دارد.", None),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVE + HEAD_AFTER_VERB + PLURAL_AFTER_D + KEPT_APART)
def test_rule_class(text: str, expected: str | None) -> None:
    assert repair(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "gold", [e for _, e in COMPARATIVE + HEAD_AFTER_VERB + PLURAL_AFTER_D if e is not None and Z in e]
)
def test_repaired_text_is_left_alone(gold: str) -> None:
    assert repair(gold) == gold
