"""Fallback, not absence (cms/locales.py): a French or Spanish listing, home page section or profile shows each page
once, as its translation when a visible one exists, else the English original labelled "in English" (hreflang and
lang "en"); never a draft or private page, and counts equal the items shown."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from cms.models import (
    EventPage,
    GoalPage,
    ObjectivePage,
    Organization,
    PartnerDirectoryPage,
    ProjectPage,
    TaskForcePage,
)
from tests.cms.test_calendars import events_of, webinar
from tests.conftest import add_page, days_from_today, translate

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def event(parent, title: str, days: int, **fields) -> EventPage:
    return add_page(
        parent,
        EventPage,
        title=title,
        kind=fields.pop("kind", EventPage.Kind.PARTNER_EVENT),
        start_date=days_from_today(days),
        end_date=days_from_today(days),
        location="Montpellier",
        **fields,
    )


def links(section) -> list[tuple[str, str | None, str | None]]:
    """(title, hreflang, lang) of each page link, with the label after a fallback one."""
    found = []
    for anchor in section.find_all("a", href=True):
        label = anchor.find_next_sibling("span", class_="badge--language")
        found.append(
            (
                anchor.get_text(strip=True),
                anchor.get("hreflang"),
                label.get_text(strip=True) if label else None,
            )
        )
    return found


@pytest.fixture
def french(site_tree):
    """A French home and event listing over an English tree."""
    site_tree.home_fr = translate(site_tree.home, "fr", title="Plateforme")
    site_tree.events_fr = translate(site_tree.events, "fr", title="Événements")
    return site_tree


def test_the_french_home_announces_an_untranslated_event_in_english(client, french):
    partner = event(french.events, "Soil carbon forum", 10)
    soup_fr = soup(client, "/fr/")
    calendar = soup_fr.select_one(".home-calendar")
    assert links(calendar) == [("Soil carbon forum", "en", "en anglais")]
    assert calendar.find("a", string="Soil carbon forum")["lang"] == "en"
    assert calendar.find("a", string="Soil carbon forum")["href"] == partner.url
    # English is the default language: nothing labelled there.
    assert links(soup(client, "/").select_one(".home-calendar")) == [("Soil carbon forum", None, None)]
    # Spanish says it in Spanish.
    translate(french.home, "es", title="Plataforma")
    assert links(soup(client, "/es/").select_one(".home-calendar")) == [
        ("Soil carbon forum", "en", "en inglés")
    ]

    # Once translated, the French page replaces its original: one item, not labelled.
    partner_fr = translate(partner, "fr", title="Forum du carbone des sols")
    calendar = soup(client, "/fr/").select_one(".home-calendar")
    assert links(calendar) == [("Forum du carbone des sols", None, None)]
    assert calendar.find("a", string="Forum du carbone des sols")["href"] == partner_fr.url
    # A translation taken offline leaves the original in its place.
    partner_fr.unpublish()
    assert links(soup(client, "/fr/").select_one(".home-calendar")) == [
        ("Soil carbon forum", "en", "en anglais")
    ]


def test_a_draft_or_private_page_is_never_a_fallback(client, french):
    event(french.events, "Draft summit", 5, live=False)
    private = event(french.events, "Members' meeting", 6)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    event(french.events, "Open day", 7)
    for url in ("/fr/", french.events_fr.url):
        html = soup(client, url).get_text()
        assert "Open day" in html, url
        assert "Draft summit" not in html and "Members' meeting" not in html, url


def test_the_french_event_listing_counts_what_it_shows(client, french):
    past = [event(french.events, f"Past meeting {n}", -10 - n) for n in range(4)]
    translate(past[0], "fr", title="Réunion passée traduite")
    event(french.events, "Coming forum", 3)
    page = soup(client, french.events_fr.url)
    upcoming, earlier = page.select("section[aria-labelledby]")[:2]
    assert links(upcoming) == [("Coming forum", "en", "en anglais")]
    past_titles = [title for title, *_ in links(earlier)]
    assert sorted(past_titles) == sorted(
        ["Réunion passée traduite", "Past meeting 1", "Past meeting 2", "Past meeting 3"]
    )
    assert earlier.select_one("h2 .count").get_text(strip=True) == f"({len(past_titles)})"


def test_the_french_calendar_files_hold_the_untranslated_events_and_webinars(client, french):
    """The subscribable calendars of a French listing list what the listing shows: the English original of an
    untranslated event or webinar, a translation in place of its original."""
    event(french.events, "Soil carbon forum", 10)
    translated = event(french.events, "Field day", 12)
    translate(translated, "fr", title="Journée au champ")
    summaries = [
        str(entry.get("SUMMARY")) for entry in events_of(client.get(f"{french.events_fr.url}calendar.ics"))
    ]
    assert sorted(summaries) == ["Journée au champ", "Soil carbon forum"]

    webinar(french)
    webinars_fr = translate(french.webinars, "fr", title="Webinaires")
    summaries = [
        str(entry.get("SUMMARY")) for entry in events_of(client.get(f"{webinars_fr.url}calendar.ics"))
    ]
    assert summaries == ["Soil carbon in drylands"]


def test_a_french_project_listing_filters_the_fallbacks_too(client, site_tree):
    funded = add_page(
        site_tree.projects, ProjectPage, title="Funded pilot", summary="Pilot.", status="funded"
    )
    add_page(site_tree.projects, ProjectPage, title="An idea", summary="Idea.", status="idea")
    translate(site_tree.home, "fr", title="Plateforme")
    projects_fr = translate(site_tree.projects, "fr", title="Projets")
    translate(funded, "fr", title="Projet pilote financé")
    everything = soup(client, projects_fr.url).select_one("ul.cards")
    assert links(everything) == [("An idea", "en", "en anglais"), ("Projet pilote financé", None, None)]
    ideas = soup(client, projects_fr.url + "?status=idea").select_one("ul.cards")
    assert links(ideas) == [("An idea", "en", "en anglais")]


def test_a_profile_lists_a_project_once_in_the_visitors_language(client, site_tree):
    inrae = Organization.objects.create(name="INRAE", kind="research", membership="member")
    directory = add_page(site_tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
    led = add_page(
        site_tree.projects, ProjectPage, title="Burgundy trees", summary="Trees.", lead_organization=inrae
    )
    other = add_page(
        site_tree.projects, ProjectPage, title="Kenyan rangelands", summary="Grass.", lead_organization=inrae
    )
    translate(site_tree.home, "fr", title="Plateforme")
    translate(site_tree.home, "es", title="Plataforma")
    directory_fr = translate(directory, "fr", title="Partenaires")
    directory_es = translate(directory, "es", title="Socios")
    translate(led, "fr", title="Arbres de Bourgogne")
    translate(led, "es", title="Árboles de Borgoña")
    translate(other, "es", title="Pastizales de Kenia")
    assert ProjectPage.objects.filter(lead_organization=inrae).count() == 5

    def projects(url):
        return links(soup(client, url).find(attrs={"aria-labelledby": "projects-heading"}))

    assert projects("/partners/inrae/") == [("Burgundy trees", None, None), ("Kenyan rangelands", None, None)]
    assert projects(f"{directory_fr.url}inrae/") == [
        ("Arbres de Bourgogne", None, None),
        ("Kenyan rangelands", "en", "en anglais"),
    ]
    assert projects(f"{directory_es.url}inrae/") == [
        ("Pastizales de Kenia", None, None),
        ("Árboles de Borgoña", None, None),
    ]
    # A draft translation is not the visitor's page: the original stands for it.
    Page.objects.get(pk=led.get_translation(directory_fr.locale).pk).specific.unpublish()
    assert projects(f"{directory_fr.url}inrae/") == [
        ("Burgundy trees", "en", "en anglais"),
        ("Kenyan rangelands", "en", "en anglais"),
    ]


def test_the_french_strategy_lists_every_objective_and_task_force(client, site_tree):
    """A goal translated with one of its two objectives: the French strategy and goal pages list both objectives,
    the untranslated one in English and labelled; the French objective links its task force in English; the API
    serves the French goal with both objectives too (its language is the page's, not the request's)."""
    goal = add_page(
        site_tree.strategy, GoalPage, title="Policy", code="A", description="<p>Shape policy.</p>"
    )
    objectives = []
    for code in ("A1", "A2"):
        objective = add_page(
            goal, ObjectivePage, title=f"Objective {code}", code=code, short_label=code, description="Soils."
        )
        add_page(
            objective,
            TaskForcePage,
            title=f"Task Force {code}",
            purpose="Carbon.",
            how_to_join="<p>Write.</p>",
        )
        objectives.append(objective)
    goal_fr = translate(goal, "fr", title="Politique")
    translate(objectives[0], "fr", title="Objectif A1 en français")
    strategy_fr = goal_fr.get_parent()

    listed = soup(client, strategy_fr.url).select("ul.objective-list li")
    assert [item.select_one(".objective-list__title").get_text() for item in listed] == [
        "Objectif A1 en français",
        "Objective A2",
    ]
    assert listed[0].select_one("a").get("hreflang") is None
    assert listed[1].select_one("a")["hreflang"] == "en"
    assert listed[1].select_one(".badge--language").get_text(strip=True) == "en anglais"

    cards = links(soup(client, goal_fr.url).select_one("ul.objective-cards"))
    assert cards == [("Objectif A1 en français", None, None), ("Objective A2", "en", "en anglais")]

    objective_fr = ObjectivePage.objects.get(locale__language_code="fr", code="A1")
    task_force = soup(client, objective_fr.url).select_one("#taskforce-heading").parent
    assert links(task_force) == [("Task Force A1", "en", "en anglais")]

    api = client.get(f"/api/v2/pages/{goal_fr.pk}/").json()
    assert sorted(item["title"] for item in api["objectives"]) == ["Objectif A1 en français", "Objective A2"]
