"""The search benchmark's memory column counts every process of an ingest (bench/search.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "search.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_search", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("result", "cell"), [
    ({"RSS MiB": 612.4, "helper RSS MiB": 238.7}, "851 (612 + 239)"),
    ({"RSS MiB": 1400.0, "helper RSS MiB": 0.0}, "1,400"),  # raw baselines run alone
    ({"RSS MiB": 75.0}, "75"),
])
def test_rss_cell_sums_the_main_process_and_the_helper(bench: ModuleType, result: dict[str, float],
                                                       cell: str) -> None:
    assert bench.rss_cell(result) == cell


def test_rss_cell_of_the_ingest_alone(bench: ModuleType) -> None:
    result = {"RSS MiB": 813.0, "ingest RSS MiB": 525.4, "helper RSS MiB": 235.4}
    assert bench.rss_cell(result, "ingest RSS MiB") == "761 (525 + 235)"
    assert bench.rss_cell(result) == "1,048 (813 + 235)"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_children_peak_sees_a_live_childs_peak(bench: ModuleType) -> None:
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys; block = bytearray(80 << 20); sys.stdout.write('ok\\n'); "
                              "sys.stdout.flush(); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ok\n"
        assert bench.children_peak_mib() >= 80
    finally:
        child.communicate()
    split = bench.resident_split()
    assert split["RssAnon MiB"] > 0 and split["RssFile MiB"] > 0
