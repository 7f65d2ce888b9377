"""Furniture recognised by its wording, as families rather than strings (issue 3, round 2).

Held-out outlets word the same furniture differently: reading time («⏱ ۷ دقیقه»,
«زمان تقریبی مطالعه»), share prompts as sentences with messenger names, byline rows
that glue name, date and view count, credit prefixes («© …», «Photo: …»), Dari date
labels («نشر شده:»). Each table row is a phrasing a user would see on a real page.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.data.labels import DATE_PREFIXES
from khabar.extract import extract
from khabar.extract.filters import (
    author_names,
    date_span,
    is_byline,
    is_chrome_text,
    is_date_line,
    is_share_row,
    reading_minutes,
    split_caption,
)
from khabar.extract.util import strip_prefix
from khabar.records import Page

Z = "\u200c"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        (f"مدت{Z}زمان مطالعه: ۷ دقیقه", 7),
        ("مدت زمان مطالعه: ۷ دقیقه", 7),
        ("زمان تقریبی مطالعه: ۹ دقیقه", 9),
        ("۷ دقیقه مطالعه", 7),
        ("خواندن در ۷ دقیقه", 7),
        ("مطالعه: ۷ دقیقه", 7),
        ("⏱ ۷ دقیقه", 7),
        ("⏱️ 4 دقیقه", 4),
        ("⏱ سه دقیقه", 3),
        ("زمان مطالعه: هفت دقیقه", 7),
        ("بیست و پنج دقیقه مطالعه", 25),
        ("٧ دقیقه خواندن", 7),
        ("۳ دقیقه برای خواندن", 3),
        ("زمان لازم برای مطالعه این مطلب: ۶ دقیقه", 6),
        ("۱۲ آبان ۱۴۰۴ ⏱ ۷ دقیقه", 7),
        (f"مطالعه ۸ دقیقه{Z}ای", 8),
        (f"۵ دقیقه{Z}ای برای مطالعه", 5),
        ("۷ دقیقه", None),  # a bare duration is not a stated reading time
        ("جلسه هفت دقیقه پس از آغاز متوقف شد", None),
    ],
)
def test_reading_time_phrasings(text: str, minutes: int | None) -> None:
    assert reading_minutes(text) == minutes


TEMPLATES = ("زمان مطالعه: {n} دقیقه", "مدت زمان مطالعه: {n} دقیقه", "{n} دقیقه مطالعه", "خواندن در {n} دقیقه",
             "⏱ {n} دقیقه", "زمان تقریبی مطالعه {n} دقیقه", "{n} دقیقه خواندن")


@given(st.integers(1, 99), st.sampled_from(TEMPLATES), st.sampled_from(("latin", "persian", "arabic")))
def test_reading_time_in_any_template_and_digit_script(n: int, template: str, script: str) -> None:
    number = str(n)
    number = number.translate(PERSIAN_DIGITS) if script == "persian" else number
    number = number.translate(ARABIC_DIGITS) if script == "arabic" else number
    assert reading_minutes(template.format(n=number)) == n


@pytest.mark.parametrize(
    "text",
    [
        "این مطلب را به اشتراک بگذارید: تلگرام واتساپ ایتا",
        "اشتراک در: تلگرام، توییتر",
        "بله، روبیکا، سروش، ایتا، توییتر/ایکس، لینکدین",
        "تلگرام | واتساپ | ایتا",
        "این خبر را با دوستان خود به اشتراک بگذارید",
        "اشتراک‌گذاری این مطلب: Telegram WhatsApp X Facebook",
        "این گزارش را به اشتراک بگذارید: Telegram · WhatsApp · Eitaa",
        "سروش",
        "X",
    ],
)
def test_share_rows_are_chrome_by_wording(text: str) -> None:
    assert is_share_row(text) and is_chrome_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "بله، دولت این طرح را در تلگرام و واتساپ اعلام کرد.",
        "کاربران ایرانی بیشتر از تلگرام، واتساپ و ایتا برای گفت‌وگو با خانواده استفاده می‌کنند.",
        "اشتراک در هزینه‌های درمان موضوع اصلی نشست امروز مجلس بود و نمایندگان درباره آن رأی دادند.",
    ],
)
def test_sentences_naming_messengers_stay_body(text: str) -> None:
    assert not is_share_row(text) and not is_chrome_text(text)


MESSENGERS = ("تلگرام", "واتساپ", "ایتا", "بله", "روبیکا", "سروش", "لینکدین", "توییتر", "Telegram", "WhatsApp")


@given(st.lists(st.sampled_from(MESSENGERS), min_size=2, max_size=7, unique=True),
       st.sampled_from(("، ", " | ", " ", " · ")))
def test_any_row_of_messenger_names_is_a_share_row(names: list[str], separator: str) -> None:
    assert is_share_row(separator.join(names))


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("مهدی کاظمی ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸", ("مهدی کاظمی",)),
        ("نویسنده: پرویز مرادی | ۱۲ آبان ۱۴۰۴", ("پرویز مرادی",)),
        ("نوشته سارا احمدی و علی رضایی", ("سارا احمدی", "علی رضایی")),
        ("گزارش از مهسا کرمی", ("مهسا کرمی",)),
        ("به قلم نادر قاسمی، لیلا جعفری", ("نادر قاسمی", "لیلا جعفری")),
        ("سمیرا تهرانی، یکشنبه ۱۲ آبان", ("سمیرا تهرانی",)),
        ("نوشته لادن صارمی و کیوان آذرنوش مدت زمان مطالعه: نه دقیقه", ("لادن صارمی", "کیوان آذرنوش")),
        ("گزارش: سارا احمدی، خبرنگار اعزامی", ("سارا احمدی",)),
    ],
)
def test_byline_rows_split_into_names(row: str, names: tuple[str, ...]) -> None:
    assert author_names(row) == names


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("نوشته سارا احمدی و علی رضایی", True),
        ("گزارش از مهسا کرمی", True),
        (f"نوشته{Z}های این شاعر در سه جلد منتشر شد.", False),
        ("گزارش از وضعیت سدها نشان می‌دهد ذخیره آب کم شده است.", False),
    ],
)
def test_bylines_opened_without_a_colon(line: str, byline: bool) -> None:
    assert is_byline(line) is byline


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("© رویترز", None, "رویترز"),
        ("منظره دریاچه © رویترز", "منظره دریاچه", "رویترز"),
        ("عکس از علی رضایی", None, "علی رضایی"),
        ("عکاس: مریم نادری", None, "مریم نادری"),
        ("منبع عکس: ایسنا", None, "ایسنا"),
        ("Photo: AFP", None, "AFP"),
        ("منظره دریاچه (عکس: سارا کریمی)", "منظره دریاچه", "سارا کریمی"),
        ("کودکان در حیاط مدرسه؛ عکس از حمید تقوی", "کودکان در حیاط مدرسه", "حمید تقوی"),
        ("بارگیری چوب در فیض‌آباد - عکاس: فرید احمدی", "بارگیری چوب در فیض‌آباد", "فرید احمدی"),
    ],
)
def test_credit_prefixes_give_the_bare_name(text: str, caption: str | None, credit: str) -> None:
    assert split_caption(text) == (caption, credit)


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("نشر شده: ۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰", "۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰"),
        ("تاریخ نشر: ۲۴ قوس ۱۴۰۴", "۲۴ قوس ۱۴۰۴"),
        ("تاریخ نشر ۳ جدی ۱۴۰۴، ساعت ۱۴:۰۵", "۳ جدی ۱۴۰۴، ساعت ۱۴:۰۵"),
        ("منتشر شده: ۱۱ عقرب ۱۴۰۴", "۱۱ عقرب ۱۴۰۴"),
    ],
)
def test_dari_date_labels(line: str, printed: str) -> None:
    value = strip_prefix(line, DATE_PREFIXES)
    assert value == printed and is_date_line(value)


def test_date_inside_a_byline_row() -> None:
    assert date_span("نازنین کریمی ۱۱ آذر ۱۴۰۴ بازدید: ۱۲۴۸") == "۱۱ آذر ۱۴۰۴"
    assert date_span("مهدی کاظمی ۱۸ آذر ۱۴۰۴ ساعت ۰۹:۴۵ بازدید: ۱۲۴۸") == "۱۸ آذر ۱۴۰۴ ساعت ۰۹:۴۵"
    assert date_span("بازدید: ۱۲۴۸") is None


def test_unmarked_page_yields_fields_from_wording_alone() -> None:
    html = f"""<html><head><title>نشریه تازه | باران پاییزی سد شهر را پر کرد</title></head><body>
<div class="a1"><a href="/">نشریه تازه</a><div class="b2"><a href="/s/1">سیاست</a><a href="/s/2">اقتصاد</a>
<a href="/s/3">محیط زیست</a><a href="/s/4">ورزش</a></div></div>
<main class="c3"><div class="d4"><a class="e5" href="/s/3">محیط زیست</a>
<h1 class="f6">باران پاییزی سد شهر را پر کرد</h1>
<div class="g7"><a href="/author/roya">رویا سلامی</a> ۱۱ آذر ۱۴۰۴ <span>بازدید: ۹۱۰</span> <span>⏱ ۳
دقیقه</span></div>
<div class="h8"><img src="/i/dam.jpg" alt="سد"><span>دریاچه پشت سد پس از بارش‌ها © نشریه تازه</span></div>
<div class="i9">
<p>بارش{Z}های پیاپی هفته گذشته حجم آب پشت سد شهر را به ۸۰ درصد ظرفیت رساند؛
رقمی که در پنج سال گذشته بی{Z}سابقه بوده است.</p>
<p>مدیر شرکت آب منطقه{Z}ای گفت با این بارش{Z}ها نگرانی از کم{Z}آبی تابستان آینده تا اندازه زیادی برطرف شده است.</p>
<div class="j0"><img src="/i/river.jpg" alt="رود"><span>رودخانه فصلی پس از بارش دوباره جاری شد</span></div>
<p>کارشناسان اما می{Z}گویند مصرف آب کشاورزی باید همچنان کنترل شود تا ذخیره سد تا پایان تابستان دوام بیاورد.</p>
<div class="k1">این مطلب را به اشتراک بگذارید: تلگرام واتساپ ایتا</div>
</div></div></main></body></html>"""
    article = extract(Page(content=html.encode(), url="https://tazeh.example/p/1"))
    assert article.section == "محیط زیست"
    assert article.authors == ("رویا سلامی",)
    assert article.published_text == "۱۱ آذر ۱۴۰۴"
    assert article.stated_reading_minutes == 3
    assert (article.image.caption, article.image.credit) == ("دریاچه پشت سد پس از بارش‌ها", "نشریه تازه")
    assert len(article.body) == 3
    assert not any("تلگرام" in p or "رودخانه فصلی" in p for p in article.body)


@pytest.mark.parametrize(
    "text",
    [
        "اشتراک‌گذاری اطلاعات بیماران میان بیمارستان‌های استان از ماه آینده با رضایت خود آنان انجام می‌شود.",
        "اشتراک در هزینه سفر دانش‌آموزان را انجمن اولیا پذیرفت.",
    ],
)
def test_sentences_opening_with_share_words_stay_body(text: str) -> None:
    assert not is_chrome_text(text)


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("تاریخ نشر ۳ جدی ۱۴۰۴، ساعت ۱۴:۰۵", "۳ جدی ۱۴۰۴، ساعت ۱۴:۰۵"),
        ("نشر شده: ۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰", "۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰"),
        ("منتشر شده در ۱۲ آبان ۱۴۰۴", "۱۲ آبان ۱۴۰۴"),
    ],
)
def test_flattened_text_date_lines_with_or_without_a_colon(line: str, printed: str) -> None:
    from khabar.extract.lines import date_in

    assert date_in(line) == printed


FEATURE = f"""<html><head><meta property="og:title" content="سفر به روستای پلکانی"><meta
property="og:site_name" content="ماهنامه سفر"></head><body>
<header><nav><a href="/">خانه</a><a href="/travel">سفر</a><a href="/food">خوراک</a><a
href="/art">هنر</a></nav></header>
<article><h1>سفر به روستای پلکانی</h1><p class="lead">روستایی که بام هر خانه حیاط خانه بالایی است، در زمستان
چهره دیگری دارد.</p>
<div class="entry-content">
<section class="part"><p><span class="dropcap">س</span>اعت شش صبح است و مه هنوز از دره بالا نیامده. از
پله{Z}های سنگی که بالا می{Z}رویم، بوی نان تازه از تنورها به مشام می{Z}رسد.</p>
<p>اینجا خانه{Z}ها روی دامنه کوه ساخته شده{Z}اند و بام هر خانه حیاط خانه بالایی است. مردم می{Z}گویند این شیوه
ساخت از صدها سال پیش مانده است.</p></section>
<div class="ad-slot"><a href="/ads">تبلیغ</a></div>
<section class="part"><h3>نان و تنور</h3>
<p>زنان روستا هر هفته دو بار با هم نان می{Z}پزند. تنور مشترک در میانه روستاست و هر خانواده نوبت خود را دارد.</p>
<blockquote>«مادربزرگم می{Z}گفت نانی که با هم پخته شود، برکت دارد.»</blockquote>
<p class="quote">نانی که با هم پخته شود، برکت دارد.</p>
<figure><img src="/i/oven.jpg" alt="تنور"><figcaption>تنور مشترک روستا در یک صبح زمستانی</figcaption></figure>
<p>پس از پخت، نان{Z}ها میان خانواده{Z}ها تقسیم می{Z}شود و سهمی هم برای مسافران کنار گذاشته می{Z}شود.</p>
<ul><li>بهترین زمان سفر: اواخر بهار</li><li>فاصله از مرکز استان: ۹۰ کیلومتر</li></ul>
</section>
<section class="part"><h3>زمستان در پله{Z}ها</h3>
<p>در زمستان برف پله{Z}ها را می{Z}پوشاند و رفت{Z}وآمد سخت می{Z}شود.</p>
<p>با این همه، به گفته دهیار، شمار گردشگران زمستانی هر سال بیشتر می{Z}شود.</p></section>
</div></article></body></html>"""


def test_magazine_feature_body() -> None:
    """Sections with h3 subheads, a drop cap, an advert between parts, a real quote kept, a quote-classed
    paragraph that repeats it dropped, a figure inside the body left out."""
    body = extract(Page(content=FEATURE.encode(), url="https://safar.example/a/1")).body
    assert body[0].startswith("ساعت شش صبح")
    assert "نان و تنور" in body and f"زمستان در پله{Z}ها" in body
    assert "«مادربزرگم می\u200cگفت نانی که با هم پخته شود، برکت دارد.»" in body
    assert "نانی که با هم پخته شود، برکت دارد." not in body
    assert not any("تنور مشترک روستا در یک صبح" in p or "تبلیغ" in p for p in body)
    assert body[-1].startswith("با این همه، به گفته دهیار")


DARI_TEXT = """آریانا پرس
خانه | ملی | ولایات | اقتصاد | ورزش
ولایات
کار ساخت سرک حلقوی مزار شریف از سر گرفته شد
کار ساخت بخش باقی‌مانده سرک حلقوی شهر مزار شریف پس از دو سال توقف دوباره آغاز شده است.
حمیدالله نوری ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸
⏱ ۳ دقیقه
کارگران در حال ساخت سرک حلقوی (عکس: آریانا پرس)

ریاست فواید عامه ولایت بلخ می‌گوید ساخت ۱۲ کیلومتر باقی‌مانده این سرک تا پایان سال آینده به پایان می‌رسد.

به گفته مسئولان، بیش از ۳۰۰ کارگر محلی در این پروژه کار می‌کنند و هزینه آن از بودجه ملی پرداخت می‌شود.

باشندگان شهر امیدوارند با تکمیل این سرک، ازدحام ترافیک در مرکز شهر کاهش یابد.

این مطلب را به اشتراک بگذارید: فیسبوک، تلگرام، واتساپ

خبرهای مرتبط
پل تازه روی دریای آمو به بهره‌برداری رسید
© ۱۴۰۴ آریانا پرس
"""


def test_flattened_dari_page_with_an_unlabelled_byline_row() -> None:
    """«name date بازدید: n» under the lead, a clock-sign reading time and a «(عکس: …)» caption:
    the header is still read as meta, not body."""
    page = Page(content=DARI_TEXT.encode(), origin="dari.txt", headers=(("content-type", "text/plain; charset=utf-8"),))
    article = extract(page)
    assert article.authors == ("حمیدالله نوری",)
    assert article.published_text == "۱۱ عقرب ۱۴۰۴"
    assert article.stated_reading_minutes == 3
    assert (article.image.caption, article.image.credit) == ("کارگران در حال ساخت سرک حلقوی", "آریانا پرس")
    assert len(article.body) == 3 and not any("بازدید" in p or "فیسبوک" in p for p in article.body)


def test_every_author_link_of_a_row_is_an_author() -> None:
    html = """<html><head><title>گزارش</title></head><body><main><h1>بازار کتاب دست دوم در شب یلدا شلوغ شد</h1>
<div class="z1"><a href="/author/a">سحر نیکو</a> و <a href="/author/b">امید تابان</a> ۳۰ آذر ۱۴۰۴</div>
<div class="z2"><p>کتاب‌فروشی‌های دست دوم خیابان انقلاب در شب یلدا تا نیمه‌شب باز ماندند و فروش دیوان حافظ دو برابر شد.</p>
<p>فروشندگان می‌گویند خریداران امسال بیشتر جوان بودند و سراغ چاپ‌های قدیمی را می‌گرفتند.</p></div></main></body></html>"""
    article = extract(Page(content=html.encode(), url="https://ketab.example/n/1"))
    assert article.authors == ("سحر نیکو", "امید تابان")
    assert article.published_text == "۳۰ آذر ۱۴۰۴"


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("حمیدالله نوری ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸", ("حمیدالله نوری",)),
        ("سحر نیکو و امید تابان ۳۰ آذر ۱۴۰۴", ("سحر نیکو", "امید تابان")),
        ("سرویس: قضایی تاریخ انتشار: سه شنبه ۲۷ اردیبهشت ۱۳۹۰", None),
        ("بارش برف در ۱۲ آبان ۱۴۰۴ راه را بست و ۳۰ خودرو در گردنه ماندند", None),
    ],
)
def test_unlabelled_byline_rows(row: str, names: tuple[str, ...] | None) -> None:
    from khabar.extract.filters import byline_row

    found = byline_row(row)
    assert (found[0] if found else None) == names


def test_json_ld_author_naming_two_people_gives_two_authors() -> None:
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
"headline": "موزه شهر شب‌ها باز می‌ماند", "author": {"@type": "Person", "name": "مینا راد و بهرام کیا"}}</script>
</head><body><article><h1>موزه شهر شب‌ها باز می‌ماند</h1><div class="body">
<p>موزه تاریخ شهر از هفته آینده در روزهای پنج‌شنبه تا ساعت ده شب به روی بازدیدکنندگان باز است.</p>
<p>مدیر موزه گفت این طرح برای کسانی است که در ساعت اداری فرصت بازدید ندارند.</p></div></article></body></html>"""
    assert extract(Page(content=html.encode(), url="https://muze.example/1")).authors == ("مینا راد", "بهرام کیا")


def test_dari_date_line_with_a_zone_phrase_in_an_unmarked_element() -> None:
    html = """<html><body><main><h1>بازگشایی راه سالنگ پس از برف‌روبی</h1>
<div class="x1">نشر شده: ۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰ به وقت کابل</div><div class="x2">
<p>راه سالنگ پس از دو روز بسته بودن به دلیل برف‌باری سنگین، صبح امروز به روی موترها باز شد.</p>
<p>وزارت فواید عامه از رانندگان خواسته است با احتیاط حرکت کنند و زنجیر چرخ همراه داشته باشند.</p>
</div></main></body></html>"""
    article = extract(Page(content=html.encode(), url="https://salang.example/1"))
    assert article.published_text == "۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰ به وقت کابل"
    assert len(article.body) == 2
