"""Keeps the search index's memory-mapped pages from piling up in the writing process.

Tantivy reads its segments through memory maps, and a merge reads every page of the segments it
merges. The kernel leaves those pages mapped (counted in the process's resident memory) until it
runs short of memory, so during a bulk ingest the writer's resident size rose by the size of each
merge's inputs: at a million articles merges read hundreds of MiB of a 590 MiB index, and the
ingesting process peaked at 922 MiB of which about half was index pages (300k articles, sampled:
+45 MiB of index pages per merge of 40 MiB). Neither Tantivy nor tantivy-py bounds this: the merge
policy is not settable from Python, the directory is always memory-mapped, and the maps belong to
Rust code. Written by hand, then: a thread watches the process's file-backed resident size
(``/proc/self/status``, microseconds) and, once it has grown more than TRIM_SLACK since the
writer started, asks the kernel to page out every shared mapping of the index directory
(``madvise(MADV_PAGEOUT)``, found in ``/proc/self/maps``). The pages are clean and unchanged
(segment files are written once); touched again they come back from the page cache.

MADV_PAGEOUT, not MADV_DONTNEED: between reading the maps and the call Tantivy may unmap a segment
and the address be reused for other memory; DONTNEED would zero such memory, PAGEOUT only
reclaims it. Linux only (5.4+); elsewhere, and wherever a step fails, it does nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

#: How often the thread looks at the resident size (seconds); a merge reads some tens of MiB a second.
TRIM_EVERY = 0.5
#: File-backed resident growth (bytes) tolerated before the index's pages are paged out: searches
#: in the writing process keep this much of the index mapped.
TRIM_SLACK = 48 * 2**20
MADV_PAGEOUT = 21


@dataclass(frozen=True)
class Mapping:
    """One address range of ``/proc/self/maps``."""

    start: int
    end: int
    shared: bool
    path: str


def parse_maps(text: str) -> list[Mapping]:
    """The file-backed mappings of a ``/proc/<pid>/maps`` text (``(deleted)`` marks dropped)."""
    out = []
    for line in text.splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) < 6 or not fields[5].startswith("/"):
            continue
        start, _, end = fields[0].partition("-")
        out.append(Mapping(int(start, 16), int(end, 16), fields[1].endswith("s"),
                           fields[5].removesuffix(" (deleted)")))
    return out


def mappings_under(directory: str, mappings: list[Mapping]) -> list[Mapping]:
    """The shared mappings of files in ``directory`` (Tantivy maps its segments shared, read-only)."""
    prefix = str(Path(directory).resolve()) + os.sep
    return [m for m in mappings if m.shared and m.path.startswith(prefix)]


def file_resident() -> int | None:
    """This process's file-backed resident bytes (RssFile), None where /proc has no such line."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("RssFile:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


@lru_cache(maxsize=1)
def _madvise() -> Any:
    """libc's madvise, or None where there is none to call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).madvise
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def page_out(directory: str) -> int:
    """Page out this process's mappings of files in ``directory``; returns the bytes advised."""
    madvise = _madvise()
    if madvise is None:
        return 0
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            found = mappings_under(directory, parse_maps(maps.read()))
    except OSError:
        return 0
    done = 0
    for mapping in found:
        if madvise(mapping.start, mapping.end - mapping.start, MADV_PAGEOUT) == 0:
            done += mapping.end - mapping.start  # a range unmapped meanwhile fails harmlessly
    return done


class MapTrimmer:
    """While started, pages out ``directory``'s mappings whenever the file-backed resident size has
    grown TRIM_SLACK beyond where it was at start (see the module's docstring)."""

    def __init__(self, directory: str, *, every: float = TRIM_EVERY, slack: int = TRIM_SLACK) -> None:
        self.directory = directory
        self.every = every
        self.slack = slack
        self.trims = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None or _madvise() is None or file_resident() is None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="khabar-index-trim", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join()

    def _run(self) -> None:
        base = file_resident() or 0
        while not self._stop.wait(self.every):
            now = file_resident()
            if now is not None and now - base > self.slack:
                page_out(self.directory)
                self.trims += 1
                base = file_resident() or base  # what is left (libraries, SQLite's map) is the new base
