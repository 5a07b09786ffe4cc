"""Helpers of the ops tests: real server and worker processes on loopback, always stopped by the caller."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the parent test run that must not leak into a child configured by the test.
PARENT_ONLY = {"DJANGO_SETTINGS_MODULE", "DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}


def child_env(**env: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in PARENT_ONLY}
    return {**base, "LOG_LEVEL": "WARNING", **env}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spawn(args: list[str], env: dict[str, str], log: Path, **popen) -> subprocess.Popen:
    """A child in its own process group (gunicorn forks workers), output to a log file read on failure.
    `popen`: more subprocess.Popen arguments (bench/stack.py runs PostgreSQL as another user)."""
    handle = log.open("a")
    popen.setdefault("cwd", ROOT)
    return subprocess.Popen(
        args,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        **popen,
    )


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def gunicorn(port: int, env: dict[str, str], log: Path, workers: int = 2) -> subprocess.Popen:
    """The documented production command (README, "Deploying to production"), on a free loopback port."""
    args = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    args += ["--workers", str(workers), "--timeout", "60"]
    return spawn(args, env, log)


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    """Stop a child started by spawn() and everything it forked (its own process group only)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=timeout)
        except ProcessLookupError:
            pass
    else:  # the leader exited: make sure no forked worker is left behind
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def get(
    port: int, path: str, headers: dict[str, str] | None = None, timeout: float = 60
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def wait_until_serving(
    port: int, process: subprocess.Popen, log: Path, path: str = "/", timeout: float = 120, **kwargs
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            get(port, path, timeout=10, **kwargs)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server not answering on port {port} after {timeout}s:\n{log.read_text()[-4000:]}")
