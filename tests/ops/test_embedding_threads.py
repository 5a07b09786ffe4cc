"""The model's thread count is a setting; the web server entry point runs one thread per worker (several
workers each encoding on every core oversubscribe the machine), while other processes keep torch's default."""

from __future__ import annotations

import subprocess
import sys

import torch
from django.test import override_settings

from knowledge.embeddings import get_embedder

from .servers import ROOT, child_env

PROBE = """
import torch
default = torch.get_num_threads()
{setup}
from django.conf import settings
from knowledge.embeddings import get_embedder
get_embedder()
print(settings.EMBEDDING_THREADS, torch.get_num_threads(), default)
"""


def probe(setup: str) -> tuple[int, int, int]:
    """(EMBEDDING_THREADS, torch threads once the model is loaded, torch's default) in a fresh process."""
    env = child_env(DJANGO_SETTINGS_MODULE="config.settings.test")
    env.pop("EMBEDDING_THREADS", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    setting, used, default = (int(value) for value in result.stdout.split()[-3:])
    return setting, used, default


def test_embedding_threads_setting_limits_the_model():
    threads = torch.get_num_threads()
    get_embedder.cache_clear()
    try:
        with override_settings(EMBEDDING_THREADS=1):
            embedder = get_embedder()
            assert torch.get_num_threads() == 1
            assert embedder.embed_query("cover crops").shape == (embedder.dimension,)
    finally:
        torch.set_num_threads(threads)
        get_embedder.cache_clear()


def test_web_entry_point_runs_the_model_on_one_thread():
    setting, used, default = probe("import config.wsgi  # the gunicorn entry point")
    assert (setting, used) == (1, 1)


def test_other_processes_keep_every_core():
    setting, used, default = probe("import django; django.setup()  # manage.py db_worker, reindex")
    assert setting == 0 and used == default
