"""<task force page>/join/ and the form on the task force page: the rules, each reported next to its field."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from cms.models import Organization, Person, TaskForceMember
from community.models import Status, TaskForceApplication
from tests.conftest import add_page

from .test_join_initiative import field_errors

pytestmark = pytest.mark.django_db


def join_url(community) -> str:
    return community.task_force.url + "join/"


def form_data(community, **overrides) -> dict:
    data = {
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organization": community.member.pk,
        "organization_name": "",
        "role": "team_member",
        "world_region": "",
        "motivation": "I measure soil carbon in Sahel farms.",
    }
    data.update(overrides)
    return data


def test_the_task_force_page_carries_the_form_and_join_has_its_own_page(client, community):
    html = client.get(community.task_force.url).content.decode()
    form = re.search(r'<form class="community-form" method="post" action="([^"]+)".*?</form>', html, re.S)
    assert form and form.group(1) == join_url(community)
    for name in ("name", "email", "organization", "organization_name", "role", "world_region", "motivation"):
        assert f'name="{name}"' in form.group(0)
    assert "My organization is not listed" in form.group(0)
    assert "csrfmiddlewaretoken" in form.group(0)
    page = client.get(join_url(community))
    assert page.status_code == 200 and "Join Task Force A1: NDCs" in page.content.decode()


def test_an_application_is_received_and_the_secretariat_told(post, community):
    response = post(join_url(community), form_data(community))
    assert response.status_code == 302 and response["Location"] == join_url(community) + "received/"
    application = TaskForceApplication.objects.get()
    assert (application.task_force_id, application.name, application.role, application.status) == (
        community.task_force.pk,
        "Amina Diallo",
        "team_member",
        Status.RECEIVED,
    )
    assert application.organization == community.member
    assert [m.to for m in mail.outbox] == [["secretariat@localhost"]]
    assert f"/admin/task_force_applications/edit/{application.pk}/" in mail.outbox[0].body
    # Nothing reaches the roster before approval.
    assert community.task_force.members.count() == 1


def test_the_received_page_thanks_the_applicant(client, community):
    response = client.get(join_url(community) + "received/")
    assert response.status_code == 200
    assert "your application was received" in response.content.decode()


def test_a_person_without_a_listed_organization_joins_as_team_member(post, community):
    response = post(
        join_url(community), form_data(community, organization="", organization_name="Village soil club")
    )
    assert response.status_code == 302
    application = TaskForceApplication.objects.get()
    assert application.organization is None and application.organization_name == "Village soil club"


@pytest.mark.parametrize("role", ["leader", "regional_representative"])
def test_leading_roles_need_a_member_or_partner_organization(post, community, role):
    response = post(
        join_url(community),
        form_data(community, organization="", role=role, world_region=community.africa.pk),
    )
    assert response.status_code == 400
    assert field_errors(response, "role") == [
        "Only staff of a member or partner organization can lead a task force or represent a region. Choose "
        "your organization from the list, or apply as a team member."
    ]
    assert not TaskForceApplication.objects.exists()
    assert mail.outbox == []


def test_staff_of_a_partner_organization_may_lead(post, community):
    response = post(
        join_url(community), form_data(community, organization=community.partner.pk, role="leader")
    )
    assert response.status_code == 302
    assert TaskForceApplication.objects.get().role == "leader"


def test_a_regional_representative_names_the_world_region(post, community):
    response = post(join_url(community), form_data(community, role="regional_representative"))
    assert response.status_code == 400
    assert field_errors(response, "world_region") == ["Choose the world region you would represent."]
    response = post(
        join_url(community),
        form_data(community, role="regional_representative", world_region=community.africa.pk),
    )
    assert response.status_code == 302
    assert TaskForceApplication.objects.get().world_region == community.africa


def test_at_most_two_leaders_counting_the_approved_ones(post, community):
    # One leader on the roster: a second may apply, and pending leader applications do not fill the place.
    assert post(join_url(community), form_data(community, role="leader")).status_code == 302
    assert (
        post(join_url(community), form_data(community, role="leader", email="other@example.org")).status_code
        == 302
    )
    second = Person.objects.create(name="Yao N'Guessan", organization=community.member)
    task_force = community.task_force
    task_force.members.add(TaskForceMember(person=second, role="leader"))
    draft = task_force.save_revision()
    # A second leader only in an unpublished draft is not an approved one yet.
    response = post(join_url(community), form_data(community, role="leader", email="third@example.org"))
    assert response.status_code == 302
    draft.publish()
    response = post(join_url(community), form_data(community, role="leader", email="fourth@example.org"))
    assert response.status_code == 400
    assert field_errors(response, "role") == [
        "This task force already has two leaders. You can apply as a regional representative or a team member."
    ]
    assert TaskForceApplication.objects.filter(role="leader").count() == 3


def test_one_pending_application_per_email_and_task_force(post, community):
    assert post(join_url(community), form_data(community)).status_code == 302
    response = post(join_url(community), form_data(community, email="AMINA@example.org", role="leader"))
    assert response.status_code == 400
    assert field_errors(response, "email") == [
        "An application with this email address is already waiting for a decision for this task force."
    ]
    # Another task force: fine. The same one after a decision: fine.
    other_objective = add_page(
        community.objective.get_parent(),
        type(community.objective),
        title="Second objective",
        code="A2",
        short_label="Projects",
        description="Projects.",
    )
    other = add_page(
        other_objective,
        type(community.task_force),
        title="Task Force A2",
        slug="task-force",
        purpose="Projects.",
        how_to_join="<p>Form.</p>",
    )
    assert post(other.url + "join/", form_data(community)).status_code == 302
    TaskForceApplication.objects.filter(task_force=community.task_force).update(status=Status.DECLINED)
    assert post(join_url(community), form_data(community)).status_code == 302


def test_the_database_refuses_a_second_pending_application_too(community):
    TaskForceApplication.objects.create(
        task_force=community.task_force, name="A", email="a@example.org", role="team_member", motivation="x"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskForceApplication.objects.create(
            task_force=community.task_force,
            name="A",
            email="A@Example.org",
            role="team_member",
            motivation="y",
        )


def test_spam_in_the_honeypot_is_rejected(post, community):
    response = post(join_url(community), form_data(community, fax_number="buy now"))
    assert response.status_code == 400
    assert "looks as if a program filled it in" in response.content.decode()
    assert not TaskForceApplication.objects.exists()
    assert mail.outbox == []


def test_the_rate_limit_applies_to_task_force_applications(post, community, settings):
    settings.COMMUNITY_FORM_RATE = "1/m"
    assert post(join_url(community), form_data(community)).status_code == 302
    response = post(join_url(community), form_data(community, email="second@example.org"))
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 60
    assert TaskForceApplication.objects.count() == 1


def test_an_unpublished_task_force_takes_no_applications(client, community):
    community.task_force.unpublish()
    assert client.get(join_url(community)).status_code == 404
    assert client.post(join_url(community), form_data(community)).status_code == 404
    assert not TaskForceApplication.objects.exists()


def test_only_directory_organizations_are_offered(client, community):
    html = client.get(join_url(community)).content.decode()
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', html.split('name="organization"')[1])
    offered = {
        int(value)
        for value, _ in options
        if _.strip() in set(Organization.objects.values_list("name", flat=True))
    }
    assert offered == set(Organization.objects.values_list("pk", flat=True))
