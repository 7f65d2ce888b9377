"""One exception tree for khabar (modelled on httpx's).

Every error that reaches the command line is a :class:`KhabarError`; its
message is one line that says what went wrong and, where there is one, the
fix. Foreign errors (OSError, lxml, sqlite3, httpx …) are caught at the
module that called the foreign code and re-raised as one of these with
``raise ... from exc``.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Root of every error khabar raises on purpose."""

    exit_code = 1


class InputError(KhabarError):
    """The user gave something khabar cannot read (missing, empty, binary, wrong kind)."""

    exit_code = 2


class SourceNotFound(InputError):
    """A file, folder or URL that does not exist or cannot be reached."""


class EmptyInput(InputError):
    """A source with no content."""


class NotTextInput(InputError):
    """Binary data where a page or text was expected."""


class UnsupportedInput(InputError):
    """Content of a kind khabar does not handle (an image, a PDF …)."""


class FetchError(KhabarError):
    """A network fetch failed: unreachable host, timeout, too large, too many redirects."""


class FetchTimeout(FetchError):
    """The server took longer than the configured time limit."""


class TooLarge(FetchError):
    """A page over the size limit (counted after decompression)."""


class TooManyRedirects(FetchError):
    """A redirect chain longer than the limit, or a loop."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids khabar from fetching the URL."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ExtractError(KhabarError):
    """A page could not be turned into an Article."""


class DateError(KhabarError):
    """A date expression that cannot be parsed or names a day that does not exist."""


class StoreError(KhabarError):
    """The archive could not be opened, read or written."""


class QueryError(KhabarError):
    """A search query or filter that cannot be understood."""


class ConfigError(KhabarError):
    """A setting with a value khabar cannot use."""
