"""/projects/submit/: a partner submits a project idea; it waits, unpublished, in the "Project ideas" workflow
(task force review, then Secretariat approval) and is published, concept note included, only when approved."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, WorkflowState
from wagtail.users.models import UserProfile

from cms.models import ProjectPage
from community.access import (
    REVIEW_COLLECTION,
    SECRETARIAT,
    SECRETARIAT_APPROVAL,
    TASK_FORCE_REVIEW,
    TASK_FORCE_REVIEWERS,
    WORKFLOW_NAME,
)
from community.models import ProjectIdeaSubmission
from knowledge.models import Source
from search.service import SearchQuery, search

from .conftest import fake_pdf_upload, pdf_bytes, pdf_upload
from .test_join_initiative import field_errors

pytestmark = pytest.mark.django_db

SUBMIT = "/projects/submit/"
Document = get_document_model()


def idea_data(community, **overrides) -> dict:
    data = {
        "title": "Soil carbon baselines for smallholder cocoa farms",
        "summary": "A network of baseline plots on cocoa farms under shade trees, so that mulching can be credited.",
        "objectives": [community.objective.pk],
        "countries": [community.kenya.pk],
        "practices": [community.practice.pk],
        "funding_sought": "420000",
        "currency": "EUR",
        "lead_organization": community.member.pk,
        "contact_name": "Kwame Asante",
        "contact_email": "kwame@example.org",
        "concept_note": pdf_upload("concept.pdf", pdf_bytes("Concept note: cocoa shade trees and mulch.")),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def approve(client, post, user, page, comment=""):
    client.force_login(user)
    state = ProjectPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    return post(url, {"comment": comment}, using=client)


def searched_titles(query: str) -> set[str]:
    return {result.title for result in search(SearchQuery(q=query, mode="keyword", page_size=20)).results}


def test_only_signed_in_partners_may_submit(client, community, editor, partner_user):
    response = client.get(SUBMIT)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/projects/submit/"
    client.force_login(editor)
    response = client.get(SUBMIT)
    assert response.status_code == 403 and "ask it for one" in response.content.decode()
    assert client.post(SUBMIT, idea_data(community)).status_code == 403
    client.force_login(partner_user)
    page = client.get(SUBMIT).content.decode()
    assert 'value="partner@example.org"' in page, "the contact is prefilled from the account"
    assert not ProjectPage.objects.exists()


def test_a_partner_signs_in_on_the_site(client, community, partner_user):
    response = client.post(
        "/accounts/login/?next=/projects/submit/",
        {"username": "partner", "password": "pw-partner", "next": SUBMIT},
    )
    assert response.status_code == 302 and response["Location"] == SUBMIT
    assert client.get(SUBMIT).status_code == 200
    wrong = Client().post("/accounts/login/", {"username": "partner", "password": "nope"})
    assert wrong.status_code == 200 and "not right" in wrong.content.decode()


def test_a_submitted_idea_is_an_unpublished_draft_in_the_workflow(client, post, community, partner_user):
    client.force_login(partner_user)
    response = post(SUBMIT, idea_data(community))
    assert response.status_code == 302 and response["Location"] == "/projects/submit/received/"
    page = ProjectPage.objects.get()
    assert not page.live and page.status == ProjectPage.Status.IDEA
    assert page.get_parent().pk == community.tree.projects.pk
    assert page.owner == partner_user
    assert list(page.objectives.all()) == [community.objective]
    assert list(page.countries.all()) == [community.kenya]
    assert list(page.practices.all()) == [community.practice]
    assert (page.funding_sought, page.currency, page.lead_organization) == (420000, "EUR", community.member)
    state = page.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME
    assert [task.name for task in state.workflow.tasks] == [TASK_FORCE_REVIEW, SECRETARIAT_APPROVAL]
    assert [g.name for g in state.workflow.tasks[0].specific.groups.all()] == [TASK_FORCE_REVIEWERS]
    assert [g.name for g in state.workflow.tasks[1].specific.groups.all()] == [SECRETARIAT]
    assert state.current_task_state.task.name == TASK_FORCE_REVIEW
    assert state.requested_by == partner_user
    # The contact is kept off the page; the concept note is a document only the reviewing groups may open.
    submission = ProjectIdeaSubmission.objects.get(page=page)
    assert (submission.contact_name, submission.contact_email, submission.submitted_by) == (
        "Kwame Asante",
        "kwame@example.org",
        partner_user,
    )
    document = submission.concept_note
    assert document.collection.name == REVIEW_COLLECTION
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {g.name for g in restriction.groups.all()} == {SECRETARIAT, TASK_FORCE_REVIEWERS}
    assert "concept" not in document.file.name.split("/")[-1].replace("concept-note-", "")
    with document.open_file() as handle:
        assert handle.read() == idea_data(community)["concept_note"].read()
    assert [item.document for item in page.get_latest_revision().as_object().documents.all()] == [document]
    # The Secretariat is emailed; Wagtail's admin-link emails to this partner are switched off.
    assert [m.to for m in mail.outbox if "New project idea" in m.subject] == [["secretariat@localhost"]]
    profile = UserProfile.get_for_user(partner_user)
    assert not profile.approved_notifications and not profile.rejected_notifications


def test_the_concept_note_is_closed_to_visitors_and_other_users_until_approval(
    client, post, community, partner_user, reviewer, editor
):
    client.force_login(partner_user)
    post(SUBMIT, idea_data(community))
    document = ProjectIdeaSubmission.objects.get().concept_note
    url = document.url
    client.logout()
    assert client.get(url).status_code in (302, 403)
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_workflow_approves_then_publishes_and_search_finds_it(
    client, post, community, partner_user, reviewer, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(partner_user)
    post(SUBMIT, idea_data(community))
    page = ProjectPage.objects.get()
    document = ProjectIdeaSubmission.objects.get().concept_note
    assert "Soil carbon baselines for smallholder cocoa farms" not in searched_titles("cocoa")
    assert not Source.objects.filter(kind="page", object_id=str(page.pk)).exists()
    assert not Source.objects.filter(kind="document", object_id=str(document.pk)).exists()

    mail.outbox.clear()
    response = approve(client, post, reviewer, page, comment="Fits the task force's priorities.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.current_workflow_task.name == SECRETARIAT_APPROVAL
    assert not [m for m in mail.outbox if "kwame@example.org" in m.to]

    response = approve(client, post, secretariat, page)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.status == ProjectPage.Status.IDEA
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    document.refresh_from_db()
    assert not document.collection.get_view_restrictions().exists(), "published with its project"
    outcome = [m for m in mail.outbox if "kwame@example.org" in m.to]
    assert len(outcome) == 1 and set(outcome[0].to) == {"kwame@example.org", "partner@example.org"}
    assert "is published" in outcome[0].subject and page.full_url in outcome[0].body

    assert "Soil carbon baselines for smallholder cocoa farms" in searched_titles("cocoa baseline plots")
    assert document.title in searched_titles("cocoa shade trees mulch")
    public = client.get(page.url)
    assert public.status_code == 200 and "kwame@example.org" not in public.content.decode()


def public_views_of(client, title: str, document_title: str) -> dict[str, bool]:
    """Whether the idea (title) or its concept note (document title) shows on each public surface."""
    client.logout()
    results_page = client.get("/search/", {"q": "cocoa baseline plots shade trees"}).content.decode()
    results_page = results_page.split('id="results-heading"', 1)[-1]  # past the echoed query
    api = client.get("/api/search/", {"q": "cocoa baseline plots shade trees"}).content.decode()
    suggest = client.get("/api/search/suggest/", {"q": "Soil carbon basel"}).content.decode()
    pages = client.get(
        "/api/v2/pages/", {"type": "cms.ProjectPage", "fields": "*", "search": "cocoa"}
    ).content.decode()
    documents = client.get("/api/v2/documents/").content.decode()
    return {
        "/search/": title in results_page or document_title in results_page,
        "/api/search/": title in api or document_title in api,
        "suggestions": title in suggest,
        "/api/v2/pages/": title in pages,
        "/api/v2/documents/": document_title in documents,
    }


def test_a_pending_idea_and_its_concept_note_are_nowhere_public_until_approved(
    client, post, community, partner_user, reviewer, secretariat
):
    client.force_login(partner_user)
    post(SUBMIT, idea_data(community))
    page = ProjectPage.objects.get()
    document_title = ProjectIdeaSubmission.objects.get().concept_note.title
    assert public_views_of(client, page.title, document_title) == dict.fromkeys(
        ["/search/", "/api/search/", "suggestions", "/api/v2/pages/", "/api/v2/documents/"], False
    )
    approve(client, post, reviewer, page)
    assert not any(public_views_of(client, page.title, document_title).values()), "one approval is not enough"
    approve(client, post, secretariat, page)
    assert public_views_of(client, page.title, document_title) == dict.fromkeys(
        ["/search/", "/api/search/", "suggestions", "/api/v2/pages/", "/api/v2/documents/"], True
    )


def test_partner_sign_in_is_rate_limited(client, community, partner_user, settings):
    settings.SIGN_IN_RATE = "3/h"  # the limit of every password form (tests/config/test_sign_in_limit.py)
    for _ in range(3):
        assert (
            client.post("/accounts/login/", {"username": "partner", "password": "wrong"}).status_code == 200
        )
    response = client.post("/accounts/login/", {"username": "partner", "password": "pw-partner"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_changes_requested_are_told_to_the_submitter(client, post, community, partner_user, reviewer):
    client.force_login(partner_user)
    post(SUBMIT, idea_data(community, concept_note=None))
    page = ProjectPage.objects.get()
    mail.outbox.clear()
    client.force_login(reviewer)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.pk])
    response = post(url, {"comment": "Please name the farmer groups involved."}, using=client)
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES
    (message,) = [m for m in mail.outbox if "kwame@example.org" in m.to]
    assert "Changes requested" in message.subject
    assert "Please name the farmer groups involved." in message.body


def test_a_fake_concept_note_is_refused_and_nothing_is_created(client, post, community, partner_user):
    client.force_login(partner_user)
    documents = Document.objects.count()
    response = post(SUBMIT, idea_data(community, concept_note=fake_pdf_upload()))
    assert response.status_code == 400
    assert field_errors(response, "concept_note")[0].startswith("This file is not a PDF")
    assert not ProjectPage.objects.exists()
    assert Document.objects.count() == documents
    assert not ProjectIdeaSubmission.objects.exists()
    assert not [m for m in mail.outbox if "New project idea" in m.subject]


def test_rules_of_the_idea_form(client, post, community, partner_user):
    client.force_login(partner_user)
    response = post(SUBMIT, idea_data(community, objectives=[], funding_sought="-5", lead_organization=""))
    assert response.status_code == 400
    assert field_errors(response, "objectives") == ["This field is required."]
    assert field_errors(response, "funding_sought") == ["Ensure this value is greater than or equal to 0."]
    assert field_errors(response, "lead_organization") == ["This field is required."]
    assert not ProjectPage.objects.exists()


def test_two_ideas_with_the_same_title_get_their_own_pages(client, post, community, partner_user):
    client.force_login(partner_user)
    post(SUBMIT, idea_data(community, concept_note=None))
    post(SUBMIT, idea_data(community, concept_note=None))
    slugs = sorted(Page.objects.type(ProjectPage).values_list("slug", flat=True))
    assert slugs == [
        "soil-carbon-baselines-for-smallholder-cocoa-farms",
        "soil-carbon-baselines-for-smallholder-cocoa-farms-2",
    ]
