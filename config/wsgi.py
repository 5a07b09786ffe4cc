"""WSGI entry point for gunicorn. Production settings unless DJANGO_ENV or DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"config.settings.{os.environ.get('DJANGO_ENV', 'production')}"
)
# One model thread per web worker: a query is one short encode, and N workers x N threads on N cores made
# searches 13x slower under load (bench/results/load.md). Background workers and `reindex` keep every core.
os.environ.setdefault("EMBEDDING_THREADS", "1")

application = get_wsgi_application()
