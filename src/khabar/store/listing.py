"""Newest-first pages and per-value counts of the SQLite archive, answered by its Tantivy index.

The SQLite archive keeps no B-tree index on section, source or Jalali month: with publication
times in random order every new article landed on a random page of each such index, and at a
million articles those three indexes cost a fifth of the ingest rate (the pages each commit
dirtied, written twice: to the WAL and at the checkpoint). The search index already holds those
values as fast fields, so filtered pages and counts come from it: a term query sorted by the
sort-time column, and a terms aggregation. The result is the SQL order exactly (sort time
descending, then row id descending): Tantivy orders ties arbitrarily, so every article at the
page's last sort time is fetched and ordered here.

Tantivy has no such query of its own (a sort on two columns with a cursor); written here for that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import tantivy

from khabar.store.reading import ranked

#: Buckets of a counts aggregation (distinct sections, sources or months of an archive).
MAX_VALUES = 65_000
#: Articles at one sort time fetched at once (more are fetched in a second pass).
TIES = 1_000
#: Hits asked for beyond a page's need, so that ties at its last sort time seldom need a query.
SLACK = 32


def newest(searcher: Any, schema: Any, filters: Sequence[Any], *, before: tuple[float, int] | None,
           count: int) -> list[tuple[float, int]]:
    """(sort time, row id) of the ``count`` newest documents matching every query of ``filters``
    that come after the cursor ``before`` in the order (sort time, row id) descending.

    Each round asks Tantivy for SLACK more than it needs: when the answer reaches below its last
    sort time, every article at the times above is in it; otherwise the articles at the lowest
    time are fetched apart (_at)."""
    out: list[tuple[float, int]] = []
    upper, inclusive = (before[0], True) if before is not None else (None, False)
    while len(out) < count:
        clauses = list(filters)
        if upper is not None:
            clauses.append(tantivy.Query.range_query(schema, "sort_ts", tantivy.FieldType.Float, None, upper,
                                                     include_upper=inclusive))
        asked = count - len(out) + SLACK
        hits = _sorted_hits(searcher, _all_of(clauses), asked)
        complete = len(hits) < asked
        lowest = hits[-1][0] if hits else 0.0
        if inclusive and before is not None:
            hits = [hit for hit in hits if hit[0] < before[0] or hit[1] < before[1]]
        if complete:
            return (out + hits)[:count]
        out += [hit for hit in hits if hit[0] > lowest]
        if len(out) >= count:
            break
        out += [hit for hit in _at(searcher, schema, filters, lowest)
                if before is None or hit[0] < before[0] or hit[1] < before[1]]
        upper, inclusive = lowest, False
    return out[:count]


def counts(searcher: Any, field: str) -> tuple[tuple[str, int], ...]:
    """Documents per value of a fast text field, most first (ties by value)."""
    spec = {field: {"terms": {"field": field, "size": MAX_VALUES}}}
    buckets = searcher.aggregate(tantivy.Query.all_query(), spec).get(field, {}).get("buckets", [])
    return ranked((str(b["key"]), int(b["doc_count"])) for b in buckets)


def _at(searcher: Any, schema: Any, filters: Sequence[Any], moment: float) -> list[tuple[float, int]]:
    """Every match at sort time ``moment``, row id descending."""
    query = _all_of([*filters, tantivy.Query.range_query(schema, "sort_ts", tantivy.FieldType.Float,
                                                         moment, moment)])
    result = searcher.search(query, TIES, count=True)
    if int(result.count or 0) > TIES:
        result = searcher.search(query, int(result.count), count=False)
    return sorted(_pairs(searcher, result), reverse=True)


def _sorted_hits(searcher: Any, query: Any, limit: int) -> list[tuple[float, int]]:
    """The ``limit`` matches of latest sort time (which of the ties at the last one is Tantivy's
    choice), in the order (sort time, row id) descending."""
    result = searcher.search(query, limit, count=False, order_by_field="sort_ts")
    return sorted(_pairs(searcher, result), reverse=True)


def _pairs(searcher: Any, result: Any) -> list[tuple[float, int]]:
    addresses = [address for _, address in result.hits]
    if not addresses:
        return []
    rids = searcher.fast_field_values("rid", addresses)
    times = searcher.fast_field_values("sort_ts", addresses)
    return [(float(ts or 0.0), int(rid or 0)) for ts, rid in zip(times, rids, strict=True)]


def _all_of(clauses: Sequence[Any]) -> Any:
    if not clauses:
        return tantivy.Query.all_query()
    if len(clauses) == 1:
        return clauses[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, clause) for clause in clauses])
