from __future__ import annotations

from datetime import UTC, datetime

from khabar.enrich import content_hash, enrich, reading_minutes
from khabar.records import Article

FETCHED = datetime(2025, 11, 5, 9, 0, tzinfo=UTC)


def test_published_text_in_jalali_becomes_iso() -> None:
    article = enrich(Article(title="عنوان", published_text="۱۳ آبان ۱۴۰۴ - ۱۰:۳۰"), fetched_at=FETCHED)
    assert article.published == "2025-11-04T10:30:00+03:30"


def test_machine_date_from_metadata_wins() -> None:
    article = Article(published="2025-11-03T08:00:00+00:00", published_text="۱۳ آبان ۱۴۰۴")
    assert enrich(article, fetched_at=FETCHED).published == "2025-11-03T08:00:00+00:00"


def test_unparseable_date_text_leaves_published_empty() -> None:
    article = enrich(Article(published_text="به زودی"), fetched_at=FETCHED)
    assert article.published is None
    assert article.published_text == "به زودی"


def test_relative_date_counts_from_the_fetch_time() -> None:
    article = enrich(Article(published_text="دیروز"), fetched_at=FETCHED)
    assert article.published is not None and article.published.startswith("2025-11-04")


def test_reading_minutes_from_word_count() -> None:
    assert reading_minutes(()) is None
    assert reading_minutes(("یک دو سه",)) == 1
    assert reading_minutes(("واژه " * 450,)) == 3


def test_content_hash_ignores_half_space_and_spacing_changes() -> None:
    a = Article(body=("همکاری\u200cهای  دو کشور",))
    b = Article(body=("همکاریهای دو کشور",))
    c = Article(body=("همکاری\u200cهای سه کشور",))
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(c)


def test_id_is_filled_and_stable() -> None:
    article = Article(url="https://a.example/news/1", title="عنوان")
    first, second = enrich(article, fetched_at=FETCHED), enrich(article, fetched_at=FETCHED)
    assert first.id and first.id == second.id


def test_a_line_with_two_dates_takes_the_first() -> None:
    article = enrich(Article(published_text="۱۳ آبان ۱۴۰۴، به‌روزرسانی ۱۵ آبان ۱۴۰۴"), fetched_at=FETCHED)
    assert article.published == "2025-11-04"


def test_a_dari_date_line_is_read_in_kabul_time() -> None:
    article = enrich(Article(published_text="۲۴ قوس ۱۴۰۴ ساعت ۱۰:۲۰"), fetched_at=FETCHED)
    assert article.published == "2025-12-15T10:20:00+04:30"
    iranian = enrich(Article(published_text="۲۴ آذر ۱۴۰۴ ساعت ۱۰:۲۰"), fetched_at=FETCHED)
    assert iranian.published == "2025-12-15T10:20:00+03:30"
