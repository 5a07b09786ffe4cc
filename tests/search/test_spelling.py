"""Did you mean (search/spelling.py): misspellings corrected from the index's own vocabulary, kept on the write
path; never a word that only hidden content contains; the API's suggested_query and the search page's links."""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage, ResourcePage, StandardPage
from knowledge.models import SITE_NAMESPACE, WordStat, source_visible_sql
from knowledge.sync import sync_page
from search.params import ALL_LOCALES
from search.spelling import suggest
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zeolitequartz"  # only in a draft and in a private page


@pytest.fixture
def corpus(site_tree):
    tree = site_tree
    pages = [
        add_page(
            tree.projects,
            ProjectPage,
            title="Agroforestry for carbon sequestration in Africa",
            summary="Farmers plant trees among crops; agroforestry raises carbon sequestration in soils and "
            "reduces the need for mineral fertiliser.",
        ),
        add_page(
            tree.resources,
            ResourcePage,
            title="Grazing management on rangelands",
            year=2023,
            summary="Rotational grazing, rest periods and carbon in rangeland soils.",
        ),
        add_page(
            tree.resources,
            ResourcePage,
            title="Cover crops between harvests",
            year=2022,
            summary="Cover crops keep living roots in the soil and add carbon between two cash crops.",
        ),
        add_page(
            tree.resources,
            ResourcePage,
            title="Peatlands and wetlands",
            year=2021,
            summary="Rewetting drained peatlands stops the loss of carbon from organic soils.",
        ),
    ]
    for page in pages:
        sync_page(page.pk)
    draft = add_page(tree.projects, ProjectPage, title="Mineral trial", summary=f"{HIDDEN_WORD} amendments.")
    private = add_page(tree.home, StandardPage, title="Budget lines", intro=f"{HIDDEN_WORD} budget.")
    sync_page(draft.pk)
    sync_page(private.pk)
    # Hidden without the index catching up: the vocabulary still counts the word, the query side must not offer it.
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    return pages


def corrected(q: str) -> str | None:
    sql, params = source_visible_sql("s")
    spelling = suggest(q, SITE_NAMESPACE, sql, params)
    return spelling.suggestion if spelling else None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("agroforesty", "agroforestry"),
        ("carbn sequestation", "carbon sequestration"),
        ("fertilizr", "fertiliser"),
        ("grazng on rangelnd", "grazing on rangeland"),
        ('"carbn" agroforesty -grazng', '"carbn" agroforestry -grazng'),  # phrases and exclusions left alone
    ],
)
def test_misspellings_are_corrected_from_the_vocabulary(corpus, typed, expected):
    assert corrected(typed) == expected


def test_known_words_are_left_alone(corpus):
    assert corrected("agroforestry carbon sequestration") is None
    assert corrected("xqzwvy") is None  # nothing close


def test_a_word_only_hidden_content_has_is_never_suggested(corpus):
    assert WordStat.objects.filter(namespace=SITE_NAMESPACE, word=HIDDEN_WORD, ndoc__gt=0).exists()
    assert corrected("zeolitequarts") is None
    assert corrected("zeolitequarz amendments") is None


def test_the_vocabulary_follows_edits_and_deletions(corpus):
    page = corpus[0]

    def count(word):
        row = WordStat.objects.filter(namespace=SITE_NAMESPACE, locale="", word=word).first()
        return row.ndoc if row else 0

    assert count("fertiliser") >= 1
    page.summary = "Farmers plant trees among crops for carbon sequestration in soils: compost instead."
    page.save_revision().publish()
    sync_page(page.pk)
    assert count("fertiliser") == 0
    assert count("compost") >= 1
    page.unpublish()
    sync_page(page.pk)
    assert count("compost") == 0


def test_the_api_suggests_and_shows_the_correction_when_the_words_find_nothing(client, corpus):
    data = client.get("/api/search/", {"q": "carbn sequestation"}).json()
    assert data["suggested_query"] == "carbon sequestration"
    assert data["showing_results_for"] == "carbon sequestration"
    assert data["results"][0]["title"] == "Agroforestry for carbon sequestration in Africa"
    exact = client.get("/api/search/", {"q": "carbn sequestation", "spell": "off"}).json()
    assert exact["suggested_query"] is None and exact["showing_results_for"] is None
    found = client.get("/api/search/", {"q": "agroforesty grazing"}).json()
    assert found["suggested_query"] == "agroforestry grazing"
    assert found["showing_results_for"] is None, "the words typed find results: only a link"
    assert client.get("/api/search/", {"q": "soil", "spell": "maybe"}).status_code == 400


def test_the_search_page_shows_results_for_the_correction_and_a_way_back(client, corpus):
    soup = BeautifulSoup(client.get("/search/", {"q": "carbn sequestation"}).content.decode(), "html.parser")
    note = soup.select_one(".suggested-query")
    assert "Showing results for" in note.get_text()
    links = [a["href"] for a in note.select("a")]
    assert links == ["/search/?q=carbon+sequestration", "/search/?q=carbn+sequestation&spell=off"]
    back = BeautifulSoup(client.get(links[1]).content.decode(), "html.parser")
    assert back.select_one(".suggested-query") is None
    assert back.select_one('input[name="spell"][value="off"]') is not None
    other = BeautifulSoup(
        client.get("/search/", {"q": "agroforesty grazing"}).content.decode(), "html.parser"
    )
    assert "Did you mean" in other.select_one(".suggested-query").get_text()


def test_evaluate_spelling_reports_each_query_and_names_a_bad_set(corpus, tmp_path):
    good = tmp_path / "set.json"
    good.write_text(
        json.dumps(
            {
                "queries": [
                    ["agroforesty", "agroforestry"],
                    ["grazng", "grazing", ""],
                    ["carbn", "carbon", "fr"],
                ],
                "correct": ["cover crops"],
            }
        )
    )
    out = io.StringIO()
    call_command("evaluate_spelling", "--set", str(good), stdout=out)
    report = out.getvalue()
    assert "[right] agroforesty (en) -> agroforestry" in report  # the English pages, by default
    assert "[none ] carbn (fr) -> -" in report  # nothing French in this corpus
    assert report.strip().endswith(
        "3 misspelled queries: 2 corrected as expected, 0 otherwise, 1 not corrected; "
        "1 of 1 correctly spelled queries left alone"
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"queries": [["only one"]]}')
    with pytest.raises(CommandError, match="bad.json"):
        call_command("evaluate_spelling", "--set", str(bad))


@pytest.mark.parametrize(
    "prefix, showing, did_you_mean",
    [("/fr", "Résultats pour", "Vouliez-vous dire"), ("/es", "Mostrando resultados de", "¿Quiso decir")],
)
def test_the_correction_line_speaks_the_visitors_language(client, corpus, prefix, showing, did_you_mean):
    for q, expected in (("carbn sequestation", showing), ("agroforesty grazing", did_you_mean)):
        response = client.get(f"{prefix}/search/", {"q": q, "locale": ALL_LOCALES})
        note = BeautifulSoup(response.content.decode(), "html.parser").select_one(".suggested-query")
        assert note is not None, q
        text = note.get_text(" ", strip=True)
        assert text.startswith(expected), text
        assert "Did you mean" not in text and "Showing results" not in text and "instead" not in text
