"""Statements per page view: a regression test, not a timing test. Every page type renders in at most 15 SQL
statements (page cache off, second request), however many relations and listed children it has; a repeat
anonymous view with the page cache on costs none; the search page with two filter groups costs at most 20 and
embeds the query once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.models import (
    EventPage,
    GoalPage,
    ObjectivePage,
    Organization,
    PartnerDirectoryPage,
    Person,
    ProjectPage,
    Region,
    ResourcePage,
    SoilPractice,
    StandardPage,
    TaskForceMember,
    TaskForcePage,
    WebinarPage,
)
from knowledge.embeddings import get_embedder
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 15
SEARCH_BUDGET = 20


@pytest.fixture
def full_site(site_tree, django_capture_on_commit_callbacks):
    """One page of every type with every relation its template shows, indexed (related content is real)."""
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    practices = [
        SoilPractice.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Agroforestry", "Cover crops", "Compost")
    ]
    organizations = [
        Organization.objects.create(name=f"Partner {n}", kind=Organization.Kind.NGO, membership="member")
        for n in range(4)
    ]
    people = [Person.objects.create(name=f"Speaker {n}", organization=organizations[n]) for n in range(3)]
    tree = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        goal = add_page(
            tree.strategy, GoalPage, title="Goal A: Inception", code="A", description="<p>Goal A.</p>"
        )
        objectives = [
            add_page(
                goal,
                ObjectivePage,
                title=f"Objective A{n}",
                code=f"A{n}",
                short_label=f"Label {n}",
                description="Soils store carbon.",
            )
            for n in (1, 2, 3)
        ]
        task_force = add_page(
            objectives[0],
            TaskForcePage,
            title="Task Force A1",
            purpose="Carbon.",
            how_to_join="<p>Write.</p>",
        )
        for person, role in zip(people, ("leader", "team_member", "team_member"), strict=True):
            TaskForceMember.objects.create(page=task_force, person=person, role=role)
        task_force.save_revision().publish()
        projects = []
        for n in range(6):
            project = add_page(
                tree.projects,
                ProjectPage,
                title=f"Agroforestry for soil carbon {n}",
                summary="Trees and crops build soil organic carbon.",
                status="funded",
                funding_sought=Decimal(1000),
                start_date=dt.date(2024, 1, 1),
                lead_organization=organizations[0],
            )
            project.countries.set([kenya, africa])
            project.practices.set(practices)
            project.partner_organizations.set(organizations[1:])
            project.objectives.set(objectives)
            project.save_revision().publish()
            projects.append(project)
        webinars = []
        for n in range(4):
            webinar = add_page(
                tree.webinars,
                WebinarPage,
                title=f"Webinar on soil carbon {n}",
                start_date=days_from_today(10 - 5 * n),
                start_time=dt.time(14, 0),
                abstract="<p>Soil carbon and agroforestry.</p>",
                moderator=people[0],
            )
            webinar.speakers.set(people)
            webinar.practices.set(practices)
            webinar.objectives.set(objectives)
            webinar.save_revision().publish()
            webinars.append(webinar)
        for n in range(3):
            event = add_page(
                tree.events,
                EventPage,
                title=f"Soil carbon day {n}",
                start_date=days_from_today(20 - 15 * n),
                end_date=days_from_today(21 - 15 * n),
                location="Nairobi",
                organizer=organizations[0],
            )
            event.regions.set([kenya])
            event.objectives.set(objectives)
            event.save_revision().publish()
        for n in range(4):
            resource = add_page(
                tree.resources,
                ResourcePage,
                title=f"Guide to soil carbon {n}",
                kind="guideline",
                year=2020 + n,
                summary="How agroforestry builds soil carbon.",
                body=[("paragraph", RichText("<p>Measure soil carbon.</p>"))],
                external_url="https://example.org/guide",
            )
            resource.regions.set([africa])
            resource.practices.set(practices)
            resource.objectives.set(objectives)
            resource.organizations.set(organizations[:2])
            resource.save_revision().publish()
        add_page(tree.home, StandardPage, title="About", intro="About the hub.")
        tree.directory = add_page(tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
        tree.community = add_page(tree.home, StandardPage, title="Community of Practice", intro="Peers.")
        home = tree.home
        home.directory_page, home.strategy_page = tree.directory, tree.strategy
        home.community_page, home.resource_library = tree.community, tree.resources
        home.cycle_steps = [("step", {"title": "Take stock", "text": "Map the gaps."})]
        home.save_revision().publish()
    return tree


def statements(client, url: str) -> int:
    client.get(url)  # first request: caches of the process (site root paths) warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@override_settings(PAGE_CACHE_SECONDS=0)
def test_every_page_type_renders_in_a_handful_of_statements(client, full_site):
    counts = {}
    for page in Page.objects.live().exclude(depth=1).specific():
        name = type(page).__name__
        if name not in counts:
            counts[name] = statements(client, page.url)
    expected_types = {
        "HomePage",
        "StrategyPage",
        "GoalPage",
        "ObjectivePage",
        "TaskForcePage",
        "ProjectIndexPage",
        "ProjectPage",
        "WebinarIndexPage",
        "WebinarPage",
        "EventIndexPage",
        "EventPage",
        "ResourceIndexPage",
        "ResourcePage",
        "StandardPage",
        "PartnerDirectoryPage",
    }
    print(f"statements per page type: {counts}")
    assert set(counts) == expected_types
    over = {name: count for name, count in counts.items() if count > PAGE_BUDGET}
    assert not over, f"over {PAGE_BUDGET} statements: {over} (all: {counts})"
    # A filtered listing costs the same.
    assert (
        statements(client, full_site.projects.url + "?status=funded&region=africa&practice=compost")
        <= PAGE_BUDGET
    )


@override_settings(PAGE_CACHE_SECONDS=0)
def test_every_page_type_renders_in_a_handful_of_statements_in_french(
    client, full_site, django_capture_on_commit_callbacks
):
    """The same budget for translations (their language switcher and French navigation included)."""
    french = Locale.objects.get(language_code="fr")
    counts = {}
    with django_capture_on_commit_callbacks(execute=True):
        for page in Page.objects.live().exclude(depth=1).order_by("path").specific():
            name = type(page).__name__
            if name not in counts:
                translation = page.copy_for_translation(french, copy_parents=True)
                translation.save_revision().publish()
                counts[name] = translation.pk
    for name, pk in counts.items():
        url = Page.objects.get(pk=pk).url
        assert url.startswith("/fr/"), url
        counts[name] = statements(client, url)
    over = {name: count for name, count in counts.items() if count > PAGE_BUDGET}
    # Every page type of the English test (the partner directory included) has its French translation.
    assert len(counts) == 15 and not over, f"over {PAGE_BUDGET} statements: {over} (all: {counts})"


@override_settings(PAGE_CACHE_SECONDS=0)
def test_statements_do_not_grow_with_the_relations_and_children(client, full_site):
    """No N+1: a listing with twice the children and a page with more relations cost the same."""
    listing = statements(client, full_site.projects.url)
    project = ProjectPage.objects.order_by("pk").first()
    page = statements(client, project.url)
    for n in range(6, 12):
        extra = add_page(
            full_site.projects, ProjectPage, title=f"Extra project {n}", summary="More.", status="idea"
        )
        extra.countries.set(Region.objects.all())
        extra.save_revision().publish()
    project.partner_organizations.set(
        Organization.objects.bulk_create(
            [
                Organization(name=f"More partner {n}", slug=f"more-{n}", kind=Organization.Kind.NGO)
                for n in range(5)
            ]
        )
    )
    project.save_revision().publish()
    assert statements(client, full_site.projects.url) == listing
    assert statements(client, project.url) == page


def test_a_repeat_anonymous_view_costs_no_statement(client, full_site):
    for page in (full_site.projects, ProjectPage.objects.first(), full_site.home):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
        assert len(queries.captured_queries) == 0, [q["sql"][:120] for q in queries.captured_queries]


def test_the_search_page_with_two_filter_groups(client, full_site, monkeypatch):
    """Within the statement budget with the answer and the spelling check on; the query embedded once, and the
    answer's sentences, embedded on the first view, remembered on the second."""
    embedder = get_embedder()
    queries_embedded, passages_embedded = [], []
    real_query, real_passages = embedder.embed_query, embedder.embed_passages

    def counting_query(text):
        queries_embedded.append(text)
        return real_query(text)

    def counting_passages(texts, **kwargs):
        passages_embedded.append(list(texts))
        return real_passages(texts, **kwargs)

    url = "/search/?q=agroforestry+soil+carbon&type=project,resource&region=africa"
    client.get(url)
    monkeypatch.setattr(embedder, "embed_query", counting_query)
    monkeypatch.setattr(embedder, "embed_passages", counting_passages)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries.captured_queries) <= SEARCH_BUDGET, len(queries.captured_queries)
    assert queries_embedded == ["agroforestry soil carbon"], "the query is embedded once, facets included"
    sentences = [
        texts for texts in passages_embedded if texts != ["agroforestry soil carbon"]
    ]  # torch queries
    assert sentences == [], "the answer's sentences were embedded on the first view"
    # The facets are disjunctive: other types found under the other group's filter (events in Kenya, so in
    # Africa) are offered; webinars, with no place, are not.
    text = response.content.decode()
    assert 'name="type" value="event"' in text
    assert 'name="type" value="webinar"' not in text


def _profile_url(organization) -> str:
    return f"/partners/{organization.slug}/"


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_partner_directory_and_a_profile_in_a_handful_of_statements(client, full_site):
    """Measured: /partners/ (filtered, searched, by letter) and a profile page with projects it leads and partners,
    task force roles, resources and events; the counts do not grow with more organizations or more of each."""
    partner = Organization.objects.get(name="Partner 0")
    directory = statements(client, "/partners/")
    filtered = statements(
        client, "/partners/?kind=ngo&membership=member&region=africa&year=2020&q=part&letter=P"
    )
    profile = statements(client, _profile_url(partner))
    print(f"statements: /partners/ {directory}, filtered {filtered}, profile {profile}")
    assert directory <= PAGE_BUDGET and filtered <= PAGE_BUDGET and profile <= PAGE_BUDGET

    kenya = Region.objects.get(slug="kenya")
    Organization.objects.bulk_create(
        [
            Organization(
                name=f"Grown {n}", slug=f"grown-{n}", kind="research", country=kenya, year_joined=2019
            )
            for n in range(40)
        ]
    )
    people = Person.objects.bulk_create([Person(name=f"Staff {n}", organization=partner) for n in range(5)])
    task_force = TaskForcePage.objects.get()
    for person in people:
        TaskForceMember.objects.create(page=task_force, person=person, role="team_member")
    for n in range(3):
        extra = add_page(
            full_site.projects, ProjectPage, title=f"Led {n}", summary="More.", lead_organization=partner
        )
        extra.partner_organizations.set([partner])
        extra.save_revision().publish()
    assert statements(client, "/partners/") == directory
    assert statements(client, "/partners/?page=2") == directory
    assert statements(client, _profile_url(partner)) == profile
