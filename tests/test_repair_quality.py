"""Pins the scorer numbers reached on the development set (../shared/eval/zwnj beside the repo).

Runs the scorer's own logic (its score.py, imported) on dev_joined / dev_spaced / dev_gold and
asserts the floors reached, so a change that makes ZWNJ restoration worse fails CI. Skipped when
the evaluation folder is not there.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from khabar.repair import repair_text

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "zwnj"
FLOORS = {"joined": 99.84, "spaced": 100.0}
MAX_FALSE_CHANGES = 0

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="../shared/eval/zwnj not present")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("zwnj_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, float]]:
    score = scorer()
    groups = score.load_alternatives(str(EVAL / "dev_alternatives.tsv"))
    gold_text = (EVAL / "dev_gold.txt").read_text(encoding="utf-8")
    gold_lines = [score.GoldLine(line, groups) for line in gold_text.rstrip("\n").split("\n")]
    out = {}
    for condition in ("joined", "spaced", "gold"):
        text = (EVAL / f"dev_{condition}.txt").read_text(encoding="utf-8")
        predicted = repair_text(text).rstrip("\n").split("\n")
        out[condition] = score.summarise(score.score_lines(gold_lines, predicted))
    return out


@pytest.mark.parametrize("condition", ["joined", "spaced"])
def test_unit_accuracy_floor(results: dict[str, dict[str, float]], condition: str) -> None:
    assert results[condition]["unit_acc"] >= FLOORS[condition]


def test_correct_text_is_barely_touched(results: dict[str, dict[str, float]]) -> None:
    assert results["gold"]["false_changes"] <= MAX_FALSE_CHANGES
