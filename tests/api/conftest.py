"""A small hub for the API tests: public content next to every kind of content that must not leak.

Leak markers: words that appear only in content an anonymous client must never see, so a search for them
must come back empty and no JSON may contain them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import TestCase
from rest_framework.test import APIClient
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import (
    EventPage,
    GoalPage,
    ObjectivePage,
    Organization,
    Person,
    ProjectDocument,
    ProjectPage,
    Region,
    ResourceDocument,
    ResourcePage,
    SoilPractice,
    TaskForceMember,
    TaskForcePage,
    WebinarPage,
)
from tests.conftest import SiteTree, add_page, days_from_today

Document = get_document_model()

PRIVATE_WORD = "quokkaprivate"  # only in a page under a view restriction
DRAFT_WORD = "wombatdraft"  # only in a never-published page
REVISION_WORD = "platypusrevision"  # only in an unpublished draft revision of a live page
COLLECTION_WORD = "numbatcollection"  # only in a document of a private collection
ATTACHED_WORD = "bilbyattached"  # only in a document attached only to the private page
LEAK_WORDS = (PRIVATE_WORD, DRAFT_WORD, REVISION_WORD, COLLECTION_WORD, ATTACHED_WORD)


def make_document(title: str, text: str, name: str, collection=None):
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(text.encode()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@dataclass
class Hub:
    tree: object
    africa: Region
    kenya: Region
    france: Region
    agroforestry: SoilPractice
    cover_crops: SoilPractice
    inrae: Organization
    cirad: Organization
    speaker: Person
    moderator: Person
    goal_a: GoalPage
    a1: ObjectivePage
    a2_draft: ObjectivePage
    b1: ObjectivePage
    task_force: TaskForcePage
    project: ProjectPage
    project_b: ProjectPage
    private_project: ProjectPage
    draft_project: ProjectPage
    revised_project: ProjectPage
    webinar_upcoming: WebinarPage
    webinar_past: WebinarPage
    event_upcoming: EventPage
    event_past: EventPage
    resource: ResourcePage
    public_doc: object
    loose_doc: object
    private_collection_doc: object
    private_page_doc: object


@pytest.fixture(scope="package")
def hub_module(django_db_setup, django_db_blocker):
    """Built once for tests/api inside a transaction that is rolled back afterwards; each test runs in a
    savepoint within it (pytest-django's `db`), so tests still cannot see each other's changes."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_hub()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def hub(hub_module, db) -> Hub:
    cache.clear()
    return hub_module


def build_hub() -> Hub:
    tree = SiteTree()
    with TestCase.captureOnCommitCallbacks(execute=True):
        africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
        europe = Region.objects.create(name="Europe", kind=Region.Kind.REGION)
        kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
        france = Region.objects.create(name="France", kind=Region.Kind.COUNTRY, parent=europe, iso_code="FR")
        agroforestry = SoilPractice.objects.create(name="Agroforestry", slug="agroforestry")
        cover_crops = SoilPractice.objects.create(name="Cover crops", slug="cover-crops")
        inrae = Organization.objects.create(
            name="Institut national de recherche",
            short_name="INRAE",
            kind=Organization.Kind.RESEARCH,
            membership="member",
            country=france,
        )
        cirad = Organization.objects.create(
            name="Centre de coopération internationale",
            short_name="CIRAD",
            kind=Organization.Kind.RESEARCH,
            membership="member",
        )
        speaker = Person.objects.create(name="Claire Chenu", organization=inrae, job_title="Soil scientist")
        moderator = Person.objects.create(name="Jon Smith", job_title="Moderator")

        goal_a = add_page(
            tree.strategy,
            GoalPage,
            title="Goal A: Inception",
            code="A",
            description=f'<p>Shape the <a linktype="page" id="{tree.home.pk}">policies</a>.</p>',
        )
        goal_b = add_page(
            tree.strategy,
            GoalPage,
            title="Goal B: Implementation",
            code="B",
            description="<p>Put it in practice.</p>",
        )
        a1 = add_page(
            goal_a,
            ObjectivePage,
            title="Soil carbon in national climate plans",
            code="A1",
            short_label="NDCs",
            description="Countries count soil carbon in their climate plans.",
        )
        a2_draft = add_page(
            goal_a,
            ObjectivePage,
            title=f"Draft objective {DRAFT_WORD}",
            code="A2",
            short_label="Draft",
            description=f"Not yet published {DRAFT_WORD}.",
            live=False,
        )
        b1 = add_page(
            goal_b,
            ObjectivePage,
            title="Farm advisory services",
            code="B1",
            short_label="Advice",
            description="Advisers help farmers adopt soil practices.",
        )
        task_force = add_page(
            a1,
            TaskForcePage,
            title="Task Force A1",
            purpose="Bring soil carbon into NDCs.",
            how_to_join="<p>Write to the secretariat.</p>",
            members=[
                TaskForceMember(person=speaker, role="leader"),
                TaskForceMember(person=moderator, role="team_member"),
            ],
        )

        public_doc = make_document(
            "Agroforestry field guide", "Trees between crops store soil carbon in Kenya.", "guide.txt"
        )
        loose_doc = make_document(
            "Soil sampling protocol", "How to sample soil organic carbon to 30 cm.", "protocol.txt"
        )
        private = Collection.get_first_root_node().add_child(name="Private")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        private_collection_doc = make_document(
            f"Internal memo {COLLECTION_WORD}",
            f"Board memo {COLLECTION_WORD} on soil carbon budgets.",
            "memo.txt",
            collection=private,
        )
        private_page_doc = make_document(
            f"Members briefing {ATTACHED_WORD}",
            f"Briefing {ATTACHED_WORD} for members on soil carbon.",
            "briefing.txt",
        )

        project = add_page(
            tree.projects,
            ProjectPage,
            title="Agroforestry for soil carbon in Kenya",
            summary="Smallholders plant trees between crops to build soil organic carbon.",
            status="funded",
            start_date=dt.date(2023, 3, 1),
            lead_organization=inrae,
            partner_organizations=[cirad],
            objectives=[a1, a2_draft],
            practices=[agroforestry],
            countries=[kenya],
            documents=[
                ProjectDocument(document=public_doc, caption="Field guide"),
                ProjectDocument(document=private_collection_doc, caption="Memo"),
            ],
        )
        project_b = add_page(
            tree.projects,
            ProjectPage,
            title="Cover crops in French vineyards",
            summary="Winegrowers sow cover crops between vine rows to protect the soil.",
            status="in_progress",
            start_date=dt.date(2021, 5, 1),
            objectives=[b1],
            practices=[cover_crops],
            countries=[france],
        )
        private_project = add_page(
            tree.projects,
            ProjectPage,
            title=f"Members-only project {PRIVATE_WORD}",
            summary=f"Confidential soil carbon plans {PRIVATE_WORD}.",
            status="funded",
            objectives=[a1],
            documents=[ProjectDocument(document=private_page_doc)],
        )
        PageViewRestriction.objects.create(page=private_project, restriction_type=PageViewRestriction.LOGIN)
        draft_project = add_page(
            tree.projects,
            ProjectPage,
            title=f"Unpublished project {DRAFT_WORD}",
            summary=f"Not ready {DRAFT_WORD}.",
            status="idea",
            objectives=[a1],
            live=False,
        )
        revised_project = add_page(
            tree.projects,
            ProjectPage,
            title="Biochar on sandy soils",
            summary="Field trials of biochar on sandy soils in Benin.",
            status="completed",
        )
        revised_project.title = f"Biochar {REVISION_WORD}"
        revised_project.summary = f"Unpublished edit {REVISION_WORD}."
        revised_project.save_revision()

        webinar_upcoming = add_page(
            tree.webinars,
            WebinarPage,
            title="Measuring soil carbon",
            start_date=days_from_today(10),
            start_time=dt.time(14, 0),
            abstract="<p>How to <b>measure</b> soil carbon stocks.</p>",
            speakers=[speaker],
            moderator=moderator,
            slides=public_doc,
            objectives=[a1, a2_draft],
            practices=[agroforestry],
        )
        webinar_past = add_page(
            tree.webinars,
            WebinarPage,
            title="Carbon credits from soils",
            start_date=days_from_today(-30),
            start_time=dt.time(9, 0),
            abstract="<p>How soil carbon credits work.</p>",
            speakers=[speaker],
            slides=private_collection_doc,
        )
        event_upcoming = add_page(
            tree.events,
            EventPage,
            title="4 per 1000 Day",
            kind="initiative_day",
            start_date=days_from_today(20),
            end_date=days_from_today(21),
            location="Paris",
            organizer=inrae,
            regions=[france],
        )
        event_past = add_page(
            tree.events,
            EventPage,
            title="Soil week 2023",
            start_date=days_from_today(-100),
            end_date=days_from_today(-98),
            online=True,
            summary="A week on soils.",
        )
        resource = add_page(
            tree.resources,
            ResourcePage,
            title="Guide de l'agroforesterie",
            kind="guideline",
            year=2020,
            language="fr",
            summary="Un guide pratique de l'agroforesterie pour le carbone du sol.",
            objectives=[a1],
            practices=[agroforestry],
            regions=[africa],
            documents=[ResourceDocument(document=public_doc)],
        )
    return Hub(
        tree=tree,
        africa=africa,
        kenya=kenya,
        france=france,
        agroforestry=agroforestry,
        cover_crops=cover_crops,
        inrae=inrae,
        cirad=cirad,
        speaker=speaker,
        moderator=moderator,
        goal_a=goal_a,
        a1=a1,
        a2_draft=a2_draft,
        b1=b1,
        task_force=task_force,
        project=project,
        project_b=project_b,
        private_project=private_project,
        draft_project=draft_project,
        revised_project=revised_project,
        webinar_upcoming=webinar_upcoming,
        webinar_past=webinar_past,
        event_upcoming=event_upcoming,
        event_past=event_past,
        resource=resource,
        public_doc=public_doc,
        loose_doc=loose_doc,
        private_collection_doc=private_collection_doc,
        private_page_doc=private_page_doc,
    )


@pytest.fixture
def api():
    cache.clear()
    return APIClient()


def assert_no_leak(body: bytes | str) -> None:
    text = body.decode() if isinstance(body, bytes) else body
    for word in LEAK_WORDS:
        assert word not in text, f"{word} leaked"


def assert_error(response, status: int, param: str | None) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["param"] == param, body
    assert body["error"]["message"]
    return body
