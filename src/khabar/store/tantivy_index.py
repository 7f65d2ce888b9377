"""The SQLite archive's search index: Tantivy (tantivy-py), in a directory beside the database file.

The index holds derived data only (the row id, the search keys of title, lead and body, the filter
and facet values, the sort time), so the SQLite file stays the record of truth and the index can be
rebuilt from it at any time. Measured against FTS5 on the same keys (BENCHMARKS.md), Tantivy returns
the BM25 top-k without scoring every match and indexes in its own threads. A small JSON file in the
directory records the key version and the index layout it was built with; either differing means a
rebuild. One process writes (Tantivy's lock file); readers open the directory and reload on commit.

A phrase of very common words matches most articles, and Tantivy checks word positions in each
one (a phrase's BM25 top-k cannot skip). Such a search is bounded by hand, since Tantivy has no
cap on positions checked: it runs among the newest articles only, "published since then" joined
to each phrase as a fast-field range (so Tantivy checks positions in those articles only; a set
of row ids measured 8x slower, and a range above the phrases' union still lets the union check
every article). Where "then" lies comes from a per-day histogram of publication times (one
aggregation, cached while the archive grows by under 1%) and the words' document frequencies: the newest days
expected to hold about PHRASE_CANDIDATES articles with all the words. Finding that date by
sorting every candidate visits them all (phrase p95 53-63 ms of CPU at a million synthetic
articles, against about 20 ms this way; BENCHMARKS.md). Every hit still really
contains the phrase; the total is scaled from the sample and marked inexact; a sample with too few
hits for the page is widened, and a page beyond a sample of half the archive falls back to the
full search. Newest-first pages are exact (the sample is the newest days).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import tantivy

from khabar.errors import QueryError, StoreError
from khabar.search import AllOf, AnyOf, Filters, Node, Phrase, Query
from khabar.store import listing
from khabar.store.models import Facets
from khabar.store.rows import FIELD_WEIGHTS
from khabar.store.trim import MapTrimmer

#: Bumped whenever the fields below change: an index of another layout is rebuilt.
LAYOUT = 2
TEXT_FIELDS = ("title", "lead", "body")
FACET_FIELDS = ("source", "section", "month", "jmonth")
META_FILE = "khabar-index.json"
#: The writer's indexing memory: commits come every few seconds at ingest, so a segment never
#: nears it, and a larger heap only raised resident memory.
WRITER_HEAP = 64_000_000
#: How long a writer waits for another process's index lock before giving up.
LOCK_WAIT = 30.0
FACET_SIZE = 1000
_COUNTED = "matches"  # the aggregation name of the match count beside the facets
#: A phrase whose rarest word is in more articles than this is searched among a sample (above).
PHRASE_BOUND = 10_000
#: About how many of the newest articles with all of a phrase's words the phrase is looked for in.
PHRASE_CANDIDATES = 2_000
#: Samples tried (each wider when the last had too few hits for the page) before the full search.
PHRASE_WIDENINGS = 3
DAY = 86_400.0


@dataclass(frozen=True)
class Entry:
    """One article as the index sees it."""

    rid: int
    title: str
    lead: str
    body: str
    section: str | None
    source: str | None
    authors: tuple[str, ...]
    day: int | None  # YYYYMMDD of publication
    sort_ts: float
    month: str | None
    jmonth: str | None


@dataclass(frozen=True)
class Found:
    """A search's answer from the index: total matches, (row id, score, sort time) in order, facets.
    ``exact`` is False when the total (and the facets) were scaled from a sample."""

    total: int
    hits: list[tuple[int, float, float]]
    facets: Facets
    exact: bool = True


def _schema() -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rid", stored=False, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="keys", index_option="position")
    for name in ("section", "source", "month", "jmonth"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_text_field("author", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", indexed=True, fast=True)  # fast: date ranges scan a column
    builder.add_float_field("sort_ts", fast=True)
    return builder.build()


class SearchIndex:
    """A Tantivy index at ``path`` (None: in memory). Writing takes the index lock lazily."""

    def __init__(self, path: str | None, *, key_version: int, read_only: bool = False) -> None:
        self.path = path
        self.key_version = key_version
        self.read_only = read_only
        self._schema = _schema()
        self._writer: Any = None
        # Merges read whole segments through memory maps: the writer keeps them paged out (trim.py).
        self._trimmer = MapTrimmer(path) if path is not None else None
        self._seen = 0  # meta.json's mtime when last reloaded
        self._days: tuple[int, tuple[tuple[float, int], ...]] | None = None  # (articles, histogram)
        self.fresh = False  # True when opening found no usable index (everything must be indexed)
        meta = self._read_meta()
        if path is not None and not read_only and meta != {"layout": LAYOUT, "key_version": key_version}:
            shutil.rmtree(path, ignore_errors=True)  # another layout or key version: rebuilt from SQLite
            self.fresh = True
        if path is not None and read_only and meta is None:
            raise StoreError(f"the archive has no search index at {path}; open it once for writing or "
                             "run khabar reindex")
        if path is not None:
            Path(path).mkdir(exist_ok=True)
        try:
            self._index = tantivy.Index(self._schema, path=path)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot open the search index {path}: {exc}; run khabar reindex") from exc
        self.fresh = self.fresh or path is None
        self._index.register_tokenizer("keys", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
        if self.fresh:
            self._write_meta()

    # ------------------------------------------------------------------ meta
    def _meta_path(self) -> Path | None:
        return Path(self.path) / META_FILE if self.path is not None else None

    def _read_meta(self) -> dict[str, Any] | None:
        where = self._meta_path()
        try:
            found: dict[str, Any] | None = json.loads(where.read_text(encoding="utf-8")) if where else None
            return found
        except (OSError, ValueError):
            return None

    def _write_meta(self) -> None:
        where = self._meta_path()
        if where is not None:
            spare = where.with_suffix(".tmp")
            spare.write_text(json.dumps({"layout": LAYOUT, "key_version": self.key_version}), encoding="utf-8")
            spare.replace(where)

    def size(self) -> int:
        if self.path is None:
            return 0
        return sum(f.stat().st_size for f in Path(self.path).iterdir() if f.is_file())

    # ------------------------------------------------------------------ writing
    def writer(self, *, wait: float | None = None) -> Any:
        """The index writer, taken when first needed (Tantivy allows one per index)."""
        if self.read_only:
            raise StoreError("this archive was opened read-only; open it without read_only to write")
        deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
        while self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)
                if self._trimmer is not None:
                    self._trimmer.start()
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() >= deadline:
                    raise StoreError(f"another process is writing to the archive's search index ({self.path}); "
                                     "wait for it to finish, or stop it") from exc
                time.sleep(0.05)
        return self._writer

    def add(self, entries: Sequence[Entry], *, replace: bool) -> None:
        writer = self.writer()
        for entry in entries:
            if replace:
                writer.delete_documents_by_term("rid", entry.rid)
            writer.add_document(self._document(entry))

    def delete(self, rids: Sequence[int]) -> None:
        writer = self.writer()
        for rid in rids:
            writer.delete_documents_by_term("rid", rid)

    @staticmethod
    def _document(entry: Entry) -> Any:
        doc = tantivy.Document()
        doc.add_integer("rid", entry.rid)
        doc.add_text("title", entry.title)
        doc.add_text("lead", entry.lead)
        doc.add_text("body", entry.body)
        for name in ("section", "source", "month", "jmonth"):
            value = getattr(entry, name)
            if value:
                doc.add_text(name, value)
        for author in entry.authors:
            doc.add_text("author", author)
        if entry.day is not None:
            doc.add_integer("day", entry.day)
        doc.add_float("sort_ts", entry.sort_ts)
        return doc

    def clear(self) -> None:
        self.writer().delete_all_documents()

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._index.reload()

    def release(self) -> None:
        """Commit and hand the index lock back, so that another process may write."""
        if self._writer is not None:
            self.commit()
            self._writer = None
        self._stop_trimming()

    def optimize(self) -> int:
        """Commit, wait for Tantivy's background merges to finish and hand the lock back; returns
        the segments left. After a bulk ingest the merges otherwise run beside the first searches
        (on a 2-core machine they double the slowest search times) and an index closed mid-merge
        keeps more segments, each searched separately."""
        if self._writer is None and not self.read_only:
            self.writer()
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()  # the writer is spent after this
            self._writer = None
            self._stop_trimming()
            self._index.reload()
        return int(self._index.searcher().num_segments)

    def close(self) -> None:
        try:
            self.release()
        finally:
            self._writer = None
            self._stop_trimming()

    def _stop_trimming(self) -> None:
        if self._trimmer is not None:
            self._trimmer.stop()

    # ------------------------------------------------------------------ searching
    def _follow(self) -> None:
        """Reload when another process committed: Tantivy rewrites meta.json at every commit, and
        one stat() per search is cheaper and more prompt than its polling reload policy."""
        if self.path is None:
            return
        try:
            stamp = os.stat(os.path.join(self.path, "meta.json")).st_mtime_ns
        except OSError:
            return
        if stamp != self._seen:
            self._seen = stamp
            self._index.reload()

    def newest(self, filters: Filters, jmonth: str | None, *, before: tuple[float, int] | None,
               count: int) -> list[tuple[float, int]]:
        """(sort time, row id) of a newest-first page of the filtered documents (listing.newest)."""
        self._follow()
        queries = self._filters(filters)
        if jmonth:
            queries.append(tantivy.Query.term_query(self._schema, "jmonth", jmonth))
        return listing.newest(self._index.searcher(), self._schema, queries, before=before, count=count)

    def counts(self, field: str) -> tuple[tuple[str, int], ...]:
        """Documents per value of ``field`` (one of FACET_FIELDS), most first."""
        self._follow()
        return listing.counts(self._index.searcher(), field)

    def search(self, query: Query, filters: Filters, *, sort: str, limit: int, offset: int,
               facets: bool, page_end: int | None = None) -> Found:
        """``page_end``: hits the caller cannot do without (default offset + limit); a sampled
        search that finds fewer gives way to the full one."""
        compiled = self._compile(query, filters)
        self._follow()
        searcher = self._index.searcher()
        if self._common_phrase(searcher, query.include):
            bounded = self._bounded(searcher, query, filters, sort=sort, limit=limit, offset=offset,
                                    facets=facets, page_end=offset + limit if page_end is None else page_end)
            if bounded is not None:
                return bounded
        # The facets' aggregation visits every match anyway and counts them too: the ranked pass
        # then need not count (with count=True Tantivy scores every match; without, it may skip).
        counted = facets and sort != "date"
        result = self._run(searcher, compiled, sort=sort, limit=limit, offset=offset, count=not counted)
        total = int(getattr(result, "count", 0) or 0)
        found_facets = Facets()
        if facets:
            found_facets, matches = self._facets(searcher, compiled)
            total = matches if counted else total
        return Found(total, self._hits(searcher, result, sort), found_facets)

    @staticmethod
    def _run(searcher: Any, compiled: Any, *, sort: str, limit: int, offset: int, count: bool = True) -> Any:
        try:
            if sort == "date":
                return searcher.search(compiled, limit, count=count, order_by_field="sort_ts", offset=offset)
            return searcher.search(compiled, limit + offset, count=count)
        except ValueError as exc:
            raise QueryError(f"the search index cannot run this query ({exc}); simplify it") from exc

    @staticmethod
    def _hits(searcher: Any, result: Any, sort: str) -> list[tuple[int, float, float]]:
        addresses = [address for _, address in result.hits]
        rids = searcher.fast_field_values("rid", addresses) if addresses else []
        times = searcher.fast_field_values("sort_ts", addresses) if addresses else []
        return [(int(rid or 0), float(score) if sort != "date" else 0.0, float(ts or 0.0))
                for (score, _), rid, ts in zip(result.hits, rids, times, strict=True)]

    def _common_phrase(self, searcher: Any, node: Node) -> bool:
        """Whether the query holds a phrase whose rarest word is in more than PHRASE_BOUND articles."""
        if isinstance(node, Phrase):
            return (len(node.words) > 1 and not node.prefix
                    and min(searcher.doc_freq("body", word) for word in node.words) > PHRASE_BOUND)
        return any(self._common_phrase(searcher, item) for item in node.items)

    def _bounded(self, searcher: Any, query: Query, filters: Filters, *, sort: str, limit: int,
                 offset: int, facets: bool, page_end: int) -> Found | None:
        """The query among the newest articles (see the module's docstring); None when the page
        asked for needs more than half the archive (the caller then runs the full search)."""
        days = _in_range(self._histogram(searcher), filters)
        in_range = sum(count for _, count in days)
        share = self._share(searcher, query.include, max(1, searcher.num_docs)) * self._filter_share(searcher, filters)
        want = PHRASE_CANDIDATES / share if share > 0 else float("inf")
        for _ in range(PHRASE_WIDENINGS):
            oldest, window = _newest_days(days, want)
            if not window or window * 2 > in_range:
                return None  # nothing dated in range, or the sample would be most of it
            since = tantivy.Query.range_query(self._schema, "sort_ts", tantivy.FieldType.Float, oldest, None)
            among = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, self._node(query.include, within=since)), (tantivy.Occur.Must, since)]
                + [(tantivy.Occur.MustNot, self._node(node)) for node in query.exclude]
                + [(tantivy.Occur.Must, q) for q in self._filters(filters)])
            result = self._run(searcher, among, sort=sort, limit=limit, offset=offset)
            found = int(getattr(result, "count", 0) or 0)
            if found >= page_end:
                scale = in_range / window
                return Found(round(found * scale), self._hits(searcher, result, sort),
                             _scaled(self._facets(searcher, among)[0], scale) if facets else Facets(), exact=False)
            want = window * min(16.0, max(2.0, 2.0 * page_end / max(found, 0.5)))
        return None

    def _histogram(self, searcher: Any) -> tuple[tuple[float, int], ...]:
        """Articles per day of sort time, newest day first: one aggregation over the whole index
        (about 35 ms at a million articles), kept while the archive grows by less than 1%. A
        slightly old histogram only sizes the sample a little off: the sample is "since a time",
        so articles newer than the histogram are in it."""
        docs = int(searcher.num_docs)
        if self._days is None or abs(docs - self._days[0]) > self._days[0] // 100:
            spec = {"days": {"histogram": {"field": "sort_ts", "interval": DAY, "min_doc_count": 1}}}
            buckets = searcher.aggregate(tantivy.Query.all_query(), spec).get("days", {}).get("buckets", [])
            days = tuple(sorted(((float(b["key"]), int(b["doc_count"])) for b in buckets), reverse=True))
            self._days = (docs, days)
        return self._days[1]

    def _share(self, searcher: Any, node: Node, total: int) -> float:
        """A rough share of the articles having the node's words (words taken as independent; a
        phrase as all its words, a prefix as any word): it sizes the sample, never the answer."""
        if isinstance(node, Phrase):
            share = 1.0
            for word in node.words[:-1] if node.prefix else node.words:
                share *= min(1.0, max(searcher.doc_freq(name, word) for name in TEXT_FIELDS) / total)
            return share
        parts = [self._share(searcher, item, total) for item in node.items]
        return min(1.0, sum(parts)) if isinstance(node, AnyOf) else math.prod(parts)

    @staticmethod
    def _filter_share(searcher: Any, filters: Filters) -> float:
        total = max(1, searcher.num_docs)
        return math.prod(min(1.0, searcher.doc_freq(name, value) / total)
                         for name, value in (("section", filters.section), ("source", filters.source),
                                             ("author", filters.author)) if value)

    def _facets(self, searcher: Any, compiled: Any) -> tuple[Facets, int]:
        """The facets of every match, and how many matches (sort_ts: every document has one)."""
        spec: dict[str, Any] = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS}
        spec[_COUNTED] = {"value_count": {"field": "sort_ts"}}
        found = searcher.aggregate(compiled, spec)

        def pairs(name: str) -> tuple[tuple[str, int], ...]:
            buckets = found.get(name, {}).get("buckets", [])
            return tuple(sorted(((str(b["key"]), int(b["doc_count"])) for b in buckets),
                                key=lambda kv: (-kv[1], kv[0])))

        return (Facets(pairs("source"), pairs("section"), tuple(sorted(pairs("month"), reverse=True)),
                       tuple(sorted(pairs("jmonth"), reverse=True))),
                int(found.get(_COUNTED, {}).get("value") or 0))

    def _compile(self, query: Query, filters: Filters) -> Any:
        """The query as flat as its meaning allows: Tantivy pays for each boolean level it
        walks (a word alone inside a one-clause "must" measured 30-40% slower than bare)."""
        others = [(tantivy.Occur.MustNot, self._node(node)) for node in query.exclude]
        others += [(tantivy.Occur.Must, q) for q in self._filters(filters)]
        if isinstance(query.include, AllOf):
            return tantivy.Query.boolean_query(self._clauses(query.include, None) + others)
        if not others:
            return self._node(query.include)
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, self._node(query.include)), *others])

    def _node(self, node: Node, *, within: Any = None) -> Any:
        """The Tantivy query of a node; ``within``: a restriction joined to each phrase (see the
        module's docstring)."""
        return tantivy.Query.boolean_query(self._clauses(node, within))

    def _clauses(self, node: Node, within: Any) -> list[tuple[Any, Any]]:
        """A node's boolean clauses, with those of a child of the same kind spliced in (a phrase is
        "any of its fields"): the same matches and the same scores (sums), fewer levels."""
        if isinstance(node, Phrase):
            return [(tantivy.Occur.Should, tantivy.Query.boost_query(self._within(self._phrase(name, node), within),
                                                                     weight))
                    for name, weight in zip(TEXT_FIELDS, FIELD_WEIGHTS, strict=True)]
        out: list[tuple[Any, Any]] = []
        for item in node.items:
            if isinstance(item, AllOf) == isinstance(node, AllOf):  # a phrase or AnyOf in AnyOf
                out += self._clauses(item, within)
            else:
                occur = tantivy.Occur.Should if isinstance(node, AnyOf) else tantivy.Occur.Must
                out.append((occur, self._node(item, within=within)))
        return out

    @staticmethod
    def _within(query: Any, within: Any) -> Any:
        if within is None:
            return query
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, within)])

    def _phrase(self, field: str, node: Phrase) -> Any:
        words: list[str | tuple[int, str]] = list(node.words)
        if node.prefix and len(words) > 1:
            return tantivy.Query.phrase_prefix_query(self._schema, field, words)
        if node.prefix:
            return tantivy.Query.regex_query(self._schema, field, _regex_literal(node.words[0]) + ".*")
        if len(words) > 1:
            return tantivy.Query.phrase_query(self._schema, field, words)
        return tantivy.Query.term_query(self._schema, field, node.words[0], index_option="freq")

    def _filters(self, filters: Filters) -> list[Any]:
        out = [tantivy.Query.term_query(self._schema, name, value)
               for name, value in (("section", filters.section), ("source", filters.source),
                                   ("author", filters.author)) if value]
        if filters.since or filters.until:
            out.append(tantivy.Query.range_query(self._schema, "day", tantivy.FieldType.Integer,
                                                 _day(filters.since), _day(filters.until)))
        return out


def _scaled(facets: Facets, scale: float) -> Facets:
    """Facet counts of a sample scaled to the whole (estimates, like the total)."""
    def each(pairs: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
        return tuple((name, round(count * scale)) for name, count in pairs)

    return Facets(each(facets.source), each(facets.section), each(facets.month), each(facets.jmonth))


def _in_range(days: tuple[tuple[float, int], ...], filters: Filters) -> tuple[tuple[float, int], ...]:
    """The days of a histogram inside the filters' date range (a day either side: the histogram is
    in UTC days, the filter in local ones; the result only scales an estimate)."""
    first = _stamp(filters.since) - DAY if filters.since else float("-inf")
    last = _stamp(filters.until) + DAY if filters.until else float("inf")
    return tuple((start, count) for start, count in days if first <= start <= last)


def _newest_days(days: tuple[tuple[float, int], ...], want: float) -> tuple[float, int]:
    """Start of the oldest of the newest days that hold ``want`` articles, and how many they hold."""
    oldest, held = float("-inf"), 0
    for start, count in days:
        oldest, held = start, held + count
        if held >= want:
            break
    return oldest, held


def _stamp(value: date) -> float:
    return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()


def _day(value: date | None) -> int | None:
    return value.year * 10000 + value.month * 100 + value.day if value else None


def _regex_literal(word: str) -> str:
    """A key token as a literal in Tantivy's regular-expression syntax."""
    return "".join(f"\\{c}" if not c.isalnum() else c for c in word)
