"""`khabar serve --workers N`: settings reach every worker process, and the workers answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from khabar.config import FetchSettings, Settings
from khabar.errors import ConfigError
from khabar.web.serve import SETTINGS_VARIABLE, app_from_env, settings_from_json, settings_to_json
from test_web_archive import SOLAR, build_archive


def test_settings_survive_the_trip_through_the_environment() -> None:
    settings = Settings(db="/tmp/بایگانی.db", digits="fa", api_token="t0ken",
                        fetch=FetchSettings(max_pages=7, allowed_content_types=("text/html",)))
    assert settings_from_json(settings_to_json(settings)) == settings


def test_a_worker_without_settings_says_how_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTINGS_VARIABLE, raising=False)
    with pytest.raises(ConfigError, match="khabar serve"):
        app_from_env()
    monkeypatch.setenv(SETTINGS_VARIABLE, '{"db": 3, "colour": "red"}')
    with pytest.raises(ConfigError, match="khabar serve"):
        app_from_env()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_workers_serve_the_archive(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "archive.db")
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("KHABAR_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "khabar.cli", "serve", "--db", db, "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        html = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not html:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/article/{SOLAR.id}", timeout=5) as response:
                    html = response.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.3)
        assert SOLAR.title and SOLAR.title in html
        workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        assert len(workers) >= 2  # uvicorn's supervisor started two worker processes
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.stdout is not None
    assert "with 2 workers" in server.stdout.read().decode()
