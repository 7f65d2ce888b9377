"""The index writer pages its memory-mapped segment files out of its resident memory (trim.py)."""

from __future__ import annotations

import mmap
import os
import threading
import time
from pathlib import Path

import pytest

from khabar.store import trim
from khabar.store.tantivy_index import SearchIndex

linux_only = pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")

MAPS = """\
55d0c0a00000-55d0c0a21000 r--p 00000000 fe:00 1234     /usr/bin/python3.11
7f00aa000000-7f00ab000000 rw-p 00000000 00:00 0
7f00ab000000-7f00ab400000 r--s 00000000 fe:00 2001     /data/a.db.tantivy/3f2a.idx
7f00ab400000-7f00ab500000 r--s 00000000 fe:00 2002     /data/a.db.tantivy/9c1b.pos (deleted)
7f00ab500000-7f00ab600000 r--p 00000000 fe:00 2003     /data/a.db.tantivy/meta.json
7f00ab600000-7f00ab700000 r--s 00000000 fe:00 2004     /data/a.db.tantivy2/other.idx
7f00ab700000-7f00ab800000 r--s 00000000 fe:00 2005     /data/my archive.db.tantivy/1.term
7f00ab800000-7f00ab900000 rw-s 00000000 fe:00 2006     /data/a.db-shm
7ffd1e000000-7ffd1e021000 rw-p 00000000 00:00 0        [stack]
"""


def test_parse_maps_keeps_file_mappings_with_their_paths() -> None:
    found = trim.parse_maps(MAPS)
    assert [m.path for m in found] == [
        "/usr/bin/python3.11", "/data/a.db.tantivy/3f2a.idx", "/data/a.db.tantivy/9c1b.pos",
        "/data/a.db.tantivy/meta.json", "/data/a.db.tantivy2/other.idx",
        "/data/my archive.db.tantivy/1.term", "/data/a.db-shm"]
    assert found[1] == trim.Mapping(0x7F00AB000000, 0x7F00AB400000, True, "/data/a.db.tantivy/3f2a.idx")
    assert not found[0].shared


@pytest.mark.parametrize(("directory", "expected"), [
    # shared maps of the directory's files only: not a private map, not a sibling directory
    ("/data/a.db.tantivy", ["3f2a.idx", "9c1b.pos"]),
    ("/data/my archive.db.tantivy", ["1.term"]),
    ("/data/elsewhere", []),
])
def test_mappings_under_one_directory(directory: str, expected: list[str]) -> None:
    found = trim.mappings_under(directory, trim.parse_maps(MAPS))
    assert [Path(m.path).name for m in found] == expected


def _resident(path: Path) -> int:
    """Resident KiB of this process's mappings of ``path`` (from /proc/self/smaps)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if fields and "-" in fields[0] and not fields[0].endswith(":"):
            inside = line.endswith(str(path))
        elif inside and fields[0] == "Rss:":
            total += int(fields[1])
    return total


def _mapped(tmp_path: Path, size: int = 16 << 20) -> tuple[mmap.mmap, Path]:
    """A shared read-only map of a new file in ``tmp_path``, every page touched."""
    path = tmp_path / "segment.idx"
    path.write_bytes(os.urandom(size))
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, prot=mmap.PROT_READ)
    assert sum(mapped[i] for i in range(0, size, mmap.PAGESIZE)) >= 0
    return mapped, path


@linux_only
def test_page_out_drops_the_directorys_pages_and_they_read_back(tmp_path: Path) -> None:
    mapped, path = _mapped(tmp_path)
    content = mapped[:4096] + mapped[-4096:]
    assert _resident(path) >= 15 * 1024
    if trim.page_out(str(tmp_path)) == 0:
        pytest.skip("this kernel has no MADV_PAGEOUT")
    assert _resident(path) < 2 * 1024
    assert mapped[:4096] + mapped[-4096:] == content  # paged out, never changed
    assert trim.page_out(str(tmp_path / "elsewhere")) == 0
    mapped.close()


@linux_only
def test_trimmer_pages_out_once_file_memory_grows_and_stops_when_asked(tmp_path: Path) -> None:
    trimmer = trim.MapTrimmer(str(tmp_path), every=0.02, slack=4 << 20)
    trimmer.start()
    mapped, path = _mapped(tmp_path)
    deadline = time.monotonic() + 5
    while trimmer.trims == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert trimmer.trims > 0
    assert _resident(path) < 8 * 1024
    trimmer.stop()
    assert not any(t.name == "khabar-index-trim" for t in threading.enumerate())
    mapped.close()


@linux_only
def test_the_index_trims_while_it_holds_the_writer_only(tmp_path: Path) -> None:
    def trimming() -> bool:
        return any(t.name == "khabar-index-trim" for t in threading.enumerate())

    index = SearchIndex(str(tmp_path / "a.db.tantivy"), key_version=1)
    assert not trimming()
    index.writer()
    assert trimming()
    index.release()
    assert not trimming()
    index.writer()
    index.optimize()
    assert not trimming()
    index.close()
