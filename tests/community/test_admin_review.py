"""The Secretariat's inboxes in the real Wagtail admin: who sees them, Accept / Decline and what follows."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.models import Organization, Person, TaskForceMember, TaskForcePage
from community.models import MembershipApplication, Status, TaskForceApplication

from .conftest import make_user, pdf_bytes

pytestmark = pytest.mark.django_db

MEMBERSHIP_INDEX = "/admin/membership_applications/"
TASK_FORCE_INDEX = "/admin/task_force_applications/"


def membership_application(community, **fields) -> MembershipApplication:
    values = {
        "organization_name": "Lake Victoria Soil Stewards",
        "kind": "ngo",
        "country": community.kenya,
        "website": "https://stewards.example.org",
        "contact_name": "Achieng Wafula",
        "contact_email": "achieng@example.org",
        "motivation": "We train farmer groups.",
        "language": "en",
        **fields,
    }
    application = MembershipApplication(**values)
    application.declaration.save("d.pdf", ContentFile(pdf_bytes()), save=False)
    application.save()
    return application


def task_force_application(community, **fields) -> TaskForceApplication:
    values = {
        "task_force": community.task_force,
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organization": community.member,
        "role": "team_member",
        "motivation": "I measure soil carbon.",
        **fields,
    }
    return TaskForceApplication.objects.create(**values)


def edit_url(application) -> str:
    name = (
        "membership_applications"
        if isinstance(application, MembershipApplication)
        else "task_force_applications"
    )
    return reverse(f"{name}:edit", args=[application.pk])


def decide(client, post, application, decision: str, **fields):
    data = {"status": application.status, "note": application.note, "decision": decision}
    if isinstance(application, MembershipApplication):
        data.update({"membership": "member", "year_joined": 2026})
    else:
        data.update(
            {
                "organization": application.organization_id or "",
                "role": application.role,
                "world_region": application.world_region_id or "",
            }
        )
    data.update(fields)
    return post(edit_url(application), data, using=client)


# --- Who sees the applications --------------------------------------------------------------------------------


def test_the_secretariat_sees_the_inboxes_and_the_dashboard_counts(client, community, secretariat):
    membership_application(community)
    task_force_application(community)
    client.force_login(secretariat)
    dashboard = client.get("/admin/").content.decode()
    assert "Applications waiting for a decision" in dashboard
    assert MEMBERSHIP_INDEX in dashboard and TASK_FORCE_INDEX in dashboard
    listing = client.get(MEMBERSHIP_INDEX)
    assert listing.status_code == 200 and "Lake Victoria Soil Stewards" in listing.content.decode()
    assert "Amina Diallo" in client.get(TASK_FORCE_INDEX).content.decode()
    # Filtered by status, as an inbox.
    assert "Amina Diallo" not in client.get(TASK_FORCE_INDEX + "?status=declined").content.decode()
    assert "Amina Diallo" in client.get(TASK_FORCE_INDEX + "?status=received").content.decode()
    # No "add" screen: applications come from the public forms.
    assert client.get(MEMBERSHIP_INDEX + "new/").status_code == 404


@pytest.mark.parametrize("who", ["editor", "reviewer", "moderator"])
def test_other_admin_users_neither_see_nor_decide_applications(client, community, editor, reviewer, who):
    users = {"editor": editor, "reviewer": reviewer, "moderator": make_user("mod", "Moderators")}
    application = task_force_application(community)
    client.force_login(users[who])
    dashboard = client.get("/admin/").content.decode()
    assert "Applications waiting for a decision" not in dashboard and TASK_FORCE_INDEX not in dashboard
    assert client.get(TASK_FORCE_INDEX).status_code in (302, 403)
    assert client.get(MEMBERSHIP_INDEX).status_code in (302, 403)
    response = client.post(edit_url(application), {"status": "received", "note": "", "decision": "accept"})
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    assert community.task_force.members.count() == 1


def test_the_declaration_downloads_only_for_the_secretariat(client, community, secretariat, editor):
    application = membership_application(community)
    url = reverse("community_declaration", args=[application.pk])
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert url in client.get(edit_url(application)).content.decode()


# --- Join the Initiative ---------------------------------------------------------------------------------------


def test_saving_moves_the_status_and_keeps_the_note(client, post, community, secretariat):
    application = membership_application(community)
    client.force_login(secretariat)
    response = decide(client, post, application, "", status="under_review", note="Asked for the statutes.")
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.note) == (Status.UNDER_REVIEW, "Asked for the statutes.")
    assert mail.outbox == []


def test_accepting_creates_the_directory_organization_and_tells_the_applicant(
    client, post, community, secretariat
):
    application = membership_application(community)
    client.force_login(secretariat)
    response = decide(client, post, application, "accept", membership="member", year_joined=2026)
    assert response.status_code == 302
    application.refresh_from_db()
    organization = Organization.objects.get(name="Lake Victoria Soil Stewards")
    assert (organization.kind, organization.country, organization.membership, organization.year_joined) == (
        "ngo",
        community.kenya,
        "member",
        2026,
    )
    assert organization.website == "https://stewards.example.org"
    assert (application.status, application.organization, application.decided_by) == (
        Status.ACCEPTED,
        organization,
        secretariat,
    )
    assert [m.to for m in mail.outbox] == [["achieng@example.org"]]
    assert "joined the 4 per 1000 Initiative as a member" in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="community.accept", object_id=str(application.pk)).exists()
    # The decision is final: the form shows it read-only and a second decision is refused.
    page = client.get(edit_url(application)).content.decode()
    assert 'value="accept"' not in page
    response = decide(client, post, application, "decline")
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_accepting_updates_an_organization_of_the_same_name(client, post, community, secretariat):
    application = membership_application(community, organization_name="volta inputs ltd", kind="company")
    client.force_login(secretariat)
    decide(client, post, application, "accept", membership="partner", year_joined=2025)
    partner = Organization.objects.get(pk=community.partner.pk)
    assert (partner.membership, partner.year_joined, partner.name) == ("partner", 2025, "Volta Inputs Ltd")
    assert Organization.objects.count() == 2


def test_a_company_cannot_be_accepted_as_member(client, post, community, secretariat):
    application = membership_application(community, kind="company", organization_name="Carbon Co")
    client.force_login(secretariat)
    response = decide(client, post, application, "accept", membership="member")
    assert response.status_code == 200
    assert "a company can only be a partner" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    assert not Organization.objects.filter(name="Carbon Co").exists()
    assert mail.outbox == []


def test_declining_tells_the_applicant_without_the_note(client, post, community, secretariat):
    application = membership_application(community, note="Internal: looks promotional.")
    client.force_login(secretariat)
    decide(client, post, application, "decline")
    application.refresh_from_db()
    assert application.status == Status.DECLINED and application.decided_at is not None
    assert [m.to for m in mail.outbox] == [["achieng@example.org"]]
    assert "cannot accept it" in mail.outbox[0].body
    assert "promotional" not in mail.outbox[0].body
    assert not Organization.objects.filter(name="Lake Victoria Soil Stewards").exists()


# --- Task forces -----------------------------------------------------------------------------------------------


def test_approving_adds_the_person_to_the_published_roster(client, post, community, secretariat):
    application = task_force_application(
        community, role="regional_representative", world_region=community.africa
    )
    client.force_login(secretariat)
    response = decide(client, post, application, "accept")
    assert response.status_code == 302
    application.refresh_from_db()
    person = Person.objects.get(name="Amina Diallo")
    assert (application.status, application.person, person.organization) == (
        Status.ACCEPTED,
        person,
        community.member,
    )
    task_force = TaskForcePage.objects.get(pk=community.task_force.pk)
    assert not task_force.has_unpublished_changes
    assert [(m.person.name, m.role) for m in task_force.members.all()] == [
        ("Wanjiru Kamau", "leader"),
        ("Amina Diallo", "regional_representative"),
    ]
    html = client.get(task_force.url).content.decode()
    assert "Amina Diallo" in html and "Regional Representative" in html
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert task_force.full_url in mail.outbox[0].body


def test_approving_keeps_an_editors_pending_draft_and_adds_the_member_to_it(
    client, post, community, secretariat
):
    task_force = TaskForcePage.objects.get(pk=community.task_force.pk)
    task_force.purpose = "Draft purpose, not yet published."
    task_force.save_revision()
    application = task_force_application(community)
    client.force_login(secretariat)
    decide(client, post, application, "accept")
    task_force = TaskForcePage.objects.get(pk=community.task_force.pk)
    assert task_force.purpose == "Bring soil carbon into NDCs.", "the draft was not published"
    assert "Amina Diallo" in [m.person.name for m in task_force.members.all()]
    assert task_force.has_unpublished_changes
    draft = task_force.get_latest_revision().as_object()
    assert draft.purpose == "Draft purpose, not yet published."
    assert "Amina Diallo" in [m.person.name for m in draft.members.all()]


def test_approval_rechecks_the_two_leaders(client, post, community, secretariat):
    application = task_force_application(community, role="leader")
    second = Person.objects.create(name="Yao N'Guessan", organization=community.member)
    task_force = TaskForcePage.objects.get(pk=community.task_force.pk)
    task_force.members.add(TaskForceMember(person=second, role="leader"))
    task_force.save_revision().publish()
    client.force_login(secretariat)
    response = decide(client, post, application, "accept")
    assert response.status_code == 200
    assert "already has two leaders" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    assert TaskForceMember.objects.filter(page=task_force, role="leader").count() == 2
    assert mail.outbox == []
    # The Secretariat may instead approve the person as a team member.
    decide(client, post, application, "accept", role="team_member")
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert TaskForceMember.objects.get(page=task_force, person__name="Amina Diallo").role == "team_member"


def test_a_leader_needs_an_organization_at_approval_too(client, post, community, secretariat):
    application = task_force_application(community, role="leader", organization=None)
    client.force_login(secretariat)
    response = decide(client, post, application, "accept")
    assert response.status_code == 200
    assert "Only staff of a member or partner organization" in response.content.decode()
    # Linking the applicant's organization from the directory makes it valid.
    decide(client, post, application, "accept", organization=community.partner.pk)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.person.organization == community.partner


def test_declining_leaves_the_roster_alone(client, post, community, secretariat):
    application = task_force_application(community)
    client.force_login(secretariat)
    decide(client, post, application, "decline")
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert community.task_force.members.count() == 1
    assert not Person.objects.filter(name="Amina Diallo").exists()
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]


def test_an_email_server_that_is_down_loses_no_application(
    client, post, community, secretariat, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    application = task_force_application(community)
    client.force_login(secretariat)
    response = decide(client, post, application, "accept")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert "Could not send the 'task_force_accepted' email" in caplog.text
    assert "amina@example.org" not in caplog.text
