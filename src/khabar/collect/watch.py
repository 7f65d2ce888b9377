"""``khabar watch SOURCES.toml``: poll outlets' feeds and sitemaps on an interval, with jitter.

The sources file (see ``examples/sources.toml``)::

    interval = 900          # seconds between polls (optional)
    jitter = 0.2            # each pause is interval × (1 ± jitter) (optional)

    [[outlet]]
    name = "خبرنامه نمونه"
    home = "https://khabarnameh.example/"
    feeds = ["https://khabarnameh.example/rss"]
    sitemaps = ["https://khabarnameh.example/sitemap-news.xml"]
    profile = "khabarnameh"  # optional site profile for extraction

An outlet with no feeds and no sitemaps is polled through its home page
(feed discovery, robots.txt sitemaps). Each round is an ordinary ingest, so
feeds are fetched with conditional GET and known articles are not fetched again.
"""

from __future__ import annotations

import random
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError

DEFAULT_INTERVAL = 900.0
DEFAULT_JITTER = 0.2
OUTLET_KEYS = ("name", "home", "feeds", "sitemaps", "profile")


@dataclass(frozen=True)
class Outlet:
    name: str
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    profile: str | None = None

    def sources(self) -> tuple[str, ...]:
        listed = self.feeds + self.sitemaps
        return listed or ((self.home,) if self.home else ())


@dataclass(frozen=True)
class WatchPlan:
    outlets: tuple[Outlet, ...]
    interval: float = DEFAULT_INTERVAL
    jitter: float = DEFAULT_JITTER

    def sources(self) -> list[str]:
        return [source for outlet in self.outlets for source in outlet.sources()]


def load_outlets(path: str) -> WatchPlan:
    """Read and check a sources file; any mistake is one ConfigError line naming the fix."""
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the sources file ({exc})") from exc
    outlets = tuple(_outlet(path, n, entry) for n, entry in enumerate(data.get("outlet", []), start=1))
    if not outlets:
        raise ConfigError(f"{path}: no [[outlet]] entries; see examples/sources.toml")
    interval = _number(path, data, "interval", DEFAULT_INTERVAL)
    jitter = _number(path, data, "jitter", DEFAULT_JITTER)
    if interval <= 0 or not 0 <= jitter < 1:
        raise ConfigError(f"{path}: interval must be > 0 and jitter between 0 and 1")
    return WatchPlan(outlets, interval, jitter)


def _outlet(path: str, n: int, entry: Any) -> Outlet:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ConfigError(f"{path}: outlet {n} needs a name = \"...\"")
    name = entry["name"]
    unknown = sorted(set(entry) - set(OUTLET_KEYS))
    if unknown:
        raise ConfigError(f"{path}: outlet {name!r}: unknown key {unknown[0]!r}; use {', '.join(OUTLET_KEYS)}")
    feeds, sitemaps = _urls(path, name, entry, "feeds"), _urls(path, name, entry, "sitemaps")
    home = entry.get("home")
    if home is not None and not _is_url(home):
        raise ConfigError(f"{path}: outlet {name!r}: home must be an http(s) URL")
    if not (feeds or sitemaps or home):
        raise ConfigError(f"{path}: outlet {name!r} needs a home, feeds or sitemaps")
    profile = entry.get("profile")
    return Outlet(name, home, feeds, sitemaps, profile if isinstance(profile, str) else None)


def _urls(path: str, name: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(_is_url(v) for v in value):
        raise ConfigError(f"{path}: outlet {name!r}: {key} must be a list of http(s) URLs")
    return tuple(value)


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _number(path: str, data: dict[str, Any], key: str, default: float) -> float:
    value = data.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ConfigError(f"{path}: {key} must be a number")
    return float(value)


def watch_loop(
    plan: WatchPlan,
    *,
    interval: float | None = None,
    once: bool = False,
    sleep: Callable[[float], None] | None = None,
    rng: random.Random | None = None,
) -> Iterator[list[str]]:
    """The sources to ingest, round after round, pausing interval × (1 ± jitter) between rounds."""
    pause = interval if interval is not None else plan.interval
    chance = rng or random.Random()
    nap = sleep or time.sleep
    while True:
        yield plan.sources()
        if once:
            return
        nap(pause * chance.uniform(1 - plan.jitter, 1 + plan.jitter))
