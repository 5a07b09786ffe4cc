"""Shared fixtures: the real PostgreSQL + pgvector (pytest-django's test database on the embedded server) and
the real embedding model. Page trees are built small, per test, with the helpers below."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import uuid

import psycopg
import pytest
from django.db import connections, transaction
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from cms.models import (
    EventIndexPage,
    HomePage,
    ProjectIndexPage,
    ResourceIndexPage,
    StrategyPage,
    WebinarIndexPage,
)

_slugs = itertools.count(1)

# The state machines' examples and steps (tests/consistency/): a quick run locally, more under CI=true; any other
# profile by name with HYPOTHESIS_PROFILE (e.g. "deep" to explore).
hypothesis_settings.register_profile("local", max_examples=3, stateful_step_count=6)
hypothesis_settings.register_profile("ci", max_examples=6, stateful_step_count=8)
hypothesis_settings.register_profile("deep", max_examples=60, stateful_step_count=15)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes", "on") else "local")
)


def pytest_configure(config):
    """The interface's .mo files, as `make install` compiles them (a run of pytest alone gets them too)."""
    from config.compile_messages import compile_messages

    compile_messages()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skip is a failure: CI installs everything the suite needs (.ci/run), so a test that skips
    there is a test that silently stopped running. Locally a skip names what to install."""
    report = yield
    if report.skipped and os.environ.get("CI", "").lower() == "true" and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where nothing may skip: {reason}"
    return report


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page: Page, code: str, **fields) -> Page:
    """The page's translation in `code` (its parents translated as aliases when needed), with `fields` set,
    published."""
    from wagtail.models import Locale

    translation = page.specific.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def add_page(parent: Page, model, *, live: bool = True, **fields) -> Page:
    """Create a child page; published (through a revision, as editors do) unless live=False."""
    fields.setdefault("slug", f"{model.__name__.lower()}-{next(_slugs)}")
    page = model(**fields)
    if not live:
        page.live = False
    parent.add_child(instance=page)
    if live:
        publish(page)
    return page


class SiteTree:
    """A home page as the default site's root, with the listing pages under it."""

    def __init__(self) -> None:
        root = Page.get_first_root_node()
        Page.objects.child_of(root).filter(slug="home").exclude(content_type__model="homepage").delete()
        self.home = add_page(root, HomePage, title="Soil Knowledge Hub", slug="home")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "testserver", "port": 80, "root_page": self.home, "site_name": "Test hub"},
        )
        self.strategy = add_page(
            self.home,
            StrategyPage,
            title="Strategy",
            slug="strategy",
            vision_2050="Healthy, carbon-rich soils.",
            mission_2030="A framework for action on soil health.",
        )
        self.projects = add_page(self.home, ProjectIndexPage, title="Projects", slug="projects")
        self.webinars = add_page(self.home, WebinarIndexPage, title="Webinars", slug="webinars")
        self.events = add_page(self.home, EventIndexPage, title="Events", slug="events")
        self.resources = add_page(self.home, ResourceIndexPage, title="Resources", slug="resources")


@pytest.fixture
def site_tree(db) -> SiteTree:
    return SiteTree()


def days_from_today(days: int) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)


# What a page of each type needs to be saved, with a word of the caller's in its text (the rest is left empty); the
# types made once per site (home, strategy, listings) are not here. tests/consistency/test_visibility_surfaces.py
# fails for a page type in neither.
FIELDS = {
    "StandardPage": lambda w: {"intro": f"Notes {w}."},
    "GoalPage": lambda w: {"code": "ABCDEF"[next(_slugs) % 6], "description": f"<p>Goal {w}.</p>"},
    "ObjectivePage": lambda w: {
        "code": f"{'ABCDEF'[next(_slugs) % 6]}{next(_slugs) % 9 + 1}",
        "short_label": "Label",
        "description": f"Objective {w}.",
    },
    "TaskForcePage": lambda w: {"purpose": f"Purpose {w}.", "how_to_join": "<p>Write.</p>"},
    "ProjectPage": lambda w: {"summary": f"Project {w} on soils.", "status": "funded"},
    "WebinarPage": lambda w: {
        "start_date": days_from_today(10),
        "start_time": dt.time(14, 0),
        "abstract": f"<p>Webinar {w}.</p>",
    },
    "EventPage": lambda w: {
        "kind": "partner_event",
        "start_date": days_from_today(10),
        "end_date": days_from_today(11),
        "summary": f"Event {w}.",
    },
    "ResourcePage": lambda w: {"kind": "guideline", "year": 2024, "summary": f"Resource {w}."},
}


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with empty caches: pages cached by one test (the anonymous page cache, Wagtail's site
    root paths) must never be served in another, whose database differs."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


def admin_menu(html: str) -> list[tuple[tuple[str, ...], str]]:
    """The Wagtail admin's sidebar menu on a rendered admin page: [((submenu label, ..., item label), url)].

    Wagtail ships the menu as telepath-packed JSON in <script id="wagtail-sidebar-props">, which the browser turns
    into the sidebar: reading it finds where an item is, not just whether a string occurs somewhere on the page.
    """
    import json

    from bs4 import BeautifulSoup

    props = json.loads(BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props").string)
    items: list[tuple[tuple[str, ...], str]] = []

    def walk(node, path: tuple[str, ...]) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child, path)
        elif isinstance(node, dict):
            kind, args = node.get("_type", ""), node.get("_args", [])
            if kind.endswith("SubMenuItem"):
                label = args[0]["label"]
                walk(args[1], (*path, label))
            elif kind.endswith("LinkMenuItem"):
                items.append(((*path, args[0]["label"]), args[0]["url"]))
            else:
                for value in node.values():
                    walk(value, path)

    walk(props, ())
    return items


# --- Transactional tests (django_db(transaction=True)) --------------------------------------------------------------
# Their data really commits (index sync tasks run after commit, and other connections see it, as in production), and
# the database is flushed afterwards. Flushing also deletes the rows the migrations created (Wagtail's root page and
# collection, the default site, content types, the groups, ...), which every later test relies on (and, with
# --reuse-db, later runs too). So every table is snapshotted (PostgreSQL COPY) before the first transactional test and
# loaded back after each one's flush. (`serialized_rollback=True` does not work for the browser tests: Playwright's
# greenlets give the test a different context-local connection object than the one that holds Django's serialized
# copy, so Django neither restores it nor skips post_migrate on flush.)


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("transaction"))


_snapshot: dict[str, bytes] = {}


def _tables(connection) -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def take_snapshot(connection, snapshot: dict[str, bytes] = _snapshot) -> dict[str, bytes]:
    """Every Django table's rows, as PostgreSQL COPY data (by default: before the first transactional test changes
    anything)."""
    with connection.cursor() as cursor:
        for table in _tables(connection):
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                snapshot[table] = b"".join(bytes(block) for block in copy)
    return snapshot


def restore_snapshot(connection, snapshot: dict[str, bytes] = _snapshot) -> None:
    """Empty every table and load the snapshot back (same primary keys; sequences keep moving forward)."""
    from django.contrib.contenttypes.models import ContentType

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # load in any order
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in _tables(connection)))
        for table, data in snapshot.items():
            if data:
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(data)
    ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Around the database fixture of a transactional test: snapshot the rows first, put them back after its
    flush."""
    if fixturedef.argname == "_django_db_helper" and _is_transactional(request.node):
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        blocker = request.config.stash[blocking_manager_key]
        database_name = connections["default"].settings_dict["NAME"]
        if not _snapshot:
            with blocker.unblock():
                take_snapshot(connections["default"])

        def restore() -> None:
            connection = connections["default"]
            if (
                connection.settings_dict["NAME"] != database_name
            ):  # never write anywhere but the test database
                raise RuntimeError(f"refusing to restore rows into {connection.settings_dict['NAME']!r}")
            with blocker.unblock():
                restore_snapshot(connection)
                connection.close()

        request.node.addfinalizer(restore)
    return (yield)


# --- A committed copy of the test database ----------------------------------------------------------------------


def server_settings() -> dict:
    connection = connections["default"]
    settings = connection.settings_dict
    return {
        "host": settings["HOST"],
        "port": settings["PORT"],
        "user": settings["USER"],
        "test_name": connection.creation._get_test_db_name(),
    }


def database_url(name: str) -> str:
    server = server_settings()
    host, port, user = server["host"], server["port"], server["user"]
    port_part = f":{port}" if port else ""
    url = f"postgresql://{user}@{'' if host.startswith('/') else host}{port_part}/{name}"
    return url + (f"?host={host}" if host.startswith("/") else "")


def maintenance_kwargs() -> dict:
    server = server_settings()
    kwargs = {"host": server["host"], "user": server["user"], "dbname": "postgres", "autocommit": True}
    if server["port"]:
        kwargs["port"] = server["port"]
    return kwargs


@pytest.fixture
def copy_database(django_db_setup, django_db_blocker):
    """(url, maintenance connection kwargs, name) of a fresh, committed copy of the migrated, empty test database,
    for processes a test starts (they cannot see its transaction); dropped afterwards."""
    name = f"copy_{uuid.uuid4().hex[:8]}"
    kwargs = maintenance_kwargs()
    with django_db_blocker.unblock():
        connections.close_all()  # CREATE DATABASE ... TEMPLATE needs no open session on the template
        with psycopg.connect(**kwargs) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{server_settings()["test_name"]}"')
    try:
        yield database_url(name), kwargs, name
    finally:
        with psycopg.connect(**kwargs) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
