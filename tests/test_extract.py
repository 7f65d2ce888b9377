"""The extract stage on small invented pages: structure, chrome set apart, ZWNJ kept, bad input."""

from __future__ import annotations

import json
import time

import pytest

from khabar.errors import EmptyInput, ExtractError, KhabarError, NotTextInput
from khabar.extract import extract
from khabar.extract.body import trafilatura_paragraphs
from khabar.extract.decode import decode_page
from khabar.extract.dom import parse_html
from khabar.records import Article, Page

Z = "\u200c"

ARTICLE = f"""<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>سامانه تازه نوبت‌دهی بیمارستان‌ها راه‌اندازی شد | خبرنامه البرز</title>
<meta property="og:site{Z}name" content="خبرنامه البرز">
<meta property="og:title" content="سامانه تازه نوبت‌دهی بیمارستان‌ها راه‌اندازی شد">
<meta property="og:image" content="https://alborz.example/img/queue.jpg">
<meta name="description" content="توضیح متا که نباید جای لید بنشیند.">
<link rel="canonical" href="https://alborz.example/news/7781">
<script type="application/ld+json">{json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "سامانه تازه نوبت‌دهی بیمارستان‌ها راه‌اندازی شد",
    "datePublished": "2025-10-28T09:15:00+03:30",
    "author": [{"@type": "Person", "name": "سارا مهرپور"}, {"@type": "Organization", "name": "خبرنامه البرز"}],
    "articleSection": "سلامت",
}, ensure_ascii=False)}</script>
<style>.x{{color:red}}</style></head>
<body>
<header><a class="logo" href="/"><img src="/logo.png" alt="خبرنامه البرز"></a>
<nav><a href="/">صفحه اصلی</a> <a href="/health">سلامت</a> <a href="/sport">ورزش</a></nav></header>
<main><article>
<div class="rutitr">با هدف کاهش صف‌های طولانی</div>
<h1>سامانه تازه نوبت‌دهی بیمارستان‌ها راه‌اندازی شد</h1>
<p class="lead">بیماران از این پس می‌توانند نوبت پزشکان متخصص را از راه پیامک بگیرند.</p>
<div class="meta"><span class="date">سه‌شنبه ۶ آبان ۱۴۰۴ - ۰۹:۱۵</span>
<span class="reading">زمان مطالعه: ۲ دقیقه</span></div>
<figure><img src="https://alborz.example/img/queue.jpg" alt="صف بیماران در راهرو">
<figcaption>صف بیماران پیش از راه‌اندازی سامانه / عکس: نادر کیانی</figcaption></figure>
<div class="article-body">
<p>معاون درمان دانشگاه علوم پزشکی استان گفت سامانه تازه از شنبه در هفت بیمارستان دولتی به کار افتاده است.</p>
<p>به گفته او، بیماران پیش از این گاهی ساعت‌ها در صف می‌ماندند و بسیاری از آنان ناچار بودند دوباره مراجعه کنند.</p>
<p><strong>بیشتر بخوانید:</strong> <a href="/news/7700">ساعت کار درمانگاه‌های شبانه‌روزی تغییر کرد</a></p>
<h2>پیامک به جای صف</h2>
<p>در سامانه جدید، بیمار کد ملی خود را می‌فرستد و پیامکی با ساعت دقیق نوبت دریافت می‌کند.</p>
<p>انتهای پیام</p>
</div>
<div class="tags"><span>برچسب‌ها:</span> <a href="/tag/1">بیمارستان</a> <a href="/tag/2">نوبت‌دهی</a></div>
<div class="share"><span>اشتراک‌گذاری</span> <a href="#">تلگرام</a></div>
<section><h3>اخبار مرتبط</h3><ul>
<li><a href="/news/7690">کمبود پرستار در بیمارستان‌های شهرستان جدی است</a></li>
<li><a href="/news/7655">داروخانه‌های شبانه‌روزی استان اعلام شدند</a></li></ul></section>
</article>
<aside><h3>پربازدیدترین‌ها</h3><ol>
<li><a href="/news/7790">بارش باران در ارتفاعات استان ادامه دارد</a></li>
<li><a href="/news/7788">نمایشگاه کتاب کودک در کرج گشایش یافت</a></li></ol></aside>
</main>
<footer><p>© ۱۴۰۲ کلیه حقوق این سایت متعلق به خبرنامه البرز است.</p></footer>
</body></html>"""


def html_page(text: str, url: str | None = None) -> Page:
    return Page(content=text.encode("utf-8"), url=url)


@pytest.fixture(scope="module")
def article() -> Article:
    return extract(html_page(ARTICLE, url="https://alborz.example/news/7781?utm=x"))


def test_metadata_fields(article: Article) -> None:
    assert article.source == "خبرنامه البرز"  # og:site_name with a ZWNJ inside the key
    assert article.url == "https://alborz.example/news/7781"
    assert article.title == "سامانه تازه نوبت‌دهی بیمارستان‌ها راه‌اندازی شد"
    assert article.section == "سلامت"
    assert article.kicker == "با هدف کاهش صف‌های طولانی"
    assert article.authors == ("سارا مهرپور",)  # the Organization author is the outlet
    assert article.published == "2025-10-28T09:15:00+03:30"
    assert article.published_text == "سه‌شنبه ۶ آبان ۱۴۰۴ - ۰۹:۱۵"
    assert article.stated_reading_minutes == 2
    assert article.language == "fa"


def test_lead_from_page_not_description(article: Article) -> None:
    assert article.lead == "بیماران از این پس می‌توانند نوبت پزشکان متخصص را از راه پیامک بگیرند."


def test_image_caption_and_credit(article: Article) -> None:
    assert article.image.url == "https://alborz.example/img/queue.jpg"
    assert article.image.alt == "صف بیماران در راهرو"
    assert article.image.caption == "صف بیماران پیش از راه‌اندازی سامانه"
    assert article.image.credit == "نادر کیانی"


def test_body_is_the_articles_own_paragraphs(article: Article) -> None:
    assert article.body == (
        "معاون درمان دانشگاه علوم پزشکی استان گفت سامانه تازه از شنبه در هفت بیمارستان دولتی به کار افتاده است.",
        "به گفته او، بیماران پیش از این گاهی ساعت‌ها در صف می‌ماندند و بسیاری از آنان ناچار بودند دوباره مراجعه کنند.",
        "پیامک به جای صف",
        "در سامانه جدید، بیمار کد ملی خود را می‌فرستد و پیامکی با ساعت دقیق نوبت دریافت می‌کند.",
    )


def test_boxes_are_data_not_body(article: Article) -> None:
    related = [(r.title, r.url) for r in article.related]
    assert related == [
        ("ساعت کار درمانگاه‌های شبانه‌روزی تغییر کرد", "https://alborz.example/news/7700"),
        ("کمبود پرستار در بیمارستان‌های شهرستان جدی است", "https://alborz.example/news/7690"),
        ("داروخانه‌های شبانه‌روزی استان اعلام شدند", "https://alborz.example/news/7655"),
    ]
    assert [e.title for e in article.explore] == [
        "بارش باران در ارتفاعات استان ادامه دارد", "نمایشگاه کتاب کودک در کرج گشایش یافت",
    ]
    assert article.tags == ("بیمارستان", "نوبت‌دهی")


def test_every_zwnj_is_kept(article: Article) -> None:
    body = "\n".join(article.body)
    assert body.count(Z) == ARTICLE.split('class="article-body">')[1].split("<p>انتهای")[0].count(Z) - 2


def test_trafilatura_fallback_keeps_zwnj() -> None:
    html = "<html><body><article>" + "".join(
        f"<p>پژوهشگران می{Z}گویند همکاری{Z}های تازه در این طرح بزرگ{Z}ترین تغییر ده سال اخیر است و {i}</p>"
        for i in range(6)
    ) + "</article></body></html>"
    paragraphs = trafilatura_paragraphs(html)
    assert paragraphs and all(p.count(Z) == 3 for p in paragraphs)


BR_PAGE = """<html><head><meta charset="utf-8"><title>خبرگزاری نمونه - بازار ماهی جنوب رونق گرفت</title></head>
<body><img src="/logo.png" alt="خبرگزاری نمونه"><div class="news">
<h1>بازار ماهی جنوب رونق گرفت</h1>
<div class="main-news">
به گزارش خبرگزاری نمونه، صید میگو در آب‌های استان از هفته گذشته آغاز شد و قیمت‌ها پایین آمد.<br><br>
فروشندگان بازار ماهی می‌گویند مشتریان امسال بیش از سال گذشته خرید می‌کنند و صف‌ها طولانی است.<br><br>
مدیر شیلات استان گفت: نظارت بر اندازه میگوهای صیدشده تا پایان فصل ادامه خواهد داشت.<br><br>
خبرنگار: مینا شریفی</div></div>
<p>© 1398 خبرگزاری نمونه</p></body></html>"""


def test_br_split_body_and_byline_inside_it() -> None:
    article = extract(html_page(BR_PAGE))
    assert article.title == "بازار ماهی جنوب رونق گرفت"
    assert article.source == "خبرگزاری نمونه"
    assert len(article.body) == 3
    assert article.body[2].startswith("مدیر شیلات استان گفت")
    assert article.authors == ("مینا شریفی",)
    assert article.published is None and article.published_text is None  # the copyright year is no date


FLAT = """خبرنامه کویر
صفحه اصلی
اقتصاد
ورزش

اقتصاد
4 دقیقه خواندن
قیمت خرما در بازار یزد برای دومین هفته کاهش یافت
فروشندگان میگویند برداشت بیشتر امسال و کاهش صادرات، قیمتها را پایین آورده است.
قیمت خرما در بازار یزد برای دومین هفته کاهش یافت
بار خرما در بازار میوه یزد / عکس: حمید نوروزی
۱۰ آبان ۱۴۰۴ - ۱۱:۴۵

قیمت هر کیلوگرم خرمای مضافتی در بازار یزد این هفته حدود ده درصد کمتر از هفته گذشته بود.

مدیر اتحادیه فروشندگان میوه گفت صادرات به کشورهای همسایه هنوز به روال سال گذشته بازنگشته است.

مرتبطخبرنامه کویر - آغاز برداشت انار در باغهای تفت

اکسپلور
بارش نخستین برف در ارتفاعات شیرکوه
افتتاح کتابخانه تازه در محله فهادان

درباره ما
© ۱۳۹۸ خبرنامه کویر. همه حقوق محفوظ است."""


def test_flattened_text_structure() -> None:
    article = extract(Page(content=FLAT.encode("utf-8"), origin="page.txt"))
    assert article.source == "خبرنامه کویر"
    assert article.section == "اقتصاد"
    assert article.stated_reading_minutes == 4
    assert article.title == "قیمت خرما در بازار یزد برای دومین هفته کاهش یافت"
    assert article.lead == "فروشندگان میگویند برداشت بیشتر امسال و کاهش صادرات، قیمتها را پایین آورده است."
    assert article.image.alt == article.title
    assert (article.image.caption, article.image.credit) == ("بار خرما در بازار میوه یزد", "حمید نوروزی")
    assert article.published_text == "۱۰ آبان ۱۴۰۴ - ۱۱:۴۵"
    assert article.published is None  # printed dates are parsed by the enrich stage
    assert len(article.body) == 2 and article.body[1].startswith("مدیر اتحادیه")
    assert [(r.source, r.title) for r in article.related] == [("خبرنامه کویر", "آغاز برداشت انار در باغهای تفت")]
    assert [e.title for e in article.explore] == [
        "بارش نخستین برف در ارتفاعات شیرکوه", "افتتاح کتابخانه تازه در محله فهادان",
    ]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInput),
        (b"   \n\t ", EmptyInput),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, NotTextInput),
        (bytes(range(256)) * 40, NotTextInput),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotTextInput),
    ],
)
def test_bad_input_is_a_clear_error(content: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        extract(Page(content=content))


def test_not_a_news_page_is_sparse_or_extract_error() -> None:
    for html in ("<html><body><nav><a href='/'>خانه</a></nav></body></html>", "<html></html>", "<<<>>>"):
        try:
            article = extract(html_page(html))
        except ExtractError:
            continue
        assert not article.body


HUGE_PARAGRAPHS = "<div><p>" + "متن آزمایشی بسیار طولانی برای آزمودن مرز اندازه صفحه " * 40 + "</p></div>\n"


@pytest.mark.parametrize(
    "content",
    [
        ("<html><body><h1>عنوانی برای صفحه بسیار بزرگ آزمایشی</h1>" + HUGE_PARAGRAPHS * 6000).encode("utf-8"),
        ("<html><body>" + "<a href='/x'>پیوند خبر آزمایشی</a>" * 400_000).encode("utf-8"),
        ("<html><body>" + "<div><span>م</span>" * 1_000_000).encode("utf-8"),
    ],
    ids=["20MB-of-paragraphs", "400k-links", "1M-nested-divs"],
)
def test_huge_page_is_bounded(content: bytes) -> None:
    assert len(content) > 10 * 1024 * 1024
    started = time.perf_counter()
    try:
        article = extract(Page(content=content))
        assert article.title or article.body  # a sparse Article, never a crash
    except KhabarError:
        pass
    assert time.perf_counter() - started < 30


def cp1256(text: str) -> bytes:
    """windows-1256 has only the Arabic yeh and kaf, as old Persian pages show."""
    return text.replace("ی", "ي").replace("ک", "ك").encode("cp1256")


ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})


@pytest.mark.parametrize(
    ("content", "headers", "expected"),
    [
        (cp1256("پژوهشگران امروز گزارش دادند که همه چیز درست است و می‌کند"), (), "مي‌كند"),
        (cp1256('<meta charset="windows-1256"><p>کتاب‌ها</p>'), (), "كتاب‌ها"),
        (cp1256('<meta charset="utf-8"><p>گزارش پاییز چاپ شد</p>'), (), "گزارش پاييز"),  # mislabelled
        ("<p>گزارش پاییز</p>".encode(), (("Content-Type", "text/html; charset=windows-1256"),), "گزارش پاییز"),
        ("\ufeff<p>خبر</p>".encode(), (), "خبر"),
        ("<p>خبر</p>".encode("utf-16"), (), "خبر"),
    ],
)
def test_decoding(content: bytes, headers: tuple[tuple[str, str], ...], expected: str) -> None:
    assert expected in decode_page(Page(content=content, headers=headers))


def test_windows_1256_page_end_to_end() -> None:
    page = cp1256(BR_PAGE.replace('charset="utf-8"', 'charset="windows-1256"'))
    article = extract(Page(content=page))
    assert article.title == "بازار ماهی جنوب رونق گرفت".translate(ARABIC_FORMS)
    assert "صيد ميگو" in article.body[0]


def test_hostile_markup_never_executes_or_resolves() -> None:
    html = """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<html><body><h1>عنوان خبر آزمایشی امنیت</h1><p>&x; متن خبر با موجودیتی که نباید باز شود و باید نادیده بماند.</p>
<script>alert(1)</script></body></html>"""
    article = extract(html_page(html))
    assert "root:" not in " ".join(article.body)
    assert "alert" not in " ".join(article.body)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("3 دقیقه خواندن", 3),
        ("زمان مطالعه: ۷ دقیقه", 7),
        ("زمان مطالعه: پنج دقیقه", 5),
        (f"مدت{Z}زمان مطالعه: ۱۲ دقیقه", 12),
        ("خواندن در ٢ دقیقه", 2),
        ("4 min read", 4),
        ("۱۰ دقیقه پیش", None),
        ("نه دقیقه", None),
    ],
)
def test_stated_reading_time(text: str, minutes: int | None) -> None:
    from khabar.extract.filters import reading_minutes

    assert reading_minutes(text) == minutes


def test_logo_h1_and_paragraphs_split_by_double_break() -> None:
    html = """<html><head><meta property="og:title" content="شهرداری ساعت کار کتابخانه‌ها را افزایش داد"></head>
<body><header><h1><a href="/">روزنامه آینه</a></h1></header>
<div class="news"><h2 class="news-title">شهرداری ساعت کار کتابخانه‌ها را افزایش داد</h2>
<p>کتابخانه‌های عمومی شهر از هفته آینده تا ساعت ده شب باز خواهند بود و دانش‌آموزان استقبال کرده‌اند.<br><br>
مدیر فرهنگی شهرداری گفت این طرح در صورت استقبال در تابستان هم ادامه پیدا می‌کند و گسترش می‌یابد.</p>
</div></body></html>"""
    article = extract(html_page(html))
    assert article.title == "شهرداری ساعت کار کتابخانه‌ها را افزایش داد"
    assert len(article.body) == 2 and article.body[1].startswith("مدیر فرهنگی")


UNFAMILIAR = """<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8">
<title>خبرگزاری کوهسار | نرخ سود تسهیلات مسکن برای زوج‌های جوان کاهش یافت</title>
<meta property="og:image" content="https://kohsar.example/pics/loan.jpg"></head>
<body><div class="top"><img src="/l.png" alt="خبرگزاری کوهسار"><div class="mnu"><a href="/">خانه</a>
<a href="/eco">اقتصاد</a> <a href="/soc">جامعه</a></div></div>
<div class="khabar-box">
<div class="nav-path"><a href="/">خانه</a> » <a href="/eco">اقتصاد</a> » <a href="/eco/bank">بانک و بیمه</a></div>
<div class="n-info"><span>شناسه خبر: ۵۵۴۴۱</span> <span>تاریخ: ۳ آذر ۱۴۰۴ ساعت ۱۲:۳۰</span></div>
<h1 class="n-title">نرخ سود تسهیلات مسکن برای زوج‌های جوان کاهش یافت</h1>
<div class="n-sub">بانک مرکزی اعلام کرد نرخ سود وام خرید مسکن زوج‌های جوان از ماه آینده دو درصد کمتر می‌شود.</div>
<div class="n-pic"><img src="https://kohsar.example/pics/loan.jpg" alt="شعبه بانک">
<span class="n-pic-desc">صف متقاضیان وام در یک شعبه بانک - عکس: پرویز نادری</span></div>
<div class="n-text">
<p>بانک مرکزی روز دوشنبه در اطلاعیه‌ای اعلام کرد نرخ سود تسهیلات خرید مسکن زوج‌های جوان از ۱۸ به ۱۶ درصد می‌رسد.</p>
<p>بر اساس این اطلاعیه، سقف این وام‌ها هم در شهرهای بزرگ ۲۰ درصد افزایش پیدا می‌کند و بانک‌ها موظف به پرداخت هستند.</p>
<p>نظرات (۴)</p>
<p>گزارش: لیلا سعیدی</p>
</div>
<div class="n-keys"><b>کلیدواژه‌ها:</b> <a href="/k/1">وام مسکن</a> <a href="/k/2">بانک مرکزی</a></div>
<div class="n-more"><h4>خبرهای مرتبط</h4>
<ul><li><a href="/n/5501">سقف وام ودیعه مسکن در پایتخت افزایش یافت</a></li></ul></div>
</div>
<div class="foot">© ۱۴۰۱ کلیه حقوق برای خبرگزاری کوهسار محفوظ است</div></body></html>"""


def test_unfamiliar_class_names_still_yield_the_fields() -> None:
    article = extract(html_page(UNFAMILIAR))
    assert article.source == "خبرگزاری کوهسار"
    assert article.title == "نرخ سود تسهیلات مسکن برای زوج‌های جوان کاهش یافت"
    assert article.section == "بانک و بیمه"
    assert article.lead == "بانک مرکزی اعلام کرد نرخ سود وام خرید مسکن زوج‌های جوان از ماه آینده دو درصد کمتر می‌شود."
    assert article.published_text == "۳ آذر ۱۴۰۴ ساعت ۱۲:۳۰"
    assert (article.image.caption, article.image.credit) == ("صف متقاضیان وام در یک شعبه بانک", "پرویز نادری")
    assert article.authors == ("لیلا سعیدی",)
    assert len(article.body) == 2
    assert article.tags == ("وام مسکن", "بانک مرکزی")
    assert [r.title for r in article.related] == ["سقف وام ودیعه مسکن در پایتخت افزایش یافت"]


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("سه‌شنبه ۶ آبان ۱۴۰۴", True),
        ("سه شنبه 27 اردیبهشت 1390", True),
        ("شنبه ۵ ربیع الثانی ۱۴۴۷", True),
        ("۱۳ آبان ۱۴۰۴ - ۱۰:۳۰", True),
        ("28 اکتبر 2025", True),
        ("۱۴۰۴/۰۸/۱۳", True),
        ("چهارشنبه ٢٨ عقرب ١٤٠٤", True),
        ("۲ ساعت پیش", True),
        ("© ۱۴۰۲ کلیه حقوق محفوظ است", False),
        ("۱۰ دقیقه خواندن", False),
        ("امروز هوا سرد است", False),
        ("کد خبر: ۴۵۲۱۸۷", False),
    ],
)
def test_date_lines(line: str, is_date: bool) -> None:
    from khabar.extract.filters import is_date_line

    assert is_date_line(line) is is_date


def test_site_profile_overrides_generic_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.data.labels import SiteProfile
    from khabar.extract import profiles

    profile = SiteProfile(domain="alborz.example", lead="div.article-body p:first-child", drop="h2")
    monkeypatch.setattr(profiles, "SITE_PROFILES", (profile,))
    monkeypatch.setattr(profiles.profile_for, "__defaults__", ((profile,),))
    article = extract(html_page(ARTICLE, url="https://www.alborz.example/news/7781"))
    assert article.lead is not None and article.lead.startswith("معاون درمان")
    assert "پیامک به جای صف" not in article.body
    assert profiles.profile_for("https://other.example/x", (profile,)) is None
    assert profiles.select(parse_html("<p>x</p>"), "p[") == []  # a broken selector selects nothing


def test_pull_quote_repeating_the_body_is_not_body_but_a_real_quote_is() -> None:
    html = """<html><body><article><h1>کتابخانه‌های محله‌ای نباید تعطیل شوند</h1><div class="text">
<p>کتابخانه کوچک محله برای بسیاری از نوجوانان تنها جای آرامی است که می‌توانند در آن درس بخوانند و کتاب امانت بگیرند.</p>
<blockquote>کتابخانه کوچک محله تنها جای آرامی است که نوجوانان می‌توانند در آن درس بخوانند</blockquote>
<blockquote>مدیر کتابخانه گفت: «هر روز صدها نفر از این سالن استفاده می‌کنند و جا برای همه نداریم.»</blockquote>
<p>شهرداری هنوز درباره آینده این ساختمان قدیمی تصمیمی نگرفته و جلسه بعدی شورا ماه آینده برگزار می‌شود.</p>
</div></article></body></html>"""
    body = extract(html_page(html)).body
    assert len(body) == 3
    assert body[1].startswith("مدیر کتابخانه گفت")
