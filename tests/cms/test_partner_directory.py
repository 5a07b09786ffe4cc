"""The partner directory at /partners/ and the organization profiles at /partners/<slug>/: filters (kind, member or
partner, country or world region, year joined), name search, A-Z, counts, pagination; a profile shows only what
visible pages say (no draft project, no private page, no pending task force application)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import PageViewRestriction

from cms.models import (
    EventPage,
    Organization,
    PartnerDirectoryPage,
    Person,
    ProjectPage,
    Region,
    ResourcePage,
    TaskForceMember,
    TaskForcePage,
)
from cms.models.directory import profile_urls
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(site_tree):
    europe = Region.objects.create(name="Europe", kind=Region.Kind.REGION)
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    france = Region.objects.create(name="France", kind=Region.Kind.COUNTRY, parent=europe, iso_code="FR")
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    ghana = Region.objects.create(name="Ghana", kind=Region.Kind.COUNTRY, parent=africa, iso_code="GH")
    K = Organization.Kind
    rows = [
        ("INRAE", "research", "member", france, 2015),
        ("Agrinova France", "company", "partner", france, 2019),
        ("Kenya Soil Alliance", "farmers_organization", "member", kenya, 2018),
        ("Ghana Green Fund", "foundation", "partner", ghana, 2018),
        ("African Soil Bank", "development_bank", "partner", africa, 2021),
        ("4 Seasons Cooperative", K.FARMERS_ORGANIZATION, "member", None, None),
    ]
    orgs = {
        name: Organization.objects.create(
            name=name, kind=kind, membership=membership, country=country, year_joined=year
        )
        for name, kind, membership, country, year in rows
    }
    page = add_page(
        site_tree.home, PartnerDirectoryPage, title="Partners", slug="partners", intro="<p>Who.</p>"
    )
    site_tree.directory = page
    site_tree.orgs = orgs
    return site_tree


def names(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".directory-list .card__title a")]


def heading(client, url: str) -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return " ".join(soup.find(id="results-heading").get_text().split())


def test_every_organization_is_listed_with_its_count(client, directory):
    assert names(client, "/partners/") == [
        "4 Seasons Cooperative",
        "African Soil Bank",
        "Agrinova France",
        "Ghana Green Fund",
        "INRAE",
        "Kenya Soil Alliance",
    ]
    assert heading(client, "/partners/") == "6 partner organizations"


def test_filters_by_kind_membership_year_and_place(client, directory):
    assert names(client, "/partners/?kind=research") == ["INRAE"]
    assert names(client, "/partners/?membership=member") == [
        "4 Seasons Cooperative",
        "INRAE",
        "Kenya Soil Alliance",
    ]
    assert names(client, "/partners/?year=2018") == ["Ghana Green Fund", "Kenya Soil Alliance"]
    assert names(client, "/partners/?region=kenya") == ["Kenya Soil Alliance"]
    # A world region includes its countries (and organizations filed under the region itself).
    assert names(client, "/partners/?region=africa") == [
        "African Soil Bank",
        "Ghana Green Fund",
        "Kenya Soil Alliance",
    ]
    assert names(client, "/partners/?region=africa&membership=partner") == [
        "African Soil Bank",
        "Ghana Green Fund",
    ]
    assert heading(client, "/partners/?region=africa") == "3 of 6 partner organizations match"


def test_a_bad_filter_value_is_named_next_to_its_field(client, directory):
    response = client.get("/partners/?kind=spaceship")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Unknown type 'spaceship'" in soup.find(id="f-kind-error").get_text()
    assert len(soup.select(".directory-list .card")) == 6


def test_name_search_and_a_to_z(client, directory):
    assert names(client, "/partners/?q=soil") == ["African Soil Bank", "Kenya Soil Alliance"]
    assert names(client, "/partners/?q=inrae") == ["INRAE"]
    assert names(client, "/partners/?letter=a") == ["African Soil Bank", "Agrinova France"]
    assert names(client, "/partners/?letter=%23") == ["4 Seasons Cooperative"]
    assert names(client, "/partners/?letter=A&region=europe") == ["Agrinova France"]
    soup = BeautifulSoup(client.get("/partners/").content, "html.parser")
    linked = [a.get_text(strip=True) for a in soup.select(".az-nav a")]
    assert linked == ["All", "A", "G", "I", "K", "#Names starting with a digit or a sign"]
    assert [s.get_text() for s in soup.select(".az-nav__empty")][:3] == ["B", "C", "D"]


def test_pagination_shows_every_organization_once(client, directory):
    Organization.objects.bulk_create(
        [Organization(name=f"Zeta partner {n:02}", slug=f"zeta-{n}", kind="ngo") for n in range(30)]
    )
    first = names(client, "/partners/")
    second = names(client, "/partners/?page=2")
    assert len(first) == PartnerDirectoryPage.page_size and len(second) == 36 - PartnerDirectoryPage.page_size
    assert sorted(first + second) == sorted(Organization.objects.values_list("name", flat=True))
    assert heading(client, "/partners/?page=2") == "36 partner organizations"
    # The next page keeps the filters.
    soup = BeautifulSoup(client.get("/partners/?kind=ngo").content, "html.parser")
    assert soup.find("a", rel="next")["href"] == "?kind=ngo&page=2"
    assert soup.select_one("nav.pagination")["aria-label"] == "Directory pages"


def test_slugs_are_made_unique_from_names(directory):
    assert directory.orgs["INRAE"].slug == "inrae"
    twin = Organization.objects.create(name="INRAE!", kind="research")
    assert twin.slug == "inrae-2"


@pytest.fixture
def profile_content(directory, django_capture_on_commit_callbacks):
    tree = directory
    inrae, kenya_alliance = tree.orgs["INRAE"], tree.orgs["Kenya Soil Alliance"]
    add_page(
        tree.projects,
        ProjectPage,
        title="Agroforestry in Burgundy",
        summary="Trees.",
        lead_organization=inrae,
    )
    partnered = add_page(tree.projects, ProjectPage, title="Rangelands of Kenya", summary="Grazing.")
    partnered.partner_organizations.set([inrae])
    partnered.lead_organization = kenya_alliance
    partnered.save_revision().publish()
    add_page(
        tree.projects,
        ProjectPage,
        title="Secret draft idea",
        summary="Draft.",
        lead_organization=inrae,
        live=False,
    )
    private = add_page(
        tree.projects, ProjectPage, title="Members-only pilot", summary="Hidden.", lead_organization=inrae
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    resource = add_page(
        tree.resources,
        ResourcePage,
        title="Soil carbon guide",
        kind="guideline",
        year=2024,
        summary="How to measure.",
        external_url="https://example.org/guide",
    )
    resource.organizations.set([inrae])
    resource.save_revision().publish()
    add_page(
        tree.events,
        EventPage,
        title="Soil day in Paris",
        start_date=days_from_today(5),
        end_date=days_from_today(5),
        location="Paris",
        organizer=inrae,
    )
    add_page(
        tree.events,
        EventPage,
        title="Draft workshop",
        start_date=days_from_today(9),
        end_date=days_from_today(9),
        location="Paris",
        organizer=inrae,
        live=False,
    )
    from cms.models import GoalPage, ObjectivePage

    goal = add_page(tree.strategy, GoalPage, title="Goal A", code="A", description="<p>A.</p>")
    objective = add_page(
        goal, ObjectivePage, title="Objective A1", code="A1", short_label="NDCs", description="D."
    )
    task_force = add_page(
        objective, TaskForcePage, title="Task Force A1", purpose="P.", how_to_join="<p>J.</p>"
    )
    leader = Person.objects.create(name="Claire Chenu", organization=inrae)
    TaskForceMember.objects.create(page=task_force, person=leader, role="leader")
    task_force.save_revision().publish()
    tree.task_force = task_force
    return tree


def profile(client, organization) -> BeautifulSoup:
    response = client.get(f"/partners/{organization.slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_links(soup, heading_id: str) -> list[str]:
    section = soup.find(attrs={"aria-labelledby": heading_id})
    return [a.get_text(strip=True) for a in section.find_all("a")]


def test_a_profile_shows_what_visible_pages_say(client, profile_content):
    inrae = profile_content.orgs["INRAE"]
    soup = profile(client, inrae)
    assert soup.h1.get_text(" ", strip=True) == "INRAE"
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(soup.select(".facts dt"), soup.select(".facts dd"), strict=True)
    }
    assert facts == {
        "Kind": "Research and education",
        "Country": "France (Europe)",
        "Member since": "2015",
    }
    assert section_links(soup, "projects-heading") == ["Agroforestry in Burgundy", "Rangelands of Kenya"]
    assert [
        h.get_text() for h in soup.find(attrs={"aria-labelledby": "projects-heading"}).find_all("h3")
    ] == [
        "Projects it leads",
        "Projects it is a partner of",
    ]
    assert section_links(soup, "resources-heading") == ["Soil carbon guide"]
    assert section_links(soup, "events-heading") == ["Soil day in Paris"]
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
        for tr in soup.select("#roles-heading ~ div tbody tr")
    ]
    assert rows == [["Claire Chenu", "Task Force A1", "Task Force Leader"]]
    text = soup.get_text()
    assert (
        "Secret draft idea" not in text and "Members-only pilot" not in text and "Draft workshop" not in text
    )
    assert client.get("/partners/no-such-organization/").status_code == 404


def test_a_pending_task_force_application_is_not_on_the_profile(client, profile_content):
    from community.models import TaskForceApplication

    inrae = profile_content.orgs["INRAE"]
    TaskForceApplication.objects.create(
        task_force=profile_content.task_force,
        name="Pending Applicant",
        email="pending@example.org",
        organization=inrae,
        role="team_member",
        motivation="Sample motivation.",
    )
    # A draft of the task force page with a new roster line is not the published roster either.
    task_force = profile_content.task_force
    draft_person = Person.objects.create(name="Draft Roster Person", organization=inrae)
    task_force.members.add(TaskForceMember(person=draft_person, role="team_member"))
    task_force.save_revision()
    text = profile(client, inrae).get_text()
    assert "Claire Chenu" in text
    assert "Pending Applicant" not in text and "pending@example.org" not in text
    assert "Draft Roster Person" not in text


def test_a_private_task_force_is_not_on_the_profile(client, profile_content):
    PageViewRestriction.objects.create(
        page=profile_content.task_force, restriction_type=PageViewRestriction.LOGIN
    )
    text = profile(client, profile_content.orgs["INRAE"]).get_text()
    assert "Claire Chenu" not in text and "Task Force A1" not in text


def test_profile_urls_for_a_sitemap(directory):
    urls = dict(profile_urls())
    assert set(urls) == {f"/partners/{org.slug}/" for org in directory.orgs.values()}
    assert all(lastmod is not None for lastmod in urls.values())
    directory.directory.unpublish()
    assert profile_urls() == []


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_directory_is_cached_and_a_change_of_organization_shows_at_once(client, directory):
    client.get("/partners/")
    assert client.get("/partners/")["X-Page-Cache"] == "hit"
    Organization.objects.create(name="Brand New Partner", kind="ngo")
    assert "Brand New Partner" in names(client, "/partners/")


def test_the_sitemap_lists_the_profiles_while_the_directory_is_visible(client, directory):
    import xml.etree.ElementTree as ET

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

    def locations():
        root = ET.fromstring(client.get("/sitemap.xml").content)
        return {url.findtext(f"{namespace}loc") for url in root.findall(f"{namespace}url")}

    profiles = {f"http://testserver/partners/{org.slug}/" for org in directory.orgs.values()}
    assert profiles <= locations()
    directory.directory.unpublish()
    assert not profiles & locations()
