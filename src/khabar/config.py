"""Settings, declared once.

Everything configurable lives in :class:`Settings` (and its parts). The
command line builds one from flags and the environment at the edge
(:func:`settings_from_env`) and passes it down explicitly; no module reads
the environment or keeps a global.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from khabar import __version__
from khabar.errors import ConfigError

DEFAULT_DB = "khabar.db"
USER_AGENT = f"khabar/{__version__} (+https://khabar.example/bot; Persian news archiver)"


@dataclass(frozen=True)
class FetchSettings:
    """Bounds and manners for everything that comes over the network."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024  # counted after decompression
    max_redirects: int = 5
    per_host_delay: float = 1.0
    max_retries: int = 3
    obey_robots: bool = True
    backoff_base: float = 1.0  # seconds; doubles per retry of a 429/5xx/timeout
    max_retry_after: float = 600.0  # a longer Retry-After gives the URL up for this run
    max_pages: int = 0  # pages per run, 0 = no limit
    warc_out: str | None = None  # record every fetched response here
    allowed_content_types: tuple[str, ...] = (
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
        "application/x-gzip",
        "application/gzip",
    )


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    repair: bool = True
    digits: str | None = None  # None keeps Persian/Latin digits as written; "fa" or "latin"
    timezone: str = "Asia/Tehran"
    fetch: FetchSettings = field(default_factory=FetchSettings)
    api_token: str | None = None  # enables write endpoints of the web server


def settings_from_env(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build Settings from ``KHABAR_*`` variables, then explicit overrides (flags).

    Overrides whose value is None are ignored, so a CLI can pass every flag.
    """
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if env.get("KHABAR_DB"):
        values["db"] = env["KHABAR_DB"]
    if env.get("KHABAR_TOKEN"):
        values["api_token"] = env["KHABAR_TOKEN"]
    if env.get("KHABAR_DIGITS"):
        values["digits"] = env["KHABAR_DIGITS"]
    values.update({key: value for key, value in overrides.items() if value is not None})
    digits = values.get("digits")
    if digits not in (None, "fa", "latin"):
        raise ConfigError(f"digits must be 'fa' or 'latin', not {digits!r}")
    try:
        return Settings(**values)  # type: ignore[arg-type]
    except TypeError as exc:
        raise ConfigError(f"unknown setting: {exc}") from exc
