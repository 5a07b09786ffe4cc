"""prune_applications (retention of declined applications) and ensure_demo_accounts (demo logins)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from cms.membership import COMMUNITY_OF_PRACTICE_GROUP, task_force_group_name
from community.access import PARTNERS, SECRETARIAT, TASK_FORCE_REVIEWERS
from community.models import MembershipApplication, Status, TaskForceApplication

from .test_admin_review import membership_application, task_force_application

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def test_prune_deletes_only_applications_declined_long_enough_ago(
    community, django_capture_on_commit_callbacks, settings
):
    settings.COMMUNITY_DECLINED_RETENTION_DAYS = 90
    old = membership_application(community, status=Status.DECLINED, decided_at=days_ago(100))
    old_file = Path(old.declaration.path)
    log(instance=old, action="community.decline")
    recent = membership_application(
        community, organization_name="Recent", status=Status.DECLINED, decided_at=days_ago(10)
    )
    accepted = membership_application(
        community, organization_name="Kept", status=Status.ACCEPTED, decided_at=days_ago(400)
    )
    pending = membership_application(community, organization_name="Waiting", created_at=days_ago(400))
    old_task_force = task_force_application(community, status=Status.DECLINED, decided_at=days_ago(91))
    kept_task_force = task_force_application(
        community, email="b@example.org", status=Status.DECLINED, decided_at=days_ago(89)
    )
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_applications", stdout=out)
    assert "Deleted applications declined more than 90 days ago" in out.getvalue()
    assert "1 applications to join the Initiative, 1 task force applications" in out.getvalue()
    assert set(MembershipApplication.objects.values_list("pk", flat=True)) == {
        recent.pk,
        accepted.pk,
        pending.pk,
    }
    assert list(TaskForceApplication.objects.values_list("pk", flat=True)) == [kept_task_force.pk]
    assert not old_file.exists(), "the signed declaration is deleted with its application"
    assert Path(recent.declaration.path).exists()
    assert not ModelLogEntry.objects.filter(
        object_id=str(old.pk), content_type__model="membershipapplication"
    ).exists()
    assert old_task_force.pk not in TaskForceApplication.objects.values_list("pk", flat=True)


def test_prune_takes_a_number_of_days(community, django_capture_on_commit_callbacks):
    application = task_force_application(community, status=Status.DECLINED, decided_at=days_ago(5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_applications", "--days", "7", stdout=io.StringIO())
    assert TaskForceApplication.objects.filter(pk=application.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_applications", "--days", "3", stdout=io.StringIO())
    assert not TaskForceApplication.objects.filter(pk=application.pk).exists()
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("prune_applications", "--days", "-1")


def passwords(output: str) -> dict[str, str]:
    return dict(re.findall(r"Demo login: user '(\w+)', password '([^']+)'", output))


def test_demo_accounts_get_generated_passwords_shown_once(db):
    out = io.StringIO()
    call_command("ensure_demo_accounts", stdout=out)
    first = passwords(out.getvalue())
    assert set(first) == {"partner", "secretariat", "reviewer", "member"}
    assert len(set(first.values())) == 4 and all(len(p) >= 16 for p in first.values())
    groups = {
        name: [g.name for g in authenticate(username=name, password=pw).groups.all()]
        for name, pw in first.items()
    }
    assert groups == {
        "partner": [PARTNERS],
        "secretariat": [SECRETARIAT],
        "reviewer": [TASK_FORCE_REVIEWERS],
        "member": [COMMUNITY_OF_PRACTICE_GROUP],
    }
    assert "No task force page yet (run load_demo_content first)" in out.getvalue()
    out = io.StringIO()
    call_command("ensure_demo_accounts", stdout=out)
    assert passwords(out.getvalue()) == {}
    assert "already exists" in out.getvalue()
    out = io.StringIO()
    call_command("ensure_demo_accounts", "--reset", stdout=out)
    second = passwords(out.getvalue())
    assert second["partner"] != first["partner"]
    assert authenticate(username="partner", password=first["partner"]) is None
    assert authenticate(username="partner", password=second["partner"]) is not None


def test_the_demo_member_belongs_to_the_community_of_practice_and_the_first_task_force(community):
    out = io.StringIO()
    call_command("ensure_demo_accounts", stdout=out)
    member = authenticate(username="member", password=passwords(out.getvalue())["member"])
    assert sorted(member.groups.values_list("name", flat=True)) == [
        COMMUNITY_OF_PRACTICE_GROUP,
        task_force_group_name("A1"),
    ]
    assert "a member of two spaces: the Community of Practice and Task Force A1: NDCs" in out.getvalue()
