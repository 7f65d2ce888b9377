"""Bytes → text: BOM, HTTP charset, meta charset, then charset-normalizer.

Persian pages are UTF-8 or windows-1256, and are often mislabelled (a
windows-1256 page that says UTF-8, or says nothing). The declared charset is
tried first and kept only when the bytes decode cleanly under it; otherwise
UTF-8, then windows-1256 (judged by how Persian the result reads), then
charset-normalizer decide.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from khabar.errors import EmptyInput, NotTextInput
from khabar.records import Page

# Pages larger than this are cut before parsing: no real article needs more,
# and hostile 20 MB pages must stay cheap.
MAX_BYTES = 2 * 1024 * 1024
_SNIFF_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.I)
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF",
    b"RIFF", b"OggS", b"\x00\x00\x01\x00", b"7z\xbc\xaf",
)
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
_PERSIAN_ONLY = re.compile("[پچژگکی\u200c]")


def decode_page(page: Page) -> str:
    """The page's text, decoded; raises EmptyInput / NotTextInput."""
    data = page.content
    if len(data) > MAX_BYTES:
        cut = data[:MAX_BYTES]
        data = cut[: max(cut.rfind(b">"), cut.rfind(b"\n")) + 1] or cut
    if not data.strip():
        raise EmptyInput("the page is empty; give a file or URL with an HTML page or article text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if _looks_binary(data):
        raise NotTextInput("the page is binary data, not HTML or text; give an HTML page or a text file")
    # Non-ASCII bytes that are valid UTF-8 are UTF-8 whatever the label says:
    # mislabelled Persian pages are nearly always UTF-8 called windows-1256 or
    # the reverse, and windows-1256 Persian is never valid UTF-8.
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    for declared in _declared(page, data):
        text = _strict(data, declared)
        if text is not None:
            return text
    return _guess(data)


def _declared(page: Page, data: bytes) -> list[str]:
    names: list[str] = []
    if page.encoding:
        names.append(page.encoding)
    header = page.header("content-type")
    if header and (match := _HEADER_CHARSET.search(header)):
        names.append(match.group(1))
    if meta := _META_CHARSET.search(data[:_SNIFF_BYTES * 4]):
        names.append(meta.group(1).decode("ascii", "replace"))
    return [_normalise(name) for name in names if _known(name)]


def _normalise(name: str) -> str:
    name = codecs.lookup(name).name
    # Browsers read every "latin-1"/"ascii" label as windows-1252; an "arabic"
    # label on an Iranian page is windows-1256 in practice.
    return {"iso8859-6": "cp1256", "ascii": "utf-8"}.get(name, name)


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if encoding.startswith(("latin", "iso8859-1", "cp1252")) and _would_be_1256(data):
        return None
    return text


def _would_be_1256(data: bytes) -> bool:
    """A page labelled latin-1 whose high bytes read as Persian in windows-1256."""
    text = data.decode("cp1256", errors="replace")
    return len(_PERSIAN_ONLY.findall(text)) > 20


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if head.startswith(_BINARY_MAGIC):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 50)


def _guess(data: bytes) -> str:
    arabic = data.decode("cp1256", errors="replace")
    if len(_PERSIAN_ONLY.findall(arabic)) > 10:
        return arabic
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return data.decode("utf-8", errors="replace")
    return data.decode(best.encoding, errors="replace")
