"""Bulk ingest: MinHash signatures computed a batch at a time, rows folded in pieces on two cores
and written piece by piece, with the same rows, groups and guarantees as one article at a time."""

from __future__ import annotations

import dataclasses
import random
import time
import zlib
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.errors import StoreError
from khabar.records import Article
from khabar.search import SearchRequest
from khabar.store import dedup, open_store, parallel
from khabar.store.rows import ArticleRow, Texts, article_row, article_rows, fold_texts, rows_of
from test_store import BODY, article

ZWNJ = "\u200c"
WORDS = ["بازار", "کتاب", f"می{ZWNJ}شود", "نمایشگاه", "شهر", "پل", f"همکاری{ZWNJ}ها", "۱۴۰۴", "سال", "تازه",
         "رئیس‌جمهور", "گفت", "درباره", "بزرگ‌ترین", "خبرنگار", "مردم"]
MASK = (1 << 64) - 1


def _mix(value: int) -> int:
    z = (value + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def reference_signature(tokens: list[str]) -> bytes | None:
    """The MinHash of the word bigrams written out in plain integers, one bigram at a time."""
    if len(tokens) < dedup.MIN_TOKENS:
        return None
    crcs = [zlib.crc32(t.encode("utf-8")) for t in tokens]
    hashes = [_mix((x << 32) | y) & 0xFFFFFFFF for x, y in pairwise(crcs)]
    a, b = dedup._permutations()
    values = [min((int(ak) * h + int(bk)) & 0xFFFFFFFF for h in hashes) for ak, bk in zip(a, b, strict=True)]
    return b"".join(v.to_bytes(4, "little") for v in values)


texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=70)


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=0, max_size=12))
def test_batch_signatures_equal_each_article_alone(batch: list[list[str]]) -> None:
    assert dedup.signatures(batch) == [reference_signature(tokens) for tokens in batch]


def test_batch_signatures_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup, "SIGNATURE_BLOCK", 3)
    batch = [[WORDS[(i * 7 + k * (i % 5 + 1)) % len(WORDS)] for k in range(25 + i * 3)] for i in range(11)]
    found = dedup.signatures(batch)
    assert found == [reference_signature(tokens) for tokens in batch]
    assert found[:2] == [None, None] and all(found[2:])  # under MIN_TOKENS words: no signature


def test_rows_of_a_batch_equal_rows_one_at_a_time() -> None:
    items = [article(n, body=(*BODY, f"بند شماره {n} گزارش.")) for n in range(1, 6)]
    items.append(article(9, body=("کوتاه.",)))
    assert article_rows(items) == [article_row(a) for a in items]


def _items(count: int) -> list[Any]:
    return [article(n, body=(*BODY, f"بند شماره {n} از گزارش شورای شهر.")) for n in range(1, count + 1)]


@pytest.fixture()
def helper(monkeypatch: pytest.MonkeyPatch) -> Iterator[parallel.RowHelper]:
    """A row helper that takes batches of 10 or more (the real threshold is far larger)."""
    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    running = parallel.RowHelper()
    running.enabled = True
    yield running
    running.close()


def test_pieces_arrive_in_order_and_cover_the_batch(helper: parallel.RowHelper) -> None:
    items = _items(40)
    pieces = list(helper.pieces(items, article_rows))
    assert len(pieces) == len(parallel.PIECES) + 1
    assert [row for piece in pieces for row in piece] == article_rows(items)
    assert helper.rows(items[:5], article_rows) == article_rows(items[:5])  # small: folded here


@pytest.mark.parametrize(("size", "share", "mine"), [(1000, 0.22, 220), (1000, 0.04, 40), (1000, 0.5, 500),
                                                    (40, 0.22, 9)])
def test_cuts_give_this_process_its_share(size: int, share: float, mine: int) -> None:
    cuts = parallel._cuts(size, share)
    assert abs(cuts[0] - mine) <= len(parallel.PIECES)  # rounding of each piece
    assert cuts == sorted(set(cuts)) and cuts[-1] < size and len(cuts) == len(parallel.PIECES)


@pytest.mark.parametrize(("share", "waited", "elapsed", "expected"), [
    (0.22, 0.0, 1.0, 0.20),  # the helper's pieces were all ready: fold less here
    (0.22, 0.02, 1.0, 0.20),  # waiting within the tolerance
    (0.22, 0.1, 1.0, 0.24),  # the helper fell behind: fold more here
    (parallel.MIN_SHARE, 0.0, 1.0, parallel.MIN_SHARE),
    (parallel.MAX_SHARE, 0.5, 1.0, parallel.MAX_SHARE),
])
def test_the_share_follows_which_side_waits(share: float, waited: float, elapsed: float, expected: float) -> None:
    assert parallel.next_share(share, waited, elapsed) == pytest.approx(expected)


def test_pieces_ready_before_they_are_asked_for_are_no_wait(helper: parallel.RowHelper) -> None:
    items = _items(40)

    def slow(batch: list[Article]) -> list[ArticleRow]:  # the helper's pieces are all ready in time
        time.sleep(1.0)
        return article_rows(batch)

    helper.rows(items, article_rows)  # the helper process starts
    start = helper.share = parallel.SHARE
    assert helper.rows(items, slow) == article_rows(items)
    assert helper.share == pytest.approx(start - parallel.SHARE_STEP)


def test_a_helper_that_dies_is_replaced_by_local_work(helper: parallel.RowHelper) -> None:
    items = _items(30)
    assert helper.rows(items, article_rows) == article_rows(items)
    child = helper._child
    assert child is not None
    child.kill()
    child.wait()
    assert helper.rows(items, article_rows) == article_rows(items)
    assert not helper.enabled


def test_syndicated_copies_in_different_pieces_are_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    items = [article(n, body=(" ".join(random.Random(n).choices(WORDS, k=60)) + ".",), title=f"خبر دیگر {n}")
             for n in range(1, 40)]  # unrelated reports (few shared bigrams)
    first = article(100, source="نخست", published="2025-11-01T08:00:00+03:30")
    copy = article(101, source="بازنشر", published="2025-11-01T11:00:00+03:30", title="پل تازه در بندر نمونه")
    batch = [copy, *items[:20], first, *items[20:]]  # the copy in this process's part, the first in a piece
    with open_store(str(tmp_path / "k.db")) as store:
        assert store.upsert_many(batch) == ["inserted"] * len(batch)
        assert [s.id for s in store.duplicates("art-101")] == ["art-100"]
        assert store.duplicates("art-5") == []


def test_repeats_and_changes_across_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    items = _items(30)
    changed = dataclasses.replace(items[3], title="عنوان تازه")
    batch = [*items, items[2], changed]  # both repeats land in the helper's last piece
    with open_store(str(tmp_path / "k.db")) as store:
        results = store.upsert_many(batch)
        assert results == ["inserted"] * 30 + ["unchanged", "updated"]
        assert store.count() == 30
        assert [v.version for v in store.history("art-4")] == [1]
        again = ["unchanged"] * 3 + ["updated"] + ["unchanged"] * 26 + ["unchanged", "updated"]
        assert store.upsert_many(batch) == again  # art-4 goes back to its first form, then changes again
        assert [v.version for v in store.history("art-4")] == [1, 2, 3]


def test_a_failed_piece_rolls_the_whole_batch_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store.base import SQLStore

    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    items = _items(40)
    original = SQLStore._insert_rows
    calls = []

    def failing(self: SQLStore, rows: list[Any]) -> None:
        calls.append(len(rows))
        if len(calls) == 3:
            raise StoreError("disk full (simulated)")
        original(self, rows)

    with open_store(str(tmp_path / "k.db")) as store:
        monkeypatch.setattr(SQLStore, "_insert_rows", failing)
        with pytest.raises(StoreError, match="simulated"):
            store.upsert_many(items)
        assert store.count() == 0
        monkeypatch.setattr(SQLStore, "_insert_rows", original)
        assert store.upsert_many(items) == ["inserted"] * 40  # the helper's pipe was left clean
        assert store.search(SearchRequest("بند")).total == 40


def test_an_article_without_id_in_a_large_batch_is_refused_before_anything(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_BATCH", 10)
    items = _items(30)
    items[25] = dataclasses.replace(items[25], id="")
    with open_store(str(tmp_path / "k.db")) as store:
        with pytest.raises(StoreError, match="no id"):
            store.upsert_many(items)
        assert store.count() == 0


@pytest.mark.parametrize(("bands", "hashes", "expected"), [
    ([(1, 2), (3, 4), (5, 6)], ["h1", "h2", "h3"], {10: 10, 11: 11, 12: 12}),  # nothing shared
    ([(1, 2), (3, 4), (5, 6)], ["h1", "h2", "h1"], {10: 10, 11: 11, 12: 10}),  # same body: one group
    ([(1, 2), (3, 2), (5, 6)], ["h1", "h2", "h3"], {10: 10, 11: 10, 12: 12}),  # a shared band, similar
])
def test_groups_within_a_batch(bands: list[tuple[int, int]], hashes: list[str], expected: dict[int, int]) -> None:
    from khabar.store import groups

    signature = bytes(4 * dedup.NUM_PERM)  # all equal: any band match is a copy
    new = [groups.Candidate(10 + i, None, 100.0 + i, h, signature, b)
           for i, (b, h) in enumerate(zip(bands, hashes, strict=True))]
    assert groups.assign(new, []).groups == expected


def test_checkpoints_run_beside_the_writer_and_stop_with_it(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "k.db"
    with open_store(str(path)) as store:
        store.upsert_many(_items(5))
        assert sum(t.name == "khabar-checkpoint" for t in threading.enumerate()) == 1
    assert not any(t.name == "khabar-checkpoint" for t in threading.enumerate())
    with open_store(str(path), read_only=True) as reader:  # a reader starts none
        assert reader.count() == 5
        assert not any(t.name == "khabar-checkpoint" for t in threading.enumerate())


def test_writes_go_on_while_a_timed_index_commit_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow Tantivy commit on the timer's thread holds neither the store nor its writes: batches
    written meanwhile wait for the next flush and none is lost from search."""
    import threading

    from khabar.store import sqlite
    from khabar.store.tantivy_index import SearchIndex

    monkeypatch.setattr(sqlite, "COMMIT_SECONDS", 0.01)
    committing, release = threading.Event(), threading.Event()
    original = SearchIndex.commit

    def held_commit(self: SearchIndex) -> None:
        committing.set()
        release.wait(30)
        original(self)

    monkeypatch.setattr(SearchIndex, "commit", held_commit)
    items = _items(40)
    with open_store(str(tmp_path / "k.db")) as store:
        store.upsert_many(items[:5])
        assert committing.wait(5)  # the timer's commit has begun and is held
        writer = threading.Thread(target=lambda: [store.upsert(item) for item in items[5:]])
        writer.start()
        writer.join(10)
        held_up = writer.is_alive()
        release.set()
        writer.join()
        assert not held_up  # 35 transactions went through beside the commit
        found = store.search(SearchRequest("شورای شهر", limit=50, facets=False))
        assert found.total == 40
    with open_store(str(tmp_path / "k.db")) as again:
        assert again.search(SearchRequest("شورای شهر", limit=50, facets=False)).total == 40


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(1 << 63), (1 << 63) - 1)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_stored_json_is_byte_for_byte_the_standard_librarys(value: Any) -> None:
    """Stored documents' hashes say whether a re-fetched page changed: the fast encoder must write
    exactly what json.dumps wrote when those hashes were taken."""
    import json

    from khabar.store.rows import _dumps

    assert _dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def test_content_hashes_are_computed_only_for_articles_without_one() -> None:
    given = dataclasses.replace(article(1), content_hash="hash-set-by-the-pipeline")
    folded = fold_texts(Texts.of([given, article(2)]))
    assert folded.body_hashes[0] is None
    assert folded.body_hashes[1] == dedup.content_hash(folded.body_keys[1])
    assert [r.content_hash for r in rows_of([given, article(2)], folded)] == [
        "hash-set-by-the-pipeline", folded.body_hashes[1]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters=" ", blacklist_categories=("Cs",)), min_size=1,
                        max_size=70), min_size=1, max_size=40))
def test_tokens_hashed_side_by_side_are_zlibs_crc32(tokens: list[str]) -> None:
    """Persian, Latin, emoji, one-byte and over-long tokens alike (LONG_TOKEN are hashed alone)."""
    found = dedup._token_crcs(" ".join(tokens).encode("utf-8"))
    assert found.tolist() == [zlib.crc32(t.encode("utf-8")) for t in tokens]


def test_signatures_from_keys_equal_those_of_the_split_keys() -> None:
    keys = [" ".join(WORDS[(i * 5 + k) % len(WORDS)] for k in range(40 + i)) for i in range(6)]
    keys += ["", "تنها دو"]
    assert dedup.key_signatures(keys) == [reference_signature(key.split()) for key in keys]
