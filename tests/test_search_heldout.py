"""A held-out variant-spelling set: other documents, other words, same kinds of variants.

Written after the main set (tests/test_search.py) passed. Its first run found one real gap, the
plural with an izafe (خانه‌ها vs خانه‌های), now folded (PLURAL_ENDINGS); nothing else was tuned on it.
"""

from __future__ import annotations

from typing import Any

from test_search import load_docs, mismatches

Z = "\u200c"

DOCS: dict[str, tuple[str, str]] = {
    "summit": (f"نشست بین{Z}المللی آب در شهر نمونه برگزار شد",
               f"نمایندگان کشورها درباره چشم{Z}انداز منابع آب تا سال ۱۴۱۰ گفت{Z}وگو کردند."),
    "market": (f"گران{Z}ترین خانه{Z}های شهر در کدام محله{Z}اند؟",
               f"بنگاه{Z}ها می{Z}گویند قیمت{Z}ها در سه{Z}شنبه گذشته ۸ درصد بالا رفت."),
    "school": (f"دانش{Z}آموزان نمی{Z}توانند از کتابخانه امانت بگیرند",
               f"مدیر مدرسه گفت کتاب{Z}های تازه هنوز به دست ما نرسیده{Z}اند."),
    "league": (f"تیم نمونه بی{Z}طرفانه داوری شد",
               f"هواداران این تیم پیش از این بارها به داوری{Z}ها اعتراض داشته{Z}اند."),
    "letter": ("نامۀ شهردار به شورای شهر",
               f"شهردار در این نامه از کمبود بودجه برای لوله{Z}کشی گاز روستاها نوشت."),
    "agency": (f"آژانس{Z}های مسافرتی تعطیل نمی{Z}شوند",
               f"مسئولان هیئت{Z}مدیره انجمن گفتند سفرهای نوروزی طبق برنامه انجام می{Z}شود."),
    "market2": ("قیمت خانه در محله قدیمی ثابت ماند",
                "کارشناسان می گویند بازار مسکن در این محله آرام است."),
}

CASES: list[tuple[str, set[str]]] = [
    ("بین المللی", {"summit"}),
    ("بینالمللی", {"summit"}),
    ("چشم انداز", {"summit"}),
    ("١٤١٠", {"summit"}),
    ("1410", {"summit"}),
    ("گرانترین", {"market"}),
    ("گران ترین خانه ها", {"market"}),
    ("خانههای", {"market"}),
    ("قيمتها", {"market"}),
    ("سه شنبه", {"market"}),
    ("8 درصد", {"market"}),
    ("دانش آموزان", {"school"}),
    ("نميتوانند", {"school"}),
    ("کتاب های تازه", {"school"}),
    ("نرسیدهاند", {"school"}),
    ("بیطرفانه", {"league"}),
    ("داوریها", {"league"}),
    ("داشته اند", {"league"}),
    ("نامه ی شهردار", {"letter"}),
    ("نامهٔ شهردار", {"letter"}),
    ("لوله کشی", {"letter"}),
    ("آژانسهای مسافرتی", {"agency"}),
    ("نمی شوند", {"agency"}),
    ("هیات مدیره", set()),  # هیات is another spelling, not a variant the key folds (documented)
    ("هیئتمدیره", {"agency"}),
    ("مسؤلان", set()),
    ("قیمت خانه", {"market2"}),
    ("خانه", {"market2"}),
    ('"بازار مسکن"', {"market2"}),
    ("محله -قدیمی", set()),  # «محله‌اند» is another word (no stemming); the other محله is excluded
]


def test_heldout_variants(store: Any) -> None:
    load_docs(store, DOCS)
    assert mismatches(store, CASES) == []
