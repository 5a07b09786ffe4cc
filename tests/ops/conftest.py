"""Fixtures of the ops tests. `copy_database` follows tests/knowledge/test_reindex_resume.py: a committed copy of
the migrated test database for processes the test starts, dropped afterwards."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from django.db import connections


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
    """(url, maintenance connection kwargs, name) of a fresh copy of the migrated, empty test database."""
    name = f"ops_{uuid.uuid4().hex[:8]}"
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
