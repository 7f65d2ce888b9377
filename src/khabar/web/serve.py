"""Run the reader under uvicorn, in one process or several.

With ``workers > 1`` uvicorn starts fresh processes that import the app by
name, so they cannot receive the ``Settings`` object the command line built.
The command line's edge writes the settings as JSON into one environment
variable before starting uvicorn, and :func:`app_from_env` (the factory each
worker calls) reads them back: the only place the web reads the environment.
"""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict
from typing import Any

from starlette.applications import Starlette

from khabar.config import FetchSettings, Settings
from khabar.errors import ConfigError

SETTINGS_VARIABLE = "KHABAR_SERVE_SETTINGS"
FACTORY = "khabar.web.serve:app_from_env"


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
    """
    gc.collect()
    gc.freeze()
    return app


def run(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted: ``workers`` processes share the port (one per core is the rule)."""
    import uvicorn

    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers <= 1:
        from khabar.web import create_app

        uvicorn.run(server_ready(create_app(settings)), **options)
        return
    os.environ[SETTINGS_VARIABLE] = settings_to_json(settings)
    uvicorn.run(FACTORY, factory=True, workers=workers, **options)
