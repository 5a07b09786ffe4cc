"""Local development: debug on, a per-checkout generated secret key, loopback hosts only."""

import os
import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env_list

DEBUG = True


def _local_secret_key() -> str:
    """A random key kept under .data/ so sessions survive restarts; never a fixed key in the code."""
    path = BASE_DIR / ".data" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
