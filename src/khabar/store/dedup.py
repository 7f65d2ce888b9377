"""Duplicate detection: exact (content hash) and near (datasketch MinHash over word bigrams).

Syndicated copies of one story share most of their word bigrams (Jaccard ≥ 0.6) while independent
reports of the same event share few (< 0.1). Each article keeps its MinHash signature (32 values)
and is filed under 8 LSH band keys (4 values each) in an ordinary indexed table, so the archive can
find candidates with one SQL lookup and confirm them with the signatures; datasketch's own LSH
index lives in memory or Redis, which an archive on disk cannot use. A 64-bit simhash was tried
first: at Hamming distance ≤ 3 it missed copies with a sentence added.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 32
BANDS = 8
ROWS = NUM_PERM // BANDS
#: Estimated Jaccard similarity of bigram sets at or above which two articles are one story.
THRESHOLD = 0.6
#: Below this many body tokens a signature says too little to link articles.
MIN_TOKENS = 30
#: Articles whose bigrams are permuted together (about 300 × 32 values each).
SIGNATURE_BLOCK = 128


def content_hash(body_key: str) -> str:
    """Exact-duplicate key of a body already folded to its search key."""
    return hashlib.sha256(body_key.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations, drawn once (drawing costs more than hashing a text)."""
    a, b = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32").permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


#: Tokens longer than this (in UTF-8 bytes) are hashed one by one; the rest side by side.
LONG_TOKEN = 48


@lru_cache(maxsize=1)
def _crc_table() -> np.ndarray:
    """The table of the reflected CRC-32 (zlib's polynomial), one entry per byte value."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> np.uint32(1)) ^ np.uint32(0xEDB88320), table >> np.uint32(1))
    return table


def _token_crcs(data: bytes) -> np.ndarray:
    """zlib.crc32 of each space-separated token of ``data`` (UTF-8 with single spaces), in order.

    The tokens are hashed side by side, one byte position at a time over every token that long
    (longest first, so those are a prefix). A signature now costs 0.075 ms per article of fresh
    text, where looking each token up in a dict of CRCs made it 0.16 (a cache miss per token in a
    table of the corpus's words), and the keys need not be split into tokens first."""
    buf = np.frombuffer(data, dtype=np.uint8)
    spaces = np.flatnonzero(buf == 32)
    starts = np.concatenate(([0], spaces + 1))
    lengths = np.concatenate((spaces, [len(buf)])) - starts
    out = np.empty(len(starts), dtype=np.uint32)
    long = np.flatnonzero(lengths > LONG_TOKEN)
    for i in long.tolist():
        out[i] = zlib.crc32(data[starts[i]:starts[i] + lengths[i]])
    order = np.argsort(-np.minimum(lengths, LONG_TOKEN + 1), kind="stable")[len(long):]
    first, size = starts[order], lengths[order]
    active = len(size) - np.searchsorted(size[::-1], np.arange(int(size[0]) if len(size) else 0), side="right")
    table, crc = _crc_table(), np.full(len(order), 0xFFFFFFFF, dtype=np.uint32)
    for offset, count in enumerate(active.tolist()):
        part = crc[:count]
        crc[:count] = table[(part ^ buf[first[:count] + offset]) & np.uint32(0xFF)] ^ (part >> np.uint32(8))
    out[order] = crc ^ np.uint32(0xFFFFFFFF)
    return out


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: one well-spread hash per bigram from the CRCs of its two words."""
    z = values + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def signature(tokens: Sequence[str]) -> bytes | None:
    """MinHash (datasketch's affine32 scheme) of the word bigrams of ``tokens``, or None if too short."""
    return signatures([tokens])[0]


def signatures(texts: Sequence[Sequence[str]]) -> list[bytes | None]:
    """The signature of each token list (see :func:`signature`), computed for a whole batch at once."""
    return key_signatures([" ".join(tokens) for tokens in texts])


def key_signatures(keys: Sequence[str]) -> list[bytes | None]:
    """The signature of each search key (its tokens joined by single spaces), for a whole batch.

    The permutations come from datasketch; hashing is vectorised here (a CRC-32 per token, bigrams
    combined in numpy) because datasketch hashes each item in Python, ten times slower at ingest.
    The batch's tokens are hashed in blocks and their bigrams permuted together, the minima taken
    along contiguous rows (7x cheaper than one article at a time); the bigram spanning two articles
    is masked (set to the largest value, which never lowers a minimum), so each article's signature
    is the one it would have alone.
    """
    out: list[bytes | None] = [None] * len(keys)
    chosen = [i for i, key in enumerate(keys) if key and key.count(" ") + 1 >= MIN_TOKENS]
    for start in range(0, len(chosen), SIGNATURE_BLOCK):
        block = chosen[start:start + SIGNATURE_BLOCK]
        for i, sig in zip(block, _block_signatures([keys[i] for i in block]), strict=True):
            out[i] = sig
    return out


def _block_signatures(keys: list[str]) -> list[bytes]:
    lengths = np.fromiter((key.count(" ") + 1 for key in keys), dtype=np.int64, count=len(keys))
    words = _token_crcs(" ".join(keys).encode("utf-8")).astype(np.uint64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    a, b = _permutations()
    with np.errstate(over="ignore"):
        bigrams = _mix((words[:-1] << np.uint64(32)) | words[1:]).astype(np.uint32)
        values = a[:, None] * bigrams[None, :]  # one row per permutation: the minima run along rows
        values += b[:, None]
    values[:, starts[1:] - 1] = np.iinfo(np.uint32).max  # the bigram across two articles
    minima = np.ascontiguousarray(np.minimum.reduceat(values, starts, axis=1).T, dtype="<u4")
    return [bytes(row) for row in minima]


def bands(sig: bytes) -> list[int]:
    """LSH band keys (signed 64-bit, band number mixed in) under which a signature is filed."""
    size = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * size:(band + 1) * size], digest_size=8,
                                 person=band.to_bytes(16, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    left = np.frombuffer(a, dtype="<u4")
    right = np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(left == right)) / NUM_PERM
