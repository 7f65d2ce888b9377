"""The Store contract, run against every backend (see the ``store`` fixture in conftest.py)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from khabar.errors import StoreError
from khabar.records import Article, Image
from khabar.search import Filters, SearchRequest
from khabar.store import open_store

ZWNJ = "\u200c"

BODY = (
    f"شورای شهر بندر نمونه روز دوشنبه طرح تازه‌ای برای ساخت پل عابر پیاده تصویب کرد و گفت ساخت آن از "
    f"بهار آغاز می{ZWNJ}شود.",
    f"به گفته رئیس شورا هزینه این طرح از محل درآمدهای عوارض نوسازی تأمین می{ZWNJ}شود و پیمانکار آن با مناقصه "
    f"انتخاب خواهد شد.",
    f"ساکنان محله قدیمی شهر سال{ZWNJ}ها خواستار ساخت این پل بودند زیرا عبور از بزرگراه برای کودکان و "
    f"سالمندان خطرناک است.",
)


def article(n: int = 1, **changes: Any) -> Article:
    base = Article(
        id=f"art-{n}", url=f"https://news.example/{n}", source="خبرنامه نمونه", section="شهری",
        title=f"تصویب طرح پل عابر پیاده شماره {n}", lead="شورای شهر طرح پل تازه را تصویب کرد.",
        authors=("سارا احمدی",), published=f"2025-11-{n % 28 + 1:02d}T09:00:00+03:30",
        image=Image(url=f"https://news.example/{n}.jpg"), body=BODY,
    )
    return dataclasses.replace(base, **changes)


def test_same_page_twice_is_one_row(store: Any) -> None:
    assert store.upsert(article()) == "inserted"
    assert store.upsert(article()) == "unchanged"
    assert store.count() == 1
    assert store.history("art-1") == []


def test_refetch_with_only_a_new_fetch_time_is_unchanged(store: Any) -> None:
    store.upsert(article(fetched_at="2025-11-02T10:00:00+00:00"))
    assert store.upsert(article(fetched_at="2025-11-03T10:00:00+00:00")) == "unchanged"


def test_changed_page_updates_row_and_keeps_history(store: Any) -> None:
    store.upsert(article())
    changed = article(title="تصویب طرح پل عابر پیاده؛ آغاز ساخت از بهار")
    assert store.upsert(changed) == "updated"
    assert store.count() == 1
    assert store.get("art-1") == changed
    history = store.history("art-1")
    assert [v.version for v in history] == [1]
    assert store.upsert(article(title="تیتر سوم")) == "updated"
    assert [v.version for v in store.history("art-1")] == [1, 2]
    # The index follows the update: the old title no longer matches, the new one does.
    assert store.search(SearchRequest("شماره")).total == 0
    assert store.search(SearchRequest("سوم")).total == 1
    assert store.search(SearchRequest("بهار آغاز ساخت")).total == 1


def test_get_round_trips_the_article(store: Any) -> None:
    original = article(tags=("شهر", "پل"), kicker="خبر ویژه")
    store.upsert(original)
    assert store.get("art-1") == original
    assert store.get("missing") is None


def test_upsert_many_counts(store: Any) -> None:
    results = store.upsert_many([article(n) for n in range(1, 8)] + [article(1)])
    assert results == ["inserted"] * 7 + ["unchanged"]
    assert store.count() == 7


def test_upsert_many_mixes_new_changed_and_repeated(store: Any) -> None:
    store.upsert_many([article(1), article(2)])
    batch = [article(3), article(1, title="باغ گلستان"), article(3), article(4), article(4, title="باغ نارنج"),
             article(2)]
    assert store.upsert_many(batch) == ["inserted", "updated", "unchanged", "inserted", "updated", "unchanged"]
    assert store.count() == 4
    assert [v.version for v in store.history("art-4")] == [1]  # the replaced version
    assert store.get("art-4").title == "باغ نارنج"
    assert [h.article.id for h in store.search(SearchRequest("گلستان")).hits] == ["art-1"]
    assert [h.article.id for h in store.search(SearchRequest("نارنج")).hits] == ["art-4"]


def test_article_without_id_is_refused(store: Any) -> None:
    with pytest.raises(StoreError, match="no id"):
        store.upsert(article(id=""))


def test_latest_pages_by_date_with_cursor(store: Any) -> None:
    store.upsert_many([article(n) for n in range(1, 26)])
    seen: list[str] = []
    cursor = None
    while True:
        page = store.latest(limit=10, cursor=cursor)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 25 and len(set(seen)) == 25
    dates = [store.get(i).published for i in seen]
    assert dates == sorted(dates, reverse=True)


def test_latest_filters_by_section_and_date(store: Any) -> None:
    store.upsert(article(1, section="ورزش", published="2025-11-02"))
    store.upsert(article(2, section="شهری", published="2025-11-05"))
    store.upsert(article(3, section="ورزش", published="2025-11-20"))
    sport = store.latest(section="ورزش")
    assert [i.id for i in sport.items] == ["art-3", "art-1"]
    window = store.latest(since=date(2025, 11, 3), until=date(2025, 11, 20))
    assert [i.id for i in window.items] == ["art-3", "art-2"]


def _all_pages(store: Any, limit: int, **filters: Any) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = store.latest(limit=limit, cursor=cursor, **filters)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return seen


@pytest.mark.parametrize(("filters", "wanted"), [
    ({"section": "ورزش"}, lambda n: n % 2 == 0),
    ({"source": "خبرنامه دوم"}, lambda n: n % 3 == 0),
    ({"section": "ورزش", "source": "خبرنامه دوم"}, lambda n: n % 6 == 0),
    ({"jmonth": "1404-08"}, lambda n: n % 4 < 2),
    ({"section": "شهری", "since": date(2025, 11, 1)}, lambda n: n % 2 == 1 and n % 4 < 2),
])
def test_filtered_pages_keep_date_then_insertion_order_across_ties(
        store: Any, filters: dict[str, Any], wanted: Any) -> None:
    """Many articles share a publication time: pages of any size list each once, newest first, and
    among equal times the later stored first, exactly as the unfiltered listing orders them."""
    times = ("2025-10-20T08:00:00+03:30", "2025-11-05T12:30:00+03:30")  # Jalali months 1404-07, 1404-08
    store.upsert_many([article(n, section="ورزش" if n % 2 == 0 else "شهری",
                               source="خبرنامه دوم" if n % 3 == 0 else "خبرنامه نمونه",
                               published=times[1] if n % 4 < 2 else times[0]) for n in range(1, 41)])
    expected = [f"art-{n}" for n in sorted((n for n in range(1, 41) if wanted(n)),
                                           key=lambda n: (n % 4 < 2, n), reverse=True)]
    for limit in (1, 3, 7, 50):
        assert _all_pages(store, limit, **filters) == expected


def test_sections_sources_and_months_are_counted(store: Any) -> None:
    store.upsert_many([article(n, section="ورزش" if n < 4 else "شهری",
                               published="2025-10-20T08:00:00+03:30" if n < 3 else "2025-11-05T12:30:00+03:30")
                       for n in range(1, 6)])
    assert store.sections() == [("ورزش", 3), ("شهری", 2)]
    assert store.sources() == [("خبرنامه نمونه", 5)]
    assert store.months() == [("1404-08", 3), ("1404-07", 2)]
    assert store.stats().by_month == (("2025-11", 3), ("2025-10", 2))


def test_summary_fields(store: Any) -> None:
    store.upsert(article())
    item = store.latest().items[0]
    assert (item.id, item.source, item.section, item.image_url) == (
        "art-1", "خبرنامه نمونه", "شهری", "https://news.example/1.jpg")
    assert item.published == "2025-11-02T09:00:00+03:30"


def test_iter_articles_filters(store: Any) -> None:
    store.upsert_many([article(n, source="الف" if n % 2 else "ب") for n in range(1, 11)])
    assert len(list(store.iter_articles())) == 10
    assert {a.source for a in store.iter_articles(Filters(source="ب"))} == {"ب"}
    assert len(list(store.iter_articles(Filters(author="سارا احمدی")))) == 10
    assert list(store.iter_articles(Filters(author="کس دیگر"))) == []


def test_stats_sections_sources(store: Any) -> None:
    store.upsert(article(1, section="ورزش", published="2025-10-05"))
    store.upsert(article(2, section="ورزش", published="2025-11-05"))
    store.upsert(article(3, section="شهری", published="2025-11-06", source="دیگری"))
    assert store.sections() == [("ورزش", 2), ("شهری", 1)]
    assert store.sources() == [("خبرنامه نمونه", 2), ("دیگری", 1)]
    stats = store.stats()
    assert stats.total == 3
    assert stats.by_month == (("2025-11", 2), ("2025-10", 1))
    assert "ورزش" in stats.render()
    assert stats.to_json()["by_section"] == {"ورزش": 2, "شهری": 1}


def test_duplicates_exact_and_near_first_publisher_first(store: Any) -> None:
    first = article(1, source="نخست", published="2025-11-01T08:00:00+03:30")
    copy = article(2, source="بازنشر", published="2025-11-01T11:00:00+03:30", title="پل تازه در بندر نمونه")
    edited = article(3, source="سومی", published="2025-11-01T10:00:00+03:30",
                     body=(*BODY[:2], BODY[2].replace("سالمندان", "افراد سالمند"), "منبع: خبرنامه نمونه"))
    other = article(4, body=("یک خبر کاملاً دیگر درباره بازار میوه و ترهبار شهر که ربطی به پل ندارد. " * 5,))
    store.upsert_many([copy, edited, first, other])
    assert [s.id for s in store.duplicates("art-2")] == ["art-1", "art-3"]
    assert [s.id for s in store.duplicates("art-1")] == ["art-3", "art-2"]
    assert store.duplicates("art-4") == []
    assert store.duplicates("missing") == []


def test_fetch_state(store: Any) -> None:
    assert store.fetch_state("https://news.example/a") is None
    store.record_fetch("https://news.example/a", status=200, etag='"x1"', fetched_at="2025-11-01T00:00:00Z")
    store.record_fetch("https://news.example/a", status=304, etag='"x2"', fetched_at="2025-11-02T00:00:00Z")
    state = store.fetch_state("https://news.example/a")
    assert (state.status, state.etag, state.fetched_at) == (304, '"x2"', "2025-11-02T00:00:00Z")


def test_reindex_rebuilds_search(store: Any) -> None:
    store.upsert_many([article(n) for n in range(1, 6)])
    assert store.reindex() == 5
    assert store.search(SearchRequest("پل")).total == 5


def test_reopen_keeps_everything(archive: str) -> None:
    with open_store(archive) as first:
        first.upsert(article())
    with open_store(archive) as second:
        assert second.count() == 1
        assert second.search(SearchRequest("مناقصه")).total == 1


def test_index_catches_up_when_key_version_changes(archive: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:  # an archive built by a khabar with another key version
        patch.setattr("khabar.store.base.key_version", lambda: 5)
        with open_store(archive) as first:
            first.upsert_many([article(n) for n in range(1, 4)])
    on_postgres = archive.startswith("postgresql")
    with open_store(archive) as second:
        assert second.search(SearchRequest("مناقصه")).total == 3
        if on_postgres:
            assert second._one("SELECT count(*) FROM articles WHERE key_version = 5") == (0,)
    with open_store(archive) as third:  # now current: opening checks nothing more
        if on_postgres:
            assert third._one("SELECT value FROM meta WHERE key = 'key_version'") == (str(third._key_version),)
        else:  # the SQLite archive's index records the key version it was built with
            assert third._search_index._read_meta()["key_version"] == third._key_version
        assert third.search(SearchRequest("مناقصه")).total == 3


def test_opening_a_current_archive_runs_no_migration(archive: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store.base import SQLStore

    with open_store(archive) as first:
        first.upsert(article())
    monkeypatch.setattr(SQLStore, "_migrate", lambda *a, **k: pytest.fail("migrated a current archive"))
    monkeypatch.setattr(SQLStore, "_catch_up", lambda *a, **k: pytest.fail("re-checked the keys"))
    with open_store(archive) as again:
        assert again.count() == 1


@pytest.mark.parametrize("bad", ["", "   ", "mysql://host/db"])
def test_bad_archive_names(bad: str) -> None:
    with pytest.raises(StoreError):
        open_store(bad)


def test_missing_folder_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nope" / "khabar.db"))


def test_not_an_archive(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="pass another --db"):
        open_store(str(junk))


def test_unreachable_postgres_is_one_line() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "\n" not in str(caught.value)
    assert "secret" not in str(caught.value)


def test_cli_stats_and_reindex(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from khabar.cli import main

    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        store.upsert_many([article(n) for n in range(1, 4)])
    runner = CliRunner()
    stats = runner.invoke(main, ["stats", "--db", db, "--json"])
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.output)["total"] == 3
    reindex = runner.invoke(main, ["reindex", "--db", db])
    assert reindex.exit_code == 0 and "reindexed 3" in reindex.output
