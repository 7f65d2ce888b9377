"""End to end on the bundled sample pages: demo build, ingest, search, export, the served page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "khabar" / "samples"
pytestmark = pytest.mark.skipif(
    not any(SAMPLES.glob("*.html")), reason="sample corpus not written yet"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    return db


def article_count(db: Path) -> int:
    result = CliRunner().invoke(main, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["total"])


def test_demo_is_idempotent(demo_db: Path) -> None:
    before = article_count(demo_db)
    pages = len([p for p in SAMPLES.iterdir() if p.suffix in (".html", ".txt")])
    assert before == pages
    again = CliRunner().invoke(main, ["demo", "--db", str(demo_db), "--no-serve"])
    assert again.exit_code == 0, again.output
    assert f"0 new, 0 updated, {pages} unchanged, 0 failed" in again.stdout
    assert article_count(demo_db) == before


def test_ingesting_the_same_folder_twice_keeps_the_count(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    first = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", db, "-q"])
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("0 new, 0 updated")
    assert article_count(tmp_path / "a.db") == len([p for p in SAMPLES.iterdir() if p.suffix in (".html", ".txt")])


def search_titles(db: Path, query: str) -> list[str]:
    result = CliRunner().invoke(main, ["search", query, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return [hit["article"]["title"] for hit in json.loads(result.stdout)["hits"]]


def any_zwnj_word(db: Path) -> tuple[str, str]:
    """A word with a half-space from a stored title, and its title."""
    for line in CliRunner().invoke(main, ["export", "-", "--db", str(db), "--format", "jsonl"]).stdout.splitlines():
        article = json.loads(line)
        for word in (article["title"] or "").split():
            if "\u200c" in word and len(word) > 5:
                return word.strip("«»،؛:!؟."), article["title"]
    raise AssertionError("no title with a half-space in the samples")


def test_search_finds_an_article_by_any_spelling(demo_db: Path) -> None:
    word, title = any_zwnj_word(demo_db)
    for variant in (word, word.replace("\u200c", ""), word.replace("\u200c", " ")):
        assert title in search_titles(demo_db, variant), variant


def test_export_jsonl_has_every_article(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["export", str(out), "--db", str(demo_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == article_count(demo_db)
    assert all(row["title"] and row["body"] for row in rows)


def test_served_article_page_has_headline_section_and_date(demo_db: Path) -> None:
    from starlette.testclient import TestClient

    from khabar.config import Settings
    from khabar.store import open_store
    from khabar.web import create_app

    with open_store(str(demo_db)) as store:
        page = store.latest(limit=50)
        summary = next(item for item in page.items if item.section and item.published)
        article = store.get(summary.id)
    assert article is not None
    client = TestClient(create_app(Settings(db=str(demo_db))))
    home = client.get("/")
    assert home.status_code == 200
    assert 'dir="rtl"' in home.text and 'lang="fa"' in home.text
    response = client.get(f"/article/{article.id}")
    assert response.status_code == 200
    html = response.text
    assert (article.title or "") in html
    assert (article.section or "") in html
    assert "<time" in html
