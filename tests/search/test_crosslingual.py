"""Cross-language search (search/crosslingual.py): the visitor's own search also finds what has no version in
their language, labelled with its language; the editors' glossary adds each term's equivalents on the keyword
side; nothing a visitor may not see is ever found through either, and "did you mean" keeps to the index's
public words."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage, ResourcePage
from knowledge.models import SITE_NAMESPACE
from knowledge.sync import sync_page
from search.crosslingual import expand_keywords, glossary_equivalents
from search.models import GlossaryTerm
from search.service import SearchFilters, SearchQuery, search
from tests.conftest import add_page, translate

pytestmark = pytest.mark.django_db


def results(response) -> dict[str, str]:
    """{title: its language label ("" when none)} of a search page, in order."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = {}
    for item in soup.select("ol.results .result"):
        label = item.select_one(".badge--language")
        found[item.select_one(".result__title a").get_text(strip=True)] = (
            label.get_text(" ", strip=True) if label else ""
        )
    return found


class Bilingual:
    """An English page translated into French, an English-only page and a French-only page."""

    def __init__(self, tree) -> None:
        translate(tree.home, "fr", title="Accueil")
        self.translated = add_page(
            tree.resources,
            ResourcePage,
            title="Biochar basics",
            summary="Biochar is charcoal made for soils.",
            year=2021,
        )
        self.translated_fr = translate(
            self.translated,
            "fr",
            title="Le biochar en bref",
            summary="Le biochar est un charbon pour les sols.",
            language="fr",
        )
        self.english_only = add_page(
            tree.projects,
            ProjectPage,
            title="Biochar trials on sandy soils",
            summary="Field trials of biochar with cover crops on sandy soils.",
        )
        self.french_only = add_page(
            self.translated_fr.get_parent(),
            ResourcePage,
            title="Haies et carbone du sol",
            summary="Replanter des haies autour des parcelles.",
            language="fr",
            year=2022,
        )
        for page in (self.translated, self.translated_fr, self.english_only, self.french_only):
            sync_page(page.pk)


@pytest.fixture
def bilingual(site_tree) -> Bilingual:
    return Bilingual(site_tree)


def test_a_french_question_finds_an_english_only_page_labelled_english_in_the_visitor_s_own_search(
    client, bilingual
):
    found = results(client.get("/fr/search/?q=biochar"))
    assert found[bilingual.english_only.title] == "Rédigé en : Anglais"
    assert found[bilingual.translated_fr.title] == ""  # the visitor's language: no label
    # The English page that has a French translation is not shown twice: its French version stands for it.
    assert bilingual.translated.title not in found
    # "Search all languages" still searches every locale.
    assert bilingual.translated.title in results(client.get("/fr/search/?q=biochar&locale=all"))
    # The API's locale stays one locale.
    api = client.get("/api/search/?q=biochar&locale=fr").json()["results"]
    assert bilingual.translated_fr.title in {result["title"] for result in api}
    assert all(result["locales"] == ["fr"] for result in api), api


def test_an_english_question_finds_a_french_only_page_labelled_french(client, bilingual):
    GlossaryTerm.objects.create(terms_en="hedgerows, hedges", terms_fr="haies, haie")
    found = results(client.get("/search/?q=hedgerows&mode=keyword"))
    assert found == {bilingual.french_only.title: "Written in: French"}


def test_a_glossary_term_expands_the_keyword_side_at_once(bilingual):
    query = SearchQuery(
        q="couverts végétaux",
        mode="keyword",
        filters=SearchFilters(locale="fr", untranslated=True),
        facets=False,
    )
    assert search(query).results == []  # and the (empty) glossary is now cached
    GlossaryTerm.objects.create(
        terms_en="cover crop, cover crops", terms_fr="couvert végétal, couverts végétaux", terms_es=""
    )
    response = search(query)
    assert [result.title for result in response.results] == [bilingual.english_only.title]
    assert response.results[0].language == "en"
    assert response.searched_q == "couverts végétaux"  # shown and highlighted as typed


def test_equivalents_match_folded_words_and_plurals_and_only_the_site_is_expanded(db):
    GlossaryTerm.objects.create(
        terms_en="cover crop, catch crop",
        terms_fr="couvert végétal, couverts végétaux",
        terms_es="cultivo de cobertura",
    )
    assert glossary_equivalents("cultivos de cobertura en zonas secas") == [
        "cover crop",
        "catch crop",
        "couvert végétal",
        "couverts végétaux",
    ]
    assert glossary_equivalents("couverts vegetaux") == [
        "cover crop",
        "catch crop",
        "couvert végétal",
        "cultivo de cobertura",
    ]
    assert glossary_equivalents("soil carbon") == []
    site = SearchQuery(q="cover crops", namespace=SITE_NAMESPACE)
    assert expand_keywords("cover crops -maize", site).startswith("cover crops -maize catch crop")
    assert expand_keywords("cover crops", SearchQuery(q="cover crops", namespace="scifact")) == "cover crops"


def test_a_draft_or_private_page_is_never_found_through_the_scope_or_the_glossary(client, bilingual):
    GlossaryTerm.objects.create(terms_en="peatland, peatlands", terms_fr="tourbière, tourbières")
    draft = add_page(
        bilingual.english_only.get_parent(),
        ProjectPage,
        title="Peatland draft",
        summary="Peatland rewetting.",
    )
    private = add_page(
        bilingual.english_only.get_parent(), ProjectPage, title="Peatland budget", summary="Peatland budget."
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = add_page(
        bilingual.english_only.get_parent(),
        ProjectPage,
        title="Peatland rewetting",
        summary="Peatland water.",
    )
    for page in (draft, private, public):
        sync_page(page.pk)
    draft.unpublish()
    sync_page(draft.pk)
    for url in ("/fr/search/?q=tourbieres", "/fr/search/?q=tourbieres&locale=all", "/search/?q=peatland"):
        found = results(client.get(url))
        assert "Peatland rewetting" in found, url
        assert "Peatland draft" not in found and "Peatland budget" not in found, url
        assert list(results(client.get(f"{url}&mode=keyword"))) == ["Peatland rewetting"], url
    # The English version of a page whose French translation is a draft is found instead of it.
    bilingual.translated_fr.unpublish()
    sync_page(bilingual.translated_fr.pk)
    found = results(client.get("/fr/search/?q=biochar"))
    assert bilingual.translated.title in found and bilingual.translated_fr.title not in found


def test_did_you_mean_never_offers_a_glossary_word_nor_a_private_one(bilingual):
    GlossaryTerm.objects.create(terms_en="paludiculture", terms_fr="paludiculture, culture en zone humide")
    private = add_page(
        bilingual.english_only.get_parent(),
        ProjectPage,
        title="Paludiculture budget",
        summary="Paludiculture budget lines.",
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    sync_page(private.pk)
    response = search(
        SearchQuery(
            q="paludicultre",
            mode="keyword",
            filters=SearchFilters(locale="fr", untranslated=True),
            language="fr",
            spelling=True,
        )
    )
    assert response.results == []
    assert response.spelling is None or "paludiculture" not in response.spelling.suggestion


def test_editors_keep_the_glossary_in_the_admin_and_a_saved_term_applies_at_once(admin_client, bilingual):
    query = SearchQuery(
        q="charbon", mode="keyword", filters=SearchFilters(locale="fr", untranslated=True), facets=False
    )
    assert bilingual.english_only.title not in [result.title for result in search(query).results]
    listing = admin_client.get("/admin/snippets/search/glossaryterm/")
    assert listing.status_code == 200
    response = admin_client.post(
        "/admin/snippets/search/glossaryterm/add/",
        {
            "terms_en": "biochar, charcoal",
            "terms_fr": "charbon, biochar",
            "terms_es": "biocarbón",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert str(GlossaryTerm.objects.get()) == "biochar"
    assert bilingual.english_only.title in [result.title for result in search(query).results]
