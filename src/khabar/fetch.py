"""The fetch stage: a source (file, folder, ``-`` or URL) → :class:`Page` records.

Reading is bounded: a file or response larger than ``FetchSettings.max_bytes``
is refused; a compressed response is counted *after* decompression, so a gzip
bomb stops at the limit; redirects, content types and time are capped.

Why the HTTP body is decoded by hand: httpx decompresses each network chunk
in one unbounded ``zlib`` call, so one 64 KiB chunk of a bomb can become
tens of megabytes before any limit is checked. Here ``iter_raw`` feeds a
``zlib`` decompressor with ``max_length`` so no more than the limit is ever
held, and the raw bytes stay available for WARC provenance. Redirects are
followed by hand too, so loops are named and every hop can be checked
(robots.txt, per-host delay) by the crawler's hook.

Feeds, sitemaps, WARC archives and polite crawling live in
:mod:`khabar.collect` and build on :func:`bounded_get`.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from khabar.config import FetchSettings
from khabar.errors import (
    EmptyInput,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    SourceNotFound,
    TooLarge,
    TooManyRedirects,
    UnsupportedInput,
)
from khabar.records import Page, find_header

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# Error pages are read only this far: their bodies are never extracted.
ERROR_BODY_BYTES = 64 * 1024
_DECOMPRESS_STEP = 256 * 1024
TRANSFER_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
# Servers often send gzipped sitemaps as a generic binary type.
_GZIP_SUFFIXES = (".gz", ".gzip")


@dataclass(frozen=True)
class Response:
    """One HTTP exchange after redirects: the decoded body and the raw one."""

    url: str  # final URL, after redirects
    requested: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes  # after Content-Encoding is undone
    raw: bytes  # as the server sent it (for WARC records)
    fetched_at: datetime
    redirects: tuple[str, ...] = ()
    reason: str = ""
    http_version: str = "HTTP/1.1"

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    def to_page(self) -> Page:
        return Page(
            content=self.content,
            url=self.url,
            # the body is decoded: transfer headers would describe bytes the page no longer has
            headers=tuple((k, v) for k, v in self.headers if k.lower() not in TRANSFER_HEADERS),
            fetched_at=self.fetched_at,
            encoding=self.charset,
            origin=self.requested,
        )


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def iter_pages(source: str, settings: FetchSettings) -> Iterator[Page]:
    """Every page a local source names: ``-``, a file, a folder (recursively);
    a URL is fetched as one page (feeds, sitemaps and sites: :mod:`khabar.collect`)."""
    if source == "-":
        yield read_stdin(settings)
    elif is_url(source):
        yield fetch_url(source, settings)
    else:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            if not files:
                raise EmptyInput(f"{source}: no .html or .txt pages in this folder")
            for file in files:
                yield read_file(file, settings)
        else:
            yield read_file(path, settings)


def read_stdin(settings: FetchSettings) -> Page:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise TooLarge(f"standard input is larger than {settings.max_bytes} bytes")
    return Page(content=data, origin="-", fetched_at=datetime.now(UTC))


def read_file(path: Path, settings: FetchSettings) -> Page:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceNotFound(f"{path}: not a file")
        if size > settings.max_bytes:
            raise TooLarge(f"{path}: {size} bytes is over the {settings.max_bytes}-byte page limit")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceNotFound(f"{path}: no such file or folder") from exc
    except PermissionError as exc:
        raise SourceNotFound(f"{path}: permission denied") from exc
    except IsADirectoryError as exc:
        raise SourceNotFound(f"{path}: is a folder") from exc
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from exc
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return Page(content=data, origin=str(path), fetched_at=mtime)


def fetch_url(url: str, settings: FetchSettings, client: httpx.Client | None = None) -> Page:
    """GET one URL within the size, time and redirect bounds; an error status raises."""
    own_client = client is None
    http = client or make_client(settings)
    try:
        response = bounded_get(http, url, settings)
    finally:
        if own_client:
            http.close()
    if response.status >= 400:
        raise HTTPStatusError(f"{url}: the server answered {response.status}", response.status)
    return response.to_page()


def make_client(settings: FetchSettings) -> httpx.Client:
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=False,  # bounded_get follows them, checking each hop
        headers={
            "User-Agent": settings.user_agent,
            "Accept-Language": "fa,en;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )


def bounded_get(
    http: httpx.Client,
    url: str,
    settings: FetchSettings,
    *,
    headers: dict[str, str] | None = None,
    before_hop: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
) -> Response:
    """GET ``url`` following redirects by hand; every status is returned, not raised.

    ``before_hop(url)`` runs before each request (the crawler waits for the
    host's turn and checks robots.txt there; it may raise).
    """
    deadline = time.monotonic() + settings.total_timeout
    seen = [url]
    current = url
    while True:
        if before_hop is not None:
            before_hop(current)
        response = _get_once(http, current, url, settings, headers, deadline, max_bytes)
        location = response.header("location")
        if response.status not in REDIRECT_STATUSES or not location:
            return replace(response, redirects=tuple(seen[1:]))
        target = urljoin(current, location.strip())
        if target in seen:
            chain = " → ".join([*seen, target])
            raise TooManyRedirects(f"{url}: redirect loop ({chain})")
        seen.append(target)
        if len(seen) - 1 > settings.max_redirects:
            raise TooManyRedirects(
                f"{url}: more than {settings.max_redirects} redirects (raise --max-redirects to follow more)"
            )
        current = target


def _get_once(
    http: httpx.Client,
    url: str,
    requested: str,
    settings: FetchSettings,
    headers: dict[str, str] | None,
    deadline: float,
    max_bytes: int | None,
) -> Response:
    started = datetime.now(UTC)
    limit = settings.max_bytes if max_bytes is None else max_bytes
    try:
        with http.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status == 200:
                _check_content_type(url, response, settings)
                _check_declared_length(url, response, limit)
            body_limit = limit if 200 <= status < 300 else min(limit, ERROR_BODY_BYTES)
            raw, content = _read_body(url, response, body_limit, deadline, settings, cut=status >= 300)
            return Response(
                url=url,
                requested=requested,
                status=status,
                headers=tuple((k, v) for k, v in response.headers.items()),
                content=content,
                raw=raw,
                fetched_at=started,
                reason=response.reason_phrase,
                http_version=response.http_version,
            )
    except httpx.TimeoutException as exc:
        raise FetchTimeout(
            f"{url}: timed out after {_which_timeout(exc, settings)}; the server is slow "
            "or unreachable (raise --timeout to wait longer)"
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc or 'connection failed'})") from exc


def _which_timeout(exc: httpx.TimeoutException, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"{settings.connect_timeout:g} s connecting"
    return f"{settings.read_timeout:g} s without data"


def _check_content_type(url: str, response: httpx.Response, settings: FetchSettings) -> None:
    declared = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if declared == "application/octet-stream" and urlsplit(url).path.lower().endswith(_GZIP_SUFFIXES):
        return
    if declared and settings.allowed_content_types and declared not in settings.allowed_content_types:
        raise UnsupportedInput(f"{url}: content type {declared} is not a page, feed or sitemap")


def _check_declared_length(url: str, response: httpx.Response, limit: int) -> None:
    length = response.headers.get("content-length", "")
    if length.isdigit() and "content-encoding" not in response.headers and int(length) > limit:
        raise TooLarge(
            f"{url}: declares {int(length)} bytes, over the {limit}-byte page limit (raise --max-bytes to accept it)"
        )


def _read_body(
    url: str,
    response: httpx.Response,
    limit: int,
    deadline: float,
    settings: FetchSettings,
    *,
    cut: bool,
) -> tuple[bytes, bytes]:
    """Raw and decoded body; over ``limit`` (decoded) raises TooLarge, or is cut when ``cut``."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder = BoundedDecoder(encoding, limit, url)
    raw: list[bytes] = []
    raw_size = 0
    for chunk in response.iter_raw():
        if time.monotonic() > deadline:
            raise FetchTimeout(
                f"{url}: took longer than {settings.total_timeout:g} s in all (raise --total-timeout to wait longer)"
            )
        raw_size += len(chunk)
        if raw_size > limit:
            if cut:
                break
            raise TooLarge(f"{url}: larger than the {limit}-byte page limit (raise --max-bytes to accept it)")
        raw.append(chunk)
        try:
            decoder.feed(chunk)
        except TooLarge:
            if cut:
                break
            raise
    return b"".join(raw), decoder.result()


class BoundedDecoder:
    """Undo a Content-Encoding (gzip, deflate, identity) without ever holding more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int, name: str) -> None:
        if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
            raise UnsupportedInput(f"{name}: content encoding {encoding!r} is not supported")
        self.limit = limit
        self.name = name
        self.parts: list[bytes] = []
        self.size = 0
        self.zlib = None if encoding in ("identity", "") else zlib.decompressobj(wbits=47)
        self.fresh = True

    def feed(self, chunk: bytes) -> None:
        if self.zlib is None:
            self._keep(chunk)
            return
        try:
            self._inflate(chunk)
        except zlib.error as exc:
            if not self.fresh:
                raise FetchError(f"{self.name}: corrupt compressed body ({exc})") from exc
            self.zlib = zlib.decompressobj(wbits=-15)  # raw deflate, as some servers send it
            self._inflate(chunk)
        self.fresh = False

    def _inflate(self, chunk: bytes) -> None:
        assert self.zlib is not None
        data = chunk
        while data:
            out = self.zlib.decompress(data, _DECOMPRESS_STEP)
            self._keep(out)
            data = self.zlib.unconsumed_tail
            if self.zlib.eof:
                break

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge(
                f"{self.name}: more than {self.limit} bytes once decompressed; cut at the limit "
                "(a compression bomb, or raise --max-bytes)"
            )
        self.parts.append(data)

    def result(self) -> bytes:
        return b"".join(self.parts)


def gunzip_bounded(data: bytes, limit: int, name: str) -> bytes:
    """A gzip file (a ``.xml.gz`` sitemap) decompressed, at most ``limit`` bytes."""
    decoder = BoundedDecoder("gzip", limit, name)
    decoder.feed(data)
    return decoder.result()
