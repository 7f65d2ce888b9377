"""The repair stage over an Article."""

from __future__ import annotations

import json

from khabar.persian import repair_edits
from khabar.records import Article, ExploreLink, Image, RelatedLink, Repairs
from khabar.repair import repair_article, repair_text

Z = "\u200c"


def sample() -> Article:
    return Article(
        id="x1",
        url="https://news.example/1",
        section="اقتصاد",
        title="همکاریهای تازه دو كشور",
        lead="وزیران ميگویند توافق نزدیک است.",
        authors=("علي رضایی",),
        published_text="١٣ آبان ۱۴۰۴",
        body=("نشست بینالمللی ٢ روز طول کشید.", "کتابها روی میز بود."),
        image=Image(url=None, alt="نمایی از نشست", caption="عكس از نشست", credit="خبرنگار"),
        related=(RelatedLink(title="قیمتها بالا رفت", source="خبرنامه نمونه"),),
        explore=(ExploreLink(title="بارش برف در جادهها"),),
        tags=("همکاریهای اقتصادی",),
    )


def test_every_text_field_is_repaired() -> None:
    out = repair_article(sample())
    assert out.title == f"همکاری{Z}های تازه دو کشور"
    assert out.lead == f"وزیران می{Z}گویند توافق نزدیک است."
    assert out.authors == ("علی رضایی",)
    assert out.body == (f"نشست بین{Z}المللی ۲ روز طول کشید.", f"کتاب{Z}ها روی میز بود.")
    assert out.image.caption == "عکس از نشست"
    assert out.related[0].title == f"قیمت{Z}ها بالا رفت"
    assert out.explore[0].title == f"بارش برف در جاده{Z}ها"
    assert out.tags == (f"همکاری{Z}های اقتصادی",)
    assert out.url == "https://news.example/1"


def test_dates_as_printed_only_get_letters_and_digits() -> None:
    out = repair_article(sample())
    assert out.published_text == "۱۳ آبان ۱۴۰۴"


def test_repairs_are_counted() -> None:
    out = repair_article(sample())
    assert out.repairs == Repairs(zwnj_inserted=7, characters_unified=4, digits_unified=3)
    assert json.dumps(out.to_json(), ensure_ascii=False)


def test_repair_is_idempotent_on_articles() -> None:
    once = repair_article(sample())
    twice = repair_article(once)
    assert twice.title == once.title and twice.body == once.body
    assert twice.repairs == once.repairs


def test_repair_text_and_edits_json() -> None:
    assert repair_text("ميکند") == f"می{Z}کند"
    edits = [e.to_json() for e in repair_edits("ميکند")]
    assert edits == [
        {"start": 1, "end": 2, "before": "ي", "after": "ی", "kind": "character"},
        {"start": 2, "end": 2, "before": "", "after": Z, "kind": "zwnj"},
    ]
