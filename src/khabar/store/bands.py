"""The MinHash LSH band keys of the newest articles, held in memory and written to the archive's
``minhash_bands`` table in sorted runs.

Each article is filed under 8 band keys (see :mod:`khabar.store.dedup`): random 64-bit values. One
by one, at a million articles, each of them lands on another page of a 160 MiB B-tree, and the
8,000 pages a 1,000-article transaction dirties were over half of what SQLite wrote per article
(29 of ~54 KiB, most of COMMIT's 0.28 ms). Here the keys of the articles stored after the table's
watermark (``meta.bands_upto``) are kept in a dict and appended to the table, sorted, once MERGE_AT
articles have gathered (and at close): a sorted run of 640,000 keys writes each page of the table
about once, some 2-3 KiB per article at a million articles instead of 29 (COMMIT fell to 0.06-0.08
ms per article between merges).

Nothing is lost in a crash: the keys are derived from ``articles.minhash``, so a store that opens
(or rolls back, or sees that another process wrote) reloads the rows after the watermark. A merge
moves the watermark in the same transaction as the rows it appends. Hand-written because no
library keeps an LSH index in step with SQLite transactions (datasketch's storage is in memory or
Redis/Cassandra).

The table's keys are screened by a Bloom filter (:class:`KeyFilter`) before they are looked up:
each new article's 8 keys were 8 index seeks in a table of 8 million keys at a million articles,
nearly all of them misses (0.05-0.06 ms of the writer's time per article). Hand-written because a
filter that only ever grows, in numpy, is a few lines, and the Bloom filter packages on PyPI hash
each key in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Articles gathered in memory before their band keys are appended to the table (about 6 MiB per 10k).
MERGE_AT = 80_000
#: Bits of filter per key it is sized for; with PROBES bits per key about 1% of absent keys pass.
BITS_PER_KEY = 10
PROBES = 4
#: Keys the first part of a filter is sized for; each further part takes twice as many.
FIRST_PART = 1 << 19
#: Odd multipliers: each spreads a (random, blake2b-derived) key to another bit of a part.
_SPREADS = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93],
                    dtype=np.uint64)[:PROBES]


class RecentBands:
    """band key → row ids, for the rows after ``upto``."""

    def __init__(self, upto: int = 0) -> None:
        self.upto = upto
        self._first: dict[int, int] = {}  # band key → its one row id (nearly every key)
        self._more: dict[int, list[int]] = {}  # band key → the other row ids, for shared keys
        self._rows: set[int] = set()

    def __len__(self) -> int:
        """How many rows are held."""
        return len(self._rows)

    @property
    def full(self) -> bool:
        return len(self._rows) >= MERGE_AT

    def add(self, rid: int, keys: Iterable[int]) -> None:
        self._rows.add(rid)
        for key in keys:
            held = self._first.setdefault(key, rid)
            if held != rid:
                more = self._more.setdefault(key, [])
                if rid not in more:
                    more.append(rid)

    def remove(self, rid: int, keys: Iterable[int]) -> None:
        self._rows.discard(rid)
        for key in keys:
            more = self._more.get(key)
            if self._first.get(key) == rid:
                if more:
                    self._first[key] = more.pop(0)
                else:
                    del self._first[key]
            elif more and rid in more:
                more.remove(rid)
            if more is not None and not more:
                del self._more[key]

    def rids(self, keys: Iterable[int]) -> set[int]:
        """The rows filed under any of ``keys``."""
        found: set[int] = set()
        for key in keys:
            rid = self._first.get(key)
            if rid is not None:
                found.add(rid)
                found.update(self._more.get(key, ()))
        return found

    def pairs(self) -> list[tuple[int, int]]:
        """Every (band key, row id), sorted as the table's primary key is."""
        pairs = [(key, rid) for key, rid in self._first.items()]
        pairs += [(key, rid) for key, rids in self._more.items() for rid in rids]
        pairs.sort()
        return pairs

    def clear(self, upto: int) -> None:
        """Forget every row: they are in the table up to ``upto`` now."""
        self.upto = upto
        self._first.clear()
        self._more.clear()
        self._rows.clear()


class _Part:
    """One Bloom filter of a fixed size (a power of two bits)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.count = 0
        self._shift = np.uint64(64 - max(3, (capacity * BITS_PER_KEY - 1).bit_length()))
        self._bits = np.zeros(1 << (64 - int(self._shift) - 3), dtype=np.uint8)

    def _probes(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        positions = (keys[None, :] * _SPREADS[:, None]) >> self._shift  # wraps around, as meant
        return positions >> np.uint64(3), (np.uint8(1) << (positions & np.uint64(7)).astype(np.uint8))

    def add(self, keys: np.ndarray) -> None:
        cells, masks = self._probes(keys)
        np.bitwise_or.at(self._bits, cells.ravel(), masks.ravel())
        self.count += len(keys)

    def may_hold(self, keys: np.ndarray) -> np.ndarray:
        cells, masks = self._probes(keys)
        held: np.ndarray = np.all(self._bits[cells] & masks, axis=0)
        return held


class KeyFilter:
    """The band keys of the minhash_bands table, as a growing Bloom filter: it never says no to a
    key it was given; of the others about 1% get through. Parts are added, each twice the last,
    as keys come, so it never has to see the table again to grow."""

    def __init__(self) -> None:
        self._parts: list[_Part] = []

    @staticmethod
    def _array(keys: Iterable[int]) -> np.ndarray:
        return np.fromiter(keys, dtype=np.int64).view(np.uint64)

    def add(self, keys: Iterable[int]) -> None:
        values = self._array(keys)
        while len(values):
            if not self._parts or self._parts[-1].count >= self._parts[-1].capacity:
                size = self._parts[-1].capacity * 2 if self._parts else FIRST_PART
                self._parts.append(_Part(max(size, len(values))))
            part = self._parts[-1]
            room = part.capacity - part.count
            part.add(values[:room])
            values = values[room:]

    def may_hold(self, keys: Sequence[int]) -> list[int]:
        """Those of ``keys`` the table may hold."""
        if not keys:
            return []
        values = self._array(keys)
        passed = np.zeros(len(values), dtype=bool)
        for part in self._parts:
            passed |= part.may_hold(values)
        return [key for key, kept in zip(keys, passed.tolist(), strict=True) if kept]
