"""Response headers that make hostile page content harmless, and HTTP caching.

The archive stores other people's pages, so everything in it is treated as
hostile: templates autoescape, and the Content Security Policy below forbids
every script (there is none to allow), plugins, framing and requests to any
other origin, so even a missed escape could not run or leak anything.

The middleware is plain ASGI rather than Starlette's BaseHTTPMiddleware,
which would add a task and a queue to every request on the hot path.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; "
    "style-src 'self'; font-src 'self'; connect-src 'self'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)

PAGE_MAX_AGE = 60
API_MAX_AGE = 60
STATIC_MAX_AGE = 7 * 24 * 3600


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response the app sends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", ())}
                extra = [pair for pair in SECURITY_HEADERS if pair[0] not in present]
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True)
class Rendered:
    """A finished 200 HTML page: its bytes and entity tag (what the article lane and the cache send)."""

    body: bytes
    etag: str

    @property
    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers :func:`cached` gives an HTML page (without the security headers and length)."""
        return [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"etag", self.etag.encode("latin-1")),
            (b"cache-control", PAGE_CACHE_CONTROL),
            (b"vary", b"accept-encoding"),
        ]


PAGE_CACHE_CONTROL = f"public, max-age={PAGE_MAX_AGE}".encode()


def etag_of(body: bytes) -> str:
    """Length and two checksums: an entity tag only tells one version of a URL's bytes from the
    next (it guards nothing), and CRC-32 runs several times faster than a cryptographic hash."""
    return f'"{len(body):x}-{zlib.crc32(body):08x}{zlib.adler32(body):08x}"'


def cached(request: Request, response: Response, max_age: int = PAGE_MAX_AGE) -> Response:
    """Give a finished response an ETag and Cache-Control; answer 304 when the client has it."""
    etag = etag_of(bytes(response.body))
    headers = {"etag": etag, "cache-control": f"public, max-age={max_age}", "vary": "accept-encoding"}
    if etag in if_none_match(request):
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return response


def rendered_response(request: Request, rendered: Rendered) -> Response:
    """A :class:`Rendered` page as a Starlette response (the routed twin of the article lane)."""
    headers = {name.decode(): value.decode("latin-1") for name, value in rendered.raw_headers[1:]}
    if rendered.etag in if_none_match(request):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type="text/html", headers=headers)


def if_none_match(request: Request) -> set[str]:
    return etags_in(request.headers.get("if-none-match", ""))


def etags_in(raw: str) -> set[str]:
    """The entity tags of an If-None-Match header (weak ones compared as strong: pages are bytes)."""
    return {part.strip().removeprefix("W/") for part in raw.split(",") if part.strip()}


def token_matches(request: Request, token: str | None) -> bool:
    """True when the request carries the configured API token (``Authorization: Bearer …``)."""
    import hmac

    if not token:
        return False
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())
