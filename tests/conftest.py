"""Shared fixtures: the real PostgreSQL + pgvector (pytest-django's test database on the embedded server) and
the real embedding model. Page trees are built small, per test, with the helpers below."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import uuid

import psycopg
import pytest
from django.db import connections
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
hypothesis_settings.register_profile("ci", max_examples=8, stateful_step_count=10)
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
