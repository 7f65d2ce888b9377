"""Phrases of very common words on the SQLite archive: searched among the newest days, every
hit really holds the phrase, the total is an estimate marked inexact, and pages beyond the sample
fall back to the full search."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from khabar.records import Article
from khabar.search import SearchRequest, Sort
from khabar.store import open_store, tantivy_index
from khabar.store.base import SQLStore

ZWNJ = "\u200c"
COUNT = 80
PHRASE = "بازار کتاب"


def _article(n: int) -> Article:
    """Even articles hold the phrase; odd ones both words, apart."""
    day = date(2025, 1, 1) + timedelta(days=n)
    words = (f"در نمایشگاه شماره {n} ناشران از رونق بازار کتاب کودک گفتند" if n % 2 == 0 else
             f"کتاب تازه شماره {n} در بازار شهر نمونه به فروش رسید و استقبال خوبی داشت")
    return Article(
        id=f"ph-{n}", url=f"https://books.example/{n}", source="خبرنامه کتاب", section="فرهنگ",
        title=f"گزارش شماره {n} از نمایشگاه", lead=f"گزارشی درباره ناشران شهر در روز {n}.",
        published=f"{day.isoformat()}T10:00:00+03:30",
        body=(f"{words}.", f"برگزارکنندگان می{ZWNJ}گویند شمار بازدیدکنندگان امسال {n} درصد بیشتر بوده است."),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLStore]:
    with open_store(str(tmp_path / "books.db")) as opened:
        assert isinstance(opened, SQLStore)
        opened.upsert_many(_article(n) for n in range(COUNT))
        yield opened


@pytest.fixture
def bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tantivy_index, "PHRASE_BOUND", 5)
    monkeypatch.setattr(tantivy_index, "PHRASE_CANDIDATES", 10)


def _holds_phrase(store: SQLStore, article_id: str) -> bool:
    found = store.get(article_id)
    assert found is not None
    return any(PHRASE in paragraph for paragraph in (found.title, found.lead, *found.body) if paragraph)


def test_without_the_bound_the_phrase_count_is_exact(store: SQLStore) -> None:
    results = store.search(SearchRequest(f'"{PHRASE}"', limit=50))
    assert (results.total, results.exact) == (COUNT // 2, True)
    assert all(_holds_phrase(store, hit.article.id) for hit in results.hits)


@pytest.mark.usefixtures("bounded")
@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_common_phrase_is_searched_among_the_newest_and_estimated(store: SQLStore, sort: Sort) -> None:
    results = store.search(SearchRequest(f'"{PHRASE}"', sort=sort, limit=3))
    assert results.exact is False
    assert len(results.hits) == 3
    assert all(_holds_phrase(store, hit.article.id) for hit in results.hits)
    assert COUNT // 4 <= results.total <= COUNT  # 40 really; scaled from a sample of 10
    newest = {f"ph-{n}" for n in range(COUNT - 10, COUNT)}
    assert {hit.article.id for hit in results.hits} <= newest
    assert sum(count for _, count in results.facets.section) == pytest.approx(results.total, abs=2)


@pytest.mark.usefixtures("bounded")
def test_newest_first_pages_match_the_full_search(store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    sampled = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=4))
    monkeypatch.setattr(tantivy_index, "PHRASE_BOUND", 10**9)
    full = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=4))
    assert [h.article.id for h in sampled.hits] == [h.article.id for h in full.hits] == [
        "ph-78", "ph-76", "ph-74", "ph-72"]


@pytest.mark.usefixtures("bounded")
def test_a_page_beyond_the_sample_runs_the_full_search(store: SQLStore) -> None:
    results = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=5, offset=20))
    assert (results.total, results.exact) == (COUNT // 2, True)
    assert [h.article.id for h in results.hits] == [f"ph-{n}" for n in range(38, 28, -2)]


@pytest.mark.usefixtures("bounded")
def test_exclusions_and_filters_hold_in_the_sample(store: SQLStore) -> None:
    results = store.search(SearchRequest(f'"{PHRASE}" -کودک', limit=5))
    assert results.total == 0 and results.hits == ()
    filtered = store.search(SearchRequest(f'"{PHRASE}"', section="ورزش", limit=5))
    assert filtered.total == 0


@pytest.mark.usefixtures("bounded")
def test_the_phrase_in_the_title_is_found_by_the_sampled_search(store: SQLStore) -> None:
    store.upsert(Article(id="ph-title", url="https://books.example/title", source="خبرنامه کتاب",
                         section="فرهنگ", title=f"رونق {PHRASE} در پایتخت",
                         lead="گزارش کوتاه.", published="2026-01-01T10:00:00+03:30",
                         body=("ناشران از فروش خوب خبر دادند.",)))
    results = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=2))
    assert results.exact is False
    assert [h.article.id for h in results.hits] == ["ph-title", "ph-78"]


@pytest.mark.usefixtures("bounded")
def test_a_sample_with_too_few_hits_for_the_page_is_widened(store: SQLStore) -> None:
    """The newest 10 articles hold 5 phrases; a page of 8 needs a wider sample, still under half."""
    sampled = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=8))
    assert sampled.exact is False
    assert [h.article.id for h in sampled.hits] == [f"ph-{n}" for n in range(78, 62, -2)]
    assert COUNT // 4 <= sampled.total <= COUNT


@pytest.mark.usefixtures("bounded")
def test_a_date_range_scales_the_estimate_to_the_range(store: SQLStore) -> None:
    since = date(2025, 1, 1) + timedelta(days=40)  # ph-40 … ph-79: 20 hold the phrase
    results = store.search(SearchRequest(f'"{PHRASE}"', since=since, limit=3))
    assert results.exact is False
    assert 15 <= results.total <= 25
    assert all(_holds_phrase(store, hit.article.id) for hit in results.hits)


@pytest.mark.usefixtures("bounded")
def test_the_sample_follows_new_articles(store: SQLStore) -> None:
    before = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=1))
    store.upsert(Article(id="ph-new", url="https://books.example/new", source="خبرنامه کتاب",
                         section="فرهنگ", title="گزارش تازه", lead="گزارش کوتاه.",
                         published="2026-03-01T10:00:00+03:30",
                         body=(f"ناشران از رونق {PHRASE} کودک در شهر گفتند.",)))
    after = store.search(SearchRequest(f'"{PHRASE}"', sort="date", limit=1))
    assert [h.article.id for h in before.hits] == ["ph-78"]
    assert [h.article.id for h in after.hits] == ["ph-new"]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_the_count_beside_the_facets_is_the_exact_count(store: SQLStore, sort: Sort) -> None:
    with_facets = store.search(SearchRequest("بازار", sort=sort, facets=True))
    without = store.search(SearchRequest("بازار", sort=sort, facets=False))
    assert (with_facets.total, with_facets.exact) == (without.total, without.exact) == (COUNT, True)
    assert sum(count for _, count in with_facets.facets.section) == COUNT


@pytest.mark.usefixtures("bounded")
def test_a_date_range_outside_the_archive_finds_nothing_without_sampling(store: SQLStore) -> None:
    results = store.search(SearchRequest(f'"{PHRASE}"', since=date(2030, 1, 1), limit=3))
    assert (results.total, results.exact, results.hits) == (0, True, ())
