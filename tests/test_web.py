"""The reader in process: every page and API route, feeds, errors, caching and hostile content."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest
from starlette.testclient import TestClient

from khabar.config import Settings
from khabar.web import create_app
from test_web_archive import FOOTBALL, HOSTILE, SOLAR, SOLAR_ELSEWHERE, ZWNJ, build_archive

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_archive(tmp_path_factory.mktemp("web") / "archive.db")


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(Settings(db=db)))


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    return response.text


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


# ---------------------------------------------------------------- pages

HTML_ROUTES = [
    "/",
    f"/article/{SOLAR.id}",
    "/search",
    "/search?q=" + quote("نیروگاه"),
    "/section/" + quote("اقتصاد"),
    "/source/" + quote("روزنامه کرانه"),
    "/archive",
    "/archive/1404/8",
    "/archive/1404/8/13",
]


@pytest.mark.parametrize("url", HTML_ROUTES)
def test_every_page_is_persian_rtl_with_the_bundled_stylesheet(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="fa" dir="rtl">' in html
    assert '<link rel="stylesheet" href="/static/khabar.css">' in html
    assert "<script" not in html.lower()
    external = [link for link in re.findall(r'(?:src|href)="(https?://[^"]*)"', html)
                if "/article/" not in link]
    # the only absolute links are originals the reader may choose to follow; nothing loads from them
    assert not re.search(r'<(?:link|img|script|iframe)[^>]+(?:src|href)="https?://', html), external


EZAFE_MARKS = ("\u0647\u0654", "\u06c0", "\u0647\u200c\u06cc ")  # هٔ, ۀ and ه‌ی written as an ezafe


@pytest.mark.parametrize(
    "url",
    [*HTML_ROUTES, "/search?facets=1&q=" + quote("نیروگاه"), "/no/such/page", "/search?page=x",
     "/feeds/section/" + quote("اقتصاد") + ".atom"],
)
def test_no_page_writes_an_ezafe_mark(client: TestClient, url: str) -> None:
    """DESIGN.md: the project writes no ezafe mark («صفحه نخست», not «صفحهٔ نخست»)."""
    text = client.get(url).text
    assert not [mark for mark in EZAFE_MARKS if mark in text], url


def test_no_interface_string_has_an_ezafe_mark() -> None:
    web = Path(__file__).resolve().parent.parent / "src" / "khabar" / "web"
    sources = [*web.glob("templates/*.html"), *web.glob("*.py"), web / "static" / "khabar.css"]
    assert len(sources) > 10
    for source in sources:
        text = source.read_text("utf-8")
        assert not [mark for mark in EZAFE_MARKS if mark in text], source.name


def test_home_lists_latest_by_section_and_by_source(client: TestClient) -> None:
    html = page(client, "/")
    assert SOLAR.title and SOLAR.title in html
    assert FOOTBALL.title and FOOTBALL.title in html
    assert "/section/" + quote("ورزشی", safe="") in html
    assert "/source/" + quote("خبرگزاری نمونه", safe="") in html
    assert "۴ خبر در بایگانی" in html


def test_article_page_is_laid_out_like_a_news_page(client: TestClient) -> None:
    html = page(client, f"/article/{SOLAR.id}")
    for text in (SOLAR.title, SOLAR.lead, SOLAR.kicker, "اقتصاد", "مریم افشار", *SOLAR.body):
        assert text and text in html, text
    assert "۳ دقیقه مطالعه" in html
    assert "سه" + ZWNJ + "شنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰" in html  # Jalali with the time
    assert "۴ نوامبر ۲۰۲۵" in html  # and Gregorian
    assert '<time datetime="2025-11-04T10:30:00+03:30">' in html
    assert "<figcaption>" in html and "عکس: روابط عمومی آب منطقه" + ZWNJ + "ای" in html
    assert 'href="https://nemune.example/news/1001"' in html  # the original
    assert "همین خبر در جاهای دیگر" in html and SOLAR_ELSEWHERE.title in html
    assert "مطالب مرتبط" in html and 'href="https://nemune.example/news/990"' in html
    assert html.count("<p>") >= len(SOLAR.body)


def test_article_without_duplicates_has_no_elsewhere_box(client: TestClient) -> None:
    html = page(client, f"/article/{FOOTBALL.id}")
    assert "همین خبر در جاهای دیگر" not in html
    assert "۲۰ اکتبر ۲۰۲۵" in html and "۲۸ مهر ۱۴۰۴" in html


def test_search_page_highlights_matches_and_offers_facets(client: TestClient) -> None:
    html = page(client, "/search?q=" + quote("نیروگاه خورشیدی"))
    assert "<mark>" in html
    assert "۲ نتیجه" in html
    assert SOLAR.title and SOLAR.title in html
    assert 'id="since"' in html and 'for="since"' in html  # labelled date range
    assert "section=" + quote("اقتصاد") not in html  # facets are counted only when asked: they cost the most
    asked = [h.replace("&amp;", "&") for h in hrefs(html) if "facets=1" in h]
    assert asked
    faceted = page(client, asked[0])
    assert 'href="/search?q=' in faceted and "section=" + quote("اقتصاد") in faceted  # a facet link


def test_month_facet_reads_in_the_jalali_calendar(client: TestClient) -> None:
    html = page(client, "/search?facets=1&q=" + quote("نیروگاه خورشیدی"))
    facets = html[html.index('class="facets"'):]
    month = re.search(r'<a href="([^"]*since=1404%2F08%2F01[^"]*)">([^<]*)</a>', facets)
    assert month, facets[:800]
    assert month.group(2) == "آبان ۱۴۰۴"  # a true Jalali month, counted by the archive
    assert "until=1404%2F08%2F30" in month.group(1)
    assert '<small class="greg">۲۳ اکتبر تا ۲۱ نوامبر ۲۰۲۵</small>' in facets  # its Gregorian days, small
    narrowed = page(client, month.group(1).replace("&amp;", "&"))
    assert "نیروگاه" in narrowed and 'value="1404/08/01"' in narrowed  # the form shows the Jalali bounds


@pytest.mark.parametrize(
    ("value", "label", "span"),
    [("1404-08", "آبان ۱۴۰۴", "۲۳ اکتبر تا ۲۱ نوامبر ۲۰۲۵"),
     ("1404-10", "دی ۱۴۰۴", "۲۲ دسامبر ۲۰۲۵ تا ۲۰ ژانویه ۲۰۲۶"),
     ("1404-13", "1404-13", "1404-13"), ("junk", "junk", "junk")],
)
def test_month_labels(value: str, label: str, span: str) -> None:
    from khabar.web.display import gregorian_span_label, month_label, month_params

    assert month_label(value) == label
    assert gregorian_span_label(value) == span
    assert bool(month_params(value)) == (label != value)


def test_search_paginates(client: TestClient) -> None:
    first = page(client, "/search?limit=1&q=" + quote("نیروگاه"))
    assert "صفحه ۱ از ۲" in first
    next_links = [h for h in hrefs(first) if "page=2" in h]
    assert next_links
    second = page(client, next_links[0].replace("&amp;", "&"))
    assert "صفحه ۲ از ۲" in second
    assert "facets=1" in first and 'class="facets"' not in second  # facets cost: page 1 only


def test_search_filters_by_jalali_date_range(client: TestClient) -> None:
    inside = page(client, "/search?q=" + quote("نیروگاه") + "&since=" + quote("۱۴۰۴/۰۸/۱۳")
                  + "&until=" + quote("۱۴۰۴/۰۸/۱۳"))
    assert "۲ نتیجه" in inside
    outside = page(client, "/search?q=" + quote("نیروگاه") + "&until=" + quote("۱۴۰۴/۰۸/۰۱"))
    assert "۰ نتیجه" in outside
    assert 'value="۱۴۰۴/۰۸/۰۱"' in outside  # the form keeps what the reader typed


def test_search_without_words_shows_the_form_only(client: TestClient) -> None:
    html = page(client, "/search")
    assert '<form class="search-form"' in html and "نتیجه برای" not in html


def test_section_and_source_pages_with_cursor(client: TestClient) -> None:
    html = page(client, "/source/" + quote("روزنامه کرانه") + "?limit=1")
    assert SOLAR_ELSEWHERE.title and SOLAR_ELSEWHERE.title in html
    assert FOOTBALL.title and FOOTBALL.title not in html
    more = [h for h in hrefs(html) if "cursor=" in h]
    assert more
    older = page(client, "/source/" + quote("روزنامه کرانه") + more[0].replace("&amp;", "&"))
    assert FOOTBALL.title in older
    section = page(client, "/section/" + quote("ورزشی"))
    assert FOOTBALL.title in section and (SOLAR.title or "") not in section
    assert 'type="application/atom+xml"' in section


def test_archive_by_jalali_month_and_day(client: TestClient) -> None:
    month = page(client, "/archive/1404/8")
    assert "بایگانی آبان ۱۴۰۴" in month
    assert SOLAR.title and SOLAR.title in month and (FOOTBALL.title or "") not in month
    assert month.count('href="/archive/1404/8/') == 30  # Aban has 30 days
    day = page(client, "/archive/1404/8/13")
    assert SOLAR.title in day and SOLAR_ELSEWHERE.title and SOLAR_ELSEWHERE.title in day
    assert "سه‌شنبه ۱۳ آبان ۱۴۰۴ (برابر با ۴ نوامبر ۲۰۲۵)" in day and "از سه‌شنبه" not in day  # one day, no span
    assert "۱ آبان ۱۴۰۴ تا " in month
    empty = page(client, "/archive/1404/8/14")
    assert "در این روز خبری در بایگانی نیست" in empty
    mehr = page(client, "/archive/1404/7/28")
    assert FOOTBALL.title and FOOTBALL.title in mehr
    assert "بایگانی آبان ۱۴۰۴" in page(client, "/archive")  # opens at the newest month
    months = month[month.index('class="archive-months"'):month.index('class="days"')]
    current = r'<a href="/archive/1404/8" aria-current="page">آبان ۱۴۰۴ <span class="muted">[۰-۹]+</span>'
    assert re.search(current, months)
    assert '<a href="/archive/1404/7">مهر ۱۴۰۴ <span class="muted">' in months  # every month the archive holds
    assert months.index("آبان") < months.index("مهر")  # newest first


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize(("url", "status", "title"), [
    ("/article/nope", 404, "صفحه پیدا نشد"),
    ("/no/such/page", 404, "صفحه پیدا نشد"),
    ("/section/" + quote("بخشی که نیست"), 404, "صفحه پیدا نشد"),
    ("/search?q=a&page=zero", 400, "درخواست نادرست"),
    ("/search?q=a&since=" + quote("دیروزِ فردا"), 400, "درخواست نادرست"),
    ("/search?q=a&sort=random", 400, "درخواست نادرست"),
    ("/archive/1404/13", 400, "درخواست نادرست"),
    ("/archive/1404/8/31", 400, "درخواست نادرست"),
])
def test_errors_are_persian_pages(client: TestClient, url: str, status: int, title: str) -> None:
    html = page(client, url, status)
    assert '<html lang="fa" dir="rtl">' in html and f"<h1>{title}</h1>" in html


def test_no_open_redirects(client: TestClient) -> None:
    for url in ("//evil.example/", "/search/", "/%2F%2Fevil.example", "/article/x/"):
        response = client.get(url, follow_redirects=False)
        assert response.status_code not in (301, 302, 303, 307, 308), url
        assert "location" not in response.headers


# ---------------------------------------------------------------- hostile content

def test_hostile_article_is_shown_as_text(client: TestClient) -> None:
    html = page(client, f"/article/{HOSTILE.id}")
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<svg" not in lowered
    assert "<iframe" not in lowered and "onerror=" not in lowered.replace("onerror=alert", "")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert all(not href.lower().lstrip().startswith(("javascript:", "data:")) for href in hrefs(html))
    assert "خواندن متن اصلی" not in html  # a javascript: original is not a link
    assert "پیوند داده پنهان" in html  # shown as text, not as a link
    for url in ("/", "/search?q=" + quote("خطرناک"), "/archive/1404/8/12"):
        other = page(client, url).lower()
        assert "<script" not in other and "<img" not in other, url


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", f"/article/{HOSTILE.id}", "/api/v1/articles", "/nope", "/static/khabar.css"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


# ---------------------------------------------------------------- caching

@pytest.mark.parametrize("url", ["/", f"/article/{SOLAR.id}", "/api/v1/articles", "/api/v1/sections",
                                 "/feeds/section/" + quote("اقتصاد") + ".atom"])
def test_etag_and_cache_control(client: TestClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get(url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_static_font_is_served_by_khabar(client: TestClient) -> None:
    css = page(client, "/static/khabar.css")
    assert 'url("/static/fonts/Vazirmatn-Regular.woff2")' in css and "prefers-color-scheme: dark" in css
    assert "http" not in css  # no CDN
    font = client.get("/static/fonts/Vazirmatn-Regular.woff2")
    assert font.status_code == 200 and font.content[:4] == b"wOF2"
    assert "max-age" in font.headers["cache-control"]
    assert client.get("/static/fonts/OFL.txt").status_code == 200


# ---------------------------------------------------------------- JSON API

def test_api_articles_filters_and_cursor(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/v1/articles?limit=2"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
    assert seen == [SOLAR_ELSEWHERE.id, SOLAR.id, HOSTILE.id, FOOTBALL.id]
    only = client.get("/api/v1/articles", params={"section": "ورزشی"}).json()
    assert [item["id"] for item in only["items"]] == [FOOTBALL.id]
    dated = client.get("/api/v1/articles", params={"since": "1404/08/13", "source": "روزنامه کرانه"}).json()
    assert [item["id"] for item in dated["items"]] == [SOLAR_ELSEWHERE.id]
    assert dated["items"][0]["page"] == f"/article/{SOLAR_ELSEWHERE.id}"


def test_api_one_article_has_the_contract_and_duplicates(client: TestClient) -> None:
    body = client.get(f"/api/v1/articles/{SOLAR.id}").json()
    assert body["title"] == SOLAR.title and body["body"] == list(SOLAR.body)
    assert body["published"] == SOLAR.published
    assert [d["id"] for d in body["duplicates"]] == [SOLAR_ELSEWHERE.id]
    missing = client.get("/api/v1/articles/none")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_api_search_facets_can_be_left_out(client: TestClient) -> None:
    counted = client.get("/api/v1/search", params={"q": "نیروگاه"}).json()
    assert counted["facets"]["section"] == [["اقتصاد", 2]]
    bare = client.get("/api/v1/search", params={"q": "نیروگاه", "facets": "0"}).json()
    assert bare["facets"] == {} and bare["total"] == counted["total"] == 2
    assert client.get("/api/v1/search", params={"q": "نیروگاه", "facets": "maybe"}).status_code == 400


def test_api_search_gives_offsets_of_highlights(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "نیروگاه", "sort": "date"}).json()
    assert body["total"] == 2
    assert [hit["article"]["id"] for hit in body["hits"]] == [SOLAR_ELSEWHERE.id, SOLAR.id]
    hit = body["hits"][0]
    assert "\x02" not in hit["snippet"] and hit["highlights"]
    start, end = hit["highlights"][0]
    assert "نیروگاه" in hit["snippet"][start:end]
    assert ["اقتصاد", 2] in body["facets"]["section"]
    assert client.get("/api/v1/search").status_code == 400
    bad = client.get("/api/v1/search", params={"q": "x", "limit": "1000"})
    assert bad.status_code == 400 and "limit" in bad.json()["error"]


def test_api_sections_and_sources(client: TestClient) -> None:
    sections = client.get("/api/v1/sections").json()["items"]
    assert {"name": "اقتصاد", "count": 2} in sections
    sources = client.get("/api/v1/sources").json()["items"]
    assert sources[0] == {"name": "روزنامه کرانه", "count": 2}


def test_openapi_document_validates_and_lists_every_api_route(client: TestClient) -> None:
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    assert set(document["paths"]) == {
        "/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/search", "/api/v1/sections",
        "/api/v1/sources", "/api/v1/ingest",
    }


# ---------------------------------------------------------------- feeds

def test_atom_feeds_per_section_source_and_search(client: TestClient) -> None:
    section = feedparser.parse(client.get("/feeds/section/" + quote("اقتصاد") + ".atom").content)
    assert not section.bozo and section.feed.title.endswith("اقتصاد")
    assert [entry.title for entry in section.entries] == [SOLAR_ELSEWHERE.title, SOLAR.title]
    assert section.entries[0].link.endswith(f"/article/{SOLAR_ELSEWHERE.id}")
    source = feedparser.parse(client.get("/feeds/source/" + quote("روزنامه کرانه") + ".atom").content)
    assert len(source.entries) == 2
    saved = feedparser.parse(client.get("/feeds/search.atom?q=" + quote("قهرمان")).content)
    assert [entry.title for entry in saved.entries] == [FOOTBALL.title]
    assert client.get("/feeds/search.atom").status_code == 400
    assert client.get("/feeds/section/" + quote("نیست") + ".atom").status_code == 404


def test_hostile_titles_stay_text_in_feeds(client: TestClient) -> None:
    response = client.get("/feeds/search.atom?q=" + quote("خطرناک"))
    assert response.headers["content-type"].startswith("application/atom+xml")
    assert b"<script" not in response.content
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and len(parsed.entries) == 1
    assert all("javascript:" not in link.href for link in parsed.entries[0].links)


# ---------------------------------------------------------------- ingest

PAGE = ("<html lang='fa'><head><title>بازگشایی کتابخانه مرکزی شهر</title></head><body><article>"
        "<h1>بازگشایی کتابخانه مرکزی شهر پس از نوسازی</h1>"
        "<p>کتابخانه مرکزی شهر پس از دو سال نوسازی امروز دوباره به روی خوانندگان باز شد و "
        "ساعت کار آن تا ده شب افزایش یافت.</p>"
        "<p>مدیر کتابخانه گفت بخش کودکان بزرگ" + ZWNJ + "تر شده و سالن مطالعه تازه" + ZWNJ
        + "ای برای دانشجویان ساخته شده است.</p></article></body></html>")


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/v1/ingest", content=PAGE.encode())
    assert response.status_code == 404
    assert client.get("/api/v1/ingest").status_code in (404, 405)


def test_ingest_needs_the_token_and_adds_the_page(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "w.db")
    writer = TestClient(create_app(Settings(db=db, api_token=TOKEN)))
    url = "/api/v1/ingest?url=" + quote("https://ketab.example/news/1")
    before = writer.get("/api/v1/articles?limit=100").json()["items"]  # now in the response cache
    assert writer.post(url, content=PAGE.encode()).status_code == 401
    wrong = writer.post(url, content=PAGE.encode(), headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": "text/html; charset=utf-8"}
    created = writer.post(url, content=PAGE.encode(), headers=headers)
    assert created.status_code == 201, created.text
    article_id = created.json()["id"]
    again = writer.post(url, content=PAGE.encode(), headers=headers)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    stored = writer.get(f"/api/v1/articles/{article_id}").json()
    assert "کتابخانه" in stored["title"]
    after = writer.get("/api/v1/articles?limit=100").json()["items"]  # the ingest dropped the cached page
    assert len(after) == len(before) + 1 and article_id in {item["id"] for item in after}
    assert writer.post(url, content=b"", headers=headers).status_code == 400
    huge = writer.post(url, content=b"<p>" + b"x" * (5 * 1024 * 1024), headers=headers)
    assert huge.status_code == 413 and "larger" in huge.json()["error"]


# ---------------------------------------------------------------- response cache

def test_cached_pages_are_the_same_bytes_and_expire(db: str) -> None:
    import time

    from starlette.responses import Response

    from khabar.web.cache import ResponseCache

    fresh = TestClient(create_app(Settings(db=db), cache_seconds=0.2))
    first = fresh.get(f"/article/{SOLAR.id}")
    second = fresh.get(f"/article/{SOLAR.id}")
    assert second.content == first.content and second.headers["etag"] == first.headers["etag"]
    assert second.headers["content-type"] == first.headers["content-type"]
    assert "content-security-policy" in second.headers
    assert fresh.get(f"/article/{SOLAR.id}", headers={"if-none-match": first.headers["etag"]}).status_code == 304
    cache = ResponseCache(size=1, ttl=0.2)
    page_response = Response("<p>سلام</p>".encode(), headers={"etag": '"x"'})
    cache.put("a", page_response)
    cache.put("b", page_response)
    assert cache.get("a") is None and cache.get("b") is not None  # least recently used goes first
    time.sleep(0.25)
    assert cache.get("b") is None  # and every entry expires


def test_the_cache_can_be_turned_off(db: str) -> None:
    uncached = TestClient(create_app(Settings(db=db), cache_size=0))
    assert uncached.get("/").status_code == 200 and uncached.get("/").status_code == 200


# ---------------------------------------------------------------- accessibility and display

@pytest.mark.parametrize("url", HTML_ROUTES)
def test_one_h1_and_every_field_labelled(client: TestClient, url: str) -> None:
    html = page(client, url)
    assert html.count("<h1") == 1
    for field_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html):
        assert f'for="{field_id}"' in html, field_id
    assert 'class="skip" href="#main"' in html and 'id="main"' in html


@pytest.mark.parametrize(("url", "expected"), [
    ("https://nemune.example/a?b=1", "https://nemune.example/a?b=1"),
    ("http://x.example", "http://x.example"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//evil.example/x", None),
    ("/relative/path", None),
    ("https://", None),
    ("", None),
    (None, None),
])
def test_only_absolute_http_links_are_links(url: str | None, expected: str | None) -> None:
    from khabar.web.display import safe_url

    assert safe_url(url) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (0, "۰"), (7, "۷"), (12345, "۱۲٬۳۴۵"), ("1404/08/13", "۱۴۰۴/۰۸/۱۳"), (None, ""),
])
def test_persian_digits(value: object, expected: str) -> None:
    from khabar.web.display import fa_digits

    assert fa_digits(value) == expected


def test_highlight_escapes_everything_but_its_own_marks() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from khabar.web.api import split_marks
    from khabar.web.display import highlight

    @given(st.lists(st.tuples(st.text(), st.booleans()), max_size=6))
    def check(parts: list[tuple[str, bool]]) -> None:
        clean = [(text.replace("\x02", "").replace("\x03", ""), marked) for text, marked in parts]
        snippet = "".join(f"\x02{text}\x03" if marked else text for text, marked in clean)
        html = str(highlight(snippet))
        assert re.sub(r"</?mark>", "", html).count("<") == 0
        assert html.count("<mark>") == sum(marked for _, marked in clean)
        plain, spans = split_marks(snippet)
        assert plain == "".join(text for text, _ in clean)
        assert [plain[start:end] for start, end in spans] == [text for text, marked in clean if marked]

    check()


def test_a_forged_host_never_reaches_other_readers(db: str) -> None:
    shared = TestClient(create_app(Settings(db=db)))
    url = "/feeds/section/" + quote("اقتصاد") + ".atom"
    forged = shared.get(url, headers={"host": "evil.example"})
    assert b"evil.example" in forged.content
    honest = shared.get(url)
    assert b"evil.example" not in honest.content


def test_a_bug_gets_a_persian_500_page(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.web import data

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(data, "article_data", broken)
    client = TestClient(create_app(Settings(db=db)), raise_server_exceptions=False)
    html = page(client, f"/article/{SOLAR.id}", 500)
    assert "<h1>خطای سرور</h1>" in html and "a bug" not in html
    api = client.get(f"/api/v1/articles/{SOLAR.id}")
    assert api.status_code == 500 and api.json()["error"] == "internal error"
