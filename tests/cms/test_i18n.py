"""The site in three languages: locales, /fr/ and /es/ addresses, <html lang>, hreflang alternates, the language
switcher (same page's translation, or that language's home page with a note), the translated interface, and
every page type rendered in every locale."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from cms.models import (
    EventPage,
    GoalPage,
    ObjectivePage,
    ProjectPage,
    ResourcePage,
    StandardPage,
    TaskForcePage,
    WebinarPage,
)
from knowledge.models import Chunk
from tests.conftest import add_page, days_from_today, publish, translate

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def switcher(response) -> dict[str, dict]:
    links = {}
    for item in soup_of(response).select("nav.language-switcher li"):
        anchor = item.find("a")
        note = item.select_one(".language-switcher__note")
        if anchor is None:
            links[item.find("span")["lang"]] = {"current": True}
        else:
            links[anchor["hreflang"]] = {
                "url": anchor["href"],
                "note": note.get_text(strip=True) if note else "",
            }
    return links


def alternates(response) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"] for link in soup_of(response).select('link[rel="alternate"][hreflang]')
    }


@pytest.fixture
def bilingual(site_tree):
    """The home page in English and French; a project in English and French; an About page in English only."""
    project = add_page(
        site_tree.projects, ProjectPage, title="Compost for dryland maize", summary="Compost keeps water."
    )
    about = add_page(site_tree.home, StandardPage, title="About", intro="The hub.")
    home_fr = translate(site_tree.home, "fr", title="Plateforme de connaissances")
    projects_fr = translate(site_tree.projects, "fr", title="Projets")
    project_fr = translate(project, "fr", title="Du compost pour le maïs en zone sèche")
    return site_tree, project, project_fr, about, home_fr, projects_fr


def test_the_site_languages_are_wagtail_locales():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en", "fr", "es"}
    assert Locale.get_default().language_code == "en"


def test_a_french_page_is_served_under_fr_in_french(client, bilingual):
    tree, project, project_fr, *_ = bilingual
    assert project_fr.url.startswith("/fr/projects/")
    response = client.get(project_fr.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "fr"
    assert soup.find("h1").get_text(strip=True) == "Du compost pour le maïs en zone sèche"
    # The interface is French (gettext), and so is the header search form's address.
    assert soup.select_one("form.search-form--header button").get_text(strip=True) == "Rechercher"
    assert soup.select_one("form.search-form--header")["action"] == "/fr/search/"
    assert soup.select_one(".skip-link").get_text(strip=True) == "Aller au contenu principal"
    # The English page stays English at the root.
    english = soup_of(client.get(project.url))
    assert project.url.startswith("/projects/")
    assert english.html["lang"] == "en"
    assert english.select_one("form.search-form--header button").get_text(strip=True) == "Search"


def test_en_addresses_redirect_to_the_root(client, bilingual):
    tree, project, *_ = bilingual
    response = client.get(f"/en{project.url}?page=2")
    assert response.status_code == 301
    assert response["Location"] == f"{project.url}?page=2"


def test_hreflang_and_switcher_lead_to_the_same_page_in_the_other_language(client, bilingual):
    tree, project, project_fr, *_ = bilingual
    response = client.get(project.url)
    assert alternates(response) == {
        "en": f"http://testserver{project.url}",
        "fr": f"http://testserver{project_fr.url}",
    }
    links = switcher(response)
    assert links["en"] == {"current": True}
    assert links["fr"] == {"url": project_fr.url, "note": ""}
    back = switcher(client.get(project_fr.url))
    assert back["en"] == {"url": project.url, "note": ""}
    assert back["fr"] == {"current": True}


def test_an_untranslated_page_switches_to_that_languages_home_with_a_note(client, bilingual):
    tree, _, _, about, home_fr, _ = bilingual
    response = client.get(about.url)
    links = switcher(response)
    assert links["fr"]["url"] == home_fr.url == "/fr/"
    assert links["fr"]["note"] == "(pas encore traduite : page d'accueil)"
    assert "es" not in links  # no Spanish home page at all: no link to nowhere
    assert "fr" not in alternates(response)  # the French home is not this page's translation


def test_a_translation_unpublished_or_private_is_not_offered(client, bilingual):
    tree, project, project_fr, *_ = bilingual
    project_fr.unpublish()
    assert client.get("/fr/projects/" + project_fr.slug + "/").status_code == 404
    response = client.get(project.url)
    assert "fr" not in alternates(response)
    assert switcher(response)["fr"]["url"] == "/fr/"
    publish(Page.objects.get(pk=project_fr.pk).specific)
    assert switcher(client.get(project.url))["fr"]["url"] == project_fr.url
    PageViewRestriction.objects.create(page=project_fr, restriction_type="password", password="secret")
    assert switcher(client.get(project.url))["fr"]["url"] == "/fr/"


def test_navigation_is_the_locale_homes_children(client, bilingual):
    tree, _, _, _, home_fr, projects_fr = bilingual
    Page.objects.filter(pk=projects_fr.pk).update(show_in_menus=True)
    Page.objects.filter(pk=tree.projects.pk).update(show_in_menus=True)
    french = soup_of(client.get("/fr/"))
    assert [a.get_text(strip=True) for a in french.select("nav.main-nav a")] == ["Projets", "Adhérer"]
    assert french.select_one("a.site-name")["href"] == "/fr/"
    english = soup_of(client.get("/"))
    assert [a.get_text(strip=True) for a in english.select("nav.main-nav a")] == ["Projects", "Join"]


def test_the_search_and_join_pages_switch_to_the_same_address(client, bilingual):
    links = switcher(client.get("/fr/search/?q=compost"))
    assert links["en"]["url"] == "/search/?q=compost"
    assert links["es"]["url"] == "/es/search/?q=compost"
    soup = soup_of(client.get("/es/join/"))
    assert soup.html["lang"] == "es"
    assert soup.find("h1").get_text(strip=True) == "Unirse a la Iniciativa"


def test_dates_are_in_each_languages_format(client, site_tree):

    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Dated",
        summary="Dates.",
        start_date=dt.date(2024, 3, 5),
    )
    translate(site_tree.home, "fr")
    translate(site_tree.home, "es")
    french = translate(project, "fr")
    spanish = translate(project, "es")
    assert "5 March 2024" in client.get(project.url).content.decode()
    assert "5 mars 2024" in client.get(french.url).content.decode()
    assert "5 de marzo de 2024" in client.get(spanish.url).content.decode()


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_keeps_languages_apart(client, bilingual):
    """Two languages of the same page are two cache entries: a cached English response never answers /fr/."""
    tree, project, project_fr, *_ = bilingual
    assert client.get(project.url)["X-Page-Cache"] == "miss"
    french = client.get(project_fr.url)
    assert french["X-Page-Cache"] == "miss"
    assert soup_of(french).html["lang"] == "fr"
    assert soup_of(client.get(project.url)).html["lang"] == "en"


@pytest.fixture
def every_type(site_tree):
    tree = site_tree
    goal = add_page(
        tree.strategy, GoalPage, title="Goal A: Inception", code="A", description="<p>Goal A.</p>"
    )
    objective = add_page(
        goal, ObjectivePage, title="Objective A1", code="A1", short_label="NDCs", description="Soils."
    )
    task_force = add_page(
        objective, TaskForcePage, title="Task Force A1", purpose="Carbon.", how_to_join="<p>Write.</p>"
    )
    project = add_page(
        tree.projects, ProjectPage, title="A project", summary="Soil.", start_date=days_from_today(-30)
    )
    project.objectives.set([objective])
    publish(project)
    webinar = add_page(
        tree.webinars,
        WebinarPage,
        title="A webinar",
        start_date=days_from_today(10),
        start_time=dt.time(14, 0),
        abstract="<p>Soil carbon.</p>",
    )
    event = add_page(
        tree.events,
        EventPage,
        title="An event",
        start_date=days_from_today(20),
        end_date=days_from_today(21),
        summary="A meeting.",
    )
    resource = add_page(tree.resources, ResourcePage, title="A resource", summary="A guide.", year=2023)
    about = add_page(tree.home, StandardPage, title="About", intro="The hub.")
    return [
        tree.home,
        tree.strategy,
        goal,
        objective,
        task_force,
        tree.projects,
        project,
        tree.webinars,
        webinar,
        tree.events,
        event,
        tree.resources,
        resource,
        about,
    ]


@pytest.mark.parametrize("code", ["fr", "es"])
def test_every_page_type_renders_in_every_locale(client, every_type, code):
    translated = [translate(page, code) for page in every_type]
    assert {type(page.specific) for page in translated} == {type(page.specific) for page in every_type}
    for page in every_type:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert soup_of(response).html["lang"] == "en"
    for page in translated:
        assert page.url.startswith(f"/{code}/"), page.url
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, response.status_code)
        soup = soup_of(response)
        assert soup.html["lang"] == code
        assert switcher(response)["en"]["note"] == "", page.url  # each one links to its English original


def test_goal_and_objective_codes_are_unique_per_locale(site_tree):
    from django.core.exceptions import ValidationError

    goal = add_page(site_tree.strategy, GoalPage, title="Goal A", code="A", description="<p>A.</p>")
    french = translate(goal, "fr", title="But A")
    french.full_clean()  # its translation shares the code
    twin = GoalPage(title="Another goal A", slug="another-a", code="A", description="<p>A.</p>")
    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="Another goal already has the code A"),
    ):
        site_tree.strategy.add_child(instance=twin)


def test_an_editor_translates_a_page_in_the_admin_and_syncs_it(client, bilingual, django_user_model):
    """wagtail-localize in the admin: Translate makes a draft translation (a translation source with segments
    to translate); after the English page changes, "Sync translated pages" brings the change in."""
    from django.urls import reverse
    from wagtail_localize.models import Translation

    tree, project, *_ = bilingual
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    spanish = Locale.objects.get(language_code="es")
    translate(tree.home, "es")
    translate(tree.projects, "es")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
    url = reverse("wagtail_localize:submit_page_translation", args=[project.pk])
    assert url in page.content.decode(), "the page editor offers Translate"
    response = client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    translation = ProjectPage.objects.get(translation_key=project.translation_key, locale=spanish)
    assert not translation.live  # a draft until its translator publishes it
    assert Translation.objects.filter(
        source__object_id=project.translation_key, target_locale=spanish
    ).exists()
    editor_page = client.get(response["Location"])
    assert editor_page.status_code == 200
    assert project.summary in editor_page.content.decode()  # the segments to translate
    # The English page changes: the sync view is offered and runs.
    project.summary = "Compost keeps water and feeds the soil."
    publish(project)
    source = Translation.objects.get(source__object_id=project.translation_key, target_locale=spanish).source
    sync = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert sync.status_code == 302
    source.refresh_from_db()
    assert "feeds the soil" in source.content_json


def test_a_translated_page_is_indexed_with_headings_and_facts_in_its_language(
    client, bilingual, django_capture_on_commit_callbacks
):
    """The headings and facts the page types add to the index (a resource's "Authors", a project's status) are
    written in the page's language, so a French result's passage reads French."""
    tree, project, project_fr, *_ = bilingual
    with django_capture_on_commit_callbacks(execute=True):
        resource = add_page(
            tree.resources,
            ResourcePage,
            title="Soil sampling guide",
            summary="How to sample.",
            authors="A. Diallo",
            year=2024,
        )
        translate(resource, "fr", title="Guide d'échantillonnage des sols", summary="Comment échantillonner.")
        publish(ProjectPage.objects.get(pk=project_fr.pk))
    chunks = {
        (chunk.source.object_id, chunk.heading): chunk.text
        for chunk in Chunk.objects.filter(source__kind="page").select_related("source")
    }
    resource_fr = ResourcePage.objects.get(
        translation_key=resource.translation_key, locale__language_code="fr"
    )
    headings_fr = {heading for (pk, heading) in chunks if pk == str(resource_fr.pk)}
    assert "Auteurs" in headings_fr and "Authors" not in headings_fr
    assert "Authors" in {heading for (pk, heading) in chunks if pk == str(resource.pk)}
    project_text = " ".join(text for (pk, _heading), text in chunks.items() if pk == str(project_fr.pk))
    assert "Statut : " in project_text and "Status:" not in project_text
    assert translation.get_language() == "en", "the page's language does not stay active after indexing"
