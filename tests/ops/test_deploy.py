"""deploy/ is what bench/stack.py runs: the Procfile and the systemd units run the same commands, the README shows
them, the stack sets only variables of deploy/soilhub.env.example, and nginx accepts the stack's configuration built
around deploy/soilhub-locations.conf. No process is started here (bench/stack.py --check and --faults do that)."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from bench.stack import Stack, env_file, procfile

from .servers import ROOT

DEPLOY = ROOT / "deploy"


def exec_start(unit: str) -> str:
    lines = (DEPLOY / "systemd" / unit).read_text().splitlines()
    return next(line.split("=", 1)[1] for line in lines if line.startswith("ExecStart="))


def test_the_procfile_and_the_systemd_units_run_the_same_commands():
    commands = procfile(DEPLOY / "Procfile")
    assert set(commands) == {"web", "worker"}
    in_checkout = exec_start("soilhub-web.service").replace("/srv/hub/", "").replace("${PORT}", "$PORT")
    assert in_checkout == commands["web"]
    assert exec_start("soilhub-worker@.service").replace("/srv/hub/", "") == commands["worker"]
    readme = (ROOT / "README.md").read_text()
    processes = readme.split("### Processes", 1)[1].split("###", 1)[0]
    assert commands["web"] in processes and commands["worker"] in processes


def test_the_stack_sets_only_variables_of_the_example_environment(tmp_path):
    example = env_file(DEPLOY / "soilhub.env.example")
    env = Stack(tmp_path).env()
    assert env["DJANGO_ENV"] == "production" and env["DOCUMENTS_SERVE"] == "nginx"
    assert env["SECURE_SSL_REDIRECT"] == "false"  # plain HTTP on loopback: no TLS proxy
    # Stack.env() refuses a variable the example does not list; these are the ones it gives its own values.
    stack_values = {name for name in example if env[name] != example[name]}
    assert {"DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "SECRET_KEY", "MEDIA_ROOT"} <= stack_values
    assert shlex.split(procfile(DEPLOY / "Procfile")["worker"])[-1] == "db_worker"


@pytest.mark.skipif(not Path("/usr/sbin/nginx").exists(), reason="nginx is not installed")
def test_nginx_accepts_the_stacks_configuration(tmp_path):
    command = Stack(tmp_path).nginx_command()
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert str(DEPLOY / "soilhub-locations.conf") in (tmp_path / "nginx" / "nginx.conf").read_text()
