"""The demo's sample applications: every inbox shows pending and decided work, all labelled sample data,
loaded idempotently with the rest of the demo (which is loaded here, twice, and rolled back afterwards); the
second load leaves the sample members' spaces (tests/community/test_demo_spaces.py) as they were too."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, WorkflowState

from cms.models import (
    ProjectPage,
    SpaceMeetingPage,
    SpacePage,
    SpacePostPage,
    SpaceReply,
    TaskForceMember,
)
from community.access import SECRETARIAT_APPROVAL, TASK_FORCE_REVIEW
from community.models import MembershipApplication, ProjectIdeaSubmission, Status, TaskForceApplication

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def snapshot() -> dict:
    return {
        "membership": sorted(MembershipApplication.objects.values_list("pk", "status")),
        "task_force": sorted(TaskForceApplication.objects.values_list("pk", "status")),
        "ideas": sorted(ProjectIdeaSubmission.objects.values_list("pk", "page_id")),
        "workflow_states": WorkflowState.objects.count(),
        "spaces": sorted(SpacePage.objects.values_list("pk", "collection_id", "group_id")),
        "space_pages": Page.objects.type(SpacePostPage, SpaceMeetingPage).count(),
        "replies": SpaceReply.objects.count(),
        "documents": sorted(get_document_model().objects.values_list("pk", "file_hash")),
        "sample_members": get_user_model().objects.filter(username__startswith="sample-member-").count(),
        "revisions": Revision.objects.count(),
    }


@pytest.fixture(autouse=True)
def _private_root():
    """The demo is loaded once for the module: keep the test settings' private root for every test here."""


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--skip-index", stdout=io.StringIO())
        first = snapshot()
        out = io.StringIO()
        call_command("load_demo_content", "--skip-index", stdout=out)
        yield first, snapshot(), out.getvalue()
        transaction.set_rollback(True)


def test_every_inbox_has_pending_and_decided_samples(demo):
    for model in (MembershipApplication, TaskForceApplication):
        statuses = set(model.objects.values_list("status", flat=True))
        assert statuses == {Status.RECEIVED, Status.UNDER_REVIEW, Status.ACCEPTED, Status.DECLINED}, model
    tasks = {
        ProjectPage.objects.get(pk=s.page_id).current_workflow_task.name
        for s in ProjectIdeaSubmission.objects.all()
    }
    assert tasks == {TASK_FORCE_REVIEW, SECRETARIAT_APPROVAL}
    assert not ProjectPage.objects.filter(
        pk__in=ProjectIdeaSubmission.objects.values("page_id"), live=True
    ).exists()


def test_samples_are_labelled_and_decisions_match_the_directory(demo):
    for application in MembershipApplication.objects.all():
        assert application.motivation.startswith("Sample data.") and "Sample data" in application.note
        assert application.declaration.read(5) == b"%PDF-"
        if application.status == Status.ACCEPTED:
            organization = application.organization
            assert (organization.membership, organization.year_joined) == (
                application.membership,
                application.year_joined,
            )
    for application in TaskForceApplication.objects.all():
        assert application.motivation.startswith("Sample data.")
        if application.status == Status.ACCEPTED:
            assert TaskForceMember.objects.filter(
                page=application.task_force, person=application.person
            ).exists()
        else:
            assert "(sample)" in application.name
    for submission in ProjectIdeaSubmission.objects.select_related("page"):
        assert "(sample)" in submission.page.title and "(sample)" in submission.contact_name


def test_a_second_load_writes_nothing(demo):
    first, second, output = demo
    assert len(first["spaces"]) == 25 and first["space_pages"] == 75 and first["sample_members"] == 6
    assert first == second
    assert "nothing changed" in output
