"""Local demo accounts to try the community features, each with a generated password printed once.

- partner: a partner organization's staff member (group Partners) who submits project ideas at /projects/submit/;
- secretariat: an editor of the Secretariat group, who decides applications and approves project ideas;
- reviewer: a member of the Task force reviewers group, the first step of the project-idea workflow;
- member: a member of two spaces (cms/membership.py): the Community of Practice's and the first task force's
  (the demo's first, in English, once load_demo_content has made it; without it, the Community of Practice's
  only, said so); the printout names the spaces (load_demo_content makes them, with sample posts).

Never a fixed password (as ensure_local_admin). For development and demos only; production accounts are made
by the Secretariat in the admin (Settings > Users).
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from cms.membership import community_of_practice_group, task_force_group
from cms.models import HomePage, SpacePage, TaskForcePage
from community.access import PARTNERS, SECRETARIAT, TASK_FORCE_REVIEWERS

ACCOUNTS = [
    ("partner", PARTNERS, "submits project ideas at /projects/submit/"),
    ("secretariat", SECRETARIAT, "decides applications in the admin (Applications menu)"),
    ("reviewer", TASK_FORCE_REVIEWERS, "reviews project ideas in the admin (first workflow step)"),
]
MEMBER = "member"
MEMBER_PURPOSE = "a member of two spaces: {spaces}; their account page is /accounts/"


def _space_name(parent) -> str:
    """The space under `parent` by its title (load_demo_content makes one per task force and the Community of
    Practice's under the home page), else whose group it is."""
    space = SpacePage.objects.child_of(parent).first() if parent is not None else None
    if space is not None:
        return space.title
    return parent.title if isinstance(parent, TaskForcePage) else "the Community of Practice"


class Command(BaseCommand):
    help = "Create the demo accounts partner, secretariat, reviewer and member with random passwords (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Give the existing accounts new passwords.")

    def handle(self, *args, reset: bool, **options):
        for username, group_name, purpose in ACCOUNTS:
            self.ensure(username, [Group.objects.get(name=group_name)], purpose, reset=reset)
        groups = [community_of_practice_group()]
        spaces = [_space_name(HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first())]
        task_force = (
            TaskForcePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("path")
            .first()
        )
        if task_force is None:
            self.stdout.write(
                self.style.WARNING(
                    "No task force page yet (run load_demo_content first): the demo login 'member' joins the "
                    "Community of Practice's group only; run ensure_demo_accounts again after loading the demo."
                )
            )
        else:
            groups.append(task_force_group(task_force))
            spaces.append(_space_name(task_force))
        self.ensure(MEMBER, groups, MEMBER_PURPOSE.format(spaces=" and ".join(spaces)), reset=reset)

    def ensure(self, username: str, groups: list[Group], purpose: str, *, reset: bool) -> None:
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        if user is not None:
            user.groups.add(*groups)  # a space added since the last run (e.g. the demo loaded later)
            if not reset:
                self.stdout.write(
                    f"Demo login '{username}' already exists ({purpose}); new password: "
                    ".venv/bin/python manage.py ensure_demo_accounts --reset"
                )
                return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = users.objects.create_user(username=username, password=password)
            user.groups.add(*groups)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: user '{username}', password '{password}' (shown only now): {purpose}."
            )
        )
