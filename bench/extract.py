#!/usr/bin/env python3
"""Side-by-side extraction benchmark: khabar against trafilatura, newspaper4k, readability-lxml, goose3.

Same pages for every tool: the sample corpus (src/khabar/samples, gold in tests/gold), HTML and
flattened text, then a second table on tests/fixtures/extract_more (layouts the corpus lacks).
Each peer's output is mapped to khabar's fields (section, title, lead, published,
stated reading time, caption, credit, authors, body) and scored by khabar.extract.score: text is
compared blind to ZWNJ/spacing/letter forms (the repair stage's job), published as ISO (a date-time
must match as an instant). khabar's fields come from the whole pipeline (extract → repair → enrich,
since the printed date is parsed in enrich); pages/s times the extract stage alone for khabar and
the extraction call for peers, best of --repeat runs. A peer that does not import is skipped and
said so (install them with ``pip install -e .[bench]``).

Usage: python bench/extract.py [--repeat 3] [--misses]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "src" / "khabar" / "samples"
GOLD = ROOT / "tests" / "gold"
MORE = ROOT / "tests" / "fixtures" / "extract_more"  # a second page set: 7 layouts, page and gold side by side

from khabar.config import Settings  # noqa: E402
from khabar.extract import extract  # noqa: E402
from khabar.extract.score import FIELDS, Gold, Prediction, load_gold, score  # noqa: E402
from khabar.pipeline import process_page  # noqa: E402
from khabar.records import Page  # noqa: E402

Tool = Callable[[Gold], Prediction]
_BLANK = re.compile(r"\n\s*\n|\n")


def _page(gold: Gold) -> Page:
    return Page(content=gold.page.read_bytes(), origin=str(gold.page), url=gold.data.get("url"))


def _html(gold: Gold) -> str:
    return extract_text_for_peers(gold.page.read_bytes())


def extract_text_for_peers(data: bytes) -> str:
    """Peers get the page decoded the same way khabar decodes it (fair on windows-1256 pages)."""
    from khabar.extract.decode import decode_page

    return decode_page(Page(content=data))


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in _BLANK.split(text or "") if p.strip())


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# --- tools ----------------------------------------------------------------------------------


def khabar_extract(gold: Gold) -> Prediction:
    return Prediction.from_article(extract(_page(gold)))


def khabar_pipeline(gold: Gold) -> Prediction:
    return Prediction.from_article(process_page(_page(gold), Settings()))


def trafilatura_tool() -> Tool:
    import trafilatura

    def run(gold: Gold) -> Prediction:
        document = trafilatura.bare_extraction(_html(gold), url=gold.data.get("url"), with_metadata=True,
                                               include_comments=False, include_tables=False)
        if not document:
            return Prediction()
        doc = document.as_dict() if hasattr(document, "as_dict") else document
        categories = doc.get("categories") or []
        section = categories[0] if isinstance(categories, list) and categories else None
        author = doc.get("author")
        return Prediction(
            section=section, title=doc.get("title"), lead=doc.get("description"), published=_iso(doc.get("date")),
            authors=tuple(a.strip() for a in author.split(";")) if author else (),
            body=_paragraphs(doc.get("text")),
        )

    return run


def newspaper_tool() -> Tool:
    import newspaper

    def run(gold: Gold) -> Prediction:
        article = newspaper.Article(gold.data.get("url") or "https://example.invalid/", language="fa")
        article.download(input_html=_html(gold))
        article.parse()
        meta = article.meta_data or {}
        section = (meta.get("article") or {}).get("section") if isinstance(meta.get("article"), dict) else None
        return Prediction(
            section=section, title=article.title or None, lead=article.meta_description or None,
            published=_iso(article.publish_date), authors=tuple(article.authors or ()),
            body=_paragraphs(article.text),
        )

    return run


def readability_tool() -> Tool:
    import lxml.html
    from readability import Document

    def run(gold: Gold) -> Prediction:
        document = Document(_html(gold))
        summary = lxml.html.fromstring(document.summary(html_partial=True))
        paragraphs = tuple(
            " ".join(p.text_content().split()) for p in summary.iter("p", "h2", "h3", "li", "blockquote")
            if p.text_content().strip()
        )
        return Prediction(title=document.short_title() or None, body=paragraphs)

    return run


def goose_tool() -> Tool:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "use_meta_language": False, "target_language": "fa"})

    def run(gold: Gold) -> Prediction:
        article = goose.extract(raw_html=_html(gold))
        return Prediction(
            title=article.title or None, lead=article.meta_description or None,
            published=_iso(article.publish_datetime_utc or article.publish_date),
            authors=tuple(article.authors or ()), body=_paragraphs(article.cleaned_text),
        )

    return run


# --- running --------------------------------------------------------------------------------


def _clear_khabar_caches() -> None:
    """Every timed run starts cold: khabar's per-string caches would otherwise remember the
    previous run's lines."""
    import importlib

    for name in ("util", "dom", "text", "filters"):
        module = importlib.import_module(f"khabar.extract.{name}")
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def _timed(tool: Tool, golds: list[Gold], repeat: int) -> tuple[dict[str, Prediction], float]:
    best = float("inf")
    results: dict[str, Prediction] = {}
    for _ in range(repeat):
        _clear_khabar_caches()
        started = time.perf_counter()
        for gold in golds:
            try:
                with contextlib.redirect_stderr(io.StringIO()):
                    results[gold.stem] = tool(gold)
            except Exception:  # a peer crashing on a page scores nothing there
                results[gold.stem] = Prediction()
        best = min(best, time.perf_counter() - started)
    return results, len(golds) / best if best > 0 else 0.0


def real_pages(tools: list[tuple[str, Tool]]) -> None:
    """The three real pages of ../shared/eval/extract-real, when present: fields right of 4
    (title, lead, section, date) per page, body start/end found, chrome markers in the
    body, ZWNJ kept in the body."""
    folder = ROOT.parent / "shared" / "eval" / "extract-real"
    if not (folder / "gold.jsonl").exists():
        print("real pages: ../shared/eval/extract-real not found, skipped")
        return
    import json

    from khabar.extract.score import key, same_date

    pages = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    print("real pages (3): tool | fields right (of 12) | body start+end (of 6) | chrome leaks | ZWNJ in body")
    for name, tool in tools:
        fields = ends = leaks = zwnj = 0
        for gold in pages:
            fake = Gold(gold["file"], folder / gold["file"], {"url": gold["url"]})
            try:
                got = tool(fake)
            except Exception:  # a peer crashing on a page scores nothing there
                got = Prediction()
            fields += sum((key(got.title) == key(gold["title"]), key(got.lead) == key(gold["lead"]),
                           key(got.section) == key(gold["section_leaf"]),
                           same_date((got.published or "")[:10] or None, gold["published"])))
            body = [key(p) for p in got.body]
            ends += bool(body) and key(gold["body_first"])[:40] in body[0]
            ends += bool(body) and key(gold["body_last"]) in body[-1]
            leaks += sum(1 for m in gold["chrome_markers"] if any(key(m) in p for p in body))
            zwnj += sum(p.count("\u200c") for p in got.body)
        print(f"{name} | {fields} | {ends} | {leaks} | {zwnj}")


def table(title: str, golds: list[Gold], repeat: int) -> tuple[list[tuple[str, Any, float]], list[tuple[str, Tool]]]:
    """One table: every tool on ``golds``; returns the rows and the tools that imported."""
    html = sum(1 for g in golds if g.page.suffix == ".html")
    print(f"{title}: {len(golds)} pages ({html} HTML, {len(golds) - html} flattened text)")
    rows: list[tuple[str, Any, float]] = []
    tools: list[tuple[str, Tool]] = [("khabar", khabar_pipeline)]
    khabar_fields, _ = _timed(khabar_pipeline, golds, 1)
    _, khabar_speed = _timed(khabar_extract, golds, repeat)
    rows.append(("khabar", score(khabar_fields, golds), khabar_speed))
    for name, factory in (("trafilatura", trafilatura_tool), ("newspaper4k", newspaper_tool),
                          ("readability-lxml", readability_tool), ("goose3", goose_tool)):
        try:
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                tool = factory()
        except ImportError as exc:
            print(f"skipped {name}: {exc}")
            continue
        predictions, speed = _timed(tool, golds, repeat)
        rows.append((name, score(predictions, golds), speed))
        tools.append((name, tool))
    # khabar and trafilatura (the ratio the issue sets) timed again after the other peers, best of
    # both windows for each: on a shared machine a burst of load in one window would decide the ratio
    timed_again = {"khabar": khabar_extract, **{n: t for n, t in tools if n == "trafilatura"}}
    for index, (name, result, speed) in enumerate(rows):
        if name in timed_again:
            rows[index] = (name, result, max(speed, _timed(timed_again[name], golds, repeat)[1]))
    short = {"stated_reading_minutes": "read", "published": "date"}
    header = ["tool", *(short.get(f, f[:7]) for f in FIELDS), "fields", "body F1", "leaks", "pages/s"]
    print(" | ".join(header))
    for name, result, speed in rows:
        cells = [name, *(f"{result.accuracy(f):.2f}" for f in FIELDS), f"{result.accuracy():.3f}",
                 f"{result.body_f1:.3f}", str(result.leaks), f"{speed:.0f}"]
        print(" | ".join(cells))
    return rows, tools


def _summary(label: str, rows: list[tuple[str, Any, float]]) -> None:
    khabar_speed = rows[0][2]
    trafilatura_speed = next((s for n, _, s in rows if n == "trafilatura"), 0.0)
    ratio = f"{khabar_speed / trafilatura_speed:.1f}x trafilatura" if trafilatura_speed else "trafilatura skipped"
    first = rows[0][1]
    print(f"khabar ({label}): field accuracy {first.accuracy():.3f}, body F1 {first.body_f1:.3f}, "
          f"leaks {first.leaks}, {khabar_speed:.0f} pages/s ({ratio})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="list khabar's wrong fields and leaks")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)
    sample_rows, tools = table("sample corpus", load_gold(SAMPLES, GOLD), args.repeat)
    real_pages(tools)
    more_rows, _ = table("more layouts (tests/fixtures/extract_more)", load_gold(MORE, MORE), args.repeat)
    if args.misses:
        for rows in (sample_rows, more_rows):
            print("khabar misses:", ", ".join(rows[0][1].misses) or "none")
            print("khabar leaks:", ", ".join(rows[0][1].leaked) or "none")
    _summary("sample corpus", sample_rows)
    _summary("more layouts", more_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
