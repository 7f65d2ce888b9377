"""Records the collector hands out besides pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skipped:
    """A URL, file or record that gave no page, and why (one line)."""

    origin: str
    reason: str
    kind: str  # error kind for the summary: timeout, too-large, robots, http-5xx …
