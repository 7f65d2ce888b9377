"""Benchmark the reader with wrk: article and search pages on a large synthetic archive.

    python bench/web.py [--articles 100000] [--db /tmp/khabar-bench-100k.db] [--seconds 15]

Builds (once, then reuses) an archive of invented Persian articles, starts
``uvicorn`` on 127.0.0.1 with the reader, and runs ``wrk`` (Debian package
``wrk``) with 50 connections against random article pages and random
searches. Prints req/s and p50/p99 latency for each page type; the last
lines are the ones to copy into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from khabar.config import settings_from_env
from khabar.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search as search_bench  # bench/search.py: the shared synthetic corpus


def synthetic_articles(count: int) -> Iterator[Article]:
    """The search benchmark's corpus (its own vocabulary, Zipf word frequencies), so both measure one archive."""
    return cast(Iterator[Article], search_bench.articles(search_bench.make_corpus(), count))


def query_words() -> list[str]:
    """Mid-frequency words of that corpus (ranks 50-5000), as bench/search.py queries them."""
    return list(search_bench.make_corpus().words[50:5000])


def build(db: str, count: int) -> None:
    from khabar.store import open_store

    with open_store(db) as store:
        have = store.count()
        if have >= count:
            print(f"bench: reusing {db} ({have} articles)", file=sys.stderr)
            return
        began = time.perf_counter()
        print(f"bench: building {db} with {count} articles …", file=sys.stderr)
        counts = Counter(store.upsert_many(synthetic_articles(count)))
        print(f"bench: built in {time.perf_counter() - began:.0f} s: {dict(counts)}", file=sys.stderr)


def article_ids(db: str, limit: int = 5000) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (limit,)).fetchall()
    return [row[0] for row in rows]


def app_factory():  # type: ignore[no-untyped-def]
    """uvicorn --factory entry point (the archive comes from $KHABAR_DB)."""
    from khabar.web import create_app
    from khabar.web.serve import server_ready

    return server_ready(create_app(settings_from_env(), cache_size=int(os.environ.get("KHABAR_BENCH_CACHE", "2048"))))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(port: int, workers: int) -> None:
    """The server process: uvicorn as `khabar serve` runs it, over this file's app factory."""
    import uvicorn

    from khabar.web.serve import uvicorn_options

    uvicorn.run("web:app_factory", factory=True, app_dir=str(Path(__file__).resolve().parent), workers=workers,
                **uvicorn_options("127.0.0.1", port))


def start_server(db: str, port: int, workers: int, cache: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(Path(__file__).resolve()), "--serve", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env={**os.environ, "KHABAR_DB": db, "KHABAR_BENCH_CACHE": str(cache)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("bench: the server did not start")


def warm_up(base: str, paths: list[str]) -> None:
    """Open the server's stores and fill its caches the way a running server has them."""
    import urllib.request

    for path in paths:
        with urllib.request.urlopen(base + path, timeout=120) as response:
            response.read()


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:  # a worker still inside a slow request
        server.kill()
        server.wait()


LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system) used so far by process ``root`` and every live descendant.

    The machine is shared: wall-clock rates move with other people's work, the CPU a request
    costs the server much less. Read from /proc (Linux), 0.0 where it is missing.
    """
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return total


Result = tuple[float, float, float, float, float, float]  # req/s, p50, p90, p99 ms, server and wrk CPU µs/request


def run_wrk(base: str, paths: list[str], seconds: int, connections: int, threads: int,
            server: int = 0) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n", "utf-8")
        script = Path(folder) / "paths.lua"
        script.write_text(LUA % listing, "utf-8")
        command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "30s",
                   "--latency", "-s", str(script), base]
        server_before, wrk_before = tree_cpu_seconds(server), children_cpu_seconds()
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        server_cpu, wrk_cpu = tree_cpu_seconds(server) - server_before, children_cpu_seconds() - wrk_before
    text = out.stdout
    if "Non-2xx" in text:
        print(text, file=sys.stderr)
    done = max(_requests(text), 1)
    return (_rate(text), _percentile(text, "50%"), _percentile(text, "90%"), _percentile(text, "99%"),
            server_cpu / done * 1e6, wrk_cpu / done * 1e6)


def children_cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _requests(text: str) -> int:
    found = re.search(r"(\d+) requests in", text)
    return int(found.group(1)) if found else 0


def _rate(text: str) -> float:
    found = re.search(r"Requests/sec:\s+([\d.]+)", text)
    return float(found.group(1)) if found else 0.0


def _percentile(text: str, label: str) -> float:
    found = re.search(rf"^\s*{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)
    if not found:
        return float("nan")
    value, unit = float(found.group(1)), found.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default=None)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", default="1,2", help="uvicorn worker counts to measure, comma-separated")
    parser.add_argument("--only", default="", help="run only the scenarios whose name contains this")
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)  # the server process itself
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, int(args.workers))
        return
    if not shutil.which("wrk"):
        raise SystemExit("bench: wrk is missing: apt-get install wrk")
    db = args.db or str(Path(tempfile.gettempdir()) / f"khabar-bench-web-{args.articles}.db")
    build(db, args.articles)
    rng = random.Random(1)
    ids = article_ids(db)
    words = query_words()
    searches = [f"/search?q={quote(rng.choice(words))}&page={rng.randint(1, 2)}" for _ in range(2000)]
    scenarios = {
        # (paths, response cache entries per worker)
        "article, 5000 random of 100k, cache off": ([f"/article/{i}" for i in ids], 0),
        "article, 5000 random of 100k, cache on": ([f"/article/{i}" for i in ids], 2048),
        "article, 500 popular, cache on": ([f"/article/{i}" for i in ids[:500]], 2048),
        "search, random queries, cache off": (searches, 0),
    }
    results = {}
    loads = []
    for workers in (int(count) for count in args.workers.split(",")):
        for scenario, (paths, cache) in scenarios.items():
            name = f"{scenario}, {workers} worker{'s' if workers > 1 else ''}"
            if args.only not in name:
                continue
            loads.append(os.getloadavg()[0])
            results[name] = measure(db, paths, cache, workers, args)
            print(f"bench: {line(name, results[name])}", file=sys.stderr)
    print(f"archive: {args.articles} articles; wrk -c {args.connections} -t {args.threads} -d {args.seconds}s; "
          f"{os.cpu_count()} cores; load average before the runs {min(loads, default=0):.1f}"
          f"-{max(loads, default=0):.1f}")
    for name, result in results.items():
        print(line(name, result))


def line(name: str, result: Result) -> str:
    rate, p50, p90, p99, server_cpu, wrk_cpu = result
    return (f"{name}: {rate:.0f} req/s, p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms; "
            f"CPU per request: server {server_cpu:.0f} us, wrk {wrk_cpu:.0f} us")


def measure(db: str, paths: list[str], cache: int, workers: int, args: argparse.Namespace) -> Result:
    port = free_port()
    server = start_server(db, port, workers, cache)
    base = f"http://127.0.0.1:{port}"
    try:
        warm_up(base, paths[:500])
        run_wrk(base, paths, 3, args.connections, args.threads)
        return run_wrk(base, paths, args.seconds, args.connections, args.threads, server.pid)
    finally:
        stop(server)


def quote(text: str) -> str:
    from urllib.parse import quote as url_quote

    return url_quote(text)


if __name__ == "__main__":
    main()
