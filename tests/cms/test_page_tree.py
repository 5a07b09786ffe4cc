"""Page-tree rules and model validation of the CMS, checked on the real database and the real admin forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.filters import region_index_values
from cms.models import (
    EventIndexPage,
    EventPage,
    GoalPage,
    HomePage,
    ObjectivePage,
    Organization,
    ProjectIndexPage,
    ProjectPage,
    Region,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
    StrategyPage,
    TaskForcePage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.conftest import add_page, days_from_today

UTC = dt.UTC


# Structure and validation do not depend on publication: these small trees are drafts (faster to build).


@pytest.fixture
def hub(db) -> HomePage:
    return add_page(Page.get_first_root_node(), HomePage, title="Hub", slug="hub", live=False)


@pytest.fixture
def goal_a(hub) -> GoalPage:
    strategy = add_page(hub, StrategyPage, title="Strategy", vision_2050="v", mission_2030="m", live=False)
    return add_page(strategy, GoalPage, title="Goal A", code="A", description="<p>Inception.</p>", live=False)


@pytest.fixture
def objective_a1(goal_a) -> ObjectivePage:
    return add_page(
        goal_a,
        ObjectivePage,
        title="Soil carbon in NDCs",
        code="A1",
        short_label="NDCs",
        description="Countries include soil carbon in their NDCs.",
        live=False,
    )


def page_form(title: str, **fields) -> dict:
    """POST data of a Wagtail page create/edit form: the page's own fields plus the empty comments formset."""
    return nested_form_data({"title": title, "comments": inline_formset([]), **fields})


def add_via_admin(client, model, parent: Page, data: dict):
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    return client.post(url, data)


# --- parent/child rules -----------------------------------------------------------------------------------


def test_listing_children_only_under_their_index(site_tree):
    tree = site_tree
    assert ProjectPage.can_create_at(tree.projects)
    assert not ProjectPage.can_create_at(tree.home)
    assert not ProjectPage.can_create_at(tree.resources)
    assert WebinarPage.can_create_at(tree.webinars)
    assert not WebinarPage.can_create_at(tree.events)
    assert EventPage.can_create_at(tree.events)
    assert not EventPage.can_create_at(tree.webinars)
    assert ResourcePage.can_create_at(tree.resources)
    assert not ResourcePage.can_create_at(tree.projects)
    # Index pages take only their own kind of child.
    assert not StandardPage.can_create_at(tree.projects)
    assert StandardPage.can_create_at(tree.home)


def test_singletons_have_max_count_one(site_tree):
    root = Page.get_first_root_node()
    tree = site_tree
    # Each exists once already in the site tree, so none can be added a second time.
    assert not HomePage.can_create_at(root)
    for model in (StrategyPage, ProjectIndexPage, WebinarIndexPage, EventIndexPage, ResourceIndexPage):
        assert model.max_count == 1
        assert not model.can_create_at(tree.home), model


def test_index_pages_can_be_created_when_absent(hub):
    for model in (StrategyPage, ProjectIndexPage, WebinarIndexPage, EventIndexPage, ResourceIndexPage):
        assert model.can_create_at(hub), model
    assert not GoalPage.can_create_at(hub)


def test_strategy_goal_objective_chain(hub, goal_a):
    strategy = goal_a.get_parent()
    assert GoalPage.can_create_at(strategy)
    assert not GoalPage.can_create_at(hub)
    assert ObjectivePage.can_create_at(goal_a)
    assert not ObjectivePage.can_create_at(strategy)
    assert not ObjectivePage.can_create_at(hub)
    assert not TaskForcePage.can_create_at(goal_a)
    assert not TaskForcePage.can_create_at(strategy)


def test_one_task_force_per_objective(goal_a, objective_a1):
    assert TaskForcePage.can_create_at(objective_a1)
    add_page(
        objective_a1,
        TaskForcePage,
        title="Task Force A1",
        purpose="Support NDCs.",
        how_to_join="<p>Write.</p>",
        live=False,
    )
    assert not TaskForcePage.can_create_at(objective_a1)
    # The limit is per objective: another objective still takes one.
    a2 = add_page(
        goal_a, ObjectivePage, title="Objective A2", code="A2", short_label="Two", description="d", live=False
    )
    assert TaskForcePage.can_create_at(a2)


def test_admin_refuses_page_type_under_wrong_parent(admin_client, site_tree):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with an error message.
    response = admin_client.get(f"/admin/pages/add/cms/projectpage/{site_tree.home.pk}/")
    assert response.status_code == 302
    assert response.url == "/admin/"
    response = admin_client.get(f"/admin/pages/add/cms/projectpage/{site_tree.projects.pk}/")
    assert response.status_code == 200


# --- model validation -------------------------------------------------------------------------------------


def test_objective_code_format(objective_a1):
    for code in ("Z9", "A10", "G1", "A0", "1A", "AA", ""):
        objective_a1.code = code
        with pytest.raises(ValidationError) as excinfo:
            objective_a1.full_clean()
        assert "code" in excinfo.value.error_dict, code
    objective_a1.code = "a3"
    objective_a1.full_clean()
    assert objective_a1.code == "A3"


def objective_form(code: str, title: str = "A new objective") -> dict:
    return page_form(
        title,
        slug=f"objective-{code.lower()}",
        code=code,
        short_label="Label",
        description="What the world looks like.",
        body=streamfield([]),
    )


def test_admin_rejects_objective_code_of_another_goal(admin_client, goal_a):
    response = add_via_admin(admin_client, ObjectivePage, goal_a, objective_form("B1"))
    assert response.status_code == 200
    assert "An objective of goal A has a code starting with A." in response.content.decode()
    assert not ObjectivePage.objects.filter(code="B1").exists()


def test_admin_accepts_objective_code_of_its_goal(admin_client, goal_a):
    # The same form data with a matching code saves: the error above comes from the goal-letter rule alone.
    response = add_via_admin(admin_client, ObjectivePage, goal_a, objective_form("a2"))
    assert response.status_code == 302
    objective = ObjectivePage.objects.get(code="A2")
    assert objective.get_parent().pk == goal_a.pk


def test_company_cannot_be_member(db):
    company = Organization(name="Agro Corp", kind=Organization.Kind.COMPANY, membership="member")
    with pytest.raises(ValidationError) as excinfo:
        company.full_clean()
    assert "membership" in excinfo.value.error_dict
    company.membership = Organization.Membership.PARTNER
    company.full_clean()
    ngo = Organization(name="Soil NGO", kind=Organization.Kind.NGO, membership="member")
    ngo.full_clean()


def test_organization_year_joined_not_in_future(db):
    org = Organization(name="Future Org", kind=Organization.Kind.NGO, year_joined=dt.date.today().year + 1)
    with pytest.raises(ValidationError) as excinfo:
        org.full_clean()
    assert "year_joined" in excinfo.value.error_dict


def test_region_rules(db):
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    assert africa.slug == "africa"
    europe = Region.objects.create(name="Europe", kind=Region.Kind.REGION)

    nested = Region(name="Sub-Africa", kind=Region.Kind.REGION, parent=africa)
    with pytest.raises(ValidationError) as excinfo:
        nested.clean()
    assert "parent" in excinfo.value.error_dict

    coded_region = Region(name="Oceania", kind=Region.Kind.REGION, iso_code="OC")
    with pytest.raises(ValidationError) as excinfo:
        coded_region.clean()
    assert "iso_code" in excinfo.value.error_dict

    for bad in ("F1", "F", "FRA"):
        country = Region(name="France", kind=Region.Kind.COUNTRY, iso_code=bad, parent=europe)
        with pytest.raises(ValidationError) as excinfo:
            country.full_clean()
        assert "iso_code" in excinfo.value.error_dict, bad

    france = Region(name="France", kind=Region.Kind.COUNTRY, iso_code="fr", parent=europe)
    france.full_clean()
    assert france.iso_code == "FR"
    france.save()
    # The index stores a place with its world region, so a search for Europe finds France (cms/filters.py).
    assert region_index_values([france]) == ["europe", "france"]


def project_form(start: str, end: str) -> dict:
    return page_form(
        "Agroforestry in the Sahel",
        slug="agroforestry-sahel",
        summary="Trees and crops.",
        status="idea",
        currency="EUR",
        start_date=start,
        end_date=end,
        body=streamfield([]),
        documents=inline_formset([]),
    )


def test_admin_rejects_project_ending_before_start(admin_client, hub):
    projects = add_page(hub, ProjectIndexPage, title="Projects", live=False)
    response = add_via_admin(admin_client, ProjectPage, projects, project_form("2024-05-01", "2024-01-31"))
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()
    assert not ProjectPage.objects.exists()

    response = add_via_admin(admin_client, ProjectPage, projects, project_form("2024-01-01", "2024-05-31"))
    assert response.status_code == 302
    project = ProjectPage.objects.get()
    assert (project.start_date, project.end_date) == (dt.date(2024, 1, 1), dt.date(2024, 5, 31))


def event_form(**fields) -> dict:
    return page_form(
        "Initiative Day",
        slug="initiative-day",
        kind="initiative_day",
        start_date="2025-11-10",
        end_date="2025-11-10",
        summary="Annual meeting.",
        body=streamfield([]),
        **fields,
    )


def test_admin_event_rules(admin_client, hub):
    events = add_page(hub, EventIndexPage, title="Events", live=False)
    response = add_via_admin(admin_client, EventPage, events, event_form())
    assert response.status_code == 200
    assert "Give a place, or tick &#x27;online&#x27;." in response.content.decode()

    data = event_form(location="Paris")
    data["end_date"] = "2025-11-09"
    response = add_via_admin(admin_client, EventPage, events, data)
    assert response.status_code == 200
    assert "The event ends before it starts." in response.content.decode()
    assert not EventPage.objects.exists()

    response = add_via_admin(admin_client, EventPage, events, event_form(online="on"))
    assert response.status_code == 302
    assert EventPage.objects.get().online is True


def resource_form(**fields) -> dict:
    return page_form(
        "Soil carbon guide",
        slug="soil-carbon-guide",
        kind="guideline",
        year="2023",
        language="en",
        summary="How to measure soil carbon.",
        body=streamfield([]),
        documents=inline_formset([]),
        **fields,
    )


def test_admin_rejects_resource_without_document_or_link(admin_client, hub):
    resources = add_page(hub, ResourceIndexPage, title="Resources", live=False)
    response = add_via_admin(admin_client, ResourcePage, resources, resource_form())
    assert response.status_code == 200
    assert "Attach a document or give an external link." in response.content.decode()
    assert not ResourcePage.objects.exists()

    response = add_via_admin(
        admin_client, ResourcePage, resources, resource_form(external_url="https://example.org/guide")
    )
    assert response.status_code == 302
    assert ResourcePage.objects.get().external_url == "https://example.org/guide"


# --- webinars: start instant and upcoming/past --------------------------------------------------------------


def add_webinar(parent, title, date, time, timezone="UTC") -> WebinarPage:
    return add_page(
        parent,
        WebinarPage,
        title=title,
        start_date=date,
        start_time=time,
        timezone=timezone,
        abstract="<p>About soils.</p>",
    )


def test_webinar_starts_at_in_utc(site_tree):
    summer = add_webinar(site_tree.webinars, "Summer", dt.date(2023, 9, 7), dt.time(14, 0), "Europe/Paris")
    summer.refresh_from_db()
    assert summer.starts_at == dt.datetime(2023, 9, 7, 12, 0, tzinfo=UTC)
    winter = add_webinar(site_tree.webinars, "Winter", dt.date(2023, 1, 10), dt.time(14, 0), "Europe/Paris")
    assert WebinarPage.objects.get(pk=winter.pk).starts_at == dt.datetime(2023, 1, 10, 13, 0, tzinfo=UTC)
    assert winter.ends_at == dt.datetime(2023, 1, 10, 14, 0, tzinfo=UTC)

    # Changing the time zone moves the stored instant on the next save.
    summer.timezone = "America/New_York"
    summer.save()
    assert WebinarPage.objects.get(pk=summer.pk).starts_at == dt.datetime(2023, 9, 7, 18, 0, tzinfo=UTC)


def test_webinar_rejects_unknown_time_zone(site_tree):
    webinar = add_webinar(site_tree.webinars, "Somewhere", dt.date(2023, 9, 7), dt.time(14, 0))
    webinar.timezone = "Mars/Olympus_Mons"
    with pytest.raises(ValidationError) as excinfo:
        webinar.full_clean()
    assert "timezone" in excinfo.value.error_dict


def test_webinar_upcoming_and_past_split(site_tree, rf):
    past = add_webinar(site_tree.webinars, "Past one", days_from_today(-30), dt.time(10, 0))
    older = add_webinar(site_tree.webinars, "Older one", days_from_today(-60), dt.time(10, 0))
    soon = add_webinar(site_tree.webinars, "Soon", days_from_today(10), dt.time(10, 0), "Asia/Tokyo")
    later = add_webinar(site_tree.webinars, "Later", days_from_today(40), dt.time(10, 0))
    draft = add_webinar(site_tree.webinars, "Draft", days_from_today(5), dt.time(10, 0))
    draft.unpublish()

    assert soon.is_upcoming and later.is_upcoming
    assert not past.is_upcoming and not older.is_upcoming

    context = site_tree.webinars.get_context(rf.get("/webinars/"))
    assert [w.pk for w in context["upcoming"]] == [soon.pk, later.pk]
    assert [w.pk for w in context["past"]] == [past.pk, older.pk]


def test_event_upcoming_includes_ongoing(site_tree, rf):
    ongoing = add_page(
        site_tree.events,
        EventPage,
        title="Ongoing",
        start_date=days_from_today(-1),
        end_date=days_from_today(1),
        location="Rome",
    )
    finished = add_page(
        site_tree.events,
        EventPage,
        title="Finished",
        start_date=days_from_today(-10),
        end_date=days_from_today(-9),
        online=True,
    )
    context = site_tree.events.get_context(rf.get("/events/"))
    assert [e.pk for e in context["upcoming"]] == [ongoing.pk]
    assert [e.pk for e in context["past"]] == [finished.pk]


def test_goal_codes_are_unique_in_the_admin(admin_client, goal_a):
    """A second goal A is refused by the admin form; goal B is created with its rich-text description."""
    strategy = goal_a.get_parent()
    data = page_form("Another goal A", slug="goal-a-bis", code="A", description=rich_text("<p>Again.</p>"))
    response = add_via_admin(admin_client, GoalPage, strategy, data)
    assert response.status_code == 200
    assert GoalPage.objects.filter(code="A").count() == 1
    data = page_form(
        "Goal B: Implementation", slug="goal-b", code="B", description=rich_text("<p>Do it.</p>")
    )
    response = add_via_admin(admin_client, GoalPage, strategy, data)
    assert response.status_code == 302
    assert "Do it." in GoalPage.objects.get(code="B").description
