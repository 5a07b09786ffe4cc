"""Load test: gunicorn with the production settings against the dev database, many concurrent clients.

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--workers 2]

Needs the dev database with the demo content and its index (`make setup`). Runs on loopback only and is
bounded in clients and time. Steps: collectstatic into a temporary STATIC_ROOT, start the documented
gunicorn command (README, "Deploying to production") with DJANGO_ENV=production and throwaway secrets, discover page URLs
through the API, warm every worker up (the embedding model loads on a worker's first search), then run the
clients over a realistic mix of requests for --duration seconds. Prints requests per second, p50/p95/p99
latency, errors and 5xx per endpoint class and overall; exits 1 if any request got a 5xx or failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402  (bench/machine.py, next to this script)

QUERIES = [
    "soil organic carbon",
    "cover crops in dry climates",
    "how do cover crops change soil carbon",
    "agroforestry projects in Africa",
    "biochar",
    "no-till farming and carbon sequestration",
    "measuring soil carbon",
    "webinars on measuring soil carbon",
    "rangeland grazing management",
    "peatland restoration",
    "compost and manure",
    "soil erosion control terraces",
    "rice paddies methane",
    "carbon credits for farmers",
    "monitoring reporting verification",
    "soil health indicators",
    "drought resilience",
    "smallholder farmers",
    "mangrove blue carbon",
    "conservation agriculture Latin America",
    "regenerative agriculture",
    "fertilizer nitrogen emissions",
    "land degradation neutrality",
    "crop rotation legumes",
    "sustainable land management policy",
    "remote sensing soil mapping",
    "A1",
    "objective B2",
    "funding for soil projects",
    "women farmers training",
    "irrigation salinity",
    "carbone du sol",
    "suelos y cambio climático",
    "permanent grassland",
]
SEARCH_FILTERS = [
    {},
    {"type": "project"},
    {"type": "webinar"},
    {"type": "resource"},
    {"type": "document"},
    {"type": "project,resource"},
    {"year_from": "2018"},
    {"language": "en"},
    {"goal": "A"},
]
PAGE_TYPES = {"project": "cms.ProjectPage", "resource": "cms.ResourcePage", "webinar": "cms.WebinarPage"}
LISTING_FIELDS = {
    "cms.ProjectPage": "summary,status,start_date,countries",
    "cms.ResourcePage": "first_published_at",
    "cms.WebinarPage": "first_published_at",
}


# --- Server ---------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> tuple[str, object]:
    """DATABASE_URL as given, or the embedded dev server (kept running by this process while it lives)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], None
    from config.database import EMBEDDED_DATABASE_NAME, start_embedded_postgres

    data_dir = Path(os.environ.get("EMBEDDED_POSTGRES_DIR", ROOT / ".data" / "postgres"))
    socket_dir = start_embedded_postgres(data_dir)
    return f"postgresql://postgres@/{EMBEDDED_DATABASE_NAME}?host={socket_dir}", socket_dir


def server_env(db_url: str, static_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        SHARED_CACHE_DIR=str(static_root.parent / "cache"),
        DATABASE_URL=db_url,
        SEARCH_API_THROTTLE="1000000/minute",
        LOG_LEVEL="WARNING",
    )
    return env


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    args = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    args += ["--workers", str(workers), "--timeout", "60"]
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


# --- Client ---------------------------------------------------------------------------------------------------


class Client:
    """One keep-alive connection (reopened when the server closes it), like one browser tab."""

    def __init__(self, port: int, timeout: float = 120):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.connection.request("GET", path, headers={"Host": "localhost", "Accept-Encoding": "gzip"})
            response = self.connection.getresponse()
            body = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
            return response.status, body
        except Exception:
            self.connection.close()
            raise

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
        return json.loads(body)


def wait_until_serving(port: int, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            Client(port, timeout=10).get("/api/v2/pages/?limit=1")
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer within {timeout}s:\n{log.read_text()[-4000:]}")


def discover(port: int) -> dict[str, list]:
    """Page paths and ids by type, through the API (as a front end would)."""
    client = Client(port)
    found: dict[str, list] = {}
    for name, page_type in PAGE_TYPES.items():
        items, offset = [], 0
        while True:
            data = client.json(
                f"/api/v2/pages/?{urlencode({'type': page_type, 'limit': 50, 'offset': offset})}"
            )
            items += data["items"]
            offset += 50
            if offset >= data["meta"]["total_count"]:
                break
        found[name] = [(item["id"], urlsplit(item["meta"]["html_url"]).path) for item in items]
    return found


def request_mix(pages: dict[str, list]) -> list[tuple[str, float, object]]:
    """(endpoint class, weight, path factory): search, page views, listings and related content."""
    with_pages = [name for name in PAGE_TYPES if pages[name]]

    def search_page(rng):
        params = {"q": rng.choice(QUERIES), **rng.choice(SEARCH_FILTERS)}
        if rng.random() < 0.15:
            params["page"] = "2"
        return f"/search/?{urlencode(params)}"

    def api_search(rng):
        params = {"q": rng.choice(QUERIES), **rng.choice(SEARCH_FILTERS)}
        return f"/api/search/?{urlencode(params)}"

    def suggest(rng):
        query = rng.choice(QUERIES)
        return f"/api/search/suggest/?{urlencode({'q': query[: rng.randint(3, max(3, len(query)))]})}"

    def page_view(rng):
        return rng.choice(pages[rng.choice(with_pages)])[1]

    def listing(rng):
        page_type = PAGE_TYPES[rng.choice(list(PAGE_TYPES))]
        params = {"type": page_type, "fields": LISTING_FIELDS[page_type], "limit": rng.choice([10, 20, 50])}
        if rng.random() < 0.3:
            params["order"] = "-first_published_at"
        return f"/api/v2/pages/?{urlencode(params)}"

    def related(rng):
        name = rng.choice(with_pages)
        page_id = rng.choice(pages[name])[0]
        return f"/api/pages/{page_id}/related/?{urlencode({'type': rng.choice(['project', 'resource', 'webinar'])})}"

    return [
        ("search page", 0.22, search_page),
        ("API search", 0.22, api_search),
        ("API suggest", 0.06, suggest),
        ("page view", 0.25, page_view),
        ("API listing", 0.13, listing),
        ("API related", 0.12, related),
    ]


def run_clients(port: int, mix, clients: int, duration: float, seed: int) -> tuple[dict, float]:
    results: dict[str, list[tuple[float, int]]] = defaultdict(list)  # class -> [(latency, status or -1)]
    failures: list[str] = []
    lock = threading.Lock()
    classes = [name for name, _, _ in mix]
    weights = [weight for _, weight, _ in mix]
    factories = {name: factory for name, _, factory in mix}
    start = time.monotonic()
    deadline = start + duration

    def client_loop(index: int) -> None:
        rng = random.Random(seed + index)
        client = Client(port)
        local: list[tuple[str, float, int]] = []
        while time.monotonic() < deadline:
            name = rng.choices(classes, weights)[0]
            path = factories[name](rng)
            started = time.perf_counter()
            try:
                status, _ = client.get(path)
            except Exception as exc:
                status = -1
                with lock:
                    failures.append(f"{name} {path}: {exc.__class__.__name__}: {exc}")
            local.append((name, time.perf_counter() - started, status))
            if status >= 500:
                with lock:
                    failures.append(f"{name} {path}: HTTP {status}")
        with lock:
            for name, latency, status in local:
                results[name].append((latency, status))

    threads = [threading.Thread(target=client_loop, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 180)  # a request can take at most the client timeout past the end
    elapsed = time.monotonic() - start
    if failures:
        print(f"{len(failures)} failed requests, first ones:", *failures[:10], sep="\n  ", file=sys.stderr)
    return results, elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(results: dict, elapsed: float) -> tuple[str, int]:
    """The table, and the count of requests that got a 5xx or no answer at all."""
    lines = [
        "| endpoint class | requests | req/s | p50 ms | p95 ms | p99 ms | errors | 5xx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    everything: list[tuple[float, int]] = []
    for name in sorted(results, key=lambda n: -len(results[n])):
        rows = results[name]
        everything += rows
        lines.append(_row(name, rows, elapsed))
    lines.append(_row("**overall**", everything, elapsed))
    return "\n".join(lines), sum(1 for _, status in everything if status < 0 or status >= 500)


def _row(name: str, rows: list[tuple[float, int]], elapsed: float) -> str:
    latencies = [latency * 1000 for latency, _ in rows] or [0.0]
    errors = sum(1 for _, status in rows if status < 0 or status >= 400)
    five_xx = sum(1 for _, status in rows if status >= 500)
    return (
        f"| {name} | {len(rows)} | {len(rows) / elapsed:.1f} | {percentile(latencies, 0.5):.0f} | "
        f"{percentile(latencies, 0.95):.0f} | {percentile(latencies, 0.99):.0f} | {errors} | {five_xx} |"
    )


def warm_up(port: int, mix, workers: int) -> None:
    """Every worker loads the model and fills its caches before the clock starts (one search per worker)."""
    rng = random.Random(0)
    paths = [factory(rng) for _, _, factory in mix for _ in range(2)]
    paths += [f"/api/search/?{urlencode({'q': query})}" for query in QUERIES[: 4 * workers]]
    threads = [
        threading.Thread(target=lambda chunk=chunk: [Client(port).get(p) for p in chunk])
        for chunk in (paths[i :: 2 * workers] for i in range(2 * workers))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients (1-200).")
    parser.add_argument("--duration", type=float, default=60, help="Seconds of load (1-600).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
    parser.add_argument("--seed", type=int, default=4_1000)
    args = parser.parse_args()
    clients = max(1, min(args.clients, 200))
    duration = max(1.0, min(args.duration, 600.0))

    print(f"Machine: {describe()}")
    db_url, _keep_server = database_url()
    with tempfile.TemporaryDirectory(prefix="soilhub-load-") as tmp:
        tmp_path = Path(tmp)
        env = server_env(db_url, tmp_path / "static")
        started = time.perf_counter()
        collect = subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if collect.returncode:
            sys.exit(f"collectstatic failed:\n{collect.stderr[-4000:]}")
        print(f"collectstatic: {time.perf_counter() - started:.0f}s")

        port, log = free_port(), tmp_path / "gunicorn.log"
        server = start_gunicorn(env, port, args.workers, log)
        try:
            wait_until_serving(port, server, log)
            pages = discover(port)
            print("pages: " + ", ".join(f"{len(v)} {k}" for k, v in pages.items()))
            if not any(pages.values()):
                sys.exit("no project, resource or webinar page found: load the demo content (make setup)")
            mix = request_mix(pages)
            started = time.perf_counter()
            warm_up(port, mix, args.workers)
            print(f"warm-up: {time.perf_counter() - started:.0f}s")
            print(
                f"load: {clients} clients for {duration:.0f}s against gunicorn --workers {args.workers} "
                f"on 127.0.0.1:{port} ({os.cpu_count()} CPUs)"
            )
            results, elapsed = run_clients(port, mix, clients, duration, args.seed)
            table, bad = report(results, elapsed)
            print(table)
            if server.poll() is not None:
                print(f"gunicorn died during the run:\n{log.read_text()[-4000:]}", file=sys.stderr)
                return 1
            server_errors = [
                line for line in log.read_text().splitlines() if "Traceback" in line or "ERROR" in line
            ]
            if server_errors:
                print(f"server log has {len(server_errors)} error lines, first: {server_errors[0]}")
        finally:
            stop(server)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
