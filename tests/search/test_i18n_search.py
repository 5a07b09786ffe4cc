"""Search per language: a locale's search page searches that locale's pages and the documents they use, with an
"all languages" switch; French and Spanish stemming; accents folded on both sides (and in the highlight);
suggestions and related content per locale; the API's locale parameter and each result's lang."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cms.models import ProjectPage, ResourcePage
from knowledge.models import SITE_NAMESPACE, Source, source_visible_sql
from knowledge.sync import sync_page
from search.service import SearchFilters, SearchQuery, search
from search.spelling import suggest
from tests.conftest import add_page, publish, translate

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in soup.select("ol.results .result__title a")]


class Trilingual:
    def __init__(self, tree) -> None:
        translate(tree.home, "fr", title="Accueil")
        translate(tree.home, "es", title="Inicio")
        self.english = add_page(
            tree.resources,
            ResourcePage,
            title="Cover crops in cereal rotations",
            summary="Sowing a plant cover between two cereal crops protects the soil and adds organic carbon.",
            year=2021,
        )
        self.french = translate(
            self.english,
            "fr",
            title="Couverts végétaux dans les rotations céréalières",
            summary="Semer des couverts végétaux entre deux céréales protège le sol et apporte du carbone "
            "organique ; les cultures végétales restent en place tout l'hiver.",
            language="fr",
        )
        self.spanish = translate(
            self.english,
            "es",
            title="Cultivos de cobertura frente a la sequía",
            summary="Los cultivos de cobertura protegen el suelo durante la sequía y aportan carbono orgánico.",
            language="es",
        )
        self.native_french = add_page(
            self.french.get_parent(),
            ProjectPage,
            title="Haies bocagères et carbone du sol",
            summary="Replanter des haies autour des parcelles stocke du carbone dans le sol.",
        )
        for page in (self.english, self.french, self.spanish, self.native_french):
            sync_page(page.pk)


@pytest.fixture
def trilingual(site_tree) -> Trilingual:
    return Trilingual(site_tree)


def test_translations_are_indexed_with_their_locale(trilingual):
    locales = dict(Source.objects.filter(kind="page").values_list("title", "locales"))
    assert locales[trilingual.english.title] == ["en"]
    assert locales[trilingual.french.title] == ["fr"]
    assert locales[trilingual.spanish.title] == ["es"]
    assert locales[trilingual.native_french.title] == ["fr"]


def test_the_french_search_page_searches_french_pages_with_an_all_languages_switch(client, trilingual):
    response = client.get("/fr/search/?q=carbone+organique")
    assert response.status_code == 200
    found = titles(response)
    assert trilingual.french.title in found
    assert trilingual.english.title not in found and trilingual.spanish.title not in found
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    switch = soup.select_one("#search-locale a")
    assert switch.get_text(strip=True) == "Chercher dans toutes les langues"
    everywhere = client.get(switch["href"])
    assert {trilingual.english.title, trilingual.french.title, trilingual.spanish.title} <= set(
        titles(everywhere)
    )
    # The switch stays on while the query changes, and back to French only.
    soup = BeautifulSoup(everywhere.content.decode(), "html.parser")
    assert ("locale", "all") in [
        (i["name"], i["value"]) for i in soup.select("form.search-form--page input[type=hidden]")
    ]
    assert trilingual.english.title not in titles(client.get(soup.select_one("#search-locale a")["href"]))
    # English at the root searches English, and the pages that have no English version (issue 24,
    # tests/search/test_crosslingual.py): not the translations of English pages.
    # (A set: the scope is what this test is about; the order is the ranking's.)
    assert set(titles(client.get("/search/?q=organic+carbon"))) == {
        trilingual.english.title,
        trilingual.native_french.title,
    }


@pytest.mark.parametrize(
    ("query", "code", "marked"),
    [("vegetaux", "fr", "végétaux"), ("sequia", "es", "sequía"), ("végétaux", "fr", "végétaux")],
)
def test_accents_are_folded_on_both_sides_and_highlighted(client, trilingual, query, code, marked):
    response = client.get(f"/{code}/search/?q={query}&mode=keyword")
    assert response.status_code == 200
    expected = trilingual.french if code == "fr" else trilingual.spanish
    assert titles(response)[:1] == [expected.title]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    marks = {mark.get_text() for mark in soup.select("ol.results mark")}
    assert marked in marks, marks


def test_french_words_are_stemmed_in_french(trilingual):
    """ "vegetal" is only French-stemmed to the stem of "végétales" (English stems it to "veget")."""
    response = search(
        SearchQuery(q="vegetal", mode="keyword", filters=SearchFilters(locale="fr"), facets=False)
    )
    assert [result.title for result in response.results] == [trilingual.french.title]
    english_analysis = search(
        SearchQuery(
            q="vegetal", mode="keyword", filters=SearchFilters(locale="fr"), language="en", facets=False
        )
    )
    assert english_analysis.results == []


def test_a_draft_or_unpublished_translation_is_never_found(client, trilingual):
    trilingual.french.unpublish()
    sync_page(trilingual.french.pk)
    assert trilingual.french.title not in titles(client.get("/fr/search/?q=couverts+vegetaux&locale=all"))
    assert client.get("/fr/search/suggest/?q=couverts").json()["suggestions"] == []
    publish(trilingual.french.specific.__class__.objects.get(pk=trilingual.french.pk))
    sync_page(trilingual.french.pk)
    assert trilingual.french.title in titles(client.get("/fr/search/?q=couverts+vegetaux"))


def test_suggestions_are_per_locale(client, trilingual):
    french = [s["title"] for s in client.get("/fr/search/suggest/?q=cou").json()["suggestions"]]
    assert french == [trilingual.french.title]
    english = [s["title"] for s in client.get("/search/suggest/?q=cov").json()["suggestions"]]
    assert english == [trilingual.english.title]
    everywhere = client.get("/api/search/suggest/?q=cu").json()["suggestions"]
    assert trilingual.spanish.title in [s["title"] for s in everywhere]
    spanish = client.get("/api/search/suggest/?q=cu&locale=es").json()["suggestions"]
    assert [s["title"] for s in spanish] == [trilingual.spanish.title]


def test_the_search_api_filters_by_locale_and_says_each_results_language(client, trilingual):
    data = client.get("/api/search/?q=carbon&locale=fr").json()
    assert data["results"], data
    assert {result["lang"] for result in data["results"]} == {"fr"}
    assert all("fr" in result["locales"] for result in data["results"])
    assert {result["title"] for result in data["results"]} == {
        trilingual.french.title,
        trilingual.native_french.title,
    }
    everywhere = client.get("/api/search/?q=carbon").json()
    assert {result["lang"] for result in everywhere["results"]} == {"en", "fr", "es"}
    bad = client.get("/api/search/?q=carbon&locale=xx")
    assert bad.status_code == 400
    assert bad.json()["error"]["param"] == "locale"


def test_the_schema_documents_locale_and_lang(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert set(parameters["locale"]["schema"]["enum"]) == {"en", "fr", "es", "all"}
    assert "lang" in schema["components"]["schemas"]["SearchResult"]["properties"]


def test_did_you_mean_corrects_into_the_searched_locales_own_words(trilingual):
    """A locale's search corrects a typo only into a word that locale's visible pages contain; a word whose only
    difference from a known one is its accents is no typo (search folds accents already)."""
    sql, params = source_visible_sql("s")

    def corrected(q: str, locale: str) -> str | None:
        spelling = suggest(q, SITE_NAMESPACE, sql, params, locale)
        return spelling.suggestion if spelling else None

    assert corrected("parcele", "fr") == "parcelles"
    assert corrected("sowng", "en") == "sowing"
    assert corrected("sowng", "fr") is None  # "sowing" is only in the English page
    assert corrected("parcele", "en") is None
    assert corrected("sowng", "") == "sowing"  # all languages
    assert corrected("vegetaux", "fr") is None and corrected("cereales", "fr") is None
    # The vocabulary is per locale: "carbone" is a French word, a misspelling on the English pages.
    assert corrected("carbone", "en") == "carbon"
    assert corrected("carbone", "fr") is None and corrected("carbone", "") is None
    # Through the search itself: the searched locale decides.
    french = search(SearchQuery(q="sowng parcele", filters=SearchFilters(locale="fr"), spelling=True))
    assert french.spelling is not None and french.spelling.suggestion == "sowng parcelles"
