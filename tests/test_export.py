"""Exports: JSONL, CSV and Parquet carry the Article contract, stream in batches and honour filters."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from khabar.errors import InputError
from khabar.export import export_articles
from khabar.records import CONTRACT_KEYS, Article, Image, RelatedLink
from khabar.search import Filters
from khabar.store import base

Z = "\u200c"


def _article(n: int, **fields: Any) -> Article:
    values: dict[str, Any] = {
        "id": f"e{n}", "url": f"https://export.example/{n}", "source": "خبرنامه نمونه", "section": "علم",
        "title": f"پژوهشگران نمونه{Z}ای تازه یافتند {n}", "authors": ("نگار رضایی",),
        "published": f"2025-10-{n % 28 + 1:02d}", "image": Image(url="https://export.example/i.jpg", alt="عکس"),
        "body": (f"بند نخست با نیم{Z}فاصله.", "بند دوم، با ویرگول و «گیومه»."),
        "related": (RelatedLink(title="خبر مرتبط", source="دیگری"),), "tags": ("علم",),
    }
    values.update(fields)
    return Article(**values)


@pytest.fixture
def filled(store: Any) -> Any:
    store.upsert_many([_article(n, section="علم" if n % 2 else "ورزش") for n in range(1, 8)])
    return store


def test_jsonl_is_the_contract(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    assert export_articles(filled, "jsonl", str(out)) == 7
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [f"e{n}" for n in range(1, 8)]
    assert list(records[0])[: len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
    assert Article.from_json(records[0]) == _article(1, section="علم")
    assert f"نیم{Z}فاصله" in lines[0]  # UTF-8 text, not \\u escapes


def test_csv_rows(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert export_articles(filled, "csv", str(out)) == 7
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 7
    assert rows[0]["body"] == f"بند نخست با نیم{Z}فاصله.\n\nبند دوم، با ویرگول و «گیومه»."
    assert json.loads(rows[0]["authors"]) == ["نگار رضایی"]
    assert json.loads(rows[0]["image"])["alt"] == "عکس"


def test_parquet_typed_columns(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    assert export_articles(filled, "parquet", str(out)) == 7
    table = pq.read_table(out)
    assert table.num_rows == 7
    first = table.slice(0, 1).to_pylist()[0]
    assert first["body"] == list(_article(1).body)
    assert first["image"]["url"] == "https://export.example/i.jpg"
    assert first["related"] == [{"title": "خبر مرتبط", "source": "دیگری", "url": None}]


def test_filters_apply_to_every_format(filled: Any, tmp_path: Path) -> None:
    filters = Filters(section="ورزش", since=date(2025, 10, 1), until=date(2025, 10, 6))
    for fmt in ("jsonl", "csv", "parquet"):
        assert export_articles(filled, fmt, str(tmp_path / f"f.{fmt}"), filters) == 2  # e2, e4


def test_streams_in_batches(store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "BATCH", 3)
    store.upsert_many([_article(n) for n in range(1, 11)])
    out = tmp_path / "b.jsonl"
    assert export_articles(store, "jsonl", str(out)) == 10
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"e{n}" for n in range(1, 11)) and len(set(ids)) == 10


def test_empty_archive_gives_empty_valid_files(store: Any, tmp_path: Path) -> None:
    assert export_articles(store, "parquet", str(tmp_path / "e.parquet")) == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert export_articles(store, "csv", str(tmp_path / "e.csv")) == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("id,url,")


def test_stdout(filled: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_articles(filled, "jsonl", "-") == 7
    assert len(capsys.readouterr().out.splitlines()) == 7


def test_errors_name_the_fix(filled: Any, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="jsonl, csv or parquet"):
        export_articles(filled, "xml", str(tmp_path / "x"))
    with pytest.raises(InputError, match="check the folder"):
        export_articles(filled, "jsonl", str(tmp_path / "missing" / "x.jsonl"))


def test_cli_export(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from khabar.cli import main
    from khabar.store import open_store

    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        store.upsert_many([_article(n, section="علم" if n % 2 else "ورزش") for n in range(1, 6)])
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(main, ["export", str(out), "--db", db, "--format", "parquet",
                                       "--section", "ورزش"])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 2
