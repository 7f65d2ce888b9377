from __future__ import annotations

import dataclasses
import json

import pytest

from khabar.records import CONTRACT_KEYS, Article, ExploreLink, Image, RelatedLink, Repairs, stable_id


def sample_article() -> Article:
    return Article(
        id="abc",
        url="https://payamno.example/news/1",
        source="رادیو پیام نو",
        section="اقتصاد",
        title="افتتاح نیروگاه خورشیدی شناور",
        lead="نخستین نیروگاه خورشیدی شناور کشور به بهره\u200cبرداری رسید.",
        authors=("مریم احمدی",),
        published="2025-11-04",
        published_text="4 نوامبر 2025",
        stated_reading_minutes=3,
        reading_minutes=2,
        image=Image(url=None, alt="نیروگاه", caption="نمایی از صفحه\u200cها", credit="روابط عمومی"),
        body=("بند نخست.", "بند دوم."),
        related=(RelatedLink("قیمت برق", "خبرنامه نمونه"),),
        explore=(ExploreLink("ثبت\u200cنام کنکور"),),
        tags=("انرژی",),
        repairs=Repairs(3, 1, 0),
    )


def test_json_keys_follow_the_contract_order() -> None:
    data = sample_article().to_json()
    assert tuple(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert data["image"] == {"url": None, "alt": "نیروگاه", "caption": "نمایی از صفحه\u200cها", "credit": "روابط عمومی"}
    assert data["related"] == [{"title": "قیمت برق", "source": "خبرنامه نمونه", "url": None}]
    assert data["repairs"] == {"zwnj_inserted": 3, "characters_unified": 1, "digits_unified": 0}


def test_json_round_trip_is_lossless() -> None:
    article = sample_article()
    text = json.dumps(article.to_json(), ensure_ascii=False)
    assert Article.from_json(json.loads(text)) == article


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_article().title = "x"  # type: ignore[misc]


def test_repairs_add_up() -> None:
    assert Repairs(1, 2, 3) + Repairs(1, 0, 1) == Repairs(2, 2, 4)


def test_stable_id_prefers_the_url() -> None:
    a = stable_id("https://a.example/1", "عنوان", "2025-11-04", "الف")
    assert a == stable_id("https://a.example/1", "عنوان دیگر", None, None)
    b = stable_id(None, "عنوان", "2025-11-04", "الف")
    assert b != a
    assert b == stable_id(None, "عنوان", "2025-11-04", "الف")
    assert b != stable_id(None, "عنوان", "2025-11-05", "الف")
