"""Run the reader under uvicorn, in one process or several.

With ``workers > 1`` uvicorn starts fresh processes that import the app by
name, so they cannot receive the ``Settings`` object the command line built.
The command line's edge writes the settings as JSON into one environment
variable before starting uvicorn, and :func:`app_from_env` (the factory each
worker calls) reads them back: the only place the web reads the environment.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
from dataclasses import asdict
from typing import Any, cast

from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from khabar.config import FetchSettings, Settings
from khabar.errors import ConfigError

SETTINGS_VARIABLE = "KHABAR_SERVE_SETTINGS"
FACTORY = "khabar.web.serve:app_from_env"
PROTOCOL = "khabar.web.serve:JoinedWritesProtocol"


class JoinedWrites:
    """A transport that sends what one turn of the event loop wrote as a single write.

    uvicorn writes a response's status line and headers, then its body, each straight to the
    socket: two system calls and two packets per page, and the client wakes up twice. Joined,
    a page is one write. Everything but ``write`` and ``close`` goes to the real transport.
    Hand-written because uvicorn has no such switch (``TCP_CORK`` would cost more system calls).
    """

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._pending: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._pending:
            asyncio.get_running_loop().call_soon(self.flush)
        self._pending.append(bytes(data))

    def flush(self) -> None:
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending.clear()
        if not self._transport.is_closing():
            self._transport.write(data)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class JoinedWritesProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol writing each response in one piece (:class:`JoinedWrites`)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(JoinedWrites(cast(asyncio.Transport, transport)))  # type: ignore[arg-type]


def uvicorn_options(host: str, port: int) -> dict[str, Any]:
    """How every khabar server runs under uvicorn (``khabar serve`` and bench/web.py)."""
    return {"host": host, "port": port, "log_level": "warning", "access_log": False, "http": PROTOCOL,
            "loop": "auto", "proxy_headers": False, "server_header": False}


def settings_to_json(settings: Settings) -> str:
    return json.dumps(asdict(settings), ensure_ascii=False)


def settings_from_json(text: str) -> Settings:
    try:
        values: dict[str, Any] = json.loads(text)
        fetch = dict(values.pop("fetch", {}))
        if "allowed_content_types" in fetch:
            fetch["allowed_content_types"] = tuple(fetch["allowed_content_types"])
        return Settings(**values, fetch=FetchSettings(**fetch))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"${SETTINGS_VARIABLE} does not hold khabar settings ({exc}); start with `khabar serve`") \
            from exc


def app_from_env() -> Starlette:
    """The uvicorn factory of each worker process: the app over the settings ``khabar serve`` passed."""
    from khabar.web import create_app

    text = os.environ.get(SETTINGS_VARIABLE)
    if not text:
        raise ConfigError(f"${SETTINGS_VARIABLE} is not set: start the reader with `khabar serve`")
    return server_ready(create_app(settings_from_json(text)))


def server_ready(app: Starlette) -> Starlette:
    """Move everything built so far (modules, templates, the app) out of the garbage collector's sight.

    A server process keeps these for its whole life; leaving them in the youngest generations makes
    every full collection walk them, a pause of tens of milliseconds that every waiting request feels.
    The app is warmed first (stores opened, templates compiled, one page rendered), so what the
    first requests would build lazily is frozen as well. Python's collection thresholds stay: a
    page leaves about one object behind (a memoised label or link), and small young collections
    pause less than rare large ones.
    """
    warm = getattr(app.state, "warm", None)
    if warm is not None:
        warm()
    gc.collect()
    gc.freeze()
    return app


def run(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted: ``workers`` processes share the port (one per core is the rule)."""
    import uvicorn

    options = uvicorn_options(host, port)
    if workers <= 1:
        from khabar.web import create_app

        uvicorn.run(server_ready(create_app(settings)), **options)
        return
    os.environ[SETTINGS_VARIABLE] = settings_to_json(settings)
    uvicorn.run(FACTORY, factory=True, workers=workers, **options)
