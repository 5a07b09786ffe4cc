"""The demo content: `load_demo_content` is idempotent and delivers what the content brief asks for.

The full demo content is loaded (twice, the second time with its indexing) once for this module, inside a transaction that is rolled back at
the end, so the other test modules never see it. The first load happens on a day past every fixed date of the
demo data and the second one 400 days later (time_machine), so that "upcoming" and idempotency are checked on
days other than the one the data was written on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision, Site

from cms.models import (
    EventIndexPage,
    EventPage,
    GoalPage,
    HomePage,
    ObjectivePage,
    Organization,
    Person,
    ProjectIndexPage,
    ProjectPage,
    Region,
    ResourceDocument,
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
from knowledge.models import SITE_NAMESPACE, Source

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

FIRST_LOAD = dt.datetime(2030, 6, 1, 9, 0, tzinfo=dt.UTC)  # after every fixed date of the demo data
SECOND_LOAD = FIRST_LOAD + dt.timedelta(days=400)

COUNTED = [
    HomePage,
    StandardPage,
    StrategyPage,
    GoalPage,
    ObjectivePage,
    TaskForcePage,
    TaskForceMember,
    ProjectIndexPage,
    ProjectPage,
    WebinarIndexPage,
    WebinarPage,
    EventIndexPage,
    EventPage,
    ResourceIndexPage,
    ResourcePage,
    ResourceDocument,
    Organization,
    Person,
    Region,
    SoilPractice,
    Page,
    Site,
    Collection,
]


def counts() -> dict[str, int]:
    result = {model.__name__: model.objects.count() for model in COUNTED}
    result["Document"] = get_document_model().objects.count()
    result["Revision"] = Revision.objects.count()
    return result


def load(*options: str) -> str:
    out = io.StringIO()
    call_command("load_demo_content", *options, stdout=out)
    return out.getvalue()


@dataclass
class DemoRuns:
    first_output: str
    second_output: str
    after_first: dict[str, int]
    after_second: dict[str, int]
    max_revision_after_first: int | None
    max_revision_after_second: int | None


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with time_machine.travel(FIRST_LOAD):
            first = load("--skip-index")
        after_first = counts()
        max_first = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
        with time_machine.travel(SECOND_LOAD):
            second = load()  # without --skip-index: it ends with `reindex`
        after_second = counts()
        max_second = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
        yield DemoRuns(first, second, after_first, after_second, max_first, max_second)
        transaction.set_rollback(True)


def test_upcoming_webinars_and_events_are_upcoming_on_the_day_of_the_first_load(demo):
    first_day = FIRST_LOAD.date()
    upcoming_webinars = WebinarPage.objects.live().filter(start_date__gt=first_day)
    upcoming_events = EventPage.objects.live().filter(start_date__gt=first_day)
    assert upcoming_webinars.count() == 4 and upcoming_events.count() == 3
    # Within the next year, and unchanged by the second load 400 days later (idempotent, see the next test).
    year_ahead = first_day + dt.timedelta(days=365)
    assert all(page.start_date <= year_ahead for page in [*upcoming_webinars, *upcoming_events])
    assert all(event.end_date >= event.start_date for event in upcoming_events)


def test_second_run_changes_nothing(demo):
    assert "Demo content created" in demo.first_output
    assert "nothing changed" in demo.second_output
    assert "created" not in demo.second_output.replace("already", "")
    assert demo.after_second == demo.after_first
    # No page was saved again: no new revision at all.
    assert demo.max_revision_after_second == demo.max_revision_after_first


def test_without_skip_index_the_loader_ends_by_indexing_the_site(demo):
    assert "Demo content already up to date" in demo.second_output
    done = re.search(
        r"Done in [\d.]+s: (\d+) indexed, (\d+) unchanged, \d+ removed, (\d+) failed", demo.second_output
    )
    assert done, demo.second_output
    indexed, unchanged, failed = map(int, done.groups())
    assert (unchanged, failed) == (0, 0) and indexed > 150, demo.second_output[-3000:]
    public_pages = Page.objects.live().public().exclude(depth=1).count()
    indexed_pages = Source.objects.filter(namespace=SITE_NAMESPACE, kind="page", status="indexed")
    assert indexed_pages.filter(audience=[]).count() == public_pages
    # The members' spaces (with their posts and meetings) are indexed for their members only.
    space_pages = Page.objects.live().type(SpacePage, SpacePostPage, SpaceMeetingPage).count()
    assert indexed_pages.exclude(audience=[]).count() == space_pages == 25 * 4
    assert Source.objects.filter(namespace=SITE_NAMESPACE, kind="document", status="indexed").count() >= 20
    assert "Indexing" not in demo.first_output  # --skip-index


def english(model):
    return model.objects.filter(locale__language_code="en")


def test_counts_meet_the_content_brief(demo):
    assert english(GoalPage).live().count() == 6
    assert sorted(english(GoalPage).values_list("code", flat=True)) == list("ABCDEF")
    assert english(ObjectivePage).live().count() == 24
    assert english(TaskForcePage).live().count() == 24
    # Each objective has exactly its one task force.
    assert all(
        objective.get_children().type(TaskForcePage).count() == 1 for objective in ObjectivePage.objects.all()
    )
    assert english(ProjectPage).live().count() >= 30
    assert english(WebinarPage).live().count() == 12
    assert english(EventPage).live().count() == 10
    # Resources: the English ones and those written in French or Spanish (in their own locale), not translations.
    assert ResourcePage.objects.live().values("translation_key").distinct().count() >= 40
    assert Organization.objects.count() == 60
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    # Every objective code is well formed and under its own goal.
    for objective in ObjectivePage.objects.all():
        assert re.fullmatch(r"[A-F][1-9]", objective.code)
        assert objective.get_parent().specific.code == objective.code[0]


REAL_OBJECTIVES = {"A1", "A2", "A3", "A4", "A5", "A6", "B1", "C1"}
NOTES = {"fr": "Traduction de la version anglaise", "es": "Traducción de la versión inglesa"}


@pytest.mark.parametrize("code", ["fr", "es"])
def test_french_and_spanish_translations(demo, code):
    """Home, about, strategy, the six goals, the eight real objectives and their task forces, six projects, six
    resources and four webinars, as Wagtail translations of the English pages, live, labelled as translations."""

    def translations(model):
        pages = model.objects.live().filter(locale__language_code=code)
        originals = english(model).filter(translation_key__in=pages.values("translation_key"))
        return pages, originals

    for model, expected in (
        (HomePage, 1),
        (StandardPage, 1),
        (StrategyPage, 1),
        (GoalPage, 6),
        (ObjectivePage, 8),
        (TaskForcePage, 8),
        (ProjectIndexPage, 1),
        (ProjectPage, 6),
        (WebinarPage, 4),
    ):
        pages, originals = translations(model)
        assert pages.count() == originals.count() == expected, (
            model.__name__,
            pages.count(),
            originals.count(),
        )
    objectives, _ = translations(ObjectivePage)
    assert set(objectives.values_list("code", flat=True)) == REAL_OBJECTIVES
    for objective in objectives:
        assert NOTES[code] in objective.description
        assert objective.target_2030 and not objective.title.startswith("[Placeholder]")
    resources, originals = translations(ResourcePage)
    translated = resources.filter(translation_key__in=originals.values("translation_key"))
    assert translated.count() == originals.count() == 6  # besides the resources written in that language
    assert {page.language for page in translated} == {code}
    home = HomePage.objects.get(locale__language_code=code)
    assert home.url == f"/{code}/"
    assert NOTES[code] in str(home.body)
    # Translated projects point at their locale's objectives where those are translated.
    for project in translations(ProjectPage)[0]:
        assert {o.locale.language_code for o in project.objectives.all() if o.code in REAL_OBJECTIVES} <= {
            code
        }


def test_resources_written_in_french_or_spanish_live_in_their_own_locale(demo):
    native = ResourcePage.objects.live().exclude(
        translation_key__in=english(ResourcePage).values("translation_key")
    )
    assert native.count() == 6
    for page in native:
        assert page.language == page.locale.language_code, page.title
        assert page.get_parent().specific_class is ResourceIndexPage
    assert not english(ResourcePage).filter(language__in=["fr", "es"]).exists()


def test_placeholder_objectives_are_marked(demo):
    placeholders = ObjectivePage.objects.filter(is_placeholder=True)
    assert placeholders.exists()
    for objective in placeholders:
        assert objective.title.startswith("[Placeholder]"), objective.code
    for objective in ObjectivePage.objects.filter(is_placeholder=False):
        assert not objective.title.startswith("[Placeholder]"), objective.code


def test_resources_with_substantive_pdfs(demo):
    substantive = set()
    for attachment in ResourceDocument.objects.select_related("document", "page"):
        document = attachment.document
        if document.file_extension.lower() != "pdf":
            continue
        with document.open_file() as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        words = re.findall(r"[A-Za-z]{3,}", text)
        if len(reader.pages) >= 3 and len(words) >= 600 and len(set(w.lower() for w in words)) >= 150:
            substantive.add(attachment.page_id)
    assert len(substantive) >= 15


def _soup(client, url: str):
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def _section(soup, heading_id: str):
    section = soup.find("section", attrs={"aria-labelledby": heading_id})
    assert section is not None, heading_id
    return section


def test_the_home_page_sections_come_from_the_demo_content(demo, client):
    from cms.demo.content import home as home_content

    with time_machine.travel(FIRST_LOAD):
        soup = _soup(client, "/")
        now = dt.datetime.now(dt.UTC)
        english = {"locale__language_code": "en"}  # the English home page shows the English pages
        next_webinar = (
            WebinarPage.objects.live().filter(starts_at__gte=now, **english).order_by("starts_at").first()
        )
        upcoming = (
            EventPage.objects.live()
            .filter(end_date__gte=now.date(), **english)
            .order_by("start_date", "title")
        )
        next_day = upcoming.filter(kind="initiative_day").first()
        partner_events = list(upcoming.filter(kind="partner_event")[:3])
    sections = home_content.HOME_SECTIONS

    network = _section(soup, "network-heading")
    assert network.h2.get_text() == sections["network_heading"]
    assert network.find(class_="count").get_text() == "60"
    links = {a.get_text(strip=True): a["href"] for a in network.find_all("a")}
    assert links == {"Browse the partner directory": "/partners/", "Join the Initiative": "/join/"}

    strategy = _section(soup, "strategy-heading")
    english_strategy = StrategyPage.objects.get(locale__language_code="en")
    assert english_strategy.vision_2050 in strategy.get_text()
    assert english_strategy.mission_2030 in strategy.get_text()
    goals = [a["href"] for a in strategy.select(".home-goals a")]
    assert goals == [f"/strategy/goal-{code}/" for code in "abcdef"]

    task_forces = _section(soup, "task-forces-heading")
    join_links = [a["href"] for a in task_forces.find_all("a") if a["href"].endswith("/join/")]
    assert len(join_links) == 24 and "/strategy/goal-a/a1/task-force/join/" in join_links

    cycle = _section(soup, "cycle-heading")
    assert [li.strong.get_text() for li in cycle.find_all("li")] == [
        s["title"] for s in home_content.CYCLE_STEPS
    ]

    calendar = _section(soup, "calendar-heading")
    titles = [a.get_text(strip=True) for a in calendar.find_all("a")]
    assert next_webinar is not None and next_day is not None and partner_events
    assert titles == [next_webinar.title, next_day.title, *(event.title for event in partner_events)]

    community = _section(soup, "community-heading")
    assert community.find("a")["href"] == "/community-of-practice/"
    assert _soup(client, "/community-of-practice/").h1.get_text() == "Climate-Soil Community of Practice"

    resources = _section(soup, "resources-heading")
    assert len(resources.select(".card")) == 4
    assert resources.find_all("a")[-1]["href"] == "/resources/"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_french_and_spanish_home_pages_speak_their_language(demo, client, code):
    """The translated front page carries its own section texts (not the English defaults it was copied with),
    and its links lead to that locale's strategy and resource library."""
    from cms.demo.content import home as home_content
    from cms.demo.content import translations

    data = translations.TRANSLATIONS[code]["home_sections"]
    soup = _soup(client, f"/{code}/")
    page_text = soup.get_text(" ", strip=True)
    assert _section(soup, "network-heading").h2.get_text() == data["sections"]["network_heading"]
    assert _section(soup, "task-forces-heading").h2.get_text() == data["sections"]["task_forces_heading"]
    cycle = _section(soup, "cycle-heading")
    assert [li.strong.get_text() for li in cycle.find_all("li")] == [
        title for title, _ in data["cycle_steps"]
    ]
    for name in ("network_heading", "strategy_link_text", "task_forces_heading", "resources_heading"):
        assert home_content.HOME_SECTIONS[name] not in page_text, name
    assert home_content.HOME_TEXTS["network"][0] not in page_text
    strategy_link = _section(soup, "strategy-heading").find(
        "a", string=data["sections"]["strategy_link_text"]
    )
    assert strategy_link["href"] == StrategyPage.objects.get(locale__language_code=code).url
    library = _section(soup, "resources-heading").find_all("a")[-1]["href"]
    assert library.startswith(f"/{code}/")
    # The partner directory in this language: its page, its filters and a profile under it.
    directory_link = _section(soup, "network-heading").find(
        "a", string=data["sections"]["directory_link_text"]
    )
    assert directory_link["href"] == f"/{code}/partners/"
    directory = _soup(client, directory_link["href"])
    assert directory.h1.get_text(strip=True) == data["directory"]["title"]
    profile = directory.select_one(f".card a[href^='/{code}/partners/']")["href"]
    assert _soup(client, profile).html["lang"] == code


def test_the_partner_directory_of_the_demo(demo, client):
    soup = _soup(client, "/partners/")
    assert " ".join(soup.find(id="results-heading").get_text().split()) == "60 partner organizations"
    assert len(soup.select(".directory-list .card")) == 24
    assert "Partners" in [
        a.get_text(strip=True) for a in soup.find("nav", attrs={"aria-label": "Main"}).find_all("a")
    ]
    lead = Organization.objects.filter(led_projects__live=True).order_by("name").first()
    profile = _soup(client, f"/partners/{lead.slug}/")
    led = {a.get_text(strip=True) for a in _section(profile, "projects-heading").find_all("a")}
    assert (
        set(ProjectPage.objects.live().filter(lead_organization=lead).values_list("title", flat=True)) <= led
    )
    assert len(set(Organization.objects.values_list("slug", flat=True))) == 60
