"""Band keys of the newest rows held in memory (khabar.store.bands): copies are linked wherever
their keys are (memory, the table, another process's rows, rows of a crashed run)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.store import bands, dedup, groups, open_store
from khabar.store import sqlite as sqlite_store
from khabar.store.rows import article_row
from test_store import article

FIRST = dict(source="نخست", published="2025-11-01T08:00:00+03:30")
COPY = dict(source="بازنشر", published="2025-11-01T11:00:00+03:30", title="پل تازه در بندر نمونه")
OTHER_BODY = ("گزارشی دیگر درباره بازار کتاب و نمایشگاه تازه شهر که به پل ربطی ندارد و از کتاب‌های نو می‌گوید. " * 4,)


@pytest.mark.parametrize(("adds", "removes", "lookup", "expected"), [
    ([(1, (10, 11)), (2, (12, 13))], [], [11], {1}),
    ([(1, (10, 11)), (2, (10, 13))], [], [10], {1, 2}),  # a shared key holds both rows
    ([(1, (10, 11)), (2, (10, 13))], [(1, (10, 11))], [10, 11], {2}),
    ([(1, (10, 11)), (2, (10, 13)), (3, (10,))], [(2, (10, 13))], [10], {1, 3}),
    ([(1, (10, 11))], [(1, (10, 11))], [10, 11], set()),
    ([(1, (10, 11))], [], [99], set()),
])
def test_recent_bands_file_and_forget(adds: list[tuple[int, tuple[int, ...]]],
                                      removes: list[tuple[int, tuple[int, ...]]], lookup: list[int],
                                      expected: set[int]) -> None:
    held = bands.RecentBands()
    for rid, keys in adds:
        held.add(rid, keys)
    for rid, keys in removes:
        held.remove(rid, keys)
    assert held.rids(lookup) == expected
    assert len(held) == len(adds) - len(removes)


@given(st.dictionaries(st.integers(1, 50), st.lists(st.integers(-5, 5), min_size=1, max_size=4, unique=True)))
def test_recent_bands_pairs_are_every_filing_sorted(filed: dict[int, list[int]]) -> None:
    held = bands.RecentBands()
    for rid, keys in filed.items():
        held.add(rid, keys)
    expected = sorted((key, rid) for rid, keys in filed.items() for key in keys)
    assert held.pairs() == expected
    held.clear(upto=50)
    assert (held.pairs(), len(held), held.upto) == ([], 0, 50)


def _table(store: object) -> set[tuple[int, int]]:
    return set(store._all("SELECT band, article FROM minhash_bands", ()))  # type: ignore[attr-defined]


def test_copies_are_linked_across_a_merge_and_the_table_gets_the_keys(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bands, "MERGE_AT", 2)
    with open_store(str(tmp_path / "k.db")) as store:
        store.upsert(article(1, **FIRST))
        store.upsert(article(3, body=OTHER_BODY))
        assert _table(store) == set()  # held in memory so far
        store.upsert(article(4, title="خبری دیگر", body=OTHER_BODY[0].replace("کتاب", "فرش").split("،")))
        keys = dedup.bands(article_row(article(1)).minhash or b"")
        assert {(key, 1) for key in keys} <= _table(store)  # the third write merged the first two
        assert store._get_meta("bands_upto") == "2"
        store.upsert(article(2, **COPY))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]


def test_an_updated_row_is_refiled_in_the_table(tmp_path: Path) -> None:
    path = str(tmp_path / "k.db")
    with open_store(path) as store:
        store.upsert(article(1, **FIRST))
    with open_store(path) as store:  # closing merged the keys into the table
        old = {(key, 1) for key in dedup.bands(article_row(article(1)).minhash or b"")}
        assert old <= _table(store)
        assert store.upsert(article(1, **FIRST, body=OTHER_BODY)) == "updated"
        new = {(key, 1) for key in dedup.bands(article_row(article(1, body=OTHER_BODY)).minhash or b"")}
        assert _table(store) == new
        store.upsert(article(2, **COPY, body=OTHER_BODY))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]


WRITE_AND_DIE = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, sys.argv[2])
    from khabar.store import open_store
    from test_store import article
    store = open_store(sys.argv[1])
    store.upsert(article(1, source="نخست", published="2025-11-01T08:00:00+03:30"))
    os._exit(0)  # no close: the band keys were only in this process's memory
""")


def _write_and_die(path: str) -> None:
    subprocess.run([sys.executable, "-c", WRITE_AND_DIE, path, str(Path(__file__).parent)], check=True,
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, timeout=120)


def test_rows_of_a_crashed_run_are_refiled_when_the_archive_opens(tmp_path: Path) -> None:
    path = str(tmp_path / "k.db")
    _write_and_die(path)
    with open_store(path) as store:
        assert store.count() == 1
        store.upsert(article(2, **COPY))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]


def test_rows_another_process_wrote_meanwhile_are_seen(tmp_path: Path) -> None:
    path = str(tmp_path / "k.db")
    with open_store(path) as store:
        store.upsert(article(3, body=OTHER_BODY))  # this store's memory is current now
        store._search_index.release()  # let the other process take the index
        _write_and_die(path)
        store.upsert(article(2, **COPY))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]


def _fail(*args: object, **kwargs: object) -> bool:
    raise RuntimeError("disk gone")


def test_a_rolled_back_batch_leaves_no_keys_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(str(tmp_path / "k.db")) as store:
        with monkeypatch.context() as patch:
            patch.setattr(type(store), "_queue_rows", _fail)
            with pytest.raises(RuntimeError):
                store.upsert(article(1, **FIRST))
        store.upsert(article(3, body=OTHER_BODY))  # takes row id 1 again
        keys = dedup.bands(article_row(article(1)).minhash or b"")
        assert store._bands.rids(keys) == set()
        assert store.upsert(article(2, **COPY)) == "inserted"
        assert store.duplicates("art-2") == []


# ------------------------------------------------------------------ the table's Bloom filter
@given(st.lists(st.integers(-(1 << 63), (1 << 63) - 1), max_size=300), st.integers(1, 40))
def test_key_filter_never_turns_away_a_key_it_was_given(keys: list[int], first_part: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bands, "FIRST_PART", first_part)  # many small parts: growth is exercised too
        screened = bands.KeyFilter()
        for start in range(0, len(keys), 7):
            screened.add(keys[start:start + 7])
        assert screened.may_hold(keys) == keys


def test_key_filter_turns_away_nearly_every_other_key() -> None:
    rng = np.random.default_rng(5)
    held = rng.integers(-(1 << 63), (1 << 63) - 1, size=300_000, dtype=np.int64).tolist()
    screened = bands.KeyFilter()
    for start in range(0, len(held), 50_000):  # as merges add them, in runs
        screened.add(held[start:start + 50_000])
    others = rng.integers(-(1 << 63), (1 << 63) - 1, size=20_000, dtype=np.int64).tolist()
    assert len(screened.may_hold(others)) < 0.03 * len(others)
    assert screened.may_hold([]) == []


def _looked_up(store: object, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the band keys the store looks up in its table from now on."""
    asked: list[int] = []
    real = groups.stored_candidates

    def spy(query: object, rid_column: str, hashes: list[str], band_keys: list[int], recent: object = ()) -> object:
        asked.extend(band_keys)
        return real(query, rid_column, hashes, band_keys, recent)  # type: ignore[arg-type]

    monkeypatch.setattr(groups, "stored_candidates", spy)
    return asked


def test_a_store_that_filled_its_table_looks_up_only_keys_it_may_hold(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bands, "MERGE_AT", 1)
    with open_store(str(tmp_path / "k.db")) as store:
        store.upsert(article(1, **FIRST))
        store.upsert(article(3, body=OTHER_BODY))  # merges the first row's keys into the table
        asked = _looked_up(store, monkeypatch)
        store.upsert(article(2, **COPY))  # a copy: its keys are the table's
        store.upsert(article(4, title="خبری دیگر", body=OTHER_BODY[0].replace("کتاب", "فرش").split("،")))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]
    copy_keys = set(dedup.bands(article_row(article(2, **COPY)).minhash or b""))
    assert set(asked) & copy_keys  # the copy's keys were looked up in the table...
    fresh_keys = set(dedup.bands(article_row(article(4, title="خبری دیگر", body=OTHER_BODY[0].replace(
        "کتاب", "فرش").split("،"))).minhash or b""))
    assert len(set(asked) & fresh_keys) <= 1  # ...a new story's almost never (1% may pass)


def test_a_table_another_run_filled_is_read_into_the_filter_once_it_pays(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "k.db")
    with open_store(path) as store:
        store.upsert(article(1, **FIRST))
        store.upsert(article(3, body=OTHER_BODY))
    monkeypatch.setattr(sqlite_store, "SCREEN_AFTER", 8)  # one article's keys
    with open_store(path) as store:  # the table holds the first run's keys, closed into it
        assert store._table_filter is None
        store.upsert(article(4, title="خبری دیگر", body=OTHER_BODY[0].replace("کتاب", "فرش").split("،")))
        assert store._table_filter is not None  # read from the table after 8 unscreened keys
        store.upsert(article(2, **COPY))
        assert [s.id for s in store.duplicates("art-2")] == ["art-1"]
