"""The fetch stage: a source (file, folder, ``-`` or URL) → :class:`Page` records.

Reading is bounded: a file or response larger than ``FetchSettings.max_bytes``
is refused (a compressed response is counted after decompression, so a gzip
bomb stops at the limit), redirects and time are capped. Feeds, sitemaps,
WARC archives and polite crawling build on :func:`fetch_url`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

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
)
from khabar.records import Page

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def iter_pages(source: str, settings: FetchSettings) -> Iterator[Page]:
    """Every page a source names: ``-``, a file, a folder (recursively) or a URL."""
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
    """GET one URL within the size, time and redirect bounds."""
    own_client = client is None
    http = client or make_client(settings)
    try:
        return _bounded_get(http, url, settings)
    finally:
        if own_client:
            http.close()


def make_client(settings: FetchSettings) -> httpx.Client:
    timeout = httpx.Timeout(settings.connect_timeout, read=settings.read_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "fa,en;q=0.5"},
    )


def _bounded_get(http: httpx.Client, url: str, settings: FetchSettings) -> Page:
    started = datetime.now(UTC)
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise HTTPStatusError(f"{url}: the server answered {response.status_code}", response.status_code)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise TooLarge(f"{url}: larger than the {settings.max_bytes}-byte page limit")
                if (datetime.now(UTC) - started).total_seconds() > settings.total_timeout:
                    raise FetchTimeout(f"{url}: took longer than {settings.total_timeout:g} s")
                chunks.append(chunk)
            headers = tuple((k, v) for k, v in response.headers.items())
            return Page(
                content=b"".join(chunks),
                url=str(response.url),
                headers=headers,
                fetched_at=started,
                encoding=response.charset_encoding,
                origin=url,
            )
    except httpx.TooManyRedirects as exc:
        raise TooManyRedirects(f"{url}: more than {settings.max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"{url}: timed out; the server is slow or unreachable") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
