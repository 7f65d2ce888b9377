"""Manners towards each host: a minimum gap between requests, backoff, Retry-After.

Hand-written because httpx has no per-host pacing and the crawl loop is a
plain synchronous loop: :class:`HostGate` only remembers, per host, the
earliest moment the next request may start, and the loop picks the host that
is ready first. Requests are made one at a time, so a host never sees more
than one connection from khabar.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit


def host_of(url: str) -> str:
    """``host[:port]``, lower-cased: the unit of politeness."""
    return urlsplit(url).netloc.lower()


class HostGate:
    """Per-host pacing: ``delay`` seconds between the end of one request and the start of the next."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.default_delay = max(0.0, delay)
        self._delay: dict[str, float] = {}
        self._next: dict[str, float] = {}
        self.clock = clock
        self.sleep = sleep

    def delay(self, host: str) -> float:
        return self._delay.get(host, self.default_delay)

    def set_crawl_delay(self, host: str, seconds: float | None) -> None:
        """robots.txt's Crawl-delay raises the gap for its host, never lowers it."""
        if seconds is not None and seconds > 0:
            self._delay[host] = max(self.default_delay, float(seconds))

    def ready_at(self, host: str) -> float:
        return self._next.get(host, 0.0)

    def wait(self, host: str) -> None:
        """Block until ``host`` may be asked again."""
        pause = self.ready_at(host) - self.clock()
        if pause > 0:
            self.sleep(pause)

    def done(self, host: str) -> None:
        """A request to ``host`` just finished."""
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + self.delay(host))

    def push_back(self, host: str, seconds: float) -> None:
        """The host asked us to wait (Retry-After) or is failing (backoff)."""
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + max(0.0, seconds))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float = 300.0, rng: random.Random | None = None) -> float:
    """Exponential backoff with ±20 % jitter: ``base``, ``2·base``, ``4·base`` … up to ``cap``."""
    raw = min(cap, base * (2 ** max(0, attempt - 1)))
    jitter = (rng or random).uniform(0.9, 1.1)
    return float(raw * jitter)
