"""Playwright driving Debian's Chromium against pytest-django's live server (the test database, in a thread).

* The browser is Debian's /usr/bin/chromium (Playwright's own download cannot work here); without it every
  browser test is skipped with the reason.
* Live-server tests are transactional: their data really commits (so the index sync tasks run after commit, as
  in production), and the database is flushed afterwards. Flushing also deletes the rows the migrations
  created (Wagtail's root page and collection, the default site, content types, ...), which every later test
  relies on (and, with --reuse-db, later runs too). So every table is snapshotted (PostgreSQL COPY) before
  the first browser test and loaded back after each one's flush. (`serialized_rollback=True` does not work
  here: Playwright's greenlets give the test a different context-local connection object than the one that
  holds Django's serialized copy, so Django neither restores it nor skips post_migrate on flush.)
* Playwright's synchronous API keeps an event loop in the main thread, which trips Django's async-safety check
  for ORM calls made by the test itself; DJANGO_ALLOW_ASYNC_UNSAFE is set only while a browser test runs.
* A failed test leaves a screenshot in test-artifacts/<test name>.png (git-ignored).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.db import transaction

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


_snapshot: dict[str, bytes] = {}


def _tables(connection) -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _take_snapshot(connection) -> None:
    """Every Django table's rows, as PostgreSQL COPY data, before the first browser test changes anything."""
    with connection.cursor() as cursor:
        for table in _tables(connection):
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                _snapshot[table] = b"".join(bytes(block) for block in copy)


def _restore_snapshot(connection) -> None:
    """Empty every table and load the snapshot back (same primary keys; sequences keep moving forward)."""
    from django.contrib.contenttypes.models import ContentType

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # load in any order
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in _tables(connection)))
        for table, data in _snapshot.items():
            if data:
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(data)
    ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Around the database fixture of a browser test: snapshot the rows first, put them back after its flush."""
    if fixturedef.argname == "_django_db_helper" and _is_browser_test(request.node):
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        blocker = request.config.stash[blocking_manager_key]
        database_name = connections["default"].settings_dict["NAME"]
        if not _snapshot:
            with blocker.unblock():
                _take_snapshot(connections["default"])

        def restore() -> None:
            connection = connections["default"]
            if (
                connection.settings_dict["NAME"] != database_name
            ):  # never write anywhere but the test database
                raise RuntimeError(f"refusing to restore rows into {connection.settings_dict['NAME']!r}")
            with blocker.unblock():
                _restore_snapshot(connection)
                connection.close()

        request.node.addfinalizer(restore)
    return (yield)


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
