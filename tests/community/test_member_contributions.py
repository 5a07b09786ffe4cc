"""/resources/propose/ and /events/announce/: a member proposes a resource (with its PDF) or announces a partner
event; it waits, unpublished, in the "Member contributions" workflow (Secretariat approval) and is public (search,
feeds, calendar, the PDF) only once approved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, WorkflowState

from cms.membership import community_of_practice_group
from cms.models import EventPage, ResourcePage
from community.access import CONTRIBUTIONS_REVIEW_COLLECTION, CONTRIBUTIONS_WORKFLOW, SECRETARIAT
from community.models import ContributionSubmission
from knowledge.models import Source
from search.service import SearchQuery, search

from .conftest import fake_pdf_upload, make_user, pdf_bytes, pdf_upload
from .test_join_initiative import field_errors

pytestmark = pytest.mark.django_db

PROPOSE = "/resources/propose/"
ANNOUNCE = "/events/announce/"
Document = get_document_model()


@pytest.fixture
def member(db):
    user = make_user("amina", email="amina@example.org", first_name="Amina")
    user.groups.add(community_of_practice_group())
    return user


def resource_data(**overrides) -> dict:
    data = {
        "title": "Field guide to biochar in sandy soils",
        "summary": "How much biochar to spread on sandy soils, and what it does to water retention.",
        "kind": "guideline",
        "year": "2025",
        "resource_language": "en",
        "authors": "Amina Diallo; Kofi Mensah",
        "publisher": "Sahel Soil Network",
        "document": pdf_upload("guide.pdf", pdf_bytes("Biochar dosage for sandy soils and water retention.")),
        "contact_name": "Amina Diallo",
        "contact_email": "amina.diallo@example.org",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def event_data(**overrides) -> dict:
    start = dt.date.today() + dt.timedelta(days=20)
    data = {
        "title": "Zai pits field day in Ouahigouya",
        "summary": "Farmers show how zai pits and compost bring degraded land back into production.",
        "start_date": start.isoformat(),
        "end_date": (start + dt.timedelta(days=1)).isoformat(),
        "start_time": "09:30",
        "timezone": "Africa/Ouagadougou",
        "location": "Ouahigouya, Burkina Faso",
        "online_url": "",
        "organizer_name": "Yatenga Farmers' Union",
        "contact_name": "Amina Diallo",
        "contact_email": "amina.diallo@example.org",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def approve(client, post, user, page):
    client.force_login(user)
    state = page.__class__.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    return post(url, {"comment": ""}, using=client)


def searched_titles(query: str) -> set[str]:
    return {result.title for result in search(SearchQuery(q=query, mode="keyword", page_size=20)).results}


def anonymous_get(client, url: str):
    client.logout()
    return client.get(url)


def test_only_signed_in_members_may_contribute(client, community, editor, partner_user, member, secretariat):
    for prefix, form in (("", PROPOSE), ("", ANNOUNCE), ("/fr", PROPOSE), ("/es", ANNOUNCE)):
        response = client.get(prefix + form)
        assert response.status_code == 302
        assert response["Location"] == f"{prefix}/accounts/login/?next={prefix}{form}"
    for outsider in (editor, partner_user):
        client.force_login(outsider)
        for url in (PROPOSE, ANNOUNCE):
            response = client.get(url)
            assert response.status_code == 403 and "cannot propose resources" in response.content.decode()
        assert client.post(ANNOUNCE, event_data()).status_code == 403
    assert not ContributionSubmission.objects.exists()
    for insider in (member, secretariat):
        client.force_login(insider)
        page = client.get(PROPOSE).content.decode()
        assert f'value="{insider.email}"' in page, "the contact is prefilled from the account"
        assert client.get(ANNOUNCE).status_code == 200
    assert "Proposer une ressource" in client.get("/fr" + PROPOSE).content.decode()
    assert "Anunciar un evento de un socio" in client.get("/es" + ANNOUNCE).content.decode()


def test_a_proposed_resource_is_a_draft_in_the_workflow_with_its_pdf_closed(
    client, post, community, member, secretariat, editor
):
    client.force_login(member)
    response = post(PROPOSE, resource_data())
    assert response.status_code == 302 and response["Location"] == "/resources/propose/received/"
    page = ResourcePage.objects.get()
    assert not page.live and page.get_parent().pk == community.tree.resources.pk and page.owner == member
    assert (page.kind, page.year, page.language, page.publisher) == (
        "guideline",
        2025,
        "en",
        "Sahel Soil Network",
    )
    state = page.current_workflow_state
    assert state.workflow.name == CONTRIBUTIONS_WORKFLOW
    assert [g.name for g in state.current_task_state.task.specific.groups.all()] == [SECRETARIAT]
    submission = ContributionSubmission.objects.get(page=page)
    assert (submission.kind, submission.contact_email, submission.submitted_by) == (
        "resource",
        "amina.diallo@example.org",
        member,
    )
    document = submission.document
    assert document.collection.name == CONTRIBUTIONS_REVIEW_COLLECTION
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    assert [g.name for g in restriction.groups.all()] == [SECRETARIAT]
    assert [item.document for item in page.get_latest_revision().as_object().documents.all()] == [document]
    assert [m.to for m in mail.outbox if "New resource to review" in m.subject] == [["secretariat@localhost"]]
    # Nowhere public: not searchable, not in the feed, the PDF closed to a visitor and to other users.
    assert page.title not in searched_titles("biochar sandy soils")
    assert not Source.objects.filter(object_id__in=[str(page.pk), str(document.pk)]).exists()
    assert page.title not in anonymous_get(client, "/feeds/resources/").content.decode()
    assert anonymous_get(client, document.url).status_code in (302, 403, 404)
    client.force_login(editor)
    assert client.get(document.url).status_code in (302, 403, 404)
    client.force_login(secretariat)
    assert client.get(document.url).status_code == 200


def test_the_secretariat_approves_a_resource_then_everyone_finds_it(
    client, post, community, member, secretariat
):
    client.force_login(member)
    post(PROPOSE, resource_data())
    page = ResourcePage.objects.get()
    document = ContributionSubmission.objects.get().document
    mail.outbox.clear()
    assert approve(client, post, secretariat, page).status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    document.refresh_from_db()
    assert not document.collection.get_view_restrictions().exists(), "published with its resource"
    outcome = [m for m in mail.outbox if "amina.diallo@example.org" in m.to]
    assert len(outcome) == 1 and set(outcome[0].to) == {"amina.diallo@example.org", "amina@example.org"}
    assert "Published on the hub" in outcome[0].subject and page.full_url in outcome[0].body

    assert page.title in searched_titles("biochar sandy soils")
    assert page.title in anonymous_get(client, "/feeds/resources/").content.decode()
    response = anonymous_get(client, document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    public = client.get(page.url).content.decode()
    assert "amina.diallo@example.org" not in public


def test_an_announced_event_waits_then_reaches_the_feed_and_the_calendar(
    client, post, community, member, secretariat
):
    client.force_login(member)
    response = post(ANNOUNCE, event_data())
    assert response.status_code == 302 and response["Location"] == "/events/announce/received/"
    page = EventPage.objects.get()
    assert not page.live and page.kind == EventPage.Kind.PARTNER_EVENT
    assert page.get_parent().pk == community.tree.events.pk
    assert "09:30 (Africa/Ouagadougou)" in str(page.body) and "Yatenga Farmers" in str(page.body)
    assert ContributionSubmission.objects.get().kind == "event"
    title = page.title
    calendar = f"{community.tree.events.url}calendar.ics"
    assert title not in anonymous_get(client, "/feeds/events/").content.decode()
    assert title not in anonymous_get(client, calendar).content.decode()
    assert title not in searched_titles("zai pits compost")

    assert approve(client, post, secretariat, page).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert title in anonymous_get(client, "/feeds/events/").content.decode()
    assert title in anonymous_get(client, calendar).content.decode()
    assert title in searched_titles("zai pits compost")
    assert [m for m in mail.outbox if "amina.diallo@example.org" in m.to and "Published" in m.subject]


def test_changes_requested_are_told_to_the_member(client, post, community, member, secretariat):
    client.force_login(member)
    post(ANNOUNCE, event_data())
    page = EventPage.objects.get()
    mail.outbox.clear()
    client.force_login(secretariat)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.pk])
    assert post(url, {"comment": "Please add the registration link."}, using=client).status_code == 302
    page.refresh_from_db()
    assert not page.live
    (message,) = [m for m in mail.outbox if "amina.diallo@example.org" in m.to]
    assert "Changes requested" in message.subject and "Please add the registration link." in message.body


def test_a_bad_pdf_is_refused_next_to_its_field_and_nothing_is_created(client, post, community, member):
    client.force_login(member)
    documents = Document.objects.count()
    response = post(PROPOSE, resource_data(document=fake_pdf_upload()))
    assert response.status_code == 400
    assert field_errors(response, "document")[0].startswith("This file is not a PDF")
    response = post(PROPOSE, resource_data(document=None))
    assert field_errors(response, "document") == ["Please attach the PDF."]
    assert not ResourcePage.objects.exists() and not ContributionSubmission.objects.exists()
    assert Document.objects.count() == documents
    assert not mail.outbox


def test_rules_of_the_event_form(client, post, community, member):
    client.force_login(member)
    start = dt.date.today() + dt.timedelta(days=5)
    response = post(
        ANNOUNCE,
        event_data(
            end_date=(start - dt.timedelta(days=1)).isoformat(),
            start_date=start.isoformat(),
            location="",
            organizer_name="",
            timezone="Mars/Olympus",
        ),
    )
    assert response.status_code == 400
    assert field_errors(response, "end_date") == ["The event ends before it starts."]
    assert field_errors(response, "location") == ["Give a place, or an online link."]
    assert field_errors(response, "organizer_name") == [
        "Choose the organizer from the list, or type its name."
    ]
    assert field_errors(response, "timezone")
    assert not EventPage.objects.exists()


def test_each_member_has_a_budget_then_gets_429(client, post, community, member, settings):
    settings.COMMUNITY_FORM_RATE = "1/h"
    client.force_login(member)
    assert post(ANNOUNCE, event_data()).status_code == 302
    response = post(ANNOUNCE, event_data(title="A second field day"))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert post(PROPOSE, resource_data()).status_code == 302, "each form has its own budget"
    assert post(PROPOSE, resource_data(title="Another guide")).status_code == 429
    assert ContributionSubmission.objects.count() == 2


def test_a_proposal_in_french_goes_to_the_french_library_or_the_default_one(client, post, community, member):
    client.force_login(member)
    assert post("/fr" + PROPOSE, resource_data()).status_code == 302
    page = ResourcePage.objects.get()
    assert page.get_parent().pk == community.tree.resources.pk, "no French library: the default one"
    assert ContributionSubmission.objects.get().language == "fr"


def test_members_find_the_forms_on_their_account_page_and_the_listings(client, community, member, editor):
    client.force_login(member)
    account = client.get("/accounts/").content.decode()
    assert PROPOSE in account and ANNOUNCE in account
    client.force_login(editor)
    assert PROPOSE not in client.get("/accounts/").content.decode()
    client.logout()
    # Shown to every visitor: the listings may be cached for anonymous visitors (cms/page_cache.py).
    assert PROPOSE in client.get(community.tree.resources.url).content.decode()
    assert ANNOUNCE in client.get(community.tree.events.url).content.decode()


def test_a_members_contributions_are_in_their_data_download(client, post, community, member):
    client.force_login(member)
    post(ANNOUNCE, event_data())
    data = client.get("/accounts/my-data.json").json()
    assert [(item["kind"], item["title"], item["published"]) for item in data["contributions"]] == [
        ("event", "Zai pits field day in Ouahigouya", False)
    ]
