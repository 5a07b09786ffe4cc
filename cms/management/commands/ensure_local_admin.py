"""Create the local admin account with a generated password, printed once. Never a fixed password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser 'admin' with a random password (printed once); --reset makes a new password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--reset", action="store_true", help="Give the existing account a new random password."
        )

    def handle(self, *args, username: str, reset: bool, **options):
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        if user is not None and not reset:
            self.stdout.write(
                f"Admin login: user '{username}' already exists (its password was printed when it was created). "
                f"Forgot it? Run: .venv/bin/python manage.py ensure_local_admin --reset"
            )
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = users.objects.create_superuser(username=username, email="", password=password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: user '{username}', password '{password}' (shown only now).")
        )
