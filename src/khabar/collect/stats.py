"""Counters of a collecting run, their one-line progress form and the closing table."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from rich.table import Table

from khabar.errors import (
    FetchTimeout,
    HTTPStatusError,
    InputError,
    KhabarError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    UnsupportedInput,
)

# Most specific first: the first class that matches names the kind.
_KINDS: tuple[tuple[type[KhabarError], str], ...] = (
    (RobotsDisallowed, "robots"),
    (FetchTimeout, "timeout"),
    (TooLarge, "too-large"),
    (TooManyRedirects, "redirects"),
    (UnsupportedInput, "content-type"),
    (HTTPStatusError, "http"),
    (InputError, "input"),
)


def error_kind(exc: KhabarError) -> str:
    """A short name for the kind of failure, used to group errors in progress and summary."""
    if isinstance(exc, HTTPStatusError):
        return f"http-{exc.status}"
    for cls, name in _KINDS:
        if isinstance(exc, cls):
            return name
    return "network" if type(exc).__name__ == "FetchError" else "other"


@dataclass
class CrawlStats:
    """Mutable counters, owned by one run (not a record)."""

    fetched: int = 0
    not_modified: int = 0
    pages: int = 0
    feeds: int = 0
    sitemaps: int = 0
    retries: int = 0
    robots_blocked: int = 0
    queued: int = 0
    bytes: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.fetched / elapsed if elapsed > 0 else 0.0

    def errors_line(self) -> str:
        return ", ".join(f"{kind} {count}" for kind, count in self.errors.most_common()) or "none"

    def describe(self) -> str:
        return (
            f"fetched {self.fetched} ({self.rate():.1f}/s), {self.pages} pages, "
            f"{self.queued} queued, errors: {self.errors_line()}"
        )

    def table(self, stored: dict[str, int] | None = None) -> Table:
        table = Table(title="khabar: collecting", show_header=False)
        table.add_column("what")
        table.add_column("count", justify="right")
        elapsed = time.monotonic() - self.started
        rows = [
            ("responses fetched", f"{self.fetched} in {elapsed:.1f} s ({self.rate():.1f}/s)"),
            ("not modified (304)", str(self.not_modified)),
            ("feeds / sitemaps read", f"{self.feeds} / {self.sitemaps}"),
            ("pages handed to extract", str(self.pages)),
            ("retries (429, 5xx, timeouts)", str(self.retries)),
            ("disallowed by robots.txt", str(self.robots_blocked)),
            ("still queued", str(self.queued)),
        ]
        rows += [(f"stored: {key}", str(value)) for key, value in (stored or {}).items()]
        rows += [(f"failed: {kind}", str(count)) for kind, count in sorted(self.errors.items())]
        for what, count in rows:
            table.add_row(what, count)
        return table
