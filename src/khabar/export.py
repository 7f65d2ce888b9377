"""Exports of the archive as research datasets: JSONL, CSV and Parquet, streamed in constant memory.

Every format carries the Article contract (DESIGN.md): JSONL one object per line exactly as
``khabar extract`` prints it; CSV one row per article with lists and nested objects as JSON text and
the body's paragraphs joined by blank lines; Parquet typed columns (lists and structs) via pyarrow,
written one row group per batch.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Literal

from khabar.errors import InputError
from khabar.records import Article
from khabar.search import Filters
from khabar.store import Store

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
#: Articles per Parquet row group.
BATCH = 2000
_NESTED = ("authors", "image", "related", "explore", "tags", "repairs")


@contextmanager
def _open(out: str, binary: bool) -> Iterator[IO[Any]]:
    if out == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    try:
        handle = open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}; check the folder and permissions") from exc
    with handle:
        yield handle


def write_jsonl(articles: Iterable[Article], handle: IO[str]) -> int:
    count = 0
    for article in articles:
        handle.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(article: Article) -> dict[str, Any]:
    row = article.to_json()
    row["body"] = "\n\n".join(article.body)
    for key in _NESTED:
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def write_csv(articles: Iterable[Article], handle: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    count = 0
    for article in articles:
        row = csv_row(article)
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    if writer is None:
        csv.writer(handle).writerow(csv_row(Article()).keys())
    return count


def parquet_schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    return pa.schema([
        ("id", text), ("url", text), ("source", text), ("language", text), ("section", text),
        ("title", text), ("lead", text), ("authors", pa.list_(text)), ("published", text),
        ("published_text", text), ("updated", text), ("stated_reading_minutes", pa.int32()),
        ("reading_minutes", pa.int32()),
        ("image", pa.struct([("url", text), ("alt", text), ("caption", text), ("credit", text)])),
        ("body", pa.list_(text)),
        ("related", pa.list_(pa.struct([("title", text), ("source", text), ("url", text)]))),
        ("explore", pa.list_(pa.struct([("title", text), ("url", text)]))),
        ("tags", pa.list_(text)),
        ("repairs", pa.struct([("zwnj_inserted", pa.int64()), ("characters_unified", pa.int64()),
                               ("digits_unified", pa.int64())])),
        ("kicker", text), ("updated_text", text), ("content_hash", text), ("fetched_at", text),
    ])


def write_parquet(articles: Iterable[Article], handle: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("Parquet export needs pyarrow; pip install 'khabar[parquet]'") from exc
    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(handle, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for article in articles:
            batch.append(article.to_json())
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def export_articles(store: Store, fmt: str, out: str, filters: Filters | None = None) -> int:
    """Write the (filtered) archive to ``out`` (a path or "-"); returns the number of articles."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use jsonl, csv or parquet")
    articles = store.iter_articles(filters)
    if fmt == "parquet":
        with _open(out, binary=True) as handle:
            return write_parquet(articles, handle)
    with _open(out, binary=False) as handle:
        return write_jsonl(articles, handle) if fmt == "jsonl" else write_csv(articles, handle)
