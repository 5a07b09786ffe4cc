"""`schemathesis run <server>/api/schema/ --checks all` against a live server: the command the API's schema is
checked with, in the suite. Here rather than in tests/api/ because the server needs the hub committed to a copy
of the test database, and tests/api/ keeps its hub in one open transaction for the whole package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .servers import child_env, free_port, get, manage, spawn, stop, wait_until_serving

SEED_HUB = "from tests.api.conftest import build_hub; build_hub(); print('seeded')"


@pytest.mark.slow
def test_schemathesis_run_with_every_check_against_a_live_server(copy_database, tmp_path):
    """`schemathesis run <server>/api/schema/ --checks all`, as documented for the API, on the API tests' hub
    served by a real server: the schema and the server agree on every generated request (positive and
    negative), no 5xx. Bounded: a fixed seed and at most 40 examples per operation and phase."""
    url, _, _ = copy_database
    env = child_env(
        DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings.test", SEARCH_API_THROTTLE="100000/minute"
    )
    seeded = manage("shell", "-c", SEED_HUB, env=env)
    assert seeded.returncode == 0 and "seeded" in seeded.stdout, seeded.stdout + seeded.stderr[-3000:]

    port, log = free_port(), tmp_path / "server.log"
    server = spawn([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], env, log)
    try:
        wait_until_serving(port, server, log, path="/api/schema/")
        status, _, body = get(port, "/api/search/?q=warm+up", timeout=300)  # loads the model once
        assert status == 200, body[:500]
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"http://127.0.0.1:{port}/api/schema/",
            "--checks",
            "all",
            "--max-examples",
            "40",
            "--seed",
            "41000",
            "--workers",
            "1",
            "--request-timeout",
            "60",
            "--no-color",
        ]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    finally:
        stop(server)
    summary = result.stdout[-12000:]
    assert result.returncode == 0, summary + result.stderr[-2000:]
    assert "No issues found" in result.stdout or " 0 failures" in result.stdout, summary
