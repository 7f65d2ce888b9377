"""Search: the query language, the variant-spelling set (every backend), snippets, ranking, facets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.errors import QueryError
from khabar.records import Article
from khabar.search import AllOf, AnyOf, Filters, Phrase, SearchRequest, parse_query, query_tokens
from khabar.store.models import MARK_END, MARK_START
from khabar.store.postgres import tsquery_literal
from khabar.store.snippet import highlight, snippet
from khabar.store.tantivy_index import SearchIndex

Z = "\u200c"  # ZWNJ

# ------------------------------------------------------------------ the variant-spelling set
# Documents as stored: repaired, standard orthography. Invented events, fictional outlets.
DOCS: dict[str, tuple[str, str]] = {
    "econ": (f"گسترش همکاری{Z}های اقتصادی دو کشور همسایه",
             f"وزیر بازرگانی گفت این همکاری{Z}ها حجم تجارت را تا پایان سال ۱۴۰۴ دو برابر می{Z}کند."),
    "dam": (f"رئیس{Z}جمهور در سفر به استان نمونه از بزرگ{Z}ترین سد منطقه بازدید کرد",
            f"او گفت ۲۵ درصد از آب کشاورزان این منطقه از این سد تأمین می{Z}شود."),
    "books": ("نمایشگاه کتاب در خانۀ فرهنگ شهر برپا شد",
              f"ناشران کتاب{Z}ها را با تخفیف می{Z}فروشند و بازدید از نمایشگاه رایگان است."),
    "aid": (f"کمک{Z}های مالی به سیل{Z}زدگان از امروز پرداخت می{Z}شود",
            f"مسئولان بانک نمونه گفتند درخواست{Z}ها در سامانه بررسی می{Z}شود."),
    "campus": (f"دانشگاه{Z}ها از مهر حضوری می{Z}شوند",
               f"خبرنگاران در نشست خبری از وزیر علوم درباره خوابگاه{Z}ها پرسیدند."),
    "trade": (f"هیئت تجاری آمریکا به منطقه سفر می{Z}کند",
              f"این هیئت درباره تأثیر تعرفه{Z}ها بر صادرات گفت{Z}وگو خواهد کرد."),
    "fire": ("همکاری پلیس و مردم در مهار آتش",
             f"آتش{Z}نشانان با همکاری ساکنان محله شعله{Z}ها را خاموش کردند."),
    "fish": ("صید ماهی در دریای نمونه ممنوع شد",
             f"ماهی{Z}گیران می{Z}گویند این ممنوعیت دو ماه طول می{Z}کشد."),
    "bread": ("قیمت نان ۱۲ درصد افزایش یافت",
              f"نانوایی{Z}ها از شنبه نرخ تازه را اعلام می{Z}کنند."),
    "museum": (f"خانه{Z}ای در محله قدیمی به موزه تبدیل شد",
               "این خانه صد سال پیش ساخته شده است."),
}

VARIANTS: list[tuple[str, set[str]]] = [
    # ZWNJ / space / joined
    ("همکاری های اقتصادی", {"econ"}),
    ("همکاریهای اقتصادی", {"econ"}),
    (f"همکاری{Z}های اقتصادی", {"econ"}),
    ("همکاری", {"fire"}),  # the bare word does not match its plural
    ("رئیس جمهور", {"dam"}),
    ("رئیسجمهور", {"dam"}),
    ("بزرگترین سد", {"dam"}),
    ("بزرگ ترین", {"dam"}),
    ("میشود", {"dam", "aid"}),
    ("می شود", {"dam", "aid"}),
    ("دانشگاهها", {"campus"}),
    ("دانشگاه ها", {"campus"}),
    ("شعله ها", {"fire"}),
    ("خانه ای", {"museum"}),
    ("خانهای", {"museum"}),
    ("ماهیگیران", {"fish"}),
    ("گفتوگو", {"trade"}),
    # Arabic letter forms
    ("همكاري‌هاي", {"econ"}),
    ("كمك هاي مالي", {"aid"}),
    ("رييس جمهور", {"dam"}),
    ("آمريكا", {"trade"}),
    ("امریکا", {"trade"}),
    ("مسیولان", {"aid"}),
    # ۀ, ه‌ی, ه ی, هٔ
    ("خانه ی فرهنگ", {"books"}),
    (f"خانه{Z}ی فرهنگ", {"books"}),
    ("خانهٔ فرهنگ", {"books"}),
    ("خانه فرهنگ", {"books"}),
    ("خانه", {"books", "museum"}),
    # digits
    ("1404", {"econ"}),
    ("١٤٠٤", {"econ"}),
    ("25 درصد", {"dam"}),
    ("درصد", {"dam", "bread"}),
    # diacritics and hamza
    ("تاثیر", {"trade"}),
    ("تأثير", {"trade"}),
    ("تَأثیرِ", {"trade"}),
    ("نمايشگاهِ كتاب", {"books"}),
    # plural forms
    ("کتاب ها", {"books"}),
    ("کتابها", {"books"}),
    ("خبرنگاران", {"campus"}),
    ("درخواستها", {"aid"}),
    # the query language over variants
    ('"سد منطقه"', {"dam"}),
    ('"منطقه سد"', set()),
    ("درصد -نان", {"dam"}),
    ("ماهی OR کتابها", {"books", "fish"}),
    ("دانشگاه*", {"campus"}),
    ("ميشود -مالي", {"dam"}),
    ("ماه", {"fish"}),
]


def load_docs(store: Any, docs: dict[str, tuple[str, str]]) -> None:
    store.upsert_many([
        Article(id=key, url=f"https://sample.example/{key}", source="خبرنامه نمونه", section="عمومی",
                title=title, body=(body,), published="2025-11-10")
        for key, (title, body) in docs.items()
    ])


def mismatches(store: Any, cases: list[tuple[str, set[str]]]) -> list[str]:
    wrong = []
    for query, expected in cases:
        found = {hit.article.id for hit in store.search(SearchRequest(query, limit=100)).hits}
        if found != expected:
            wrong.append(f"{query!r}: expected {sorted(expected)}, found {sorted(found)}")
    return wrong


def test_variant_spellings_find_each_other(store: Any) -> None:
    """Recall 100% and no false positive over the whole variant set."""
    load_docs(store, DOCS)
    assert mismatches(store, VARIANTS) == []


# ------------------------------------------------------------------ the query language


def test_words_are_all_required() -> None:
    query = parse_query("نفت قیمت")
    assert query.include == AllOf((Phrase(("نفت",)), Phrase(("قیمت",))))


def test_or_binds_two_items() -> None:
    query = parse_query("نفت OR گاز قیمت")
    assert query.include == AllOf((AnyOf((Phrase(("نفت",)), Phrase(("گاز",)))), Phrase(("قیمت",))))


def test_phrase_exclusion_and_prefix() -> None:
    query = parse_query('"سازمان ملل" -"شورای امنیت" تهران*')
    assert query.include == AllOf((Phrase(("سازمان", "ملل")), Phrase(("تهران",), prefix=True)))
    assert query.exclude == (Phrase(("شورای", "امنیت")),)


def test_guillemets_are_phrases() -> None:
    assert parse_query("«سازمان ملل»").include == Phrase(("سازمان", "ملل"))


def test_spaced_affix_offers_joined_form() -> None:
    include = parse_query("کتاب ها").include
    assert include == AnyOf((Phrase(("کتابها",)), Phrase(("کتاب", "ها"))))


@pytest.mark.parametrize("text", ["", "   ", "-نفت", '""', "OR", "؟!"])
def test_nothing_to_search_for(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


def test_bad_requests() -> None:
    with pytest.raises(QueryError, match="sort"):
        SearchRequest("نفت", sort="popular")  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="limit"):
        SearchRequest("نفت", limit=0)
    with pytest.raises(QueryError, match="swap"):
        SearchRequest("نفت", since=date(2025, 2, 1), until=date(2025, 1, 1))


def test_query_keys_fold_variants_to_one() -> None:
    assert query_tokens("رئيس‌جمهور ١٤٠٤") == query_tokens("رییسجمهور 1404")


def test_tsquery_compilation() -> None:
    query = parse_query('نفت OR گاز "سازمان ملل" تهر* -قیمت')
    assert tsquery_literal(query) == "(('نفت' | 'گاز') & ('سازمان' <-> 'ملل') & 'تهر':*) & !'قیمت'"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ابپتکگی‌ يك۱1"«»-*| ORهای')), max_size=40))
def test_any_text_parses_or_says_why_and_the_index_runs_it(text: str) -> None:
    """Property: every query either parses to something Tantivy runs, or raises QueryError."""
    try:
        query = parse_query(text)
    except QueryError:
        return
    _EMPTY_INDEX.search(query, Filters(), sort="relevance", limit=5, offset=0, facets=True)


_EMPTY_INDEX = SearchIndex(None, key_version=0)


# ------------------------------------------------------------------ snippets


def test_snippet_marks_display_words_with_zwnj() -> None:
    query = parse_query("همکاری های")
    text = snippet([f"وزیر گفت همکاری{Z}های تازه آغاز شد."], query.highlights)
    assert text == f"وزیر گفت {MARK_START}همکاری{Z}های{MARK_END} تازه آغاز شد."


def test_snippet_picks_the_matching_paragraph_and_window() -> None:
    filler = " ".join(["واژه"] * 60)
    paragraphs = ["بند نخست بی ربط است.", f"{filler} اینجا نام سد آمده است {filler}"]
    text = snippet(paragraphs, parse_query("سد").highlights)
    assert f"{MARK_START}سد{MARK_END}" in text
    assert text.startswith("…") and text.endswith("…")
    assert len(text.split()) <= 34


def test_snippet_without_body_match_shows_the_lead() -> None:
    assert snippet(["نخستین بند.", "دومین بند."], parse_query("تیتر").highlights) == "نخستین بند."


def test_highlight_title_with_variant_digits() -> None:
    marked = highlight("قیمت نان ۱۲ درصد افزایش یافت", parse_query("12").highlights)
    assert marked == f"قیمت نان {MARK_START}۱۲{MARK_END} درصد افزایش یافت"


def test_snippet_strips_marker_characters_from_text() -> None:
    assert MARK_START not in highlight(f"نام{MARK_START} سد", parse_query("بند").highlights)


# ------------------------------------------------------------------ results


def _news(n: int, **fields: Any) -> Article:
    base = {"id": f"n{n}", "url": f"https://sample.example/n{n}", "source": "الف", "section": "اقتصاد",
            "title": "خبر", "body": ("متن خبر درباره بازار.",), "published": "2025-11-01"}
    return Article(**{**base, **fields})


def test_relevance_prefers_title_matches(store: Any) -> None:
    store.upsert(_news(1, body=("بازار طلا امروز آرام بود و طلا گران نشد.",)))
    store.upsert(_news(2, title="طلا گران شد"))
    hits = store.search(SearchRequest("طلا")).hits
    assert [h.article.id for h in hits] == ["n2", "n1"]
    assert hits[0].score > hits[1].score > 0


def test_recency_boost_breaks_ties(store: Any) -> None:
    store.upsert(_news(1, title="طلا", published="2020-01-01"))
    store.upsert(_news(2, title="طلا", published=date.today().isoformat()))
    assert [h.article.id for h in store.search(SearchRequest("طلا")).hits] == ["n2", "n1"]


def test_sort_by_date_filters_facets_and_pages(store: Any) -> None:
    store.upsert_many([
        _news(n, source="الف" if n % 3 else "ب", section="ورزش" if n % 2 else "اقتصاد",
              published=f"2025-{9 + n % 3:02d}-{n + 1:02d}", authors=("نویسنده",) if n < 4 else ())
        for n in range(12)
    ])
    everything = store.search(SearchRequest("بازار", sort="date", limit=5))
    assert everything.total == 12
    dates = [h.article.published for h in everything.hits]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    second = store.search(SearchRequest("بازار", sort="date", limit=5, offset=5))
    assert not {h.article.id for h in second.hits} & {h.article.id for h in everything.hits}
    assert dict(everything.facets.source) == {"الف": 8, "ب": 4}
    assert dict(everything.facets.section) == {"ورزش": 6, "اقتصاد": 6}
    assert sum(n for _, n in everything.facets.month) == 12
    assert store.search(SearchRequest("بازار", section="ورزش", source="ب")).total == 2
    assert store.search(SearchRequest("بازار", author="نویسنده")).total == 4
    window = store.search(SearchRequest("بازار", since=date(2025, 10, 1), until=date(2025, 10, 31)))
    assert window.total == 4
    assert store.search(SearchRequest("بازار", facets=False)).facets.source == ()


def test_results_json_shape(store: Any) -> None:
    store.upsert(_news(1))
    data = store.search(SearchRequest("بازار")).to_json()
    assert data["total"] == 1
    assert set(data["hits"][0]) == {"article", "snippet", "score"}
    assert data["hits"][0]["article"]["id"] == "n1"
    assert data["facets"]["source"] == [["الف", 1]]


# ------------------------------------------------------------------ the command line


def test_cli_search_table_json_and_jalali_dates(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from khabar.cli import main
    from khabar.store import open_store

    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        load_docs(store, DOCS)
        store.upsert(Article(id="old", title="سد قدیمی", body=("سد قدیمی شهر.",), published="2024-01-10"))
    runner = CliRunner()
    table = runner.invoke(main, ["search", "سد", "--db", db])
    assert table.exit_code == 0, table.output
    assert "2 results" in table.output
    one = runner.invoke(main, ["search", "سد", "--db", db, "--until", "2024-12-31"])
    assert one.exit_code == 0 and "1 result" in one.output and "1 results" not in one.output, one.output
    as_json = runner.invoke(main, ["search", "سد", "--db", db, "--json", "--since", "1404/08/01"])
    assert as_json.exit_code == 0, as_json.output
    import json

    data = json.loads(as_json.output)
    assert data["total"] == 1 and data["hits"][0]["article"]["id"] == "dam"
    assert MARK_START in data["hits"][0]["snippet"]
    bad = runner.invoke(main, ["search", "--db", db, "--", "-سد"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_relevance_ranks_every_match_and_facets_count_them_all(store: Any) -> None:
    """The best BM25 match wins however old it is and however many newer ones match; the facets
    count every match."""
    many = [_news(n, section="ورزش" if n % 2 else "اقتصاد", published=f"2025-11-{n % 28 + 1:02d}")
            for n in range(1, 60)]
    best = _news(0, title="بازار بازار بازار", published="2020-01-05")
    store.upsert_many([best, *many])
    results = store.search(SearchRequest("بازار", limit=5))
    assert results.exact and results.total == 60
    assert results.hits[0].article.id == "n0"
    assert dict(results.facets.section) == {"ورزش": 30, "اقتصاد": 30}
    assert sum(n for _, n in results.facets.month) == 60
    assert dict(results.facets.jmonth)["1398-10"] == 1  # 5 January 2020 is 15 Dey 1398
    phrase = store.search(SearchRequest('"درباره بازار"', section="ورزش", since=date(2025, 11, 8)))
    assert phrase.exact and phrase.total == len([a for a in many if a.section == "ورزش"
                                                 and a.published >= "2025-11-08"])


_TEXT_CHARS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةئؤأآ۰۱۲۳۴۵۶۷۸۹0123456789abcXYZ\u064e\u0651.,«»:- \n\u200c"


@given(st.text(alphabet=_TEXT_CHARS, max_size=80))
@settings(max_examples=300, deadline=None)
def test_word_by_word_keys_equal_whole_text_keys(text: str) -> None:
    """document_tokens folds each word once (cached); that must equal folding the whole text."""
    from khabar.search import _key_functions, document_tokens

    assert document_tokens(text) == _key_functions()[1](text)


def test_optimize_waits_for_merges_and_keeps_answers_and_writes(tmp_path: Any) -> None:
    from khabar.store import open_store

    with open_store(str(tmp_path / "merge.db")) as store:
        for n in range(12):
            store.upsert_many([_news(10 * n + k, body=(f"بازار شماره {n} امروز رونق داشت.",)) for k in range(10)])
            store.search(SearchRequest("بازار", facets=False))  # commits: one index segment each
        before = store.search(SearchRequest("بازار", sort="date", limit=30))
        segments = store.optimize()  # type: ignore[attr-defined]
        after = store.search(SearchRequest("بازار", sort="date", limit=30))
        assert 1 <= segments < 12
        assert (after.total, after.exact) == (before.total, before.exact) == (120, True)
        assert [h.article.id for h in after.hits] == [h.article.id for h in before.hits]
        store.upsert(_news(999, title="بازار تازه"))  # the index writer is taken again
        assert store.search(SearchRequest("تازه")).total == 1
