#!/usr/bin/env python3
"""Side-by-side ZWNJ repair benchmark: khabar against the Persian normalizers that install here.

Same text for every tool: ZWNJ accuracy on the development set (the scorer's own logic from
../shared/eval/zwnj/score.py: joined / spaced unit accuracy, false changes on correct text) and
throughput on the joined dev text repeated to --bytes (news repeats itself, and khabar caches per
token), plus "cold" chars/s: one pass over the dev text with khabar's caches emptied. Peers (optional ``bench`` extra):
hazm-normalizer, hazm, shekar, parsivar; a peer that does not import is skipped and said so.

Usage: python bench/repair.py [--eval ../shared/eval/zwnj] [--bytes 2000000]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

Repairer = Callable[[str], str]
HERE = Path(__file__).resolve().parent


def _quiet(name: str) -> ModuleType:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return importlib.import_module(name)


def _khabar() -> Repairer:
    from khabar.repair import repair_text

    return repair_text


def _hazm_normalizer() -> Repairer:
    return _quiet("hazm_normalizer").Normalizer().normalize  # type: ignore[no-any-return]


def _hazm() -> Repairer:
    return _quiet("hazm").Normalizer().normalize  # type: ignore[no-any-return]


def _shekar() -> Repairer:
    return _quiet("shekar").Normalizer()  # type: ignore[no-any-return]


def _parsivar() -> Repairer:
    return _quiet("parsivar").Normalizer().normalize  # type: ignore[no-any-return]


TOOLS: dict[str, Callable[[], Repairer]] = {
    "khabar": _khabar,
    "hazm-normalizer": _hazm_normalizer,
    "hazm": _hazm,
    "shekar": _shekar,
    "parsivar": _parsivar,
}


def load_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("zwnj_score", folder / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"bench: no scorer at {folder / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(score: ModuleType, folder: Path, fn: Repairer) -> tuple[float, float, int]:
    groups = score.load_alternatives(str(folder / "dev_alternatives.tsv"))
    gold = (folder / "dev_gold.txt").read_text(encoding="utf-8")
    gold_lines = [score.GoldLine(line, groups) for line in gold.rstrip("\n").split("\n")]
    out = {}
    for cond in ("joined", "spaced", "gold"):
        text = (folder / f"dev_{cond}.txt").read_text(encoding="utf-8")
        lines, _ = score.run_tool(fn, text, False, [])
        out[cond] = score.summarise(score.score_lines(gold_lines, lines))
    return out["joined"]["unit_acc"], out["spaced"]["unit_acc"], out["gold"]["false_changes"]


def throughput(fn: Repairer, text: str) -> float:
    fn("رئیس‌جمهور در نشست خبری گفت.")
    start = time.perf_counter()
    fn(text)
    return len(text) / (time.perf_counter() - start)


def cold_throughput(name: str, fn: Repairer, text: str) -> float:
    """One pass over text the tool has not seen: khabar's per-token caches are emptied first."""
    if name == "khabar":
        from khabar.persian.zwnj import default_repairer

        default_repairer.cache_clear()
    return throughput(fn, text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(HERE.parent.parent / "shared" / "eval" / "zwnj"))
    ap.add_argument("--bytes", type=int, default=2_000_000)
    ap.add_argument("--tools", default=",".join(TOOLS))
    args = ap.parse_args()
    folder = Path(args.eval)
    score = load_scorer(folder)
    base = (folder / "dev_joined.txt").read_text(encoding="utf-8")
    text = base * (args.bytes // len(base.encode("utf-8")) + 1)
    rows = []
    for name in args.tools.split(","):
        try:
            fn = TOOLS[name]()
        except Exception as exc:  # a peer that does not install is reported, not fatal
            print(f"skipped {name}: {type(exc).__name__}: {exc}"[:160], file=sys.stderr)
            continue
        joined, spaced, false_changes = accuracy(score, folder, fn)
        cold = cold_throughput(name, fn, base)
        rows.append((name, joined, spaced, false_changes, throughput(fn, text), cold))
    reference = next((r[4] for r in rows if r[0] == "hazm-normalizer"), None)
    print(
        f"{'tool':<16} {'joined':>7} {'spaced':>7} {'false':>6} {'chars/s':>10}"
        f" {'× hazm-norm':>11} {'cold chars/s':>12}"
    )
    for name, joined, spaced, fc, cps, cold in rows:
        ratio = f"{cps / reference:.2f}" if reference else "n/a"
        print(f"{name:<16} {joined:>7.2f} {spaced:>7.2f} {fc:>6d} {cps:>10,.0f} {ratio:>11} {cold:>12,.0f}")


if __name__ == "__main__":
    main()
