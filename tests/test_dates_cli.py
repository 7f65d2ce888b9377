"""`khabar date TEXT [--reference DATE]` as a user runs it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from khabar.cli import main


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["۱۳ آبان ۱۴۰۴ - ۱۰:۳۰"],
            [
                "2025-11-04T10:30:00+03:30",
                "سه\u200cشنبه ۱۳ آبان ۱۴۰۴، ساعت ۱۰:۳۰",
                "Tuesday 4 November 2025, 10:30",
            ],
        ),
        (["28 اکتبر 2025"], ["2025-10-28", "سه\u200cشنبه ۶ آبان ۱۴۰۴", "Tuesday 28 October 2025"]),
        (["۱۳", "عقرب", "۱۴۰۴"], ["2025-11-04", "سه\u200cشنبه ۱۳ آبان ۱۴۰۴", "Tuesday 4 November 2025"]),
        (
            ["۲ ساعت پیش", "--reference", "۱۴۰۴/۰۸/۱۴ ۱۲:۰۰"],
            [
                "2025-11-05T10:00:00+03:30",
                "چهارشنبه ۱۴ آبان ۱۴۰۴، ساعت ۱۰:۰۰",
                "Wednesday 5 November 2025, 10:00",
            ],
        ),
        (
            ["۲۷ اکتبر", "--reference", "2026-01-10"],
            ["2025-10-27", "دوشنبه ۵ آبان ۱۴۰۴", "Monday 27 October 2025"],
        ),
        (
            ["سه\u200cشنبه گذشته", "--reference", "۱۴۰۴/۰۸/۱۴"],
            ["2025-11-04", "سه\u200cشنبه ۱۳ آبان ۱۴۰۴", "Tuesday 4 November 2025"],
        ),
        (
            ["بیست و هفت مهر هزار و چهارصد و چهار"],
            ["2025-10-19", "یکشنبه ۲۷ مهر ۱۴۰۴", "Sunday 19 October 2025"],
        ),
        (
            ["۱۳ عقرب ۱۴۰۴ ساعت ۸ صبح"],
            ["2025-11-04T08:00:00+03:30", "سه\u200cشنبه ۱۳ آبان ۱۴۰۴، ساعت ۰۸:۰۰", "Tuesday 4 November 2025, 08:00"],
        ),
    ],
)
def test_date_prints_three_forms(args: list[str], lines: list[str]) -> None:
    result = CliRunner().invoke(main, ["date", *args])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == lines


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("۳۰ اسفند ۱۴۰۴", "1404 is not a leap year"),
        ("۲۹ فوریه 2025", "2025 is not a leap year"),
        ("۱۴۰۴/۱۳/۰۱", "month 13"),
        ("© ۱۳۹۹", "no date"),
        ("آبان ۱۴۰۴", "no day"),
    ],
)
def test_date_error_is_one_line_and_exit_1(text: str, needle: str) -> None:
    result = CliRunner().invoke(main, ["date", text])
    assert result.exit_code == 1
    assert result.stdout == ""
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert needle in err
