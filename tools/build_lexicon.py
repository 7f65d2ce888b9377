#!/usr/bin/env python3
"""Derive khabar's compact Persian lexicon from two MIT-licensed registry packages.

Sources (both MIT; attribution in ``src/khabar/persian/data/LICENSES.md``):

* hazm 0.10.0 (``hazm/data/words.dat``: ~194k word forms with part-of-speech tags,
  ``hazm/data/verbs.dat``: past#present verb stems), Copyright (c) 2013 Alireza Nourian;
* shekar 1.7.0 (``shekar/data/files/vocab.csv``: 83k forms with corpus counts,
  ``compound_words.csv``, ``verbs.csv``), Copyright (c) 2024 Ahmad Amirivojdan.

Output (shipped in the wheel, read by :mod:`khabar.persian.lexicon`):

* ``lexicon.tsv.gz``: ``form<TAB>count<TAB>tags`` — letters unified (ي→ی, ك→ک), diacritics
  dropped; count is shekar's corpus count, else hazm's count scaled to shekar's corpus, else 0;
  tags are hazm's POS tags plus ``C`` for shekar's compound list;
* ``verbs.tsv``: ``past<TAB>present`` stems;
* ``lexicon.compiled.xz``: the tables :func:`khabar.persian.lexicon.load` builds from the two,
  pickled, so a process loads them without parsing (``--compile`` rewrites only this file).

Usage: ``python tools/build_lexicon.py [--hazm WHEEL] [--shekar WHEEL]``; without a wheel path
the tool fetches it with ``pip download --no-deps`` into a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "khabar" / "persian" / "data"
PINS = {"hazm": "hazm==0.10.0", "shekar": "shekar==1.7.0"}
HAZM_SCALE = 4  # shekar's corpus is ~4x hazm's on words both count (median ratio of shared forms)
_LETTERS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ـ": None, "\u200d": None, "\u200e": None, "\u200f": None}
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_PERSIAN = re.compile("^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]+$")


def wheel(name: str, given: str | None, tmp: str) -> zipfile.ZipFile:
    if given:
        return zipfile.ZipFile(given)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", PINS[name], "-d", tmp],
        check=True,
        capture_output=True,
    )
    return zipfile.ZipFile(next(Path(tmp).glob(f"{name}-*.whl")))


def clean(word: str) -> str | None:
    word = _DIACRITICS.sub("", word.strip().translate(_LETTERS)).strip("\u200c")
    word = re.sub("\u200c+", "\u200c", word)
    return word if word and _PERSIAN.match(word) else None


def read(zf: zipfile.ZipFile, suffix: str) -> str:
    name = next(n for n in zf.namelist() if n.endswith(suffix))
    return zf.read(name).decode("utf-8")


def build(
    hazm: zipfile.ZipFile, shekar: zipfile.ZipFile
) -> tuple[dict[str, int], dict[str, set[str]], set[tuple[str, str]]]:
    counts: dict[str, int] = {}
    tags: dict[str, set[str]] = {}
    for row in csv.reader(io.StringIO(read(shekar, "data/files/vocab.csv"))):
        word = clean(row[0])
        if word and len(row) > 1 and row[1].isdigit():
            counts[word] = max(counts.get(word, 0), int(row[1]))
    for line in read(hazm, "hazm/data/words.dat").splitlines():
        parts = line.split("\t")
        word = clean(parts[0])
        if not word:
            continue
        tags.setdefault(word, set()).update(t for t in (parts[2].split(",") if len(parts) > 2 else []) if t)
        if word not in counts or counts[word] == 0:
            hazm_count = int(parts[1]) * HAZM_SCALE if len(parts) > 1 and parts[1].isdigit() else 0
            counts[word] = max(counts.get(word, 0), hazm_count)
    for line in read(shekar, "data/files/compound_words.csv").splitlines():
        word = clean(line)
        if word:
            counts.setdefault(word, 0)
            tags.setdefault(word, set()).add("C")
    verbs: set[tuple[str, str]] = set()
    for line in read(hazm, "hazm/data/verbs.dat").splitlines():
        past, _, present = line.partition("#")
        verbs.add((clean(past) or "", clean(present) or ""))
    for row in csv.reader(io.StringIO(read(shekar, "data/files/verbs.csv"))):
        if len(row) >= 2:
            verbs.add((clean(row[1]) or "", clean(row[0]) or ""))
    return counts, tags, {v for v in verbs if v[0] or v[1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hazm", help="path to the hazm 0.10.0 wheel")
    ap.add_argument("--shekar", help="path to the shekar 1.7.0 wheel")
    ap.add_argument("--compile", action="store_true", help="only recompile lexicon.compiled.xz")
    args = ap.parse_args()
    if args.compile:
        print(f"compiled -> {compile_tables()}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        counts, tags, verbs = build(wheel("hazm", args.hazm, tmp), wheel("shekar", args.shekar, tmp))
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"{w}\t{counts[w]}\t{','.join(sorted(tags.get(w, ())))}\n" for w in sorted(counts)]
    with gzip.GzipFile(OUT / "lexicon.tsv.gz", "wb", mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    (OUT / "verbs.tsv").write_text("".join(f"{p}\t{r}\n" for p, r in sorted(verbs)), encoding="utf-8")
    print(f"{len(lines)} forms, {len(verbs)} verb stems -> {OUT}; compiled -> {compile_tables()}")


def compile_tables() -> Path:
    from khabar.persian.lexicon import load, write_compiled

    load.cache_clear()
    return write_compiled(OUT)


if __name__ == "__main__":
    main()
