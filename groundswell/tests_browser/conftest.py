"""A real browser for the key flows: Debian's Chromium driven through Playwright, never a
downloaded browser. Tests here are marked `browser` and run against pytest-django's live_server."""

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_LOCK = Path("/tmp/groundswell-chromium-install.lock")  # noqa: S108 - shared by xdist workers


def chromium_path():
    """Debian's Chromium, installed with apt-get if it is missing and we may; else None."""
    found = shutil.which("chromium") or (CHROMIUM if os.access(CHROMIUM, os.X_OK) else None)
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    with INSTALL_LOCK.open("w") as lock:  # two xdist workers must not run apt-get at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.access(CHROMIUM, os.X_OK):
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]
            for command in (["apt-get", "update", "-qq"], install):
                subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)  # noqa: S603
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else None


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks run as soon as they are enqueued (on commit): the outbox sends a login code while
    the request that queued it finishes, as a worker would moments later."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def browser():
    """A headless Chromium for one test (function scope: Playwright's sync API must not outlive
    the test, or later tests in this worker would find an event loop in their thread)."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            f"Chromium is not at {CHROMIUM} and could not be installed here (needs root and "
            "apt-get): install Debian's `chromium` package, as .ci/run does."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, live_server, monkeypatch):
    """A fresh browser tab (own cookies) with a helper to open a path on the live server."""
    # The test body touches the ORM while Playwright's loop is alive in this thread; the live
    # server answers from its own thread, so nothing runs concurrently on this connection.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    cache.clear()  # login-code rate limits live in the cache
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
