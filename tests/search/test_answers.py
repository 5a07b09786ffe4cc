"""Extractive answers (search/answers.py) end to end: real database, real model, real search; the API shape, the
search page, visibility and the question set's format."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from cms.models import ProjectPage, ResourceDocument, ResourcePage, StandardPage
from knowledge.embeddings import get_embedder
from knowledge.sync import sync_document, sync_page
from search.answer_evaluation import Question, classify, load_questions
from search.answers import FACT_LINE, find_answer, has_cue, question_kind, sentence_vectors, split_sentences
from search.service import SearchQuery, search
from tests.builders import pdf_bytes
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

BIOCHAR_QUESTION = "How much does biochar increase soil organic carbon stocks in field trials?"
SECRET_QUESTION = "How much did zeolite amendments raise soil carbon in the trial?"
SECRET_SENTENCE = (
    "Zeolite amendments raised soil carbon by exactly 41 tonnes per hectare in the unpublished trial."
)


@pytest.fixture(autouse=True)
def forget_sentence_vectors():
    sentence_vectors.clear()
    yield
    sentence_vectors.clear()


@pytest.fixture
def corpus(site_tree):
    tree = site_tree
    document = get_document_model()(
        title="Biochar field evidence report", collection=Collection.get_first_root_node()
    )
    document.file.save(
        "biochar-report.pdf",
        ContentFile(
            pdf_bytes(
                "Biochar is charcoal made for soils. This report reviews how it is made from crop residues and "
                "wood, and how farmers apply it to their fields.",
                "A global meta-analysis drew together field trials on several continents. In field trials lasting "
                "between one and ten years, biochar increased soil organic carbon stocks by about 13 tonnes per "
                "hectare on average. Gains were larger on sandy soils and with plant-based feedstocks.",
            )
        ),
        save=False,
    )
    document._set_document_file_metadata()
    document.save()
    resource = add_page(
        tree.resources,
        ResourcePage,
        title="Biochar in the field",
        year=2024,
        summary="A report on biochar production and use on farms.",
        documents=[ResourceDocument(document=document)],
    )
    cover = add_page(
        tree.projects,
        ProjectPage,
        title="Winter cover crops in semi-arid Kenya",
        summary="Smallholders sow cowpea between maize harvests so the ground is never bare. The project measures "
        "soil organic carbon every two years on forty farms.",
    )
    sync_page(resource.pk)
    sync_page(cover.pk)
    sync_document(document.pk)
    # Indexed while public, then hidden without the index catching up: their exact sentence must never answer.
    draft = add_page(tree.projects, ProjectPage, title="Zeolite trial (draft)", summary=SECRET_SENTENCE)
    private = add_page(tree.home, StandardPage, title="Zeolite budget", intro=SECRET_SENTENCE)
    sync_page(draft.pk)
    sync_page(private.pk)
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    return {"document": document, "resource": resource, "draft": draft, "private": private}


def api_search(client, **params) -> dict:
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_question_is_answered_by_the_sentence_of_the_pdf_page(client, corpus):
    data = api_search(client, q=BIOCHAR_QUESTION)
    answer = data["answer"]
    assert answer is not None
    assert "about 13 tonnes per hectare" in answer["text"]
    assert set(answer) == {"text", "html", "source", "heading", "page_number", "score"}
    assert answer["source"]["title"] == "Biochar field evidence report"
    assert answer["source"]["type"] == "document"
    assert answer["source"]["id"] == corpus["document"].pk
    assert answer["page_number"] == 2
    assert answer["source"]["url"].endswith("#page=2")
    assert "<mark>biochar</mark>" in answer["html"]
    assert answer["score"] > 0


def _answer_section(html: str):
    return BeautifulSoup(html, "html.parser").select_one("section.answer")


def test_the_search_page_shows_the_answer_after_its_results_with_its_source_and_page_link(client, corpus):
    """The page itself does not wait for the answer: it has a slot that its script fills from answer/, and a link
    (for visitors without JavaScript) to the same page with the answer computed within it."""
    page = BeautifulSoup(client.get("/search/", {"q": BIOCHAR_QUESTION}).content.decode(), "html.parser")
    assert page.select_one("section.answer") is None and page.select("ol.results li")
    slot = page.select_one(".answer-slot[data-answer-url]")
    fragment = client.get(slot["data-answer-url"])
    assert fragment.status_code == 200
    link = BeautifulSoup(slot.find("noscript").decode_contents(), "html.parser").find("a")["href"]
    for html in (fragment.content.decode(), client.get(link).content.decode()):
        section = _answer_section(html)
        assert section is not None
        assert "about 13 tonnes per hectare" in section.select_one(".answer__text").get_text()
        assert section.select_one(".answer__page")["href"].endswith("#page=2")
        assert "Biochar field evidence report" in section.select_one(".answer__source").get_text()


def test_the_answer_follows_every_filter_of_the_page(client, corpus):
    """Repeated filters reach the fragment whole: its answer comes from the results the page shows. With the
    PDF among the types the PDF answers; without it nothing the page shows says how much, so no answer."""

    def fragment(*types):
        page = client.get("/search/", [("q", BIOCHAR_QUESTION), *(("type", kind) for kind in types)])
        url = BeautifulSoup(page.content.decode(), "html.parser").select_one("[data-answer-url]")[
            "data-answer-url"
        ]
        assert url.count("type=") == len(types), url
        return client.get(url)

    with_pdf = fragment("project", "document")
    assert with_pdf.status_code == 200 and "13 tonnes" in with_pdf.content.decode()
    assert fragment("project", "resource").status_code == 204


def test_the_answer_fragment_is_empty_or_a_clear_error(client, corpus):
    assert (
        client.get("/search/answer/", {"q": "Which football team won the 1998 World Cup?"}).status_code == 204
    )
    assert client.get("/search/answer/", {"q": "biochar", "page": "2", "page_size": "1"}).status_code == 204
    bad = client.get("/search/answer/", {"q": "biochar", "mode": "psychic"})
    assert bad.status_code == 400 and bad.json()["param"] == "mode"
    french = client.get("/fr/search/answer/", {"q": BIOCHAR_QUESTION, "locale": "all"})
    assert french.status_code == 200 and "Réponse tirée" in french.content.decode()


def test_no_answer_from_draft_or_private_text_even_with_the_exact_sentence(client, corpus):
    for params in ({"q": SECRET_QUESTION}, {"q": SECRET_SENTENCE}):
        data = api_search(client, **params)
        assert data["answer"] is None or "41 tonnes" not in data["answer"]["text"], data["answer"]
        for url, extra in (("/search/", {"answer": "1"}), ("/search/answer/", {})):
            soup = BeautifulSoup(client.get(url, {**params, **extra}).content.decode(), "html.parser")
            shown = " ".join(node.get_text() for node in soup.select("section.answer, ol.results"))
            assert "41 tonnes" not in shown and "Zeolite" not in shown


def test_a_question_the_content_cannot_answer_gets_no_answer(client, corpus):
    assert api_search(client, q="Which football team won the 1998 World Cup?")["answer"] is None


def test_answers_can_be_turned_off(client, corpus):
    with override_settings(SEARCH_ANSWERS=False):
        assert api_search(client, q=BIOCHAR_QUESTION)["answer"] is None
        page = client.get("/search/", {"q": BIOCHAR_QUESTION}).content
        assert b'class="answer"' not in page and b"data-answer-url" not in page
        assert client.get("/search/answer/", {"q": BIOCHAR_QUESTION}).status_code == 204


def test_only_the_first_page_has_an_answer(client, corpus):
    assert api_search(client, q="biochar soil carbon", page_size=1, page=2)["answer"] is None


def test_the_schema_describes_the_answer(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]
    assert {"text", "html", "source", "page_number", "score"} <= set(components["SearchAnswer"]["properties"])
    assert {"answer", "suggested_query", "showing_results_for"} <= set(
        components["SearchResponse"]["properties"]
    )


def test_sentences_split_on_stops_but_not_on_abbreviations():
    text = "Gains were large, e.g. on sandy soils. Smith et al. found 13 t/ha. Why? Because roots grow.\n\nNext one."
    assert split_sentences(text) == [
        "Gains were large, e.g. on sandy soils.",
        "Smith et al. found 13 t/ha.",
        "Why?",
        "Because roots grow.",
        "Next one.",
    ]


def test_the_question_set_has_twenty_answerable_questions_and_outcomes_are_counted():
    questions = load_questions()
    assert sum(bool(question.expected) for question in questions) >= 20
    question = Question("q", (("Report A", "13 tonnes"),))
    assert classify(question, "Report A", "It rose by 13  tonnes.") == "right"
    assert classify(question, "Report A", "Another sentence.") == "right_source"
    assert classify(question, "Report B", "13 tonnes") == "wrong"
    assert classify(question, None, None) == "none"


def test_an_answer_must_hold_the_rare_words_of_the_question(client, corpus):
    """A sentence close in meaning that misses what the question is about (two words the index has never seen, so
    the rarest of all) is no answer; the same question without them is answered by the same sentence."""
    assert (
        "13 tonnes"
        in api_search(client, q="How much does biochar raise soil carbon in field trials?")["answer"]["text"]
    )
    assert (
        api_search(client, q="How much does biochar raise soil carbon under Zambian cassava intercrops?")[
            "answer"
        ]
        is None
    )


def test_an_answer_must_hold_what_the_question_asks_for(client, corpus):
    """ "When" wants a year or a month: the biochar sentence has neither, so the same question asked with "when"
    gets no answer (asked with "how much", it does)."""
    assert api_search(client, q=BIOCHAR_QUESTION)["answer"] is not None
    assert (
        api_search(client, q="When did biochar increase soil organic carbon stocks in field trials?")[
            "answer"
        ]
        is None
    )


def test_the_answer_comes_from_one_of_the_first_two_results(corpus):
    """The same results, the answering one moved to the third place: no answer (a source the visitor does not see
    first is not quoted as the answer)."""
    vector = get_embedder().embed_query(BIOCHAR_QUESTION)
    results = search(SearchQuery(q=BIOCHAR_QUESTION, facets=False), query_vector=vector).results
    answer, _ = find_answer(results, BIOCHAR_QUESTION, vector)
    assert answer is not None
    source = next(i for i, result in enumerate(results) if result is answer.result)
    others = [result for i, result in enumerate(results) if i != source]
    assert len(others) >= 2
    for position in (0, 1):
        reordered = [*others[:position], answer.result, *others[position:]]
        assert find_answer(reordered, BIOCHAR_QUESTION, vector)[0] is not None
    lowered = [*others[:2], answer.result, *others[2:]]
    moved, _ = find_answer(lowered, BIOCHAR_QUESTION, vector)
    assert moved is None or moved.result is not answer.result


def test_an_answer_costs_one_statement_more_than_the_search(corpus):
    vector = get_embedder().embed_query(BIOCHAR_QUESTION)
    counts = []
    for answer in (False, True):
        search(SearchQuery(q=BIOCHAR_QUESTION, answer=answer), query_vector=vector)  # warm: vectors, caches
        with CaptureQueriesContext(connection) as captured:
            response = search(SearchQuery(q=BIOCHAR_QUESTION, answer=answer), query_vector=vector)
        counts.append(len(captured.captured_queries))
    assert response.answer is not None
    assert counts[1] == counts[0] + 1, counts


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much carbon do peatlands hold?", "quantity"),
        ("How many experts took part?", "count"),
        ("What does one soil analysis cost in Kenya?", "quantity"),
        ("When was the Initiative launched?", "date"),
        ("Who chaired the committee?", "name"),
        ("Combien de carbone stockent les tourbières ?", "count"),
        ("Quelle part de la surface doit être couverte ?", "quantity"),
        ("Quand l'Initiative a-t-elle été lancée ?", "date"),
        ("¿Cuánto carbono almacenan las turberas?", "quantity"),
        ("¿Cuándo se lanzó la Iniciativa?", "date"),
        ("¿Quién presidió el comité?", "name"),
        ("Why compare stocks on an equivalent soil mass?", None),
        ("cover crops drylands", None),
    ],
)
def test_questions_are_read_for_the_kind_of_answer_they_want(question, kind):
    assert question_kind(question) == kind


def test_answer_cues_by_kind():
    assert has_cue("quantity", "Stocks rose by about 13 tonnes per hectare.")
    assert has_cue("quantity", "About a third of land is degraded.")
    assert not has_cue(
        "quantity", "Policies include support for all three principles of conservation agriculture."
    )
    assert has_cue("quantity", "Vetiver roots grow three metres deep into the subsoil.")
    assert has_cue("quantity", "La période de permanence dure vingt ans.")
    assert has_cue("count", "Conservation agriculture rests on three principles.")
    assert has_cue("date", "It was launched on 1 December 2015 in Paris.")
    assert has_cue("date", "La convocatoria se cerró el 31 de julio.")
    assert not has_cue("date", "It was launched at the climate conference in Paris.")
    assert has_cue("name", "The committee was chaired by Cornelia Rumpel.", "Who chaired the Committee?")
    assert not has_cue("name", "The Committee meets every year.", "Who chaired the Committee?")
    assert has_cue(None, "Anything at all.")


def test_lines_of_facts_are_not_sentences_that_answer():
    assert FACT_LINE.match("Country: Australia, Asia and the Pacific.")
    assert FACT_LINE.match("Lead organization: World Agroforestry (ICRAF).")
    assert not FACT_LINE.match(
        "Public support to agriculture is large: governments spend hundreds of billions of dollars each year."
    )
