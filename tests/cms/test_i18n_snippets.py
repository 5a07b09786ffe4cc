"""Places, soil practices and organization kinds in the visitor's language: one row per place or practice (filters
and facets key on its slug in every locale) with its name per language, edited in the snippet's admin form; blank
shows the English name."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from cms.locales import TRANSLATED_LANGUAGES
from cms.models import GoalPage, Organization, Region, ResourcePage, SoilPractice
from knowledge.sync import sync_page
from search.facets import FacetLabels
from tests.conftest import add_page, publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(site_tree):
    africa = Region.objects.create(name="Africa", name_fr="Afrique", name_es="África", kind="region")
    ethiopia = Region.objects.create(name="Ethiopia", name_fr="Éthiopie", kind="country", parent=africa)
    zimbabwe = Region.objects.create(name="Zimbabwe", name_fr="Zimbabwe", kind="country", parent=africa)
    compost = SoilPractice.objects.create(
        name="Compost and manure", slug="compost", name_fr="Compost et fumier", name_es="Compost y estiércol"
    )
    resource = add_page(
        site_tree.resources, ResourcePage, title="Compost in Ethiopia", summary="Manure.", year=2023
    )
    resource.practices.set([compost])
    resource.regions.set([ethiopia, zimbabwe])
    publish(resource)
    pages = {"en": resource}
    for code in ("fr", "es"):
        translate(site_tree.home, code)
        pages[code] = translate(resource, code, title=f"Compost ({code})")
    for page in pages.values():
        sync_page(page.pk)
    return pages


def facts(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("dl").get_text(" ", strip=True)


def test_the_snippet_languages_are_the_sites_other_languages():
    others = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    assert others == TRANSLATED_LANGUAGES
    for code in others:
        for model, fields in ((Region, ["name"]), (SoilPractice, ["name", "description"])):
            for field in fields:
                model._meta.get_field(f"{field}_{code}")  # raises when a language lacks its column


def test_a_page_names_its_places_and_practices_in_its_language(client, places):
    english, french, spanish = (
        facts(client, places["en"]),
        facts(client, places["fr"]),
        facts(client, places["es"]),
    )
    assert "Compost and manure" in english and "Ethiopia" in english
    assert "Compost et fumier" in french and "Éthiopie" in french and "Compost and manure" not in french
    # No Spanish name entered for Ethiopia: the English one.
    assert "Compost y estiércol" in spanish and "Ethiopia" in spanish


def test_listing_filters_and_search_facets_are_labelled_in_the_visitors_language(client, places, site_tree):
    french_listing = site_tree.resources.get_translation(Locale.objects.get(language_code="fr"))
    soup = BeautifulSoup(client.get(french_listing.url).content.decode(), "html.parser")
    regions = [option.get_text() for option in soup.select("select[name=region] option") if option["value"]]
    practices = [
        option.get_text() for option in soup.select("select[name=practice] option") if option["value"]
    ]
    assert "Compost et fumier" in practices
    # Sorted with accents folded: "Éthiopie" among the E's, before "Zimbabwe".
    assert regions.index("Éthiopie") < regions.index("Zimbabwe") and "Afrique" in regions
    # The filter keys on the slug, so the French listing filters with the same value as the English one.
    ethiopia = Region.objects.get(name="Ethiopia")
    response = client.get(french_listing.url, {"region": ethiopia.slug})
    assert response.status_code == 200 and "Compost (fr)" in response.content.decode()

    with translation.override("fr"):
        labels = FacetLabels()
        assert labels.label("practices", "compost") == "Compost et fumier"
        assert labels.label("regions", ethiopia.slug) == "Éthiopie"
    with translation.override("es"):
        assert FacetLabels().label("regions", ethiopia.slug) == "Ethiopia"
    with translation.override("en"):
        assert FacetLabels().label("practices", "compost") == "Compost and manure"


def test_organization_kinds_and_memberships_are_translated():
    with translation.override("fr"):
        assert str(Organization.Kind.RESEARCH.label) == "Recherche et enseignement"
        assert str(Organization.Membership.MEMBER.label) == "Membre"
    with translation.override("es"):
        assert str(Organization.Kind.NGO.label) == "ONG o sociedad civil"


def test_editors_enter_the_translations_in_the_snippet_form(admin_client):
    practice = SoilPractice.objects.create(name="Biochar", slug="biochar")
    url = f"/admin/snippets/cms/soilpractice/edit/{practice.pk}/"
    form = BeautifulSoup(admin_client.get(url).content.decode(), "html.parser")
    for field in ("name_fr", "name_es", "description_fr", "description_es"):
        assert form.find(attrs={"name": field}) is not None, field
    response = admin_client.post(
        url,
        {
            "name": "Biochar",
            "slug": "biochar",
            "description": "",
            "name_fr": "Biochar",
            "name_es": "Biocarbón",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    practice.refresh_from_db()
    assert practice.name_es == "Biocarbón"
    assert practice.localized("name", "es") == "Biocarbón" and practice.localized("name", "fr") == "Biochar"


def test_a_goal_facet_reads_its_code_once_in_every_language(site_tree):
    goal = add_page(
        site_tree.strategy,
        GoalPage,
        title="Goal A: Inception and conceptualization",
        code="A",
        description="<p>A.</p>",
    )
    translate(goal, "fr", title="But A : Conception")
    translate(goal, "es", title="Meta A: Concepción")
    expected = {"en": "A Inception and conceptualization", "fr": "A Conception", "es": "A Concepción"}
    for code, label in expected.items():
        with translation.override(code):
            assert FacetLabels().label("goals", "A") == label
