"""Duplicate groups: each article stores the row id of its story's first publisher (``dup_group``).

At ingest a new article is compared with the stored ones that share its content hash or one of its
MinHash LSH bands (see :mod:`khabar.store.dedup`) and with the others of its batch; it joins the
group of every copy it matches (single linkage). When it was published before the group's first
publisher, the group is renamed after it. ``Store.duplicates(id)`` is then one indexed lookup.
Hand-written because the grouping lives in the archive's own rows, where datasketch's in-memory
LSH cannot follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from khabar.store import dedup


class HasSignature(Protocol):
    @property
    def content_hash(self) -> str | None: ...
    @property
    def minhash(self) -> bytes | None: ...


Query = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
Execute = Callable[[str, Sequence[Any]], Any]
ExecuteMany = Callable[[str, Sequence[Sequence[Any]]], None]
#: Rows per batch when filling in the groups of an older archive.
BACKFILL_BATCH = 1000
#: Values per IN (…) list.
CHUNK = 500


@dataclass(frozen=True)
class Candidate:
    """One article a new one is compared with."""

    rid: int
    group: int | None  # None: not grouped yet (in the same batch, or stored before groups existed)
    sort_ts: float
    content_hash: str | None
    minhash: bytes | None
    bands: tuple[int, ...] = ()  # the LSH band keys of ``minhash``


def candidate(rid: int, group: int | None, sort_ts: float, content_hash: str | None,
              minhash: bytes | None, bands: Sequence[int] | None = None) -> Candidate:
    """A Candidate with its band keys (computed from the signature unless given)."""
    if bands is None:
        bands = dedup.bands(minhash) if minhash is not None else ()
    return Candidate(rid, group, sort_ts, content_hash, minhash, tuple(bands))


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]


def unsigned_hashes(rows: Iterable[HasSignature]) -> list[str]:
    """The content hashes to look up: those of texts too short for a MinHash signature. Equal
    texts have equal signatures, so the others' exact copies share all their band keys and are
    found through those (one index fewer to write per article)."""
    return [row.content_hash for row in rows if row.content_hash and row.minhash is None]


def stored_candidates(query: Query, rid_column: str, hashes: list[str], band_keys: list[int],
                      recent: Iterable[int] = ()) -> list[Candidate]:
    """Stored articles with no signature sharing one of ``hashes``, filed under one of
    ``band_keys``, or among the ``recent`` row ids (filed in memory, see khabar.store.bands)."""
    found: dict[int, Candidate] = {}
    columns = f"a.{rid_column}, a.dup_group, a.sort_ts, a.content_hash, a.minhash"
    for part in _chunks(sorted(set(hashes))):
        marks = ", ".join("?" for _ in part)
        for row in query(f"SELECT {columns} FROM articles a WHERE a.content_hash IN ({marks}) "
                         "AND a.minhash IS NULL", part):
            found[int(row[0])] = _candidate(row)
    for part in _chunks(sorted(set(band_keys))):
        marks = ", ".join("?" for _ in part)
        for row in query(f"SELECT DISTINCT {columns} FROM minhash_bands b JOIN articles a "
                         f"ON a.{rid_column} = b.article WHERE b.band IN ({marks})", part):
            found[int(row[0])] = _candidate(row)
    _fetch(query, columns, rid_column, set(recent), found)
    # a group's first publisher decides who comes first
    _fetch(query, columns, rid_column, {c.group for c in found.values() if c.group is not None}, found)
    return list(found.values())


def _fetch(query: Query, columns: str, rid_column: str, rids: set[int], found: dict[int, Candidate]) -> None:
    """Add the rows ``rids`` not yet ``found``."""
    for part in _chunks(sorted(rids - set(found))):
        marks = ", ".join("?" for _ in part)
        for row in query(f"SELECT {columns} FROM articles a WHERE a.{rid_column} IN ({marks})", part):
            found[int(row[0])] = _candidate(row)


def _candidate(row: Sequence[Any]) -> Candidate:
    return candidate(int(row[0]), int(row[1]) if row[1] is not None else None, float(row[2]), row[3],
                     bytes(row[4]) if row[4] is not None else None)


def is_copy(a: Candidate, b: Candidate) -> bool:
    if a.content_hash and a.content_hash == b.content_hash:
        return True
    return (a.minhash is not None and b.minhash is not None
            and dedup.similarity(a.minhash, b.minhash) >= dedup.THRESHOLD)


@dataclass(frozen=True)
class Grouping:
    """The group of each new row, and stored groups renamed (old leader → new leader)."""

    groups: dict[int, int]
    renamed: dict[int, int]


def assign(new: list[Candidate], stored: list[Candidate]) -> Grouping:
    """Groups for ``new`` (in order) against ``stored`` and each other; see the module docstring."""
    apart = _apart(new)
    if not stored and apart:  # the common case: nothing to compare, each its own group
        return Grouping({item.rid: item.rid for item in new}, {})
    by_hash: dict[str, list[Candidate]] = {}
    by_band: dict[int, list[Candidate]] = {}
    for item in stored:
        _file(item, by_hash, by_band)
    when = {c.rid: c.sort_ts for c in stored}
    group_of = {c.rid: c.group if c.group is not None else c.rid for c in stored}
    renamed: dict[int, int] = {}
    out: dict[int, int] = {}
    for item in new:
        when[item.rid] = item.sort_ts
        seen = {c.rid: c for c in by_hash.get(item.content_hash or "", ())}
        for key in item.bands:
            if hits := by_band.get(key):  # most keys are new: no generator for them
                for c in hits:
                    seen[c.rid] = c
        best = item.rid
        if seen:
            leaders = {_leader(group_of[c.rid], renamed) for c in seen.values()
                       if c.rid != item.rid and is_copy(item, c)}
            if leaders:
                best = min([*leaders, item.rid], key=lambda rid: (when.get(rid, float("inf")), rid))
                for leader in leaders - {best}:
                    renamed[leader] = best
        group_of[item.rid] = out[item.rid] = best
        if not apart:  # a later new row may share a key with this one
            _file(item, by_hash, by_band)
    return Grouping({rid: _leader(group, renamed) for rid, group in out.items()}, renamed)


def _apart(new: list[Candidate]) -> bool:
    """Whether no two of ``new`` share a content hash or a band key (then none can be a copy)."""
    keys = [key for item in new for key in item.bands]
    hashes = [item.content_hash for item in new if item.content_hash]
    return len(set(keys)) == len(keys) and len(set(hashes)) == len(hashes)


def _leader(group: int, renamed: dict[int, int]) -> int:
    while group in renamed:
        group = renamed[group]
    return group


def _file(item: Candidate, by_hash: dict[str, list[Candidate]], by_band: dict[int, list[Candidate]]) -> None:
    if item.content_hash:
        by_hash.setdefault(item.content_hash, []).append(item)
    for key in item.bands:
        by_band.setdefault(key, []).append(item)


def backfill(query: Query, execute: Execute, execute_many: ExecuteMany, rid_column: str) -> None:
    """Fill the columns migration 2 added (Jalali day and month, duplicate group) for the rows stored
    before it, in row order and batches."""
    from khabar.store.rows import jalali_day

    last = 0
    while rows := query(f"SELECT {rid_column}, pub_day, sort_ts, content_hash, minhash FROM articles "
                        f"WHERE {rid_column} > ? ORDER BY {rid_column} LIMIT {BACKFILL_BATCH}", (last,)):
        days = [(jalali_day(row[1]), int(row[0])) for row in rows]
        execute_many(f"UPDATE articles SET jday = ?, jmonth = ? WHERE {rid_column} = ?",
                     [(day, day[:7] if day else None, rid) for day, rid in days])
        new = [candidate(int(r[0]), None, float(r[2]), r[3], bytes(r[4]) if r[4] else None) for r in rows]
        stored = stored_candidates(query, rid_column, unsigned_hashes(new), [key for c in new for key in c.bands])
        found = assign(new, [c for c in stored if c.rid <= last])
        for old, leader in found.renamed.items():
            execute("UPDATE articles SET dup_group = ? WHERE dup_group = ?", (leader, old))
        execute_many(f"UPDATE articles SET dup_group = ? WHERE {rid_column} = ?",
                     [(group, rid) for rid, group in found.groups.items()])
        last = int(rows[-1][0])
