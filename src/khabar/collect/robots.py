"""robots.txt: may khabar fetch this URL, how slowly, and which sitemaps does the site name.

Parsing is Protego's (Scrapy's parser: longest-match Allow/Disallow, wildcards,
Crawl-delay, Sitemap lines). What an unreachable robots.txt means follows
RFC 9309: a 4xx means "no rules", a 5xx or a network failure means "fetch
nothing from this host for now".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from protego import Protego


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


@dataclass(frozen=True)
class Robots:
    """The rules of one host; ``blocked_reason`` set means nothing may be fetched."""

    text: str = ""
    blocked_reason: str | None = None
    _parser: Protego | None = field(default=None, compare=False, repr=False)

    @classmethod
    def parse(cls, text: str) -> Robots:
        return cls(text=text, _parser=Protego.parse(text))

    @classmethod
    def allow_all(cls) -> Robots:
        return cls()

    @classmethod
    def block_all(cls, reason: str) -> Robots:
        return cls(blocked_reason=reason)

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.blocked_reason is not None:
            return False
        if self._parser is None:
            return True
        return bool(self._parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(user_agent)
        return None if delay is None else float(delay)

    def sitemaps(self) -> tuple[str, ...]:
        if self._parser is None:
            return ()
        return tuple(str(url) for url in self._parser.sitemaps)


def robots_from_status(status: int, body: bytes) -> Robots:
    """The rules implied by a robots.txt answer (RFC 9309 §2.3.1)."""
    if 200 <= status < 300:
        return Robots.parse(body.decode("utf-8", errors="replace"))
    if 400 <= status < 500:
        return Robots.allow_all()
    return Robots.block_all(f"robots.txt answered {status}; the host is skipped until it answers")
