"""The Wagtail admin as editors use it: each page type's add and edit views, the snippets, a real publish."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    EventIndexPage,
    EventPage,
    GoalPage,
    HomePage,
    ObjectivePage,
    Organization,
    Person,
    ProjectDocument,
    ProjectIndexPage,
    ProjectPage,
    Region,
    ResourceIndexPage,
    ResourcePage,
    SoilPractice,
    SpaceMeetingPage,
    SpacePage,
    SpacePostPage,
    StandardPage,
    StrategyPage,
    TaskForceMember,
    TaskForcePage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.conftest import add_page, admin_menu


@pytest.fixture
def directory(db):
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    practice = SoilPractice.objects.create(name="Agroforestry", slug="agroforestry")
    org = Organization.objects.create(
        name="Kenya Soil Institute", kind=Organization.Kind.RESEARCH, membership="member", country=kenya
    )
    partner = Organization.objects.create(name="Green Fund", kind=Organization.Kind.FOUNDATION)
    person = Person.objects.create(name="Wanjiru Kamau", organization=org, job_title="Agronomist")
    return {
        "africa": africa,
        "kenya": kenya,
        "practice": practice,
        "org": org,
        "partner": partner,
        "person": person,
    }


@pytest.fixture
def every_page(site_tree, directory):
    """One page of each type (drafts below the site tree: the admin edits drafts as well as live pages)."""
    tree = site_tree
    goal = add_page(
        tree.strategy, GoalPage, title="Goal A", code="A", description="<p>Shape policy.</p>", live=False
    )
    objective = add_page(
        goal,
        ObjectivePage,
        title="Objective A1",
        code="A1",
        short_label="NDCs",
        description="Soil carbon in NDCs.",
        live=False,
    )
    task_force = add_page(
        objective,
        TaskForcePage,
        title="Task Force A1",
        purpose="p",
        how_to_join="<p>j</p>",
        live=False,
        members=[TaskForceMember(person=directory["person"], role="leader")],
    )
    space = add_page(task_force, SpacePage, title="Space A1", live=False)
    pages = {
        HomePage: tree.home,
        StrategyPage: tree.strategy,
        ProjectIndexPage: tree.projects,
        WebinarIndexPage: tree.webinars,
        EventIndexPage: tree.events,
        ResourceIndexPage: tree.resources,
        GoalPage: goal,
        ObjectivePage: objective,
        TaskForcePage: task_force,
        SpacePage: space,
        SpacePostPage: add_page(space, SpacePostPage, title="Post", text="Hello **all**.", live=False),
        SpaceMeetingPage: add_page(
            space,
            SpaceMeetingPage,
            title="Call",
            date=dt.date(2024, 5, 2),
            start_time=dt.time(14),
            live=False,
        ),
        StandardPage: add_page(tree.home, StandardPage, title="About", live=False),
        ProjectPage: add_page(
            tree.projects,
            ProjectPage,
            title="Project",
            summary="s",
            live=False,
            countries=[directory["kenya"]],
        ),
        WebinarPage: add_page(
            tree.webinars,
            WebinarPage,
            title="Webinar",
            start_date=dt.date(2024, 5, 2),
            start_time=dt.time(14),
            abstract="<p>a</p>",
            live=False,
        ),
        EventPage: add_page(
            tree.events,
            EventPage,
            title="Event",
            start_date=dt.date(2024, 5, 2),
            end_date=dt.date(2024, 5, 3),
            online=True,
            live=False,
        ),
        ResourcePage: add_page(
            tree.resources,
            ResourcePage,
            title="Resource",
            year=2024,
            summary="s",
            external_url="https://example.org/r",
            live=False,
        ),
    }
    return pages


def test_edit_and_add_views_of_every_page_type(admin_client, every_page):
    from django.apps import apps

    from cms.models import PartnerDirectoryPage

    # Every page type of the cms app, wherever its module; the directory has its own tests (test_partner_directory).
    page_types = {
        model
        for model in apps.get_app_config("cms").get_models()
        if issubclass(model, Page) and model is not PartnerDirectoryPage
    }
    assert page_types == set(every_page), "a page type is missing from this test"
    root = Page.get_first_root_node()
    failures = []
    for model, page in every_page.items():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        if response.status_code != 200 or page.title not in response.content.decode():
            failures.append(f"edit {model.__name__}: {response.status_code}")
        parent = page.get_parent() if page.depth > 2 else root
        url = f"/admin/pages/add/cms/{model._meta.model_name}/{parent.pk}/"
        # Singletons (and the one task force per objective) cannot be added twice: the admin says no.
        expected = 302 if model.max_count == 1 or model in (TaskForcePage, SpacePage) else 200
        response = admin_client.get(url)
        if response.status_code != expected:
            failures.append(f"add {model.__name__}: {response.status_code}, expected {expected}")
    assert failures == []


def test_add_views_of_singletons_where_allowed(admin_client, db):
    home = add_page(Page.get_first_root_node(), HomePage, title="Hub", slug="hub", live=False)
    for model in (StrategyPage, ProjectIndexPage, WebinarIndexPage, EventIndexPage, ResourceIndexPage):
        response = admin_client.get(f"/admin/pages/add/cms/{model._meta.model_name}/{home.pk}/")
        assert response.status_code == 200, model
    objective = add_page(
        add_page(
            add_page(home, StrategyPage, title="S", vision_2050="v", mission_2030="m", live=False),
            GoalPage,
            title="G",
            code="C",
            description="d",
            live=False,
        ),
        ObjectivePage,
        title="O",
        code="C1",
        short_label="l",
        description="d",
        live=False,
    )
    response = admin_client.get(f"/admin/pages/add/cms/taskforcepage/{objective.pk}/")
    assert response.status_code == 200
    assert 'name="members-TOTAL_FORMS"' in response.content.decode()


@pytest.mark.parametrize("model", [Organization, Person, SoilPractice, Region])
def test_snippet_views(admin_client, directory, model):
    instance = model.objects.first()
    viewset = model.snippet_viewset
    response = admin_client.get(reverse(viewset.get_url_name("edit"), args=[instance.pk]))
    assert response.status_code == 200
    assert str(instance.name) in response.content.decode()
    assert admin_client.get(reverse(viewset.get_url_name("add"))).status_code == 200
    response = admin_client.get(reverse(viewset.get_url_name("list")))
    assert response.status_code == 200
    assert instance.name in response.content.decode()


def test_snippets_grouped_in_directory_menu(admin_client, db):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    menu = admin_menu(response.content.decode())
    for model in (Organization, Person, SoilPractice, Region):
        label = model._meta.verbose_name_plural.capitalize()
        assert (("Directory", label), reverse(model.snippet_viewset.get_url_name("list"))) in menu, menu


def test_snippet_admin_enforces_company_partner_rule(admin_client, db):
    url = reverse(Organization.snippet_viewset.get_url_name("add"))
    data = {
        "name": "Agro Corp",
        "short_name": "",
        "kind": "company",
        "membership": "member",
        "website": "",
        "description": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "a company can only be a partner" in response.content.decode()
    assert not Organization.objects.filter(name="Agro Corp").exists()
    response = admin_client.post(url, {**data, "membership": "partner"})
    assert response.status_code == 302
    assert Organization.objects.get(name="Agro Corp").membership == "partner"


def task_force_form(members: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": "Task Force C1",
            "slug": "task-force",
            "purpose": "Coordinate.",
            "how_to_join": rich_text("<p>Write to us.</p>"),
            "body": streamfield([]),
            "members": inline_formset(members),
            "comments": inline_formset([]),
        }
    )


def test_task_force_member_rules_in_admin(admin_client, directory, db):
    home = add_page(Page.get_first_root_node(), HomePage, title="Hub", slug="hub", live=False)
    strategy = add_page(home, StrategyPage, title="S", vision_2050="v", mission_2030="m", live=False)
    goal = add_page(strategy, GoalPage, title="G", code="C", description="d", live=False)
    objective = add_page(
        goal, ObjectivePage, title="O", code="C1", short_label="l", description="d", live=False
    )
    url = f"/admin/pages/add/cms/taskforcepage/{objective.pk}/"
    staff = [Person.objects.create(name=f"Leader {i}", organization=directory["org"]) for i in range(3)]
    individual = Person.objects.create(name="Independent expert")

    response = admin_client.post(url, task_force_form([{"person": p.pk, "role": "leader"} for p in staff]))
    assert response.status_code == 200
    assert "A task force has at most two leaders." in response.content.decode()

    response = admin_client.post(url, task_force_form([{"person": individual.pk, "role": "leader"}]))
    assert response.status_code == 200
    assert "Only staff of a member or partner organization can lead" in response.content.decode()
    assert not TaskForcePage.objects.exists()

    members = [
        {"person": staff[0].pk, "role": "leader"},
        {"person": staff[1].pk, "role": "leader"},
        {"person": individual.pk, "role": "team_member"},
    ]
    response = admin_client.post(url, task_force_form(members))
    assert response.status_code == 302
    task_force = TaskForcePage.objects.get()
    assert [(m.person.name, m.role) for m in task_force.members.all()] == [
        ("Leader 0", "leader"),
        ("Leader 1", "leader"),
        ("Independent expert", "team_member"),
    ]


def test_publish_project_through_admin(admin_client, site_tree, directory):
    objective = add_page(
        add_page(site_tree.strategy, GoalPage, title="Goal A", code="A", description="d"),
        ObjectivePage,
        title="Objective A1",
        code="A1",
        short_label="NDCs",
        description="d",
    )
    document = get_document_model()(title="Concept note")
    document.file.save("concept-note.pdf", ContentFile(b"%PDF-1.4 concept"), save=False)
    document.save()
    project = add_page(site_tree.projects, ProjectPage, title="Draft title", summary="Draft.", live=False)
    revisions_before = project.revisions.count()

    data = nested_form_data(
        {
            "title": "Kenyan agroforestry",
            "slug": project.slug,
            "summary": "Trees on farms in western Kenya.",
            "status": "seeking_funding",
            "funding_sought": "250000",
            "funding_secured": "50000",
            "currency": "EUR",
            "start_date": "2025-01-01",
            "end_date": "2027-12-31",
            "lead_organization": directory["org"].pk,
            "body": streamfield([("paragraph", rich_text("<p>Agroforestry on 500 farms.</p>"))]),
            "documents": inline_formset([{"document": document.pk, "caption": "Two pages"}]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    # Multiple-choice fields go in as lists (nested_form_data would flatten them into indexed keys).
    data.update(
        {
            "partner_organizations": [directory["partner"].pk],
            "objectives": [objective.pk],
            "practices": [directory["practice"].pk],
            "countries": [directory["kenya"].pk],
        }
    )

    response = admin_client.post(f"/admin/pages/{project.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    project = ProjectPage.objects.get(pk=project.pk)
    assert project.live and not project.has_unpublished_changes
    assert project.title == "Kenyan agroforestry"
    assert project.funding_gap == Decimal(200000)
    assert list(project.countries.all()) == [directory["kenya"]]
    assert list(project.objectives.all()) == [objective]
    assert list(project.partner_organizations.all()) == [directory["partner"]]
    assert [(d.document_id, d.caption) for d in ProjectDocument.objects.filter(page=project)] == [
        (document.pk, "Two pages")
    ]
    assert project.revisions.count() == revisions_before + 1
    assert project.live_revision_id == project.latest_revision_id

    public = admin_client.get(project.url)
    assert public.status_code == 200
    html = public.content.decode()
    assert "Kenyan agroforestry" in html and "Agroforestry on 500 farms." in html and document.url in html


# --- ensure_local_admin -------------------------------------------------------------------------------------


def ensure_local_admin(*args: str) -> str | None:
    """Run the command; return the password it printed, if any."""
    out = io.StringIO()
    call_command("ensure_local_admin", *args, stdout=out)
    match = re.search(r"password '([^']+)'", out.getvalue())
    return match.group(1) if match else None


def test_ensure_local_admin(db, client):
    users = get_user_model()
    password = ensure_local_admin()
    assert password and len(password) >= 12
    admin = users.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert authenticate(username="admin", password=password) == admin

    # A second run leaves the account alone and prints no password.
    assert ensure_local_admin() is None
    assert authenticate(username="admin", password=password) == admin

    # --reset makes a new password; the old one stops working, the new one logs in to the admin.
    new_password = ensure_local_admin("--reset")
    assert new_password and new_password != password
    assert authenticate(username="admin", password=password) is None
    assert client.login(username="admin", password=new_password)
    assert client.get("/admin/").status_code == 200

    # On a fresh database (no admin yet) the generated password is different every time.
    users.objects.all().delete()
    assert ensure_local_admin() not in {password, new_password, None}
    assert users.objects.filter(is_superuser=True).count() == 1
