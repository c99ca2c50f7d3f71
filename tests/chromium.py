"""Headless Chromium for the explorer's tests: Debian's ``chromium``, driven by playwright.

Nothing here downloads a browser: playwright is pointed at the system's executable.
Where Chromium or playwright is missing the tests skip with the reason, except in CI
(env ``CI``), where they fail: CI must run them for real (``.ci/run`` installs Chromium).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import IN_CI

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    """The system's Chromium, or a skip (a failure in CI) saying what is missing."""
    found = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    problem = None
    if found is None:
        problem = "Chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright for Python is not installed (pip install playwright; never playwright install)"
    if problem is not None:
        if IN_CI:
            pytest.fail(f"{problem}, but CI must run the browser tests")
        pytest.skip(problem)
    assert found is not None
    return found


@contextmanager
def browser_page(width: int = 1400, height: int = 850) -> Iterator[Any]:
    """A fresh page in a fresh Chromium profile; ``page.requests`` lists every URL it asked for,
    ``page.errors`` every script error."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    try:
        with sync_playwright() as driver:
            context = driver.chromium.launch_persistent_context(
                profile,
                executable_path=executable,
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": width, "height": height},
            )
            try:
                page = context.new_page()
                requests: list[str] = []
                errors: list[str] = []
                page.on("request", lambda request: requests.append(request.url))
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.requests = requests
                page.errors = errors
                yield page
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
