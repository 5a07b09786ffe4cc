"""A French visitor's path in a real browser: the home page in French, a search in French, a facet, a result,
then English on the same page through the language switcher."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from playwright.sync_api import expect

from cms.models import ProjectPage, ResourcePage, WebinarPage
from knowledge.models import Source
from tests.conftest import add_page, days_from_today, translate

from .conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def french_site(site_tree):
    home_fr = translate(site_tree.home, "fr", title="Plateforme de connaissances sur les sols")
    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Cover crops between cereal harvests",
        summary="Farmers sow a plant cover between two cereal crops so the soil is never bare.",
    )
    project_fr = translate(
        project,
        "fr",
        title="Couverts végétaux entre deux récoltes de céréales",
        summary="Les agriculteurs sèment des couverts végétaux entre deux céréales pour que le sol ne reste "
        "jamais nu.",
    )
    resource = add_page(
        site_tree.resources,
        ResourcePage,
        title="Guide to cover crops",
        summary="Choosing cover crop species.",
        year=2022,
    )
    resource_fr = translate(
        resource,
        "fr",
        title="Guide des couverts végétaux",
        summary="Choisir les espèces de couverts végétaux selon le climat.",
        language="fr",
    )
    for item in (project, project_fr, resource, resource_fr):
        assert Source.objects.filter(kind="page", object_id=str(item.pk), status="indexed").exists(), item
    return home_fr, project, project_fr, resource_fr


def test_a_french_visitor_searches_filters_opens_and_switches_to_english(live_server, page, french_site):
    home_fr, project, project_fr, resource_fr = french_site
    page.goto(live_server.url + "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Plateforme de connaissances sur les sols")

    # Without accents, as people type on a phone.
    page.locator("#hero-q").fill("couverts vegetaux")
    page.locator("#hero-q").press("Enter")
    page.wait_for_url(re.compile(r"/fr/search/\?q=couverts\+vegetaux"))
    expect(page.locator("#results-heading")).to_contain_text("résultats pour « couverts vegetaux »")
    expect(page.locator("#search-locale")).to_contain_text("Recherche dans les pages en français")
    titles = [t.strip() for t in page.locator("ol.results .result__title a").all_inner_texts()]
    # Both French pages first (the meaning side also brings the French home page, further down); no English one.
    assert set(titles[:2]) == {project_fr.title, resource_fr.title}, titles
    assert not {project.title, "Guide to cover crops"} & set(titles), titles
    assert "végétaux" in page.locator("ol.results mark").all_inner_texts()

    type_group = page.locator("fieldset", has=page.locator("legend", has_text="Type"))
    type_group.locator("li", has=page.get_by_text("Projet", exact=True)).locator(
        "input[type=checkbox]"
    ).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r"type=project"))
    expect(page.locator(".active-filters")).to_contain_text("Projet")
    titles = [t.strip() for t in page.locator("ol.results .result__title a").all_inner_texts()]
    assert titles == [project_fr.title]

    page.get_by_role("link", name=project_fr.title, exact=True).click()
    page.wait_for_url(live_server.url + project_fr.url)
    expect(page.locator("h1")).to_have_text(project_fr.title)

    switcher = page.locator("nav.language-switcher")
    expect(switcher.get_by_role("link", name="English")).to_be_hidden()  # a closed menu
    switcher.locator("summary").click()
    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + project.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(project.title)
    expect(page.locator("form.search-form--header button")).to_have_text("Search")


def test_the_language_menu_opens_on_screen_on_a_phone(live_server, new_page, french_site, settings):
    """For a visitor, and for a member whose header also holds "My account" and "Sign out"."""
    caches[settings.SIGN_IN_CACHE].clear()
    get_user_model().objects.create_user("amina", password="loam-and-clay-2030")
    page = new_page(viewport=PHONE)
    for signed_in in (False, True):
        if signed_in:
            page.goto(live_server.url + "/fr/accounts/login/")
            page.locator("input[name=username]").fill("amina")
            page.locator("input[name=password]").fill("loam-and-clay-2030")
            page.locator("main form button[type=submit]").click()
            page.wait_for_url(live_server.url + "/fr/accounts/")
        page.goto(live_server.url + "/fr/")
        switcher = page.locator("nav.language-switcher")
        switcher.locator("summary").click()
        menu = switcher.locator("ul").bounding_box()
        assert menu["x"] >= 0 and menu["x"] + menu["width"] <= PHONE["width"], (signed_in, menu)
        expect(switcher.get_by_role("link", name="English")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
            "no sideways scrolling"
        )


def test_the_scripts_speak_french(live_server, page, french_site, site_tree):
    """The scripts' words come from Django's JavaScript catalogue: the visitor's own time on a webinar page and the
    screen reader's count of suggested titles."""
    webinar = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Soil carbon monitoring",
        start_date=days_from_today(10),
        start_time=dt.time(14, 30),
        timezone="Asia/Tokyo",
        abstract="<p>How to measure soil carbon.</p>",
    )
    webinar_fr = translate(webinar, "fr", title="Suivi du carbone des sols")
    page.goto(live_server.url + webinar_fr.url)
    expect(page.locator(".local-time").first).to_contain_text("(votre heure :")
    expect(page.locator("main")).not_to_contain_text("your time")

    page.goto(live_server.url + "/fr/search/")
    page.locator("#q").press_sequentially("Couverts", delay=30)
    expect(page.get_by_role("listbox")).to_have_attribute("aria-label", "Titres suggérés")
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"^\d+ titres? suggérés? : utilisez les flèches haut et bas pour choisir\.$")
    )
