"""WARC in and out, with warcio.

In: every HTML (or plain text) ``response`` and ``resource`` record of a
.warc/.warc.gz file, and the ``conversion`` records of Common Crawl WET
files, become pages; other records are passed over silently, and records
too large or cut short are reported.

Out: ``--warc-out FILE`` appends a ``response`` record for every response
the crawler received, body exactly as sent (still compressed if it was), so
an archive can always be traced back to the bytes it came from. Each record
is flushed at once, so a killed run leaves a readable file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.collect.records import Skipped
from khabar.config import FetchSettings
from khabar.errors import InputError, SourceNotFound
from khabar.fetch import Response
from khabar.records import Page

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# Headers that describe the transfer, not the (already decoded) content we hand on.
_TRANSFER_HEADERS = ("content-encoding", "transfer-encoding", "content-length")


def iter_warc(path: str, settings: FetchSettings) -> Iterator[Page | Skipped]:
    """Pages from a WARC/WET file, in file order."""
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed below, generator-owned
    except FileNotFoundError as exc:
        raise SourceNotFound(f"{path}: no such file") from exc
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from exc
    with stream:
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                item = _record_page(record, path, settings)
                if item is not None:
                    yield item
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a readable WARC file ({exc}); is it truncated?") from exc


def _record_page(record: Any, path: str, settings: FetchSettings) -> Page | Skipped | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    kind = record.rec_type
    if kind == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif kind in ("resource", "conversion"):
        content_type = record.rec_headers.get_header("Content-Type") or "text/plain"
    else:
        return None
    if content_type.split(";")[0].strip().lower() not in _PAGE_TYPES:
        return None
    data = record.content_stream().read(settings.max_bytes + 1)
    origin = url or path
    if len(data) > settings.max_bytes:
        return Skipped(origin, f"{origin}: record over the {settings.max_bytes}-byte page limit", "too-large")
    headers: tuple[tuple[str, str], ...] = ()
    if kind == "response":
        headers = tuple((k, v) for k, v in record.http_headers.headers if k.lower() not in _TRANSFER_HEADERS)
    elif content_type:
        headers = (("Content-Type", content_type),)
    return Page(
        content=data,
        url=url,
        headers=headers,
        fetched_at=_warc_date(record),
        encoding=_charset(content_type),
        origin=f"{path}:{origin}",
    )


def _warc_date(record: Any) -> datetime | None:
    text = record.rec_headers.get_header("WARC-Date")
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class WarcRecorder:
    """Appends one gzipped ``response`` record per fetched response."""

    def __init__(self, path: str) -> None:
        try:
            self.file: IO[bytes] = Path(path).open("ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise InputError(f"{path}: cannot write the WARC file ({exc.strerror})") from exc
        self.writer = WARCWriter(self.file, gzip=True)
        self.count = 0

    def record(self, response: Response) -> None:
        headers = [(k, v) for k, v in response.headers if k.lower() != "transfer-encoding"]
        http_headers = StatusAndHeaders(
            f"{response.status} {response.reason}".strip(),
            headers,
            protocol=response.http_version,
        )
        warc_headers = {"WARC-Date": response.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")}
        record = self.writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.raw),
            length=len(response.raw),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        self.writer.write_record(record)
        self.file.flush()
        self.count += 1

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> WarcRecorder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
