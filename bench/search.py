"""Search benchmark: a synthetic Persian-like corpus (own vocabulary, Zipf word frequencies) ingested
into khabar on SQLite, khabar on PostgreSQL and a raw FTS5 table, then timed queries.

    python bench/search.py --articles 100000 --backends sqlite,postgres,fts5 --pg postgresql://…

Prints one markdown table: ingest+index articles/s, index size, p50/p95 latency (ms) for one-term,
two-term, phrase and filtered queries (no facets; facets are one more column), and peak RSS; for
khabar a second row gives the same latencies in CPU time (on a shared machine the wall clock also
counts waiting for a core). Each backend runs in its own process so that RSS is its own. After
ingest khabar's index merges are waited for (Store.optimize(), not counted in the ingest rate;
``--no-optimize`` times queries beside them) and gc.freeze() runs. ``--reuse`` re-times the queries
on the SQLite archive an earlier run left in ``--workdir`` (a million articles take half an hour
to build):

    python bench/search.py --articles 1000000 --backends sqlite --workdir /tmp/b1m
    python bench/search.py --articles 1000000 --backends sqlite --workdir /tmp/b1m --reuse
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from khabar.records import Article, stable_id
from khabar.search import SearchRequest

ZWNJ = "\u200c"
CONSONANTS = "بپتجچخدرزسشفقکگلمنوهی"
VOWELS = ["ا", "و", "ی", "", "", ""]
SUFFIXES = ["", "", "", "", f"{ZWNJ}ها", f"{ZWNJ}های", "ی", f"{ZWNJ}ترین", "ان"]
SECTIONS = ["سیاسی", "اقتصاد", "ورزش", "فرهنگ", "علم", "جهان", "جامعه", "فناوری", "سلامت", "هنر"]
SOURCES = [f"خبرنامه {i}" for i in range(1, 21)]
START = date(2023, 1, 1)
QUERIES_PER_KIND = 60


@dataclass(frozen=True)
class Corpus:
    words: list[str]
    probabilities: np.ndarray
    seed: int


def make_vocabulary(size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        stem = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
        if len(stem) >= 2:
            words.add(stem + rng.choice(SUFFIXES))
    return sorted(words)


def make_corpus(seed: int = 1, vocabulary: int = 60000, zipf: float = 1.07) -> Corpus:
    words = make_vocabulary(vocabulary, seed)
    random.Random(seed).shuffle(words)
    ranks = np.arange(1, len(words) + 1, dtype=np.float64)
    weights = 1.0 / ranks**zipf
    return Corpus(words, weights / weights.sum(), seed)


def articles(corpus: Corpus, count: int, start: int = 0) -> Iterator[Article]:
    rng = np.random.default_rng(corpus.seed + start)
    words = corpus.words
    chunk = 1000
    for first in range(start, start + count, chunk):
        n = min(chunk, start + count - first)
        draws = rng.choice(len(words), size=(n, 300), p=corpus.probabilities)
        meta = rng.integers(0, 1 << 30, size=(n, 3))
        for i in range(n):
            row = [words[j] for j in draws[i]]
            number = first + i
            day = START + timedelta(days=int(meta[i, 0] % 1000))
            source = SOURCES[meta[i, 1] % len(SOURCES)]
            url = f"https://bench.example/{number}"
            yield Article(
                id=stable_id(url, None, None, None), url=url, source=source,
                section=SECTIONS[meta[i, 2] % len(SECTIONS)], title=" ".join(row[:9]),
                lead=" ".join(row[9:30]) + ".", published=f"{day.isoformat()}T10:00:00+03:30",
                body=tuple(" ".join(row[k:k + 67]) + "." for k in range(30, 300, 67)),
            )


def chunks(items: Iterator[Article], size: int = 1000) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def query_sets(corpus: Corpus, seed: int) -> dict[str, list[SearchRequest]]:
    """Mid-frequency terms (ranks 50-5000), pairs of them, phrases from generated text, + a filter."""
    rng = random.Random(seed)
    middle = corpus.words[50:5000]
    sample = list(articles(corpus, 200, start=10_000_000))
    phrases = []
    for article in rng.sample(sample, QUERIES_PER_KIND):
        body = article.body[0].split()
        k = rng.randrange(len(body) - 2)
        phrases.append(f'"{body[k]} {body[k + 1]}"')
    return {
        "one-term": [SearchRequest(rng.choice(middle), facets=False) for _ in range(QUERIES_PER_KIND)],
        "two-term": [SearchRequest(f"{rng.choice(middle)} {rng.choice(middle)}", facets=False)
                     for _ in range(QUERIES_PER_KIND)],
        "phrase": [SearchRequest(p, facets=False) for p in phrases],
        "filtered": [SearchRequest(rng.choice(middle), section=rng.choice(SECTIONS),
                                   since=START + timedelta(days=300), facets=False)
                     for _ in range(QUERIES_PER_KIND)],
        "one-term+facets": [SearchRequest(rng.choice(middle)) for _ in range(QUERIES_PER_KIND)],
    }


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(run: Callable[[SearchRequest], Any], requests: list[SearchRequest]) -> tuple[float, ...]:
    """Wall-clock p50, p95, then the same in this thread's CPU time (on a shared machine the wall
    clock also counts waiting for a core; the index searches in the calling thread)."""
    for request in requests[:5]:
        run(request)  # warm the caches
    samples, cpu = [], []
    for request in requests:
        began, began_cpu = time.perf_counter(), time.thread_time()
        run(request)
        samples.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
    return (*percentiles(samples), *percentiles(cpu))


def _gc_timer(pauses: list[float]) -> Callable[[str, dict[str, int]], None]:
    """A gc callback recording how long each collection during the queries took (ms)."""
    began = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - began[0]) * 1000)

    return callback


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_cell(result: dict[str, Any], key: str = "RSS MiB") -> str:
    """Peak RSS of everything a backend ran: its process (``key``: at the end of ingest, or over
    the whole run with the queries) plus khabar's row helper (the sum of the two peaks, an upper
    bound of their peak together)."""
    main, helper = result.get(key, result["RSS MiB"]), result.get("helper RSS MiB", 0.0)
    return f"{main + helper:,.0f} ({main:,.0f} + {helper:,.0f})" if helper else f"{main:,.0f}"


def _status(pid: int | str, fields: tuple[str, ...]) -> dict[str, float]:
    """Fields of /proc/<pid>/status in MiB (none where there is no /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return {k: int(v.split()[0]) / 1024 for k, _, v in (line.partition(":") for line in status)
                    if k in fields}
    except (OSError, ValueError):
        return {}


def children_peak_mib() -> float:
    """The summed peak resident size (VmHWM) of this process's live children: khabar's row helper
    during an ingest. Once they have exited, RUSAGE_CHILDREN gives the largest one's instead."""
    try:
        kids = {pid for task in os.listdir("/proc/self/task")
                for pid in Path(f"/proc/self/task/{task}/children").read_text().split()}
    except OSError:
        kids = set()
    peaks = [_status(pid, ("VmHWM",)).get("VmHWM", 0.0) for pid in kids]
    return sum(peaks) if peaks else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def resident_split() -> dict[str, float]:
    """This process's resident memory now: anonymous (heap, Python objects, caches) and file-backed
    (libraries, SQLite's and Tantivy's memory maps), MiB."""
    return {f"{key} MiB": value for key, value in _status("self", ("RssAnon", "RssFile")).items()}


# ------------------------------------------------------------------ backends


def _ingest_file(db: str) -> Path:
    return Path(f"{db}.bench-ingest.json")


def run_khabar(db: str, corpus: Corpus, count: int, seed: int, reuse: bool = False,
               optimize: bool = True) -> dict[str, Any]:
    """Ingest (or, with ``reuse``, open the archive a previous run left and read its ingest numbers
    from a side file), let the index merges finish (``optimize``, not counted in the ingest rate)
    and time the queries."""
    from khabar.store import open_store

    with open_store(db) as store:
        if reuse and _ingest_file(db).exists():
            earlier = json.loads(_ingest_file(db).read_text())
            ingest = count / earlier["articles/s"]
        else:
            ingest = 0.0
            for chunk in chunks(articles(corpus, count)):  # generation is not timed
                began = time.perf_counter()
                store.upsert_many(chunk)
                ingest += time.perf_counter() - began
            # The helper lives until the store closes: its peak is read now, beside this process's.
            earlier = {"articles/s": count / ingest, "ingest RSS MiB": rss_mib(),
                       "helper RSS MiB": children_peak_mib(), **resident_split()}
            if not db.startswith("postgresql"):
                _ingest_file(db).write_text(json.dumps(earlier))
        ingest_rss = earlier["ingest RSS MiB"]
        result: dict[str, Any] = {"articles/s": count / ingest, "ingest RSS MiB": ingest_rss,
                                  "helper RSS MiB": earlier.get("helper RSS MiB", 0.0),
                                  **{f"ingest {k}": v for k, v in earlier.items() if k.startswith("Rss")}}
        if optimize and hasattr(store, "optimize"):  # wait for the index merges before timing queries
            began = time.perf_counter()
            result["segments"] = store.optimize()
            result["optimize s"] = time.perf_counter() - began
        result["index MiB"] = store.index_size() / 2**20  # type: ignore[attr-defined]
        gc.collect()
        gc.freeze()  # what ingest left is long-lived: later collections need not walk it again
        pauses: list[float] = []
        gc.callbacks.append(_gc_timer(pauses))
        for kind, requests in query_sets(corpus, seed).items():
            result[kind] = timed(store.search, requests)
        gc.callbacks.clear()
        result["gc pauses"] = len(pauses)
        result["gc max ms"] = max(pauses, default=0.0)
        result["sample hits"] = store.search(query_sets(corpus, seed)["one-term"][0]).total
    result["RSS MiB"] = max(ingest_rss, rss_mib())
    helper_exited = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["helper RSS MiB"] = max(result["helper RSS MiB"], helper_exited)
    return result


def run_raw_fts5(path: str, corpus: Corpus, count: int, seed: int) -> dict[str, Any]:
    """FTS5 with its default tokenizer over the display text, no folding: the baseline."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(title, lead, body, section UNINDEXED)")
    ingest = 0.0
    for chunk in chunks(articles(corpus, count)):
        began = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO docs (title, lead, body, section) VALUES (?, ?, ?, ?)",
                         [(a.title, a.lead, "\n".join(a.body), a.section) for a in chunk])
        conn.execute("COMMIT")
        ingest += time.perf_counter() - began
    size = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'docs%'").fetchone()[0]

    def run(request: SearchRequest) -> Any:
        text = " ".join(f'"{w}"' for w in request.text.replace('"', "").split())
        if request.text.startswith('"'):
            text = '"' + request.text.strip('"') + '"'
        where = " AND section = ?" if request.section else ""
        params = (text, request.section) if request.section else (text,)
        conn.execute(f"SELECT count(*) FROM docs WHERE docs MATCH ?{where}", params).fetchone()
        return conn.execute(f"SELECT rowid, snippet(docs, 2, '[', ']', '…', 20) FROM docs WHERE docs MATCH ?"
                            f"{where} ORDER BY rank LIMIT 20", params).fetchall()

    result: dict[str, Any] = {"articles/s": count / ingest, "index MiB": size / 2**20}
    for kind, requests in query_sets(corpus, seed).items():
        result[kind] = timed(run, requests) if kind != "one-term+facets" else (float("nan"),) * 2
    result["RSS MiB"] = rss_mib()
    return result


def run_raw_tantivy(path: str, corpus: Corpus, count: int, seed: int) -> dict[str, Any]:
    """Tantivy (tantivy-py) over the same folded keys khabar indexes, with its own BM25 top-k."""
    import tantivy

    from khabar.search import document_key, query_tokens

    builder = tantivy.SchemaBuilder()
    for name in ("title", "lead", "body"):
        builder.add_text_field(name, stored=False)
    builder.add_text_field("section", stored=False, tokenizer_name="raw")
    builder.add_integer_field("rid", stored=True, fast=True)
    Path(path).mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(builder.build(), path=path)
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    ingest = 0.0
    for first, chunk in enumerate(chunks(articles(corpus, count))):
        began = time.perf_counter()
        for n, a in enumerate(chunk):
            writer.add_document(tantivy.Document(
                title=document_key(a.title or ""), lead=document_key(a.lead or ""),
                body=document_key("\n".join(a.body)), section=a.section or "", rid=first * 1000 + n))
        ingest += time.perf_counter() - began
    began = time.perf_counter()
    writer.commit()
    writer.wait_merging_threads()
    ingest += time.perf_counter() - began
    index.reload()
    searcher = index.searcher()
    size = sum(f.stat().st_size for f in Path(path).iterdir() if f.is_file())

    def tantivy_query(request: SearchRequest) -> str:
        words = query_tokens(request.text.replace('"', " "))
        text = f'"{" ".join(words)}"' if request.text.startswith('"') else " ".join(f"+{w}" for w in words)
        return text + (f" +section:{request.section}" if request.section else "")

    sets = query_sets(corpus, seed)
    texts = {(r.text, r.section): tantivy_query(r) for requests in sets.values() for r in requests}

    def run(request: SearchRequest) -> Any:
        query = index.parse_query(texts[request.text, request.section], ["title", "lead", "body"])
        return searcher.search(query, 20, count=True)

    result: dict[str, Any] = {"articles/s": count / ingest, "index MiB": size / 2**20}
    for kind, requests in sets.items():
        if kind in ("filtered", "one-term+facets"):
            result[kind] = (float("nan"),) * 2  # no date range or facets in this baseline
        else:
            result[kind] = timed(run, requests)
    result["RSS MiB"] = rss_mib()
    return result


def _worker(name: str, target: str, count: int, seed: int, reuse: bool, optimize: bool, queue: Any) -> None:
    corpus = make_corpus(seed)
    try:
        if name == "fts5":
            queue.put(run_raw_fts5(target, corpus, count, seed))
        elif name == "tantivy":
            queue.put(run_raw_tantivy(target, corpus, count, seed))
        else:
            queue.put(run_khabar(target, corpus, count, seed, reuse, optimize))
    except Exception as exc:  # report, don't hang the parent
        queue.put({"error": f"{type(exc).__name__}: {exc}"})


def fresh_pg(url: str) -> str:
    import psycopg

    schema = f"bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,fts5,postgres")
    parser.add_argument("--pg", default=os.environ.get("KHABAR_TEST_PG"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--json", default=None, help="Also write the results here.")
    parser.add_argument("--no-optimize", dest="optimize", action="store_false",
                        help="Time the queries while the index merges of the ingest still run (by default "
                             "the bench waits for them: Store.optimize()).")
    parser.add_argument("--reuse", "--keep", action="store_true",
                        help="Re-time the queries on the khabar SQLite archive a previous run left in "
                             "--workdir (same --articles and --seed) instead of rebuilding it; the "
                             "ingest numbers are the ones that run recorded.")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="khabar-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for name in args.backends.split(","):
        if name == "postgres" and not args.pg:
            print("bench: no --pg URL; skipping postgres", file=sys.stderr)
            continue
        target = fresh_pg(args.pg) if name == "postgres" else str(workdir / f"{name}-{args.articles}.db")
        if name == "tantivy":
            target = str(workdir / f"tantivy-{args.articles}")
        reuse = args.reuse and name == "sqlite" and Path(target).exists()
        if args.reuse and not reuse:
            print(f"bench: {name}: nothing to reuse; building", file=sys.stderr)
        for leftover in [] if reuse else Path(workdir).glob(f"{name}-{args.articles}.db*"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()  # the Tantivy index too
        queue: Any = mp.get_context("spawn").Queue()
        process = mp.get_context("spawn").Process(target=_worker, args=(name, target, args.articles,
                                                                        args.seed, reuse, args.optimize, queue))
        process.start()
        results[name] = queue.get()
        process.join()
        print(f"bench: {name}: {json.dumps(results[name], ensure_ascii=False)}", file=sys.stderr)
    kinds = ["one-term", "two-term", "phrase", "filtered", "one-term+facets"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{args.articles:,} synthetic articles, {os.cpu_count()} cores, load average {load}; "
          "latency p50/p95 in ms\n")
    print("| backend | ingest+index art/s | index MiB | " + " | ".join(kinds)
          + " | ingest RSS MiB (main + helper) | RSS MiB with queries |")
    print("|---" * (len(kinds) + 5) + "|")
    for name, r in results.items():
        if "error" in r:
            print(f"| {name} | error: {r['error']} |")
            continue
        cells = " | ".join(f"{r[k][0]:.1f} / {r[k][1]:.1f}" for k in kinds)
        memory = f"{rss_cell(r, 'ingest RSS MiB')} | {rss_cell(r)}"
        print(f"| {name} | {r['articles/s']:,.0f} | {r['index MiB']:,.0f} | {cells} | {memory} |")
        if all(len(r[k]) == 4 for k in kinds):
            cells = " | ".join(f"{r[k][2]:.1f} / {r[k][3]:.1f}" for k in kinds)
            print(f"| {name}, CPU time | | | {cells} | | |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
