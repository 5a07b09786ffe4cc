"""Load test: gunicorn with the production settings against the dev database, many concurrent clients.

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--workers 2] [--seed N]
    .venv/bin/python bench/load.py --compare-caches [--clients 50] [--duration 60]
    .venv/bin/python bench/load.py --url http://127.0.0.1:8080 [--clients 50] [--duration 60]

Needs the dev database with the demo content and its index (`make setup`; EMBEDDED_POSTGRES_DIR or DATABASE_URL
say where). Runs on loopback only and is bounded in clients and time. Steps: collectstatic into a temporary
STATIC_ROOT, start the documented gunicorn command (README, "Deploying to production") with DJANGO_ENV=production
and throwaway secrets, discover page URLs through the API, warm every worker up (the embedding model loads on a
worker's first search), then run the clients over a realistic mix of requests for --duration seconds. Prints
requests per second, p50/p95/p99 latency, errors and 5xx per endpoint class and overall; exits 1 if any request
got a 5xx or failed.

The mix repeats itself as real search traffic does: popular queries drawn with a Zipf distribution (the first of
QUERIES most often), a share of unique queries (UNIQUE_SHARE: never seen before, so never cached), filters and a
second page now and then, and suggestions typed letter by letter (each prefix from the third letter asked in
turn, then the search page for the whole query). Every client draws its own stream from --seed, so two runs with
the same seed ask the same requests in the same order. Before the measured seconds, --steady seconds (20) of the
same mix from another seed run unmeasured: caches hold what a site that has been up a while holds, not the
requests about to be measured.

--url aims the clients at a server already running (the stack's nginx, say) instead of starting gunicorn.
--compare-caches runs the same mix twice against fresh gunicorns: with the caches (page cache, search result
cache, query-vector cache) as configured, then with all three off (PAGE_CACHE_SECONDS=0,
SEARCH_RESULT_CACHE_SECONDS=0, EMBEDDING_QUERY_CACHE_SIZE=0), and prints last `cached / uncached req/s = X`.
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
# Words added to a popular query to make a unique one (a visitor's own wording): real words, so that the search
# does the same work as for a real query (no spelling correction of nonsense).
UNIQUE_WORDS = [
    "soil", "carbon", "farmers", "africa", "asia", "europe", "latin", "america", "policy", "finance", "water",
    "drought", "grazing", "forest", "trees", "compost", "yield", "nitrogen", "methane", "rice", "wheat", "maize",
    "pasture", "erosion", "terraces", "mapping", "monitoring", "training", "women", "youth", "markets", "credits",
    "restoration", "wetlands", "peat", "mangroves", "biochar", "manure", "legumes", "rotation", "tillage",
    "irrigation", "salinity", "health", "indicators", "sampling", "laboratory", "satellite", "sensing", "climate",
]  # fmt: skip
UNIQUE_SHARE = 0.15  # of searches: a query nobody asked before
ZIPF_EXPONENT = 1.0  # popularity of the i-th query of QUERIES: 1 / i ** ZIPF_EXPONENT
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

    def __init__(self, target: Target, timeout: float = 120):
        self.host_header = target.host_header
        self.connection = http.client.HTTPConnection(target.host, target.port, timeout=timeout)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.connection.request(
                "GET", path, headers={"Host": self.host_header, "Accept-Encoding": "gzip"}
            )
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


class Target:
    """Where the clients send their requests: host, port and the Host header."""

    def __init__(self, host: str, port: int, host_header: str = "localhost") -> None:
        self.host, self.port, self.host_header = host, port, host_header

    @classmethod
    def from_url(cls, url: str) -> Target:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            sys.exit(f"--url takes http://host[:port] (plain HTTP on loopback), not {url!r}")
        return cls(parts.hostname, parts.port or 80, parts.netloc)

    def __str__(self) -> str:
        return f"{self.host}:{self.port} (Host: {self.host_header})"


def wait_until_serving(target: Target, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            Client(target, timeout=10).get("/api/v2/pages/?limit=1")
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer within {timeout}s:\n{log.read_text()[-4000:]}")


def discover(target: Target) -> dict[str, list]:
    """Page paths and ids by type, through the API (as a front end would)."""
    client = Client(target)
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


ZIPF_WEIGHTS = [1 / rank**ZIPF_EXPONENT for rank in range(1, len(QUERIES) + 1)]
# Most searches have no filter (a visitor ticks one after seeing the results); the filters used are Zipf-distributed.
NO_FILTER_SHARE = 0.75
FILTER_WEIGHTS = [NO_FILTER_SHARE] + [
    (1 - NO_FILTER_SHARE)
    * (1 / rank**ZIPF_EXPONENT)
    / sum(1 / r**ZIPF_EXPONENT for r in range(1, len(SEARCH_FILTERS)))
    for rank in range(1, len(SEARCH_FILTERS))
]
TYPED_PER_SEQUENCE = 12  # about how many requests one typed query makes (its suggestions, then the search)


def query_of(rng: random.Random) -> str:
    """A popular query (Zipf), or now and then a unique one (a popular one in the visitor's own words)."""
    popular = rng.choices(QUERIES, ZIPF_WEIGHTS)[0]
    if rng.random() < UNIQUE_SHARE:
        return f"{popular} {' '.join(rng.sample(UNIQUE_WORDS, 3))}"
    return popular


def search_params(rng: random.Random) -> dict:
    params = {"q": query_of(rng), **rng.choices(SEARCH_FILTERS, FILTER_WEIGHTS)[0]}
    if rng.random() < 0.1 and len(params) == 1:  # the next page of a search without filters: it has one
        params["page"] = "2"
    return params


def request_mix(pages: dict[str, list]) -> list[tuple[str, float, object]]:
    """(endpoint class, share of the requests, factory): each factory gives a list of (class, path), one request,
    or a typing sequence of several."""
    with_pages = [name for name in PAGE_TYPES if pages[name]]

    def search_page(rng):
        return [("search page", f"/search/?{urlencode(search_params(rng))}")]

    def api_search(rng):
        return [("API search", f"/api/search/?{urlencode(search_params(rng))}")]

    def typing(rng):
        """A visitor typing a query in the search box: the autocomplete asks at every letter from the third
        (the site's /search/suggest/), then the search page is opened for the whole query."""
        query = query_of(rng)
        steps = [
            ("suggest (typed)", f"/search/suggest/?{urlencode({'q': query[:end]})}")
            for end in range(3, len(query) + 1)
        ]
        return [*steps[: TYPED_PER_SEQUENCE * 2], ("search page", f"/search/?{urlencode({'q': query})}")]

    def api_suggest(rng):
        query = query_of(rng)
        return [
            (
                "API suggest",
                f"/api/search/suggest/?{urlencode({'q': query[: rng.randint(3, max(3, len(query)))]})}",
            )
        ]

    def page_view(rng):
        return [("page view", rng.choice(pages[rng.choice(with_pages)])[1])]

    def listing(rng):
        page_type = PAGE_TYPES[rng.choice(list(PAGE_TYPES))]
        params = {"type": page_type, "fields": LISTING_FIELDS[page_type], "limit": rng.choice([10, 20, 50])}
        if rng.random() < 0.3:
            params["order"] = "-first_published_at"
        return [("API listing", f"/api/v2/pages/?{urlencode(params)}")]

    def related(rng):
        name = rng.choice(with_pages)
        page_id = rng.choice(pages[name])[0]
        kind = rng.choice(["project", "resource", "webinar"])
        return [("API related", f"/api/pages/{page_id}/related/?{urlencode({'type': kind})}")]

    # Shares of the requests; a typing sequence is about TYPED_PER_SEQUENCE requests, so it is drawn that much
    # less often for its requests to make about 20% of the load.
    return [
        ("search page", 0.15, search_page),
        ("API search", 0.15, api_search),
        ("typing", 0.20 / TYPED_PER_SEQUENCE, typing),
        ("API suggest", 0.05, api_suggest),
        ("page view", 0.25, page_view),
        ("API listing", 0.10, listing),
        ("API related", 0.10, related),
    ]


def run_clients(target: Target, mix, clients: int, duration: float, seed: int) -> tuple[dict, float]:
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
        client = Client(target)
        local: list[tuple[str, float, int]] = []
        pending: list[tuple[str, str]] = []
        while time.monotonic() < deadline:
            if not pending:
                pending = factories[rng.choices(classes, weights)[0]](rng)
            name, path = pending.pop(0)
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


def warm_up(target: Target, pages: dict[str, list], workers: int) -> None:
    """Every worker loads the model and its templates before the clock starts, with requests the mix never makes
    (unique queries), so the caches start empty of what is measured."""
    paths = []
    for i in range(4 * workers):
        words = " ".join(UNIQUE_WORDS[i : i + 3])
        paths += [
            f"/api/search/?{urlencode({'q': f'warm up {words}'})}",
            f"/search/?{urlencode({'q': words})}",
        ]
        paths.append(f"/api/pages/{rng_free_page(pages, i)[0]}/related/")
        paths.append(rng_free_page(pages, i)[1])
    threads = [
        threading.Thread(target=lambda chunk=chunk: [Client(target).get(p) for p in chunk])
        for chunk in (paths[i :: 2 * workers] for i in range(2 * workers))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)


def rng_free_page(pages: dict[str, list], i: int) -> tuple[int, str]:
    everything = [page for name in PAGE_TYPES for page in pages[name]]
    return everything[i % len(everything)]


def load_once(target: Target, args, clients: int, duration: float, label: str) -> tuple[dict, float, int]:
    pages = discover(target)
    print("pages: " + ", ".join(f"{len(v)} {k}" for k, v in pages.items()))
    if not any(pages.values()):
        sys.exit("no project, resource or webinar page found: load the demo content (make setup)")
    started = time.perf_counter()
    warm_up(target, pages, args.workers)
    print(f"warm-up: {time.perf_counter() - started:.0f}s")
    if args.steady > 0:
        # A site that has been up a while: the same mix drawn from another seed (so not the requests measured),
        # unmeasured, with the caches (if any) filling as they would.
        run_clients(target, request_mix(pages), clients, args.steady, args.seed + 1_000_000)
        print(f"steady state: {args.steady:.0f}s of the mix from seed {args.seed + 1_000_000}, not measured")
    print(f"load ({label}): {clients} clients for {duration:.0f}s against {target} ({os.cpu_count()} CPUs)")
    results, elapsed = run_clients(target, request_mix(pages), clients, duration, args.seed)
    table, bad = report(results, elapsed)
    print(table)
    return results, elapsed, bad


CACHES_OFF = {
    "PAGE_CACHE_SECONDS": "0",
    "SEARCH_RESULT_CACHE_SECONDS": "0",
    "EMBEDDING_QUERY_CACHE_SIZE": "0",
}


def load_against_gunicorn(args, clients: int, duration: float, label: str, extra_env: dict) -> tuple:
    """collectstatic, a fresh gunicorn (with its own empty shared cache), the load, then gunicorn stopped."""
    db_url, _keep_server = database_url()
    with tempfile.TemporaryDirectory(prefix="soilhub-load-") as tmp:
        tmp_path = Path(tmp)
        env = {**server_env(db_url, tmp_path / "static"), **extra_env}
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
        target = Target("127.0.0.1", port)
        server = start_gunicorn(env, port, args.workers, log)
        try:
            wait_until_serving(target, server, log)
            outcome = load_once(target, args, clients, duration, label)
            if server.poll() is not None:
                print(f"gunicorn died during the run:\n{log.read_text()[-4000:]}", file=sys.stderr)
                return outcome[0], outcome[1], outcome[2] + 1
            server_errors = [
                line for line in log.read_text().splitlines() if "Traceback" in line or "ERROR" in line
            ]
            if server_errors:
                print(f"server log has {len(server_errors)} error lines, first: {server_errors[0]}")
            return outcome
        finally:
            stop(server)


def summary(results: dict, elapsed: float) -> tuple[float, float, int]:
    """Requests per second, p95 ms and errors (5xx or no answer) over every class."""
    rows = [row for name in results for row in results[name]]
    latencies = [latency * 1000 for latency, _ in rows] or [0.0]
    errors = sum(1 for _, status in rows if status < 0 or status >= 500)
    return len(rows) / elapsed, percentile(latencies, 0.95), errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients (1-200).")
    parser.add_argument("--duration", type=float, default=60, help="Seconds of load (1-600).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
    parser.add_argument("--seed", type=int, default=4_1000)
    parser.add_argument(
        "--steady",
        type=float,
        default=20,
        help="Seconds of the mix from another seed before measuring (caches fill as on a site up a while); 0: none.",
    )
    parser.add_argument("--url", help="A server already running (http://host:port): no gunicorn is started.")
    parser.add_argument(
        "--compare-caches",
        action="store_true",
        help="The same mix with the caches on, then off (fresh gunicorns): prints cached / uncached req/s.",
    )
    args = parser.parse_args()
    clients = max(1, min(args.clients, 200))
    duration = max(1.0, min(args.duration, 600.0))
    if args.url and args.compare_caches:
        sys.exit(
            "--compare-caches starts its own gunicorns (caches on, then off): it cannot restart --url's server"
        )

    print(f"Machine: {describe()}")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.url:
        _results, _elapsed, bad = load_once(Target.from_url(args.url), args, clients, duration, args.url)
    elif args.compare_caches:
        cached = load_against_gunicorn(args, clients, duration, "caches on", {})
        uncached = load_against_gunicorn(
            args,
            clients,
            duration,
            "caches off: " + " ".join(f"{k}={v}" for k, v in CACHES_OFF.items()),
            CACHES_OFF,
        )
        bad = cached[2] + uncached[2]
    else:
        _results, _elapsed, bad = load_against_gunicorn(args, clients, duration, "as configured", {})
    print(f"load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.compare_caches:
        on, off = summary(*cached[:2]), summary(*uncached[:2])
        print(f"caches on: {on[0]:.1f} req/s, p95 {on[1]:.0f} ms, {on[2]} errors")
        print(f"caches off: {off[0]:.1f} req/s, p95 {off[1]:.0f} ms, {off[2]} errors")
        print(f"cached / uncached req/s = {on[0] / off[0]:.2f}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
