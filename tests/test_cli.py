"""The command line as a user meets it: click's runner, real files, no network."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli import main
from khabar.records import CONTRACT_KEYS

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "khabar" / "samples"
SAMPLE_PAGES = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".html", ".txt"))


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def assert_one_line_error(result: object, needle: str) -> None:
    assert result.exit_code != 0  # type: ignore[attr-defined]
    err = result.stderr.strip()  # type: ignore[attr-defined]
    assert "Traceback" not in err
    assert err.startswith("khabar: error:"), err
    assert len(err.splitlines()) == 1, err
    assert needle in err


def test_bad_inputs_give_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 40)
    pdf = tmp_path / "report.html"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"\x00" * 64)
    cases = [
        (str(tmp_path / "missing.html"), "no such file"),
        (str(empty), "empty"),
        (str(binary), "binary"),
        (str(pdf), "binary"),
        (f"http://127.0.0.1:{closed_port()}/news/1", "127.0.0.1"),
    ]
    for source, needle in cases:
        result = runner.invoke(main, ["extract", source])
        assert_one_line_error(result, needle)


def test_extract_missing_file_still_prints_the_good_ones(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("سیاست\nدیدار دو وزیر در تهران\nوزیران دو کشور روز شنبه با یکدیگر دیدار کردند.\n", "utf-8")
    result = runner.invoke(main, ["extract", str(page), str(tmp_path / "nope.html"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "nope.html" in result.stderr


@pytest.mark.skipif(not SAMPLE_PAGES, reason="sample corpus not written yet")
@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda p: p.name)
def test_extract_every_sample_gives_a_contract_complete_article(runner: CliRunner, page: Path) -> None:
    result = runner.invoke(main, ["extract", str(page), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert list(article)[: len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
    assert article["title"], "every sample has a headline"
    assert article["body"], "every sample has body paragraphs"
    assert article["language"] == "fa"
    assert set(article["image"]) == {"url", "alt", "caption", "credit"}
    assert set(article["repairs"]) == {"zwnj_inserted", "characters_unified", "digits_unified"}


def test_extract_keeps_the_half_space(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='fa'><head><meta charset='utf-8'><title>همکاری\u200cهای تازه</title></head><body><article>"
        "<h1>همکاری\u200cهای تازه دو دانشگاه</h1>"
        "<p>دو دانشگاه بزرگ کشور روز یکشنبه تفاهم\u200cنامه\u200cای برای همکاری\u200cهای پژوهشی امضا کردند.</p>"
        "<p>به گفته مسئولان، دانشجویان می\u200cتوانند از آزمایشگاه\u200cهای هر دو دانشگاه استفاده کنند.</p>"
        "</article></body></html>",
        "utf-8",
    )
    for flags in ([], ["--no-repair"]):
        result = runner.invoke(main, ["extract", str(page), *flags])
        assert result.exit_code == 0, result.stderr
        body = " ".join(json.loads(result.stdout)["body"])
        assert "همکاری\u200cهای پژوهشی" in body
        assert "می\u200cتوانند" in body


def test_extract_reads_stdin(runner: CliRunner) -> None:
    text = "ورزش\nپیروزی تیم ملی والیبال در دیدار دوستانه\nتیم ملی والیبال روز جمعه حریف خود را شکست داد.\n"
    result = runner.invoke(main, ["extract", "-", "--format", "text"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "پیروزی تیم ملی والیبال" in result.stdout


def test_repair_reads_stdin_and_writes_display_text(runner: CliRunner) -> None:
    result = runner.invoke(main, ["repair"], input="كتاب ٢٫٤ ميليون نسخه فروخت\n".encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "کتاب ۲٫۴ میلیون نسخه فروخت\n"


def test_repair_edits_are_json_lines(runner: CliRunner) -> None:
    result = runner.invoke(main, ["repair", "--edits"], input="كتاب".encode())
    assert result.exit_code == 0, result.stderr
    edits = [json.loads(line) for line in result.stdout.splitlines()]
    assert edits and edits[0]["before"] == "ك" and edits[0]["after"] == "ک"


def test_repair_refuses_a_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01\x02" * 100)
    assert_one_line_error(runner.invoke(main, ["repair", str(blob)]), "binary")


def test_date_prints_iso_jalali_gregorian(runner: CliRunner) -> None:
    result = runner.invoke(main, ["date", "۱۳ آبان ۱۴۰۴ - ۱۰:۳۰"])
    assert result.exit_code == 0, result.stderr
    iso, jalali, gregorian = result.stdout.strip().splitlines()
    assert iso == "2025-11-04T10:30:00+03:30"
    assert "آبان" in jalali and "۱۴۰۴" in jalali
    assert "November" in gregorian and "2025" in gregorian


def test_date_refuses_a_day_that_does_not_exist(runner: CliRunner) -> None:
    assert_one_line_error(runner.invoke(main, ["date", "۳۰ اسفند ۱۴۰۴"]), "")  # 1403 was a leap year


def test_unknown_digits_setting_is_refused(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_DIGITS", "roman")
    page = tmp_path / "p.txt"
    page.write_text("سلام\n", "utf-8")
    assert_one_line_error(runner.invoke(main, ["extract", str(page)]), "digits")
