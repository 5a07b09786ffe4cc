"""Fault scenarios against the running stack of bench/stack.py (`bench/stack.py --faults [names]`).

Each scenario breaks one part on purpose while clients make requests through nginx, and prints what it saw: the
status codes, client timeouts (every request has a 10 s timeout: a hang counts as one), tracebacks in answers,
times, and pass or fail against what README "When things go wrong" promises. Names: worker, primary, replica, lag,
redis, media. Each leaves the stack as it found it (the part it stopped is started again).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

from machine import describe

from tests.ops.test_faults import BAD_CHUNKS, LEASES

LEASE_NAMESPACE = 0x4B4E57  # knowledge.worker's (which needs Django set up to import)


def lease_key(worker_id: str) -> int:
    """knowledge.worker.lease_key, as an unsigned oid (pg_locks.objid)."""
    return int.from_bytes(hashlib.sha256(worker_id.encode()).digest()[:4], "big")


CLIENT_TIMEOUT = 10.0
HELD_DOWN = 3.0  # seconds the primary stays stopped in the restart scenario
SCENARIOS = ("worker", "primary", "replica", "lag", "redis", "media")


def request(
    port: int, path: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None
):
    """(status or 'timeout' / 'refused' / 'error', headers, body); never raises."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except TimeoutError:
        return "timeout", {}, b""
    except ConnectionRefusedError:
        return "refused", {}, b""
    except OSError as error:
        return f"error {error.__class__.__name__}", {}, b""
    finally:
        connection.close()


class Clients:
    """`count` threads looping over `paths` (callables of a counter, returning (path, headers)) through nginx; each
    request is recorded as (start, end, status, traceback in body) relative to the scenario's start."""

    def __init__(self, port: int, count: int, make_request) -> None:
        self.port, self.make_request = port, make_request
        self.records: list[tuple[float, float, object, bool]] = []
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.threads = [threading.Thread(target=self._loop, args=(n,), daemon=True) for n in range(count)]
        for thread in self.threads:
            thread.start()

    def now(self) -> float:
        return time.monotonic() - self.started

    def _loop(self, number: int) -> None:
        n = 0
        while not self._stop.is_set():
            n += 1
            path, headers = self.make_request(number, n)
            begin = self.now()
            status, _, body = request(self.port, path, headers=headers)
            with self._lock:
                self.records.append((begin, self.now(), status, b"Traceback" in body))

    def stop(self) -> None:
        self._stop.set()
        for thread in self.threads:
            thread.join(timeout=CLIENT_TIMEOUT + 5)

    def between(self, start: float, end: float) -> list:
        """The requests that ended in [start, end): a request in flight when a part stops is counted with it."""
        return [r for r in self.records if start <= r[1] < end]

    @staticmethod
    def counts(records) -> str:
        return ", ".join(
            f"{status}: {n}" for status, n in sorted(Counter(r[2] for r in records).items(), key=str)
        )

    def last_failure_end(self) -> float | None:
        failures = [r[1] for r in self.records if r[2] != 200]
        return max(failures) if failures else None


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.results: dict[str, bool] = {}

    def say(self, line: str) -> None:
        print(f"  {line}", flush=True)
        self.lines.append(line)

    def check(self, scenario: str, label: str, passed: bool) -> None:
        self.say(f"{'PASS' if passed else 'FAIL'}: {label}")
        self.results[scenario] = self.results.get(scenario, True) and passed


def shell(stack, script: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=stack_root(), env=stack.env(),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"manage.py shell failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def stack_root() -> Path:
    return Path(__file__).resolve().parents[1]


PUBLISH = """
import random
from wagtail.models import Site
from cms.models import StandardPage
home = Site.objects.get(is_default_site=True).root_page
words = "soil carbon cover crop compost biochar grazing erosion terrace mulch legume tillage humus".split()
rng = random.Random({seed})
text = "\\n\\n".join(
    f"{marker} note {{i}}: " + " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(180))
    for i in range({paragraphs})
)
page = home.add_child(instance=StandardPage(title="{title}", slug="{slug}", intro=text))
page.save_revision().publish()
print("published", page.id, page.url)
"""

RETITLE = """
from cms.models import StandardPage
page = StandardPage.objects.get(id={page_id})
page.title = "{title}"
page.save_revision().publish()
print("published", page.id)
"""


def publish_page(stack, marker: str, paragraphs: int) -> tuple[int, str]:
    out = shell(
        stack,
        PUBLISH.format(
            seed=hash(marker) % 1000,
            marker=marker,
            paragraphs=paragraphs,
            title=f"Fault note {marker}",
            slug=marker,
        ),
    )
    _, page_id, url = out.strip().splitlines()[-1].split()
    return int(page_id), url


# --- a. a db_worker killed with SIGKILL in the middle of a sync --------------------------------------------------------


def worker_of_task(stack, task_id: str) -> str | None:
    """The stack's process name (worker-1 / worker-2) of the worker that claimed `task_id`: its lease's advisory lock
    is held by a PostgreSQL session whose client port is one of that process's sockets."""
    with stack.superuser() as conn:
        worker_ids = conn.execute(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult WHERE id = %s", [task_id]
        ).fetchone()[0]
        key = lease_key(worker_ids[-1])
        ports = {
            row[0]
            for row in conn.execute(
                "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.objid = %s",
                [LEASE_NAMESPACE, key],
            )
        }
    import psutil

    for name in ("worker-1", "worker-2"):
        process = psutil.Process(stack.processes[name].pid)
        if any(c.laddr and c.laddr.port in ports for c in process.net_connections(kind="tcp")):
            return name
    return None


def scenario_worker(stack, report: Report) -> None:
    report.say("a. a db_worker killed with SIGKILL while it runs the sync of a page just published")
    started = time.monotonic()
    out = stack.manage("reindex", "--no-progress").strip().splitlines()[-1]
    report.say(f"reindex before, the baseline ({time.monotonic() - started:.0f}s): {out}")
    marker = f"killnote{uuid.uuid4().hex[:8]}"
    published_at = time.monotonic()
    page_id, url = publish_page(stack, marker, paragraphs=40)  # about 80 chunks: seconds of embedding to hit
    task_sql = (
        "SELECT id::text, status, jsonb_array_length(worker_ids) FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'knowledge.tasks.sync_page_task' AND args_kwargs->'args' = %s::jsonb"
    )
    deadline, victim, task_id = time.monotonic() + 120, None, None
    while time.monotonic() < deadline and victim is None:
        with stack.superuser() as conn:
            row = conn.execute(task_sql, [json.dumps([page_id])]).fetchone()
        if row and row[1] == "RUNNING":
            task_id = row[0]
            victim = worker_of_task(stack, task_id)
        elif row and row[1] != "READY":
            break
        time.sleep(0.05)
    if victim is None:
        report.check("worker", f"caught the task RUNNING (it was {row[1] if row else 'not queued'})", False)
        return
    process = stack.processes[victim]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    killed_at = time.monotonic()
    report.say(
        f"page {page_id} published, its sync task RUNNING on {victim} after {killed_at - published_at:.1f}s: "
        f"SIGKILL (PID {process.pid})"
    )
    other = "worker-2" if victim == "worker-1" else "worker-1"
    searchable_at = None
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        with stack.superuser() as conn:
            status = conn.execute(task_sql, [json.dumps([page_id])]).fetchone()[1]
            indexed = conn.execute(
                "SELECT count(*) FROM knowledge_source WHERE kind = 'page' AND object_id = %s AND status = 'indexed'",
                [str(page_id)],
            ).fetchone()[0]
        if status == "SUCCESSFUL" and indexed:
            searchable_at = time.monotonic()
            break
        time.sleep(0.2)
    status, _, body = request(stack.ports["nginx"], f"/api/search/?q={marker}")
    found = status == 200 and any(
        r.get("id") == page_id or marker in json.dumps(r) for r in json.loads(body)["results"]
    )
    report.say(f"restarting {victim} (systemd's Restart=always would have, after RestartSec=2)")
    stack.start_worker(int(victim[-1]))
    with stack.superuser() as conn:
        report.say(f"leases held before the restart: {conn.execute(LEASES).fetchone()[0]}")
    if searchable_at is None:
        report.check("worker", "the task ran again and the page became searchable within 180 s", False)
        return
    report.say(
        f"searchable {searchable_at - killed_at:.1f}s after the kill ({searchable_at - published_at:.1f}s after "
        f"the publish); requeued by {other}'s sweep (db_worker --sweep-interval, default 60 s)"
    )
    with stack.superuser() as conn:
        _, final_status, claims = conn.execute(task_sql, [json.dumps([page_id])]).fetchone()
        sources = conn.execute(
            "SELECT count(*) FROM knowledge_source WHERE kind = 'page' AND object_id = %s", [str(page_id)]
        ).fetchone()[0]
        bad = conn.execute(BAD_CHUNKS).fetchone()[0]
        chunks = conn.execute(
            "SELECT (SELECT count(*) FROM knowledge_chunk), (SELECT sum(chunk_count) FROM knowledge_source)"
        ).fetchone()
    report.check("worker", f"the task SUCCESSFUL, claimed twice (dead worker, then {other}): {final_status}, {claims}",
                 final_status == "SUCCESSFUL" and claims == 2)  # fmt: skip
    report.check("worker", f"the search API finds the page ({status})", found)
    report.check("worker", f"one source for the page ({sources}), no half-written source ({bad})",
                 sources == 1 and bad == 0)  # fmt: skip
    report.check("worker", f"chunks = sum of chunk_count ({chunks[0]} = {chunks[1]})", chunks[0] == chunks[1])
    started = time.monotonic()
    out = stack.manage("reindex", "--no-progress").strip().splitlines()[-1]
    report.say(f"reindex afterwards ({time.monotonic() - started:.0f}s): {out}")
    report.check(
        "worker", "reindex finds nothing to index or remove", " 0 indexed" in out and " 0 removed" in out
    )


# --- b. the primary restarted under 20 clients ---------------------------------------------------------------------


def mixed_requests(page_paths: list[str], marker: str):
    def make(number: int, n: int):
        kind = (number + n) % 3
        path = page_paths[(number * 7 + n) % len(page_paths)]
        if kind == 0:  # anonymous, not from the page cache (its own query string): the replica
            return f"{path}?c={number}-{n}", {}
        if kind == 1:  # a session cookie: the primary (the session is looked up there)
            return f"{path}?c={number}-{n}", {"Cookie": "sessionid=not-a-valid-session"}
        return f"/api/search/?q={marker}+soil+{n % 5}", {}

    return make


def page_paths(stack, limit: int = 20) -> list[str]:
    status, _, body = request(stack.ports["nginx"], f"/api/v2/pages/?limit={limit}&fields=-title")
    if status != 200:
        return ["/"]
    return [item["meta"]["html_url"].split(stack.site)[-1] for item in json.loads(body)["items"]] or ["/"]


def scenario_primary(stack, report: Report) -> None:
    report.say("b. the primary restarted (fast shutdown, then start) under 20 clients")
    marker = f"restartnote{uuid.uuid4().hex[:8]}"
    page_id, _ = publish_page(stack, marker, paragraphs=1)  # a write made before the restart
    with stack.superuser() as conn:
        logged_before = conn.execute("SELECT count(*) FROM search_searchlogentry").fetchone()[0]
    clients = Clients(stack.ports["nginx"], 20, mixed_requests(page_paths(stack), "restart"))
    time.sleep(8)
    with stack.superuser() as conn:
        logged_before = conn.execute("SELECT count(*) FROM search_searchlogentry").fetchone()[0]
    down_at = clients.now()
    stack.stop_postgres("primary")  # SIGINT to the postmaster = pg_ctl stop -m fast
    stopped_at = clients.now()
    time.sleep(HELD_DOWN)  # a restart of a busy server takes longer than this idle one's 1 s: see the 503s
    stack.start_postgres("primary")
    back_at = clients.now()
    time.sleep(15)
    clients.stop()
    before = clients.between(0, down_at)
    during = clients.between(down_at, back_at)
    after = clients.between(back_at, clients.now())
    report.say(f"restart: stop {stopped_at - down_at:.2f}s, held down {HELD_DOWN}s, start "
               f"{back_at - stopped_at - HELD_DOWN:.2f}s (server back at t={back_at:.1f}s)")  # fmt: skip
    report.say(f"before ({len(before)}): {clients.counts(before)}")
    report.say(f"during ({len(during)}): {clients.counts(during)}")
    report.say(f"after ({len(after)}): {clients.counts(after)}")
    last_failure = max((r[1] for r in after if r[2] != 200), default=None)
    service_back = 0.0 if last_failure is None else last_failure - back_at
    report.say(f"service back {service_back:.2f}s after the server (last non-200 answer ended then)")
    statuses = {r[2] for r in clients.records}
    report.check("primary", "no client timeout (hang), no connection error", statuses <= {200, 503})
    report.check("primary", "no traceback in any answer", not any(r[3] for r in clients.records))
    report.check("primary", "no 500", 500 not in statuses)
    report.check("primary", "service back within 5 s of the server", service_back <= 5)
    with stack.superuser() as conn:
        kept = conn.execute(
            "SELECT count(*) FROM wagtailcore_page WHERE id = %s AND live", [page_id]
        ).fetchone()[0]
        logged_after = conn.execute("SELECT count(*) FROM search_searchlogentry").fetchone()[0]
    report.check("primary", f"writes before the restart kept (page {page_id}: {kept}, search log "
                 f"{logged_before} -> {logged_after})", kept == 1 and logged_after >= logged_before)  # fmt: skip


# --- c. the replica stopped; replica lag -----------------------------------------------------------------------------


def scenario_replica(stack, report: Report) -> None:
    retry = int(stack.env().get("DATABASE_REPLICA_RETRY_SECONDS", "10"))
    report.say(f"c. the replica stopped under 10 anonymous clients (DATABASE_REPLICA_RETRY_SECONDS={retry})")
    paths = page_paths(stack)

    def anonymous(number: int, n: int):
        if n % 3 == 0:
            return f"/api/search/?q=soil+carbon+{n % 7}", {}
        return f"{paths[(number + n) % len(paths)]}?r={number}-{n}", {}

    clients = Clients(stack.ports["nginx"], 10, anonymous)
    time.sleep(5)
    down_at = clients.now()
    stack.stop_postgres("replica")
    time.sleep(20)
    up_at = clients.now()
    stack.start_postgres("replica")
    time.sleep(retry + 5)
    clients.stop()
    during = clients.between(down_at, up_at)
    failures = [r for r in during if r[2] != 200]
    fallback = max((r[1] for r in failures), default=down_at) - down_at
    report.say(f"before ({len(clients.between(0, down_at))}): {clients.counts(clients.between(0, down_at))}")
    report.say(f"replica down ({len(during)}): {clients.counts(during)}")
    report.say(f"replica back ({len(clients.between(up_at, clients.now()))}): "
               f"{clients.counts(clients.between(up_at, clients.now()))}")  # fmt: skip
    report.say(f"every answer 200 again {fallback:.2f}s after the replica stopped ({len(failures)} failed)")
    with stack.superuser("replica", dbname="postgres") as conn:
        readers = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'soilhub' AND backend_type = 'client backend'"
        ).fetchone()[0]
    report.check("replica", "no timeout, no traceback, only 200 or 503",
                 {r[2] for r in clients.records} <= {200, 503} and not any(r[3] for r in clients.records))  # fmt: skip
    report.check("replica", "reads fall back to the primary within 2 s", fallback <= 2)
    report.check("replica", f"reads back on the replica after it restarted ({readers} sessions of soilhub there)",
                 readers > 0)  # fmt: skip


def scenario_lag(stack, report: Report) -> None:
    grace = int(stack.env().get("PAGE_CACHE_REPLICA_GRACE_SECONDS", "5"))
    report.say(
        f"lag: replay paused on the replica, a page retitled on the primary (PAGE_CACHE_REPLICA_GRACE_SECONDS={grace})"
    )
    marker = f"lagnote{uuid.uuid4().hex[:8]}"
    page_id, url = publish_page(stack, marker, paragraphs=1)
    for pause in (3, 8):
        time.sleep(2)
        request(stack.ports["nginx"], url)  # in the page cache, old title
        with stack.superuser("replica") as conn:
            conn.execute("SELECT pg_wal_replay_pause()")
        title = f"Retitled after {pause}s {uuid.uuid4().hex[:6]}"
        shell(stack, RETITLE.format(page_id=page_id, title=title))
        published = time.monotonic()
        seen_old, resumed = [], None
        while time.monotonic() - published < pause + grace + 6:
            if resumed is None and time.monotonic() - published >= pause:
                with stack.superuser("replica") as conn:
                    conn.execute("SELECT pg_wal_replay_resume()")
                resumed = time.monotonic() - published
            status, headers, body = request(stack.ports["nginx"], url)
            if status == 200 and title.encode() not in body:
                seen_old.append((time.monotonic() - published, headers.get("x-page-cache")))
            time.sleep(0.2)
        last_old = max((t for t, _ in seen_old), default=0.0)
        report.say(f"replay paused {pause}s: old title last seen {last_old:.2f}s after the publish "
                   f"({len(seen_old)} stale answers; from the cache: {sum(1 for _, c in seen_old if c == 'hit')})")  # fmt: skip
        report.check("lag", f"lag {pause}s: stale for at most the lag + the grace period ({pause + grace}s)",
                     last_old <= pause + grace + 0.5)  # fmt: skip


# --- d. Redis stopped ------------------------------------------------------------------------------------------------


def scenario_redis(stack, report: Report) -> None:
    report.say("d. Redis stopped under 10 anonymous clients, then started again")
    paths = page_paths(stack)

    def anonymous(number: int, n: int):
        if n % 3 == 0:
            return f"/search/?q=soil+carbon+{n % 5}", {}
        if n % 3 == 1:
            return f"/api/search/?q=cover+crops+{n % 5}", {}
        return paths[(number + n) % len(paths)], {}  # the same URLs again and again: the page cache

    port = stack.ports["nginx"]
    clients = Clients(port, 10, anonymous)
    time.sleep(5)
    down_at = clients.now()
    stack.stop_redis()
    time.sleep(2)
    sign_in = request(port, "/accounts/login/", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                      b"username=member&password=wrong")  # fmt: skip
    home_down = request(port, "/")
    time.sleep(8)
    up_at = clients.now()
    stack.start_redis()
    sign_in_up = request(port, "/accounts/login/", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                         b"username=member&password=wrong")  # fmt: skip
    hit_after = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if request(port, "/")[1].get("x-page-cache") == "hit":
            hit_after = clients.now() - up_at
            break
        time.sleep(0.2)
    time.sleep(2)
    clients.stop()
    during = clients.between(down_at, up_at)
    report.say(f"before ({len(clients.between(0, down_at))}): {clients.counts(clients.between(0, down_at))}")
    report.say(f"Redis down ({len(during)}): {clients.counts(during)}")
    report.say(f"Redis back ({len(clients.between(up_at, clients.now()))}): "
               f"{clients.counts(clients.between(up_at, clients.now()))}")  # fmt: skip
    report.say(f"sign-in POST while down: {sign_in[0]} (Retry-After {sign_in[1].get('retry-after')}); "
               f"once back: {sign_in_up[0]} (403 = CSRF refusal: the limiter let it through to the form)")  # fmt: skip
    report.check(
        "redis", "pages, search and API all 200 while Redis is down", {r[2] for r in during} == {200}
    )
    report.check("redis", f"home page while down: {home_down[0]}, cache {home_down[1].get('x-page-cache')}",
                 home_down[0] == 200)  # fmt: skip
    report.check("redis", "the sign-in limit fails closed (503) while down", sign_in[0] == 503)
    report.check("redis", f"page cache hits again {hit_after if hit_after is None else round(hit_after, 2)}s "
                 "after Redis is back", hit_after is not None and hit_after <= 10)  # fmt: skip
    report.check("redis", "no traceback, no 500", not any(r[3] for r in clients.records)
                 and 500 not in {r[2] for r in clients.records})  # fmt: skip


# --- e. the media disk full, then read-only ------------------------------------------------------------------------

MEMBER_SESSION = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from cms.models import SpacePage
user = get_user_model().objects.get(username="member")
session = SessionStore()
session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
space = SpacePage.objects.live().filter(title__icontains="Task Force A1").first()
print("session", session.session_key, space.pk)
"""


def upload_post(stack, session: str, space_id: int, title: str, pdf: bytes):
    """A member's post with a PDF attachment, as the browser sends it (multipart, CSRF cookie and field)."""
    token, boundary = uuid.uuid4().hex, f"----stack{uuid.uuid4().hex}"
    parts = [(name, None, value.encode()) for name, value in
             (("csrfmiddlewaretoken", token), ("title", title), ("text", "Field notes with a PDF."))]  # fmt: skip
    parts.append(("attachment", "field-notes.pdf", pdf))
    body = b""
    for name, filename, value in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        kind = "Content-Type: application/pdf\r\n" if filename else ""
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n{kind}\r\n".encode() + value + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Cookie": f"sessionid={session}; csrftoken={token}",
    }
    return request(stack.ports["nginx"], f"/spaces/{space_id}/post/", "POST", headers, body)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


def scenario_media(stack, report: Report) -> None:
    report.say("e. a member's PDF upload (space post) while the documents folder is full, then read-only")
    documents = stack.srv / "media" / "documents"
    pdf = next(iter(sorted(documents.glob("*.pdf"))))
    pdf_bytes = pdf.read_bytes()
    _, session, space_id = shell(stack, MEMBER_SESSION).strip().splitlines()[-1].split()
    status, _, _ = upload_post(
        stack, session, int(space_id), f"Upload check {uuid.uuid4().hex[:6]}", pdf_bytes
    )
    report.say(f"the same upload with the disk fine: {status} (302 = posted)")

    def rows(title: str) -> tuple[int, int]:
        with stack.superuser() as conn:
            posts = conn.execute(
                "SELECT count(*) FROM wagtailcore_page WHERE title = %s", [title]
            ).fetchone()[0]
            files = conn.execute(
                "SELECT count(*) FROM wagtaildocs_document WHERE created_at > now() - interval '1 minute' "
                "AND title = 'field-notes.pdf'"
            ).fetchone()[0]
        return posts, files

    # Full: a tmpfs of 64 KiB over the documents folder (real ENOSPC), a filler leaving less than the PDF needs.
    with stack.superuser() as conn:
        files_before = conn.execute("SELECT count(*) FROM wagtaildocs_document").fetchone()[0]
    _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(documents))
    try:
        filler = documents / "filler.bin"
        filler.write_bytes(b"\0" * (64 * 1024 - len(pdf_bytes) // 2))
        title = f"Disk full {uuid.uuid4().hex[:6]}"
        started = time.monotonic()
        status, headers, body = upload_post(stack, session, int(space_id), title, pdf_bytes)
        left = sorted(path.name for path in documents.iterdir())
        report.say(f"disk full: {status} in {time.monotonic() - started:.2f}s; folder holds {left}; "
                   f"free {shutil.disk_usage(documents).free} bytes for a {len(pdf_bytes)}-byte PDF")  # fmt: skip
        posts, _ = rows(title)
        report.check("media", "disk full: 507 with a page saying the file was not saved",
                     status == 507 and b"could not be saved" in body)  # fmt: skip
        report.check("media", f"disk full: no post row ({posts}), no half-written file", posts == 0
                     and left == ["filler.bin"])  # fmt: skip
    finally:
        _mount("-o", "remount,rw", str(documents))  # so that umount never fails on a busy read-only state
        subprocess.run(["umount", str(documents)], check=True)
    # Read-only: the folder bind-mounted on itself, read-only (real EROFS); its documents stay readable.
    _mount("--bind", str(documents), str(documents))
    try:
        _mount("-o", "remount,ro,bind", str(documents))
        title = f"Read-only {uuid.uuid4().hex[:6]}"
        before = sorted(path.name for path in documents.iterdir())
        status, _, body = upload_post(stack, session, int(space_id), title, pdf_bytes)
        after = sorted(path.name for path in documents.iterdir())
        posts, _ = rows(title)
        served = check_document(stack)
        report.say(f"read-only: {status}; files before {len(before)}, after {len(after)}; a document read "
                   f"through nginx meanwhile: {served}")  # fmt: skip
        report.check("media", "read-only: 507, no post row, no new file",
                     status == 507 and posts == 0 and before == after)  # fmt: skip
        report.check("media", "read-only: documents still served", served == 200)
    finally:
        subprocess.run(["umount", str(documents)], check=True)
    with stack.superuser() as conn:
        files_after = conn.execute("SELECT count(*) FROM wagtaildocs_document").fetchone()[0]
    report.check("media", f"document rows: {files_before} before the two failed uploads, {files_after} after",
                 files_after == files_before)  # fmt: skip


def check_document(stack) -> object:
    with stack.superuser() as conn:
        document_id, file = conn.execute(
            "SELECT id, file FROM wagtaildocs_document ORDER BY id LIMIT 1"
        ).fetchone()
    return request(stack.ports["nginx"], f"/documents/{document_id}/{Path(file).name}")[0]


def run_faults(stack, names: list[str], results: Path | None) -> bool:
    chosen = names or list(SCENARIOS)
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        raise SystemExit(f"unknown scenarios {sorted(unknown)}; choose among {', '.join(SCENARIOS)}")
    report = Report()
    report.say(f"machine: {describe()}")
    stack.warm_up()
    functions = {"worker": scenario_worker, "primary": scenario_primary, "replica": scenario_replica,
                 "lag": scenario_lag, "redis": scenario_redis, "media": scenario_media}  # fmt: skip
    for name in chosen:
        started = time.monotonic()
        print(flush=True)
        try:
            functions[name](stack, report)
        except Exception as error:  # one broken scenario must not hide the others' figures
            report.check(name, f"scenario raised {error.__class__.__name__}: {str(error)[:300]}", False)
        for revived in stack.revive_workers():
            report.say(f"{revived} had exited during the scenario; restarted (systemd: Restart=always)")
        report.say(f"({name}: {time.monotonic() - started:.0f}s)")
    print(flush=True)
    summary = ", ".join(f"{name} {'pass' if ok else 'FAIL'}" for name, ok in report.results.items())
    report.say(f"summary: {summary}")
    if results:
        command = "bench/stack.py --faults " + " ".join(names)
        block = "\n".join(report.lines)
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        with results.open("a") as out:
            out.write(f"\n### `{command.strip()}`, {stamp}\n\n```\n{block}\n```\n")
    return all(report.results.values())
