"""Hybrid search reads its keyword candidates on a helper thread (its own connection) while the vector candidates
are read (SEARCH_PARALLEL_RETRIEVAL): the ranking must be the very one of the sequential path.

The helper's connection sees only committed rows, so the parallel path runs only outside a transaction: here in a
separate process on a committed copy of the test database (tests/conftest.py copy_database), with the real model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search import retrieval

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, threading
import django
django.setup()
from django.test import override_settings
from cms.models import ProjectPage, ResourcePage
from knowledge.sync import sync_page
from search import retrieval, service
from tests.conftest import SiteTree, add_page

tree = SiteTree()
texts = [
    (ProjectPage, tree.projects, "Zai pits in Burkina Faso", "Zai pits gather rain water for sorghum."),
    (ProjectPage, tree.projects, "Cover crops in Kenya", "Cowpea between maize harvests keeps soil covered."),
    (ResourcePage, tree.resources, "Measuring soil organic carbon", "Sampling, bulk density and carbon stocks."),
    (ResourcePage, tree.resources, "Biochar field trials", "Biochar and compost raise soil carbon in sandy soils."),
]
for model, parent, title, summary in texts:
    extra = {"year": 2024} if model is ResourcePage else {}
    sync_page(add_page(parent, model, title=title, summary=summary, **extra).pk)

threads = []
original = retrieval.keyword_rows
def keyword_rows(*args):
    threads.append(threading.current_thread().name)
    return original(*args)
retrieval.keyword_rows = keyword_rows

out = {}
for parallel in (False, True):
    threads.clear()
    with override_settings(SEARCH_PARALLEL_RETRIEVAL=parallel):
        runs = [
            [(r.source_id, r.score, [p.chunk_id for p in r.passages]) for r in service.search(
                service.SearchQuery(q, facets=False)).results]
            for q in ("soil carbon", "rain water for sorghum", '"soil organic carbon" -biochar', "kenya")
        ]
    out[str(parallel)] = {"results": runs, "threads": sorted(set(threads))}
print("RESULT " + json.dumps(out))
"""


@pytest.mark.slow
def test_parallel_retrieval_ranks_exactly_as_the_sequential_path(copy_database):
    url, _, _ = copy_database
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "LOG_LEVEL": "WARNING",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout[-3000:] + done.stderr[-3000:]
    out = json.loads(lines[0].removeprefix("RESULT "))
    sequential, parallel = out["False"], out["True"]
    assert sequential["threads"] == ["MainThread"]
    assert parallel["threads"] == ["search-retrieval_0"]  # the keyword list came from the helper thread
    assert all(sequential["results"]), sequential["results"]  # every query finds something
    assert parallel["results"] == sequential["results"]


@pytest.mark.django_db
def test_inside_a_transaction_the_search_stays_on_its_own_connection(settings):
    settings.SEARCH_PARALLEL_RETRIEVAL = True
    assert not retrieval.parallel_allowed()  # a helper connection would not see this transaction's rows
