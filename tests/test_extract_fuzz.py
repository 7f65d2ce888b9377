"""Hypothesis: random HTML, random bytes and random flattened text never crash the extractor.

Every outcome is an Article or one of khabar's own errors (KhabarError); any foreign exception fails.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.errors import KhabarError
from khabar.extract import extract
from khabar.records import Article, Page

TAGS = ["p", "div", "span", "a", "h1", "h2", "br", "figure", "figcaption", "img", "script", "style", "table",
        "td", "tr", "ul", "li", "article", "main", "nav", "footer", "time", "meta", "title", "html", "body"]
ATTRS = ['class="lead"', 'class="related"', 'itemprop="articleBody"', 'class="tags"', 'href="/x"',
         'property="og:title" content="تیتر"', 'datetime="2025-13-45T99:99"', 'class="date"', 'alt="عکس"',
         'type="application/ld+json"', 'charset="windows-1256"', 'class="breadcrumb"', 'rel="canonical"']
WORDS = ["خبر", "می\u200cگوید", "برچسب\u200cها", "مطالب مرتبط", "اکسپلور", "کد خبر: ۱۲۳", "© ۱۴۰۲",
         "۱۳ آبان ۱۴۰۴", "عکس:", "/", "{", '{"@type": "NewsArticle", "headline": ', "]", "&zwnj;", "&#0;",
         "<!--", "-->", "<![CDATA[", "\u200c", "\x00", "ي", "3 دقیقه خواندن", "\n", "مرتبطخبرنامه - تیتر"]

tag = st.sampled_from(TAGS)
fragment = st.one_of(
    st.builds(lambda t, a: f"<{t} {a}>", tag, st.sampled_from(ATTRS)),
    st.builds(lambda t: f"</{t}>", tag),
    st.sampled_from(WORDS),
    st.text(max_size=30),
)
html = st.lists(fragment, max_size=80).map("".join)


def check(content: bytes, origin: str | None = None) -> None:
    try:
        result = extract(Page(content=content, origin=origin))
    except KhabarError:
        return
    assert isinstance(result, Article)
    assert all(isinstance(p, str) and p for p in result.body)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html)
def test_random_html_never_crashes(markup: str) -> None:
    check(("<html><body>" + markup).encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=40)), max_size=60).map("\n".join))
def test_random_flattened_text_never_crashes(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"), origin="page.txt")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    check(data)
