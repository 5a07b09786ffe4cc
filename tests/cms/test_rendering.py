"""Every page type renders with its own content; listings filter; basic accessibility; privacy of pages."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms.models import (
    EventPage,
    GoalPage,
    ObjectivePage,
    Organization,
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
from tests.conftest import add_page, days_from_today, publish


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_ok(client, page_or_url) -> BeautifulSoup:
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url)
    assert response.status_code == 200, url
    return soup_of(response)


def titles_in(soup: BeautifulSoup, section_heading_id: str) -> list[str]:
    section = soup.find("section", attrs={"aria-labelledby": section_heading_id})
    assert section is not None, section_heading_id
    return [a.get_text(strip=True) for a in section.select(".card__title a")]


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def assert_accessible(soup: BeautifulSoup) -> None:
    """Basic structural accessibility: one h1, the landmarks, alt on images, a label for each form field."""
    assert len(soup.find_all("h1")) == 1
    for landmark in ("main", "header", "footer"):
        assert len(soup.find_all(landmark)) == 1, landmark
    assert soup.select_one("header nav[aria-label=Main]") is not None
    assert soup.find("main").get("id") == "main"
    assert soup.find("a", href="#main") is not None  # skip link
    for img in soup.find_all("img"):
        assert img.get("alt") is not None, img
    labelled = {label.get("for") for label in soup.find_all("label")}
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.name == "input" and field.get("type") in {"hidden", "submit", "button"}:
            continue
        has_label = field.get("id") in labelled or field.get("aria-label") or field.get("aria-labelledby")
        assert has_label, f"form field without label: {field}"


def make_document(title: str, filename: str = "report.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(b"%PDF-1.4 test document"), save=False)
    document.save()
    return document


def make_image(title: str = "Field trial"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), "green").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="field.png"))


def put_listings_in_menu(site_tree) -> None:
    """Show the listing pages in the main navigation (a flag only: no new revision needed for the menu)."""
    pages = [
        site_tree.strategy,
        site_tree.projects,
        site_tree.webinars,
        site_tree.events,
        site_tree.resources,
    ]
    Page.objects.filter(pk__in=[p.pk for p in pages]).update(show_in_menus=True)


# --- directory data shared by the listing tests -------------------------------------------------------------


@pytest.fixture
def directory(db):
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
    )
    return {
        "africa": africa,
        "europe": europe,
        "kenya": kenya,
        "france": france,
        "agroforestry": agroforestry,
        "cover_crops": cover_crops,
        "inrae": inrae,
    }


@pytest.fixture
def strategy(site_tree):
    goal_a = add_page(
        site_tree.strategy,
        GoalPage,
        title="Goal A: Inception",
        code="A",
        description="<p>Shape the policies.</p>",
    )
    goal_b = add_page(
        site_tree.strategy,
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
        description="Countries count soil carbon.",
        baseline_2020="12 countries",
        target_2030="60 countries",
        target_2050="All countries",
    )
    b1 = add_page(
        goal_b,
        ObjectivePage,
        title="[Placeholder] Farm advisory",
        code="B1",
        short_label="Advice",
        description="Placeholder text.",
        is_placeholder=True,
    )
    return {"A": goal_a, "B": goal_b, "A1": a1, "B1": b1}


@pytest.fixture
def projects(site_tree, strategy, directory):
    kenya_project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Kenyan agroforestry",
        summary="Trees on farms in Kenya.",
        status="funded",
        countries=[directory["kenya"]],
        practices=[directory["agroforestry"]],
        objectives=[strategy["A1"]],
    )
    france_project = add_page(
        site_tree.projects,
        ProjectPage,
        title="French cover crops",
        summary="Winter cover in France.",
        status="idea",
        countries=[directory["france"]],
        practices=[directory["cover_crops"]],
        objectives=[strategy["B1"]],
    )
    add_page(site_tree.projects, ProjectPage, title="Draft project", summary="Not published.", live=False)
    return {"kenya": kenya_project, "france": france_project}


# --- each page type -----------------------------------------------------------------------------------------


def test_home_page(client, site_tree):
    site_tree.home.intro = "Soils for food security and climate."
    site_tree.home.body = [("heading", {"text": "Why soil carbon", "level": "h2"})]
    publish(site_tree.home)
    put_listings_in_menu(site_tree)
    soup = get_ok(client, "/")
    assert soup.h1.get_text(strip=True) == "Soil Knowledge Hub"
    assert "Soils for food security and climate." in text_of(soup)
    assert soup.find("h2", string="Why soil carbon") is not None
    nav = soup.find("nav", attrs={"aria-label": "Main"})
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == [
        "Strategy",
        "Projects",
        "Webinars",
        "Events",
        "Resources",
        "Join",  # community's /join/, after the sections
    ]
    # The home page links each section in its "Explore" cards.
    assert [a.get_text(strip=True) for a in soup.select("section[aria-labelledby=sections-heading] a")] == [
        "Strategy",
        "Projects",
        "Webinars",
        "Events",
        "Resources",
    ]
    assert_accessible(soup)


def test_the_home_calendar_shows_the_next_initiative_day_and_the_next_partner_events(client, site_tree):
    def event(title, kind, days):
        add_page(
            site_tree.events,
            EventPage,
            title=title,
            kind=kind,
            start_date=days_from_today(days),
            end_date=days_from_today(days),
            location="Rome",
        )

    event("Past day", "initiative_day", -30)
    event("Second day", "initiative_day", 60)
    event("Next day", "initiative_day", 20)
    event("Community meeting", "cop_meeting", 1)
    event("Past partner event", "partner_event", -1)
    event("Later partner event", "partner_event", 40)
    event("B partner event", "partner_event", 10)
    event("A partner event", "partner_event", 10)
    site_tree.home.partner_events_count = 2
    publish(site_tree.home)
    calendar = get_ok(client, "/").find("section", attrs={"aria-labelledby": "calendar-heading"})
    titles = [a.get_text(strip=True) for a in calendar.find_all("a")]
    assert titles == ["Next day", "A partner event", "B partner event"]


def test_standard_page_with_image_and_child(client, site_tree):
    image = make_image()
    about = add_page(
        site_tree.home,
        StandardPage,
        title="About the hub",
        intro="Who we are.",
        body=[
            ("image", {"image": image, "alt_text": "A green field trial", "caption": "Trial"}),
            ("paragraph", RichText("<p>Founded at COP21.</p>")),
        ],
    )
    add_page(about, StandardPage, title="Legal notice", intro="Legal.")
    put_listings_in_menu(site_tree)
    soup = get_ok(client, about)
    assert soup.h1.get_text(strip=True) == "About the hub"
    assert "Founded at COP21." in text_of(soup)
    img = soup.find("img")
    assert img is not None and img["alt"] == "A green field trial"
    assert "Legal notice" in [a.get_text(strip=True) for a in soup.select(".link-list a")]
    breadcrumb = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert breadcrumb is not None and "About the hub" in breadcrumb.get_text()
    assert_accessible(soup)


def test_breadcrumbs_leave_out_an_unpublished_section(client, site_tree):
    """A live page under an unpublished section: no link to a 404, nor the title its editors took down."""
    section = add_page(site_tree.home, StandardPage, title="Withdrawn programme", intro="Gone.")
    leaf = add_page(section, StandardPage, title="Still public note", intro="Here.")
    add_page(leaf, StandardPage, title="Deeper note", intro="Here too.")
    section.unpublish()
    deeper = StandardPage.objects.get(title="Deeper note")
    breadcrumb = get_ok(client, deeper).find("nav", attrs={"aria-label": "Breadcrumb"})
    assert breadcrumb is not None and "Still public note" in breadcrumb.get_text()
    assert "Withdrawn programme" not in breadcrumb.get_text()
    assert section.url not in [a["href"] for a in breadcrumb.find_all("a")]


def test_strategy_goal_objective_and_task_force_pages(client, site_tree, strategy, directory):
    put_listings_in_menu(site_tree)
    soup = get_ok(client, site_tree.strategy)
    text = text_of(soup)
    assert "Healthy, carbon-rich soils." in text and "A framework for action on soil health." in text
    assert "Goal A: Inception" in text and "Goal B: Implementation" in text
    assert "Soil carbon in national climate plans" in text

    soup = get_ok(client, strategy["A"])
    assert "Shape the policies." in text_of(soup)
    assert [a.get_text(strip=True) for a in soup.select(".objective-cards .card__title a")] == [
        "Soil carbon in national climate plans"
    ]

    soup = get_ok(client, strategy["A1"])
    assert soup.h1.get_text(strip=True) == "Soil carbon in national climate plans"
    assert soup.find(class_="notice--placeholder") is None
    rows = {
        tr.th.get_text(strip=True): tr.td.get_text(strip=True)
        for tr in soup.select(".targets-table tbody tr")
    }
    assert rows == {
        "Baseline 2020": "12 countries",
        "Target 2030": "60 countries",
        "Target 2050": "All countries",
    }
    assert "No task force has been published for this objective yet." in text_of(soup)
    assert_accessible(soup)

    # A placeholder objective says so, and its targets are "not defined yet".
    soup = get_ok(client, strategy["B1"])
    notice = soup.find(class_="notice--placeholder")
    assert notice is not None and "Placeholder" in notice.get_text()
    rows = {
        tr.th.get_text(strip=True): tr.td.get_text(strip=True)
        for tr in soup.select(".targets-table tbody tr")
    }
    assert set(rows.values()) == {"Not defined yet"}
    assert "(placeholder)" in soup.select_one(".targets-table caption").get_text()

    # The task force lists its members with their role labels, and the objective links to it.
    leader = Person.objects.create(
        name="Amina Diallo", organization=directory["inrae"], job_title="Soil scientist"
    )
    member = Person.objects.create(name="Jon Smith")
    task_force = add_page(
        strategy["A1"],
        TaskForcePage,
        title="Task Force A1",
        purpose="Bring soil carbon into NDCs.",
        how_to_join="<p>Write to the secretariat.</p>",
        members=[
            TaskForceMember(person=leader, role="leader"),
            TaskForceMember(person=member, role="team_member"),
        ],
    )
    soup = get_ok(client, task_force)
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in soup.select("table tbody tr")
    ]
    assert rows[0][0].startswith("Amina Diallo")
    assert rows[0][1] == "Institut national de recherche (INRAE)"
    assert rows[0][2] == "Task Force Leader"
    assert rows[1] == ["Jon Smith", "Individual", "Team Member"]
    assert "Bring soil carbon into NDCs." in text_of(soup)
    assert "Write to the secretariat." in text_of(soup)
    assert_accessible(soup)
    objective = get_ok(client, strategy["A1"])
    assert objective.find("a", href=task_force.url) is not None


PROJECT_FILTERS = [
    ("", ["French cover crops", "Kenyan agroforestry"]),
    ("?status=funded", ["Kenyan agroforestry"]),
    ("?status=idea", ["French cover crops"]),
    ("?status=bogus", ["French cover crops", "Kenyan agroforestry"]),  # unknown values are ignored
    ("?goal=B", ["French cover crops"]),
    ("?goal=a", ["Kenyan agroforestry"]),
    ("?objective=a1", ["Kenyan agroforestry"]),
    ("?practice=cover-crops", ["French cover crops"]),
    ("?region=africa", ["Kenyan agroforestry"]),  # a world region finds the projects in its countries
    ("?region=kenya", ["Kenyan agroforestry"]),
    ("?region=france", ["French cover crops"]),
    ("?region=europe&practice=cover-crops&goal=B", ["French cover crops"]),
    ("?region=europe&status=funded", []),
]


def test_project_index_filters(client, site_tree, projects):
    put_listings_in_menu(site_tree)
    # One page tree for every filter case (building the tree is the slow part).
    for query, expected in PROJECT_FILTERS:
        soup = get_ok(client, site_tree.projects.url + query)
        assert titles_in(soup, "results-heading") == expected, query
        heading = soup.find(id="results-heading").get_text(" ", strip=True)
        assert heading.startswith(f"{len(expected)} project"), query
        if not expected:
            assert "No project matches these filters." in text_of(soup)

    soup = get_ok(client, site_tree.projects.url + "?region=africa&practice=agroforestry")
    assert soup.select_one("#f-region option[selected]")["value"] == "africa"
    assert soup.select_one("#f-practice option[selected]")["value"] == "agroforestry"
    assert soup.find("a", class_="clear-link") is not None
    assert_accessible(soup)
    assert get_ok(client, site_tree.projects).find("a", class_="clear-link") is None


def test_project_page_with_funding_and_document(client, site_tree, directory, strategy):
    document = make_document("Project concept note", "concept-note.pdf")
    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Sahel soil restoration",
        summary="Restoring degraded soils.",
        status="seeking_funding",
        funding_sought=Decimal(1_500_000),
        funding_secured=Decimal(400_000),
        currency="EUR",
        start_date=dt.date(2024, 3, 1),
        end_date=dt.date(2027, 2, 28),
        lead_organization=directory["inrae"],
        countries=[directory["kenya"]],
        objectives=[strategy["A1"]],
        documents=[ProjectPage.documents.rel.related_model(document=document, caption="Two-page summary")],
    )
    soup = get_ok(client, project)
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in soup.select("dl.facts > div")
    }
    assert facts["Status"] == "Seeking funding"
    assert facts["Funding sought"] == "1,500,000 EUR"
    assert facts["Funding secured"] == "400,000 EUR"
    assert facts["Funding gap"] == "1,100,000 EUR"
    assert facts["Lead organization"] == "Institut national de recherche"
    assert facts["Countries and regions"] == "Kenya"
    assert "1 March 2024" in facts["Dates"] and "28 February 2027" in facts["Dates"]
    link = soup.find("a", class_="doc-link")
    assert link is not None and link["href"] == document.url
    assert "Project concept note" in link.get_text()
    assert "Two-page summary" in text_of(soup)
    assert soup.find("a", href=strategy["A1"].url) is not None
    # The attached document is really served at that link.
    assert client.get(document.url).status_code == 200


def test_webinar_index_and_page(client, site_tree, directory):
    speaker = Person.objects.create(name="Claire Chenu", organization=directory["inrae"])
    upcoming = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Carbon markets explained",
        start_date=days_from_today(14),
        start_time=dt.time(14, 0),
        timezone="Europe/Paris",
        abstract="<p>How soil carbon credits work.</p>",
        speakers=[speaker],
        registration_url="https://example.org/register",
    )
    past = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Measuring SOC",
        start_date=days_from_today(-20),
        start_time=dt.time(9, 30),
        abstract="<p>Sampling designs.</p>",
        recording_url="https://example.org/recording",
    )
    soup = get_ok(client, site_tree.webinars)
    assert titles_in(soup, "upcoming-heading") == ["Carbon markets explained"]
    assert titles_in(soup, "past-heading") == ["Measuring SOC"]

    soup = get_ok(client, upcoming)
    text = text_of(soup)
    assert "How soil carbon credits work." in text and "Claire Chenu" in text
    assert "14:00" in text and "Europe/Paris" in text
    assert soup.find("a", href="https://example.org/register") is not None

    soup = get_ok(client, past)
    assert soup.find("a", href="https://example.org/recording") is not None
    assert "Register for this webinar" not in text_of(soup)


def test_event_index_and_page(client, site_tree, directory):
    coming = add_page(
        site_tree.events,
        EventPage,
        title="4 per 1000 Day",
        kind="initiative_day",
        start_date=days_from_today(30),
        end_date=days_from_today(31),
        location="Rome, Italy",
        summary="The annual meeting.",
        organizer=directory["inrae"],
        regions=[directory["europe"]],
    )
    add_page(
        site_tree.events,
        EventPage,
        title="Online community meeting",
        kind="cop_meeting",
        start_date=days_from_today(-40),
        end_date=days_from_today(-40),
        online=True,
    )
    soup = get_ok(client, site_tree.events)
    assert titles_in(soup, "upcoming-heading") == ["4 per 1000 Day"]
    assert titles_in(soup, "past-heading") == ["Online community meeting"]

    soup = get_ok(client, coming)
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in soup.select("dl.facts > div")
    }
    assert facts["Type"] == "4 per 1000 Initiative Day"
    assert facts["Where"] == "Rome, Italy"
    assert facts["Organizer"] == "Institut national de recherche"
    assert facts["Regions"] == "Europe"
    assert "The annual meeting." in text_of(soup)


@pytest.fixture
def resources(site_tree, strategy, directory):
    report = add_page(
        site_tree.resources,
        ResourcePage,
        title="Soil carbon report",
        kind="report",
        year=2022,
        language="en",
        summary="A report.",
        external_url="https://example.org/report",
        practices=[directory["agroforestry"]],
        objectives=[strategy["A1"]],
        authors="Ana Lopez; Bo Chen",
    )
    guide = add_page(
        site_tree.resources,
        ResourcePage,
        title="Guide des couverts",
        kind="guideline",
        year=2023,
        language="fr",
        summary="Un guide.",
        external_url="https://example.org/guide",
        practices=[directory["cover_crops"]],
        objectives=[strategy["B1"]],
    )
    return {"report": report, "guide": guide}


RESOURCE_FILTERS = [
    ("", ["Guide des couverts", "Soil carbon report"]),  # newest first
    ("?kind=report", ["Soil carbon report"]),
    ("?language=fr", ["Guide des couverts"]),
    ("?practice=agroforestry", ["Soil carbon report"]),
    ("?objective=b1", ["Guide des couverts"]),
    ("?kind=report&language=fr", []),
]


def test_resource_index_filters_and_resource_page(client, site_tree, resources, strategy):
    put_listings_in_menu(site_tree)
    for query, expected in RESOURCE_FILTERS:
        soup = get_ok(client, site_tree.resources.url + query)
        assert titles_in(soup, "results-heading") == expected, query
        if not expected:
            assert "No resource matches these filters." in text_of(soup)
    assert [o["value"] for o in soup.select("#f-language option") if o["value"]] == ["en", "fr"]
    assert_accessible(soup)

    document = make_document("Guide PDF", "guide.pdf")
    guide = resources["guide"]
    guide.documents = [ResourcePage.documents.rel.related_model(document=document)]
    publish(guide)
    soup = get_ok(client, guide)
    assert soup.h1.get_text(strip=True) == "Guide des couverts"
    facts = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in soup.select("dl.facts > div")
    }
    assert facts == {
        "Type": "Guideline",
        "Year": "2023",
        "Language": "French",
        "Soil practices": "Cover crops",
    }
    assert soup.find("a", class_="doc-link")["href"] == document.url
    assert soup.find("a", href="https://example.org/guide") is not None
    assert soup.find("a", href=strategy["B1"].url) is not None
    assert_accessible(soup)

    soup = get_ok(client, resources["report"])
    assert soup.select_one(".byline").get_text(strip=True) == "By Ana Lopez, Bo Chen"
    assert soup.find("a", class_="doc-link") is None


# --- errors, drafts and privacy -----------------------------------------------------------------------------


def test_not_found_and_unpublished_pages(client, site_tree):
    put_listings_in_menu(site_tree)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert_accessible(soup)

    draft = add_page(
        site_tree.projects, ProjectPage, title="Secret draft", summary="Draft summary.", live=False
    )
    response = client.get(f"{site_tree.projects.url}{draft.slug}/")
    assert response.status_code == 404
    assert "Draft summary." not in response.content.decode()
    assert "Secret draft" not in client.get(site_tree.projects.url).content.decode()

    project = add_page(site_tree.projects, ProjectPage, title="Was live", summary="Once public.")
    assert client.get(project.url).status_code == 200
    project.unpublish()
    assert client.get(project.url).status_code == 404
    assert "Was live" not in client.get(site_tree.projects.url).content.decode()


def test_restricted_pages_hide_content_from_anonymous(client, site_tree):
    by_password = add_page(
        site_tree.home,
        StandardPage,
        title="Password corner",
        intro="Confidential pipeline.",
        show_in_menus=True,
    )
    by_login = add_page(
        site_tree.home, StandardPage, title="Login corner", intro="Members-only minutes.", show_in_menus=True
    )
    restriction = PageViewRestriction.objects.create(
        page=by_password, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    PageViewRestriction.objects.create(page=by_login, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(by_login.url)
    assert response.status_code == 302 and "login" in response.url
    assert "Members-only minutes." not in response.content.decode()

    response = client.get(by_password.url)
    assert response.status_code == 200
    assert "Confidential pipeline." not in response.content.decode()
    assert soup_of(response).find("input", attrs={"type": "password"}) is not None

    # Neither is offered in the public menu.
    home = client.get("/").content.decode()
    assert "Password corner" not in home and "Login corner" not in home

    # The right password opens the page (the restriction really guards this content).
    url = f"/_util/authenticate_with_password/{restriction.pk}/{by_password.pk}/"
    client.post(url, {"password": "wrong", "return_url": by_password.url})
    assert "Confidential pipeline." not in client.get(by_password.url).content.decode()
    response = client.post(url, {"password": "s3cret-pass", "return_url": by_password.url})
    assert response.status_code == 302
    assert "Confidential pipeline." in client.get(by_password.url).content.decode()


def test_a_page_under_a_restricted_page_or_an_alias_of_one_is_restricted_too(client, site_tree):
    """Wagtail's view check, which page views answer without a query when nothing can restrict the page
    (cms/routing.py): a restriction applies to the subtree below it and, through an alias, to the alias."""
    members = add_page(site_tree.home, StandardPage, title="Members", intro="Members only.")
    minutes = add_page(members, StandardPage, title="Minutes", intro="Members-only minutes.")
    alias = members.create_alias(parent=site_tree.strategy, update_slug="members-alias")
    # After the alias: Wagtail copies a page's restrictions to a new alias, but later ones stay on the source.
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    public = add_page(site_tree.home, StandardPage, title="Open", intro="For everyone.")

    for page in (members, minutes, alias):
        response = client.get(page.url)
        assert response.status_code == 302 and "login" in response.url, page.url
    assert "For everyone." in client.get(public.url).content.decode()
