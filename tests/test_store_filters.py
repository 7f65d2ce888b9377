"""Filters as hidden index terms: the date-range cover is exact, and filtered search agrees with SQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.records import Article
from khabar.search import Filters, SearchRequest
from khabar.store.filter_terms import day_tokens, filter_node, range_tokens

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, days, days)
def test_range_cover_is_exact(a: date, b: date, day: date) -> None:
    since, until = min(a, b), max(a, b)
    covered = bool(set(day_tokens(day)) & set(range_tokens(since, until)))
    assert covered == (since <= day <= until)


@settings(max_examples=100, deadline=None)
@given(days, st.booleans())
def test_open_ranges(day: date, open_start: bool) -> None:
    edge = date(2015, 6, 15)
    tokens = set(range_tokens(None, edge) if open_start else range_tokens(edge, None))
    inside = day <= edge if open_start else day >= edge
    assert bool(set(day_tokens(day)) & tokens) == inside


def test_cover_is_small() -> None:
    assert range_tokens(date(2020, 1, 1), date(2029, 12, 31)) == ["zx202"]
    assert range_tokens(date(2025, 11, 1), date(2025, 11, 30)) == ["zm202511"]
    assert len(range_tokens(date(2001, 3, 17), date(2024, 9, 3))) < 60
    assert len(range_tokens(None, None)) < 40


def test_no_filters_no_node() -> None:
    assert filter_node(Filters()) is None


def test_filtered_search_matches_sql_filters(store: Any) -> None:
    start = date(2025, 1, 1)
    store.upsert_many([
        Article(id=f"f{n}", url=f"https://filter.example/{n}", source=["الف", "ب", "پ"][n % 3],
                section=["ورزش", "علم"][n % 2], authors=(("مینا",) if n % 4 == 0 else ()),
                title="گزارش بازار", body=("بازار امروز آرام بود.",),
                published=(start + timedelta(days=7 * n)).isoformat())
        for n in range(40)
    ])
    cases = [
        Filters(section="ورزش"), Filters(source="ب", section="علم"), Filters(author="مینا"),
        Filters(since=date(2025, 3, 1)), Filters(until=date(2025, 2, 14)),
        Filters(since=date(2025, 2, 3), until=date(2025, 5, 20), source="الف"),
    ]
    for filters in cases:
        expected = {a.id for a in store.iter_articles(filters)}  # plain SQL WHERE
        request = SearchRequest("بازار", limit=100, section=filters.section, source=filters.source,
                                author=filters.author, since=filters.since, until=filters.until)
        found = store.search(request)
        assert {h.article.id for h in found.hits} == expected, filters
        assert found.total == len(expected)
