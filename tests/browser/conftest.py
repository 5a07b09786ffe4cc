"""Playwright driving Debian's Chromium against pytest-django's live server (the test database, in a thread).

* The browser is Debian's /usr/bin/chromium (Playwright's own download cannot work here); without it every
  browser test is skipped with the reason.
* Live-server tests are transactional: their data really commits (so the index sync tasks run after commit, as
  in production); tests/conftest.py puts the migrations' rows back after each one's flush.
* Playwright's synchronous API keeps an event loop in the main thread, which trips Django's async-safety check
  for ORM calls made by the test itself; DJANGO_ALLOW_ASYNC_UNSAFE is set only while a browser test runs.
* A failed test leaves a screenshot in test-artifacts/<test name>.png (git-ignored).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = "test-artifacts"
PHONE = {"width": 375, "height": 800}

reports_key = pytest.StashKey[dict]()


def _is_browser_test(item: pytest.Item) -> bool:
    return item.get_closest_marker("browser") is not None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if not _is_browser_test(item):
        return (yield)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(reports_key, {})[report.when] = report
    return report


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium) to run browser tests"
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def new_page(browser, request):
    """Factory: a page in a fresh browser context (own cookies); screenshots of all of them on failure."""
    contexts = []

    def make(viewport=None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for index, context in enumerate(contexts):
        for page in context.pages:
            _screenshot_if_failed(request, page, suffix=f"-{index}" if index else "")
        context.close()


def _screenshot_if_failed(request, page, suffix: str) -> None:
    reports = request.node.stash.get(reports_key, {})
    if not any(report.failed for report in reports.values()):
        return
    folder = Path(request.config.rootpath) / ARTIFACTS
    folder.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name) + suffix
    try:
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    except Exception as error:  # a crashed page must not hide the test's own failure
        print(f"could not save a screenshot: {error}")


@pytest.fixture
def page(new_page):
    return new_page()
