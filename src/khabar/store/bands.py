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
"""

from __future__ import annotations

from collections.abc import Iterable

#: Articles gathered in memory before their band keys are appended to the table (about 6 MiB per 10k).
MERGE_AT = 80_000


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
