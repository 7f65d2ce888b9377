"""The command line: a thin click layer over the library.

Settings are read here, at the edge, and passed down. Every KhabarError
becomes one line on stderr and a non-zero exit; a traceback is a bug.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import click

from khabar import __version__
from khabar.config import Settings, settings_from_env
from khabar.errors import DateError, InputError, KhabarError
from khabar.records import Article

DEMO_DB = "khabar-demo.db"


def fail(message: str, code: int = 1) -> None:
    click.echo(f"khabar: error: {message}", err=True)
    sys.exit(code)


@contextmanager
def one_line_errors() -> Iterator[None]:
    try:
        yield
    except KhabarError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        click.echo("khabar: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


db_option = click.option(
    "--db", "db", default=None, metavar="DB",
    help="SQLite path or postgresql:// URL (default: $KHABAR_DB or khabar.db).",
)


def load_settings(**flags: Any) -> Settings:
    return settings_from_env(**flags)


def open_reader(db: str) -> Any:
    """Open the archive for a command that only reads (search, stats, export).

    A read-only store runs beside a writer (``khabar watch``, an ingest) without waiting for its
    lock; an archive that first needs an upgrade or its search index built is opened for writing
    once instead, which does that work."""
    from pathlib import Path

    from khabar.errors import StoreError
    from khabar.store import open_store

    if "://" not in db and not Path(db).exists():
        raise StoreError(f"no archive at {db}; build one first: khabar ingest SOURCE --db {db}")
    try:
        return open_store(db, read_only=True)
    except StoreError:
        return open_store(db)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khabar")
def main() -> None:
    """khabar: Persian news pages to a clean, repaired, searchable archive."""


# ---------------------------------------------------------------- extract
@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json", show_default=True)
@click.option("--no-repair", is_flag=True, help="Keep the page's own orthography.")
@click.option("--digits", type=click.Choice(["fa", "latin"]), default=None, help="Write all digits in one script.")
def extract(sources: tuple[str, ...], fmt: str, no_repair: bool, digits: str | None) -> None:
    """Print the Article of each page (file, folder, URL or - for stdin)."""
    from khabar.pipeline import Failure, process_sources

    with one_line_errors():
        settings = load_settings(repair=not no_repair, digits=digits)
        articles: list[Article] = []
        failures = 0
        for item in process_sources(sources, settings):
            if isinstance(item, Failure):
                failures += 1
                click.echo(f"khabar: error: {item.reason}", err=True)
                continue
            if fmt == "jsonl":
                click.echo(json.dumps(item.to_json(), ensure_ascii=False))
            elif fmt == "text":
                click.echo(render_text(item))
            else:
                articles.append(item)
        if fmt == "json" and articles:
            data: Any = articles[0].to_json() if len(articles) == 1 else [a.to_json() for a in articles]
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        if failures:
            sys.exit(1)


def render_text(article: Article) -> str:
    """A plain reading view: the fields a person checks, then the body."""
    lines: list[str] = []
    meta = " | ".join(
        part for part in (
            article.source, article.section,
            article.published or article.published_text,
            f"{article.stated_reading_minutes or article.reading_minutes} دقیقه" if (
                article.stated_reading_minutes or article.reading_minutes) else None,
        ) if part
    )
    if meta:
        lines.append(meta)
    if article.kicker:
        lines.append(article.kicker)
    lines.append(f"# {article.title or '(بدون عنوان)'}")
    if article.lead:
        lines.append(article.lead)
    if article.authors:
        lines.append("نویسنده: " + "، ".join(article.authors))
    if article.image.caption or article.image.credit:
        credit = f" / {article.image.credit}" if article.image.credit else ""
        lines.append(f"[تصویر: {article.image.caption or ''}{credit}]")
    lines.append("")
    lines.extend(paragraph + "\n" for paragraph in article.body)
    if article.related:
        lines.append("مرتبط:")
        lines.extend(f"- {link.title}" + (f" ({link.source})" if link.source else "") for link in article.related)
    if article.tags:
        lines.append("برچسب‌ها: " + "، ".join(article.tags))
    if article.url:
        lines.append(article.url)
    lines.append("─" * 40)
    return "\n".join(lines)


# ---------------------------------------------------------------- repair
@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True), default="-", required=False)
@click.option("--edits", is_flag=True, help="Print each edit as a JSON line instead of the text.")
@click.option("--digits", type=click.Choice(["fa", "latin"]), default=None, help="Write all digits in one script.")
def repair(file: str, edits: bool, digits: str | None) -> None:
    """Repair Persian orthography: FILE (or stdin) to stdout, as display text."""
    from khabar.persian import repair as repair_text
    from khabar.persian import repair_edits

    with one_line_errors():
        text = read_text_input(file)
        if edits:
            for edit in repair_edits(text, digits=digits):
                click.echo(json.dumps(edit.to_json(), ensure_ascii=False))
        else:
            # Line by line keeps memory flat on big files and output streaming.
            out = sys.stdout
            for line in text.splitlines(keepends=True):
                out.write(repair_text(line, digits=digits))
            out.flush()


def read_text_input(file: str) -> str:
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{file}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({exc.strerror})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{file}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file}: not UTF-8 text (convert it with iconv first)") from exc


# ---------------------------------------------------------------- date
@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--reference", default=None, help="Date that relative phrases count from (any calendar).")
def date(text: tuple[str, ...], reference: str | None) -> None:
    """Parse a date in any calendar; print ISO 8601, Jalali and Gregorian."""
    from khabar.dates import parse_date

    with one_line_errors():
        ref: datetime | None = None
        if reference:
            ref = parse_date(reference).value
        try:
            parsed = parse_date(" ".join(text), ref)
        except DateError as exc:
            fail(str(exc), 1)
            return
        click.echo(parsed.iso())
        click.echo(parsed.jalali())
        click.echo(parsed.gregorian())


# ---------------------------------------------------------------- ingest
def collect_options(command: Any) -> Any:
    """Flags shared by ``ingest`` and ``watch``: manners and bounds of collecting."""
    options = [
        click.option("--delay", type=click.FloatRange(0), default=None,
                     help="Seconds between requests to one host (default 1; Crawl-delay can raise it)."),
        click.option("--max-pages", type=click.IntRange(0), default=None, help="Stop after this many pages."),
        click.option("--max-bytes", type=click.IntRange(1), default=None,
                     help="Largest page in bytes, counted after decompression (default 20 MB)."),
        click.option("--timeout", type=click.FloatRange(0.1), default=None,
                     help="Seconds to wait for a slow server (read timeout; the total is 3x)."),
        click.option("--retries", type=click.IntRange(0), default=None,
                     help="Tries after a 429, 5xx or timeout."),
        click.option("--ignore-robots", is_flag=True,
                     help="Do not read robots.txt (only for your own sites)."),
        click.option("--warc-out", type=click.Path(dir_okay=False), default=None,
                     help="Append every fetched response to this WARC file (.warc.gz)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def fetch_overrides(settings: Settings, *, delay: float | None, max_pages: int | None, max_bytes: int | None,
                    timeout: float | None, retries: int | None, ignore_robots: bool,
                    warc_out: str | None) -> Settings:
    from dataclasses import replace

    changes: dict[str, Any] = {"per_host_delay": delay, "max_pages": max_pages, "max_bytes": max_bytes,
                               "max_retries": retries, "warc_out": warc_out}
    if timeout is not None:
        changes.update(read_timeout=timeout, total_timeout=3 * timeout)
    if ignore_robots:
        changes["obey_robots"] = False
    fetch = replace(settings.fetch, **{k: v for k, v in changes.items() if v is not None})
    return replace(settings, fetch=fetch)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--no-repair", is_flag=True, help="Store the pages' own orthography.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summary.")
@collect_options
def ingest(sources: tuple[str, ...], db: str | None, no_repair: bool, quiet: bool, **collecting: Any) -> None:
    """Add to the archive: pages, feeds, sitemaps, sites, WARC files, folders (idempotent, resumable)."""
    with one_line_errors():
        settings = fetch_overrides(load_settings(db=db, repair=not no_repair), **collecting)
        summary = run_ingest(sources, settings, quiet=quiet)
        click.echo(summary.line())
        if summary.failed and not summary.total_ok:
            sys.exit(1)


class IngestSummary:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {"inserted": 0, "updated": 0, "unchanged": 0}
        self.failed = 0

    @property
    def total_ok(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        c = self.counts
        return (f"{c['inserted']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
                f"{self.failed} failed")


def run_ingest(sources: tuple[str, ...] | list[str], settings: Settings, *, quiet: bool) -> IngestSummary:
    """Collect, process and store; crawl state is kept in the archive so an interrupted run resumes."""
    import time

    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from khabar.collect import CrawlStats, open_collector
    from khabar.pipeline import Failure, process_sources
    from khabar.store import open_store

    summary = IngestSummary()
    console = Console(stderr=True, quiet=quiet)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=console, transient=True)
    task = progress.add_task("ingesting", total=None)

    def show(stats: CrawlStats) -> None:
        progress.update(task, description=f"{summary.total_ok} stored · {stats.describe()}")

    # Articles are stored in batches (one transaction each, many times faster than one by one).
    # A crawled page is marked done in the crawl state once this loop asks for the next item, so a
    # batch holding one is stored first: a kill -9 then loses only local pages, which a rerun reads
    # again. The 2 s bound keeps the progress line moving.
    batch_size, batch_seconds = 500, 2.0
    pending: list[Article] = []
    started = time.monotonic()

    def flush() -> None:
        if pending:
            for result in store.upsert_many(pending):
                summary.counts[result] += 1
            pending.clear()
            show(collector.stats)

    with open_store(settings.db) as store, open_collector(settings, on_progress=show) as collector, progress:
        fetched = collector.stats.fetched
        try:
            for item in process_sources(sources, settings, collector):
                if isinstance(item, Failure):
                    summary.failed += 1
                    where = "" if item.reason.startswith(item.origin) else f"{item.origin}: "
                    console.print(f"khabar: skipped {where}{item.reason}", markup=False, highlight=False,
                                  soft_wrap=True)
                    continue
                if not pending:
                    started = time.monotonic()
                pending.append(item)
                if (len(pending) >= batch_size or collector.stats.fetched != fetched
                        or time.monotonic() - started >= batch_seconds):
                    flush()
                    fetched = collector.stats.fetched
        finally:
            flush()
        if collector.stats.fetched:
            collector.stats.queued = collector.crawler.queued()
            console.print(collector.stats.table(summary.counts))
    return summary


# ---------------------------------------------------------------- watch
@main.command()
@click.argument("sources_file", metavar="SOURCES.toml", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--interval", type=click.FloatRange(1), default=None,
              help="Seconds between polls (default: the file's, else 900).")
@click.option("--once", is_flag=True, help="Poll every outlet once and stop.")
@click.option("--no-repair", is_flag=True, help="Store the pages' own orthography.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summaries.")
@collect_options
def watch(sources_file: str, db: str | None, interval: float | None, once: bool, no_repair: bool, quiet: bool,
          **collecting: Any) -> None:
    """Poll the outlets of SOURCES.toml (feeds, sitemaps) and ingest what is new, until stopped."""
    from khabar.collect.watch import load_outlets, watch_loop

    with one_line_errors():
        settings = fetch_overrides(load_settings(db=db, repair=not no_repair), **collecting)
        plan = load_outlets(sources_file)
        try:
            for outlet_sources in watch_loop(plan, interval=interval, once=once):
                summary = run_ingest(outlet_sources, settings, quiet=quiet)
                click.echo(f"khabar: watch: {summary.line()}", err=True)
        except KeyboardInterrupt:
            click.echo("khabar: watch stopped; the next run resumes where this one ended", err=True)


# ---------------------------------------------------------------- search
@main.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--section", default=None)
@click.option("--source", default=None)
@click.option("--author", default=None)
@click.option("--since", default=None, help="From this day (any calendar: 1404/08/01, 2025-11-01).")
@click.option("--until", default=None, help="Up to this day, inclusive.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
def search(query: tuple[str, ...], db: str | None, as_json: bool, section: str | None, source: str | None,
           author: str | None, since: str | None, until: str | None, sort: str, limit: int, offset: int) -> None:
    """Search the archive; every spelling variant of a word finds the others."""
    from khabar.dates import parse_day_bound
    from khabar.search import SearchRequest

    with one_line_errors():
        settings = load_settings(db=db)
        request = SearchRequest(
            text=" ".join(query), section=section, source=source, author=author,
            since=parse_day_bound(since) if since else None,
            until=parse_day_bound(until, end=True) if until else None,
            sort="date" if sort == "date" else "relevance", limit=limit, offset=offset,
        )
        with open_reader(settings.db) as store:
            results = store.search(request)
        if as_json:
            click.echo(json.dumps(results.to_json(), ensure_ascii=False, indent=2))
            return
        print_results(results)


def print_results(results: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    about = "" if getattr(results, "exact", True) else "about "
    noun = "result" if results.total == 1 and not about else "results"
    table = Table(title=f"{about}{results.total:,} {noun}", show_lines=False)
    for column in ("date", "source", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for hit in results.hits:
        snippet = hit.snippet.replace("\x02", "«").replace("\x03", "»")
        table.add_row((hit.article.published or "")[:10], hit.article.source or "", hit.article.title or "", snippet)
    console.print(table)


# ---------------------------------------------------------------- serve
@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; one per CPU core serves the most readers.")
def serve(db: str | None, host: str, port: int, workers: int) -> None:
    """Serve the archive: right-to-left reader, JSON API, Atom feeds."""
    with one_line_errors():
        settings = load_settings(db=db)
        run_server(settings, host, port, workers)


def run_server(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    from khabar.web.serve import run

    processes = f" with {workers} workers" if workers > 1 else ""
    click.echo(f"khabar: serving {settings.db} at http://{host}:{port}/{processes}  (Ctrl-C stops)")
    run(settings, host, port, workers)


# ---------------------------------------------------------------- export
@main.command()
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), required=True)
@click.option("--section", default=None)
@click.option("--source", default=None)
@click.option("--since", default=None, help="From this day (any calendar).")
@click.option("--until", default=None, help="Up to this day, inclusive.")
def export(out: str, db: str | None, fmt: str, section: str | None, source: str | None,
           since: str | None, until: str | None) -> None:
    """Write the archive (or a filtered part) as JSONL, CSV or Parquet."""
    from khabar.dates import parse_day_bound
    from khabar.export import export_articles
    from khabar.search import Filters

    with one_line_errors():
        settings = load_settings(db=db)
        filters = Filters(
            section=section, source=source,
            since=parse_day_bound(since) if since else None,
            until=parse_day_bound(until, end=True) if until else None,
        )
        with open_reader(settings.db) as store:
            count = export_articles(store, fmt, out, filters)
        click.echo(f"khabar: wrote {count} articles to {out}", err=True)


# ---------------------------------------------------------------- stats, reindex
@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
def stats(db: str | None, as_json: bool) -> None:
    """Counts by source, section and month."""

    with one_line_errors():
        settings = load_settings(db=db)
        with open_reader(settings.db) as store:
            result = store.stats()
        if as_json:
            click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        else:
            click.echo(result.render())


@main.command()
@db_option
def reindex(db: str | None) -> None:
    """Rebuild the search index from the stored articles."""
    from khabar.store import open_store

    with one_line_errors():
        settings = load_settings(db=db)
        with open_store(settings.db) as store:
            count = store.reindex()
            optimize = getattr(store, "optimize", None)  # SQLite: wait for the index's merges
            if callable(optimize):
                optimize()
        click.echo(f"khabar: reindexed {count} articles")


# ---------------------------------------------------------------- demo
@main.command()
@click.option("--db", "db", default=DEMO_DB, show_default=True, help="Where to build the demo archive.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the archive and stop.")
def demo(db: str, host: str, port: int, no_serve: bool) -> None:
    """Build an archive from the bundled sample pages and serve it."""
    with one_line_errors():
        settings = load_settings(db=db)
        with resources.as_file(resources.files("khabar") / "samples") as samples:
            summary = run_ingest([str(samples)], settings, quiet=True)
        click.echo(f"khabar: demo archive {db}: {summary.line()}")
        if not no_serve:
            run_server(settings, host, port)


if __name__ == "__main__":  # pragma: no cover
    main()
