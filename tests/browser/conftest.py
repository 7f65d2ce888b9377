"""A live reader on 127.0.0.1 and Debian's Chromium driven by Playwright (skipped when either is missing)."""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from test_web_archive import build_archive  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SAMPLES = TESTS.parent / "src" / "khabar" / "samples"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real Chromium (needs /usr/bin/chromium and playwright)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = None
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        reason = "Debian's chromium is not installed (run .ci/browser.sh)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (run .ci/browser.sh)"
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The invented fixture archive (with the hostile page) plus the bundled sample pages."""
    from khabar.cli import run_ingest
    from khabar.config import Settings

    db = build_archive(tmp_path_factory.mktemp("browser") / "archive.db")
    if SAMPLES.is_dir():
        run_ingest([str(SAMPLES)], Settings(db=db), quiet=True)
    return db


@pytest.fixture(scope="session")
def base_url(archive_db: str) -> Iterator[str]:
    import uvicorn

    from khabar.config import Settings
    from khabar.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=archive_db)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the reader did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    opened = context.new_page()
    yield opened
    context.close()
