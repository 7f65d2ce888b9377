"""A small invented archive for the web tests: two outlets telling one story, a sports item, a hostile page."""

from __future__ import annotations

from pathlib import Path

from khabar.records import Article, Image, RelatedLink
from khabar.store import open_store

ZWNJ = "\u200c"

SOLAR_BODY = (
    "نیروگاه خورشیدی شناور ده مگاواتی روی دریاچه سد کوهسار روز سه" + ZWNJ + "شنبه با حضور مدیران استانی "
    "به بهره" + ZWNJ + "برداری رسید و برق دوازده هزار خانوار را تأمین می" + ZWNJ + "کند.",
    "به گفته مدیرعامل شرکت آب منطقه" + ZWNJ + "ای، صفحه" + ZWNJ + "های خورشیدی بخشی از سطح دریاچه را "
    "می" + ZWNJ + "پوشانند و از تبخیر آب در ماه" + ZWNJ + "های گرم سال می" + ZWNJ + "کاهند.",
    "ساخت این طرح دو سال پیش آغاز شده بود و کارشناسان می" + ZWNJ + "گویند بزرگ" + ZWNJ + "ترین نمونه "
    "این فناوری در منطقه است و همکاری" + ZWNJ + "ها برای طرح دوم از سال آینده آغاز می" + ZWNJ + "شود.",
)

SOLAR = Article(
    id="solar0000000001",
    url="https://nemune.example/news/1001",
    source="خبرگزاری نمونه",
    section="اقتصاد",
    kicker="انرژی پاک",
    title="افتتاح نخستین نیروگاه خورشیدی شناور در دریاچه سد کوهسار",
    lead="نیروگاه ده مگاواتی برق دوازده هزار خانوار را تأمین می" + ZWNJ + "کند.",
    authors=("مریم افشار",),
    published="2025-11-04T10:30:00+03:30",
    reading_minutes=3,
    image=Image(url="https://nemune.example/img/solar.jpg", alt="صفحه" + ZWNJ + "های خورشیدی روی آب",
                caption="نمایی از صفحه" + ZWNJ + "های خورشیدی روی دریاچه", credit="روابط عمومی آب منطقه" + ZWNJ + "ای"),
    body=SOLAR_BODY,
    related=(RelatedLink("قیمت برق خانگی از ماه آینده پلکانی می" + ZWNJ + "شود", "خبرگزاری نمونه",
                         "https://nemune.example/news/990"),),
    tags=("انرژی", "خورشیدی"),
)

SOLAR_ELSEWHERE = Article(
    id="solar0000000002",
    url="https://karaneh.example/fa/2002",
    source="روزنامه کرانه",
    section="اقتصاد",
    title="نیروگاه شناور کوهسار به بهره" + ZWNJ + "برداری رسید",
    lead="برق دوازده هزار خانوار از دریاچه می" + ZWNJ + "آید.",
    published="2025-11-04T12:00:00+03:30",
    reading_minutes=3,
    body=SOLAR_BODY,
)

FOOTBALL = Article(
    id="sport0000000001",
    url="https://karaneh.example/fa/2100",
    source="روزنامه کرانه",
    section="ورزشی",
    title="تیم فوتبال بانوان کوهسار قهرمان لیگ استانی شد",
    lead="بازیکنان جوان در دیدار پایانی دو گل زدند.",
    published="2025-10-20",
    reading_minutes=2,
    body=("دیدار پایانی لیگ استانی فوتبال بانوان عصر دوشنبه در ورزشگاه شهر برگزار شد.",
          "سرمربی تیم گفت این قهرمانی نتیجه یک سال تمرین منظم است."),
)

HOSTILE = Article(
    id="hostile00000001",
    url="javascript:alert('url')",
    source="منبع <b>بد</b>",
    section='"><script>alert("section")</script>',
    title="<script>alert('title')</script> خبر خطرناک <img src=x onerror=alert('img')>",
    lead="<svg onload=alert('lead')></svg>",
    published="2025-11-03",
    image=Image(url="javascript:alert('image')", caption="<script>alert('caption')</script>",
                credit="<i onmouseover=alert(1)>عکاس</i>"),
    body=("<img src=x onerror=alert('body')> متن خبر خطرناک",
          "<a href=\"javascript:alert('link')\">پیوند</a> و <iframe src=\"https://evil.example\"></iframe>"),
    related=(RelatedLink("<script>alert('related')</script>", None, "javascript:alert('related')"),
             RelatedLink("پیوند داده پنهان", None, " data:text/html,<script>alert(1)</script>")),
    tags=("<script>alert('tag')</script>",),
)

ARTICLES = (SOLAR, SOLAR_ELSEWHERE, FOOTBALL, HOSTILE)


def build_archive(path: Path) -> str:
    db = str(path)
    with open_store(db) as store:
        for article in ARTICLES:
            store.upsert(article)
    return db


def test_the_fixture_archive_knows_the_story_twice(tmp_path: Path) -> None:
    """The web tests rely on the store linking the two tellings of the solar story."""
    db = build_archive(tmp_path / "a.db")
    with open_store(db) as store:
        assert store.count() == len(ARTICLES)
        assert [item.id for item in store.duplicates(SOLAR.id)] == [SOLAR_ELSEWHERE.id]
        assert store.duplicates(FOOTBALL.id) == []
