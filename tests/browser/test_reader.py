"""The reader in a real Chromium: right-to-left with the bundled font, search, screenshots, hostile content."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from test_web_archive import FOOTBALL, HOSTILE, SOLAR, SOLAR_ELSEWHERE

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shoot(page: Any, name: str) -> Path:
    """Save a full-page screenshot as a test artifact (artifacts/ is git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_article_page_is_rtl_in_the_bundled_font(page: Any, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}/article/{SOLAR.id}")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa"
    headline = page.locator("h1.headline")
    assert headline.inner_text() == SOLAR.title
    assert headline.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert headline.evaluate("el => getComputedStyle(el).fontFamily").replace('"', '').startswith("Vazirmatn,")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Vazirmatn' && f.status === 'loaded')"
        ".map(f => f.weight)")
    assert "400" in loaded and "700" in loaded  # body text and the bold headline both use Vazirmatn
    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'خبر')")
    # right-to-left: the headline's text starts at the right edge of its column
    box = headline.bounding_box()
    body = page.locator(".story-body").bounding_box()
    assert abs((box["x"] + box["width"]) - (body["x"] + body["width"])) < 2
    assert all(url.startswith(base_url) for url in requests), [u for u in requests if not u.startswith(base_url)]
    shoot(page, "article")


def test_typing_a_query_shows_highlighted_results(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("جست‌وجو در بایگانی").fill("نیروگاه خورشیدی")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?**")
    marks = page.locator(".snippet mark")
    assert marks.count() >= 1
    assert "نیروگاه" in marks.first.inner_text()
    assert page.locator(".card-title").first.inner_text() in (SOLAR.title, SOLAR_ELSEWHERE.title)
    shoot(page, "search")
    # the counts by section, source and month are one plain link away (they cost the most to compute)
    page.locator(".facets-link").click()
    page.wait_for_url("**facets=1**")
    months = page.locator(".facet-list .greg")
    assert months.count() >= 1 and "۲۰۲۵" in months.first.inner_text()
    assert "آبان" in page.locator(".facets").inner_text()
    shoot(page, "search-facets")
    # refine with the Jalali date range in the advanced form, without any JavaScript on the page
    page.fill("#since", "۱۴۰۴/۰۸/۱۴")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**since=**")
    assert page.locator(".card").count() == 0
    assert page.locator("#since").input_value() == "۱۴۰۴/۰۸/۱۴"


@pytest.mark.parametrize(("name", "path"), [
    ("home", "/"),
    ("section", "/section/" + quote("اقتصاد")),
    ("source", "/source/" + quote("روزنامه کرانه")),
    ("archive-month", "/archive/1404/8"),
    ("archive-day", "/archive/1404/7/28"),
    ("not-found", "/article/none"),
])
def test_screenshot_of_each_page_type(page: Any, base_url: str, name: str, path: str) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    response = page.goto(base_url + path)
    assert response.status == (404 if name == "not-found" else 200)
    assert page.locator("h1").count() == 1
    shoot(page, name)
    assert errors == [] or name == "not-found"  # a 404 page logs its own status, nothing else


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_and_colour_schemes(browser: Any, base_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme, locale="fa-IR")
    phone = context.new_page()
    phone.goto(f"{base_url}/article/{SOLAR.id}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    background = phone.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(20, 22, 25)") == (scheme == "dark")
    shoot(phone, f"article-phone-{scheme}")
    phone.goto(f"{base_url}/search?q=" + quote(FOOTBALL.title or ""))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(phone, f"search-phone-{scheme}")
    context.close()


def test_hostile_page_runs_nothing(page: Any, base_url: str) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/article/{HOSTILE.id}")
    page.wait_for_load_state("networkidle")
    for link in page.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not href.strip().lower().startswith(("javascript:", "data:")), href
    page.locator(".story-body p").first.hover()
    page.locator(".story-body").click()
    page.goto(base_url + "/search?q=" + quote("خطرناک"))
    page.wait_for_load_state("networkidle")
    assert "<script>" in page.locator(".card-title").first.inner_text()  # shown as text
    assert page.evaluate("document.scripts.length") == 0
    shoot(page, "hostile-search")
    page.goto(f"{base_url}/article/{HOSTILE.id}")
    shoot(page, "hostile-article")
    assert dialogs == []
    assert errors == []
