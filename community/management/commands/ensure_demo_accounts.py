"""Local demo accounts to try the community features, each with a generated password printed once.

- partner: a partner organization's staff member (group Partners) who submits project ideas at /projects/submit/;
- secretariat: an editor of the Secretariat group, who decides applications and approves project ideas;
- reviewer: a member of the Task force reviewers group, the first step of the project-idea workflow.

Never a fixed password (as ensure_local_admin). For development and demos only; production accounts are made
by the Secretariat in the admin (Settings > Users).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from community.access import PARTNERS, SECRETARIAT, TASK_FORCE_REVIEWERS

ACCOUNTS = [
    ("partner", PARTNERS, "submits project ideas at /projects/submit/"),
    ("secretariat", SECRETARIAT, "decides applications in the admin (Applications menu)"),
    ("reviewer", TASK_FORCE_REVIEWERS, "reviews project ideas in the admin (first workflow step)"),
]


class Command(BaseCommand):
    help = "Create the demo accounts partner, secretariat and reviewer with random passwords (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Give the existing accounts new passwords.")

    def handle(self, *args, reset: bool, **options):
        users = get_user_model()
        for username, group_name, purpose in ACCOUNTS:
            user = users.objects.filter(username=username).first()
            if user is not None and not reset:
                self.stdout.write(
                    f"Demo login '{username}' already exists ({purpose}); new password: "
                    ".venv/bin/python manage.py ensure_demo_accounts --reset"
                )
                continue
            password = secrets.token_urlsafe(12)
            if user is None:
                user = users.objects.create_user(username=username, password=password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo login: user '{username}', password '{password}' (shown only now): {purpose}."
                )
            )
