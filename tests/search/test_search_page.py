"""The visitor search page (/search/) and title suggestions (/search/suggest/), end to end: real database, real
embedding model, real hybrid search service."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage, Region, ResourcePage, SoilPractice, StandardPage
from knowledge.embeddings import Embedder
from knowledge.sync import sync_page
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, scope="module")
def remembered_embeddings():
    """The real model's vectors, remembered across this module's tests: every test rebuilds the same small
    corpus (the database's embedding cache is rolled back after each test), so each text is embedded once."""
    memo: dict[str, np.ndarray] = {}
    original = Embedder.embed_passages

    def embed_passages(self, texts, **kwargs):
        missing = [text for text in dict.fromkeys(texts) if text not in memo]
        if missing:
            memo.update(zip(missing, original(self, missing, **kwargs), strict=True))
        return np.array([memo[text] for text in texts], dtype=np.float32).reshape(len(texts), self.dimension)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Embedder, "embed_passages", embed_passages)
        yield


XSS_PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("ol.results .result__title a")]


def index(*pages) -> None:
    for page in pages:
        sync_page(page.pk)


class Corpus:
    def __init__(self, tree) -> None:
        self.tree = tree
        self.cover_crops = SoilPractice.objects.create(name="Cover crops", slug="cover-crops")
        self.africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
        self.kenya = Region.objects.create(
            name="Kenya", kind=Region.Kind.COUNTRY, parent=self.africa, iso_code="KE"
        )
        self.kenya_project = add_page(
            tree.projects,
            ProjectPage,
            title="Winter cover crops in semi-arid Kenya",
            summary="Smallholders sow cowpea and lablab between maize harvests so the ground is never bare. Where "
            "rain is scarce the extra plants compete for soil moisture, so the project times sowing to "
            "the short rains and measures soil organic carbon every two years.",
            start_date=dt.date(2022, 3, 1),
        )
        self.kenya_project.practices.set([self.cover_crops])
        self.kenya_project.countries.set([self.kenya])
        self.kenya_project.save_revision().publish()
        self.peat_project = add_page(
            tree.projects,
            ProjectPage,
            title="Rewetting drained peatlands in the Baltic states",
            summary="Blocking drainage ditches raises the water table of former peat mines, which stops the "
            "oxidation of peat and the loss of carbon dioxide to the atmosphere.",
            start_date=dt.date(2019, 5, 1),
        )
        self.guide = add_page(
            tree.resources,
            ResourcePage,
            title="Guide to measuring soil organic carbon stocks",
            summary="How to sample soils, measure bulk density and compute carbon stocks at equivalent soil mass "
            "for monitoring, reporting and verification.",
            year=2020,
        )
        self.odd_title = add_page(
            tree.resources,
            ResourcePage,
            title="Rock & roll <b>minerals</b> for soils",
            summary="Spreading crushed basalt on fields captures carbon through enhanced rock weathering.",
            year=2023,
        )
        index(self.kenya_project, self.peat_project, self.guide, self.odd_title)

        # Indexed while public, then made invisible without the index catching up: query-time checks must hide it.
        self.draft = add_page(
            tree.projects,
            ProjectPage,
            title="Zeolite trial unpublished draft",
            summary="Zeolitequartz amendments on sandy soils: unpublished results nobody may see yet.",
        )
        self.private = add_page(
            tree.home,
            StandardPage,
            title="Confidential budget negotiations",
            intro="Zeolitequartz budget lines.",
        )
        index(self.draft, self.private)
        self.draft.unpublish()
        PageViewRestriction.objects.create(page=self.private, restriction_type="password", password="secret")


@pytest.fixture
def corpus(site_tree) -> Corpus:
    return Corpus(site_tree)


def test_paraphrase_finds_the_right_page_first_with_highlighted_passages(client, corpus):
    response = client.get("/search/", {"q": "growing legumes between harvests where rainfall is low"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert result_titles(soup)[0] == corpus.kenya_project.title
    first = soup.select_one("ol.results .result")
    assert first.select_one(".badge").get_text(strip=True) == "Project"
    assert first.select_one("time").get_text(strip=True) == "1 March 2022"
    # The title links through the anonymous click counter to the page itself (tests/search/test_judgments.py).
    link = urlsplit(first.select_one(".result__title a")["href"])
    assert link.path == "/search/click/"
    assert parse_qs(link.query) == {
        "q": ["growing legumes between harvests where rainfall is low"],
        "rank": ["1"],
        "type": ["project"],
        "to": [corpus.kenya_project.url],
    }
    # Headline, live region and structure.
    assert len(soup.find_all("h1")) == 1
    heading = soup.find(id="results-heading")
    assert heading.get("aria-live") == "polite"
    assert re.search(r"\d+ results? for", heading.get_text()) and "rainfall" in heading.get_text()
    assert soup.select_one("label[for=q]") is not None
    for fieldset in soup.select("form.facets fieldset"):
        assert fieldset.find("legend") is not None
    # A keyword query marks the words in the passages.
    soup = soup_of(client.get("/search/", {"q": "cover crops Kenya"}))
    marks = soup.select("ol.results .passage mark")
    assert marks and {mark.get_text().lower() for mark in marks} & {"cover", "crops", "kenya"}
    assert "mode" not in {i.get("name") for i in soup.select("select, input[type=radio]")}  # no mode switch


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_html_in_the_query_is_escaped_everywhere(client, corpus, payload):
    for params in (
        {"q": payload},
        {"q": f"cover crops {payload}"},
        {"q": "cover crops", "type": payload},
        {"q": payload, "region": payload, "mode": payload},
    ):
        response = client.get("/search/", params)
        assert response.status_code in (200, 400)
        content = response.content.decode()
        assert payload not in content
        assert "<script>alert" not in content and "<img src=x" not in content


def test_titles_are_escaped_on_the_page_and_raw_in_suggestions(client, corpus):
    content = client.get("/search/", {"q": "crushed basalt rock weathering"}).content.decode()
    assert "Rock &amp; roll &lt;b&gt;minerals&lt;/b&gt; for soils" in content
    assert "<b>minerals</b>" not in content
    data = client.get("/search/suggest/", {"q": "rock & ro"}).json()
    assert (
        data["suggestions"][0]["title"] == "Rock & roll <b>minerals</b> for soils"
    )  # data: the page escapes it


def test_facets_show_counts_and_narrow_results(client, corpus):
    soup = soup_of(client.get("/search/", {"q": "soil carbon"}))
    type_group = soup.find("legend", string="Type").find_parent("fieldset")
    counts = {
        li.find("label").get_text(strip=True): int(li.select_one(".count").contents[0])
        for li in type_group.select("li")
    }
    assert counts == {"Project": 2, "Resource": 2}
    practice_group = soup.find("legend", string="Soil practice").find_parent("fieldset")
    assert practice_group.find("label", string="Cover crops") is not None
    assert practice_group.find("input", attrs={"value": "cover-crops"}) is not None
    region_group = soup.find("legend", string="Country or region").find_parent("fieldset")
    assert {i["value"] for i in region_group.select("input")} == {"africa", "kenya"}  # names -> slugs

    soup = soup_of(client.get("/search/", {"q": "soil carbon", "type": "resource"}))
    assert set(result_titles(soup)) == {corpus.guide.title, corpus.odd_title.title}
    # The type group still offers the other types (counts as if chosen), the chosen one is checked.
    type_group = soup.find("legend", string="Type").find_parent("fieldset")
    assert type_group.find("input", attrs={"value": "resource"}).has_attr("checked")
    assert type_group.find("input", attrs={"value": "project"}) is not None
    # Active filter removable, and a clear link.
    chip = soup.select_one(".active-filters a.active-filter")
    assert "Resource" in chip.get_text()
    assert "type=" not in chip["href"] and "q=soil+carbon" in chip["href"]
    assert soup.find("a", string="Clear filters") is not None

    soup = soup_of(client.get("/search/", {"q": "soil carbon", "region": "africa"}))
    assert result_titles(soup) == [corpus.kenya_project.title]
    soup = soup_of(client.get("/search/", {"q": "soil carbon", "year_from": "2021", "year_to": "2022"}))
    assert result_titles(soup) == [corpus.kenya_project.title]


def test_pagination_keeps_every_parameter(client, corpus):
    for number in range(11):
        page = add_page(
            corpus.tree.resources,
            ResourcePage,
            title=f"Soil carbon field note {number}",
            summary=f"Field note number {number} on soil carbon in grasslands.",
            year=2021,
        )
        index(page)
    response = client.get("/search/", {"q": "soil carbon field note", "type": "resource"})
    soup = soup_of(response)
    assert len(soup.select("ol.results > li")) == 10
    nav = soup.select_one("nav.pagination")
    next_link = nav.find("a", rel="next")["href"]
    assert "q=soil+carbon+field+note" in next_link and "type=resource" in next_link and "page=2" in next_link
    soup = soup_of(client.get("/search/" + next_link if next_link.startswith("?") else next_link))
    assert soup.select_one("ol.results")["start"] == "11"
    assert len(soup.select("ol.results > li")) == 3  # 13 resources in all
    past = soup_of(client.get("/search/", {"q": "soil carbon field note", "page": "9"}))
    assert "past the last one" in past.get_text()


def test_zero_results_state(client, site_tree):
    soup = soup_of(client.get("/search/", {"q": "xyzzyplugh", "mode": "keyword"}))
    text = " ".join(soup.get_text(" ").split())
    assert "0 results for “xyzzyplugh”" in text
    assert "Check the spelling" in text and "editors" in text
    browse = {a.get_text(strip=True) for a in soup.select(".search-empty a")}
    assert {"Projects", "Resources", "Webinars"} <= browse

    soup = soup_of(client.get("/search/", {"q": "cover crops", "type": "event"}))
    link = soup.find("a", string="Search again without filters")
    assert link is not None and "type=" not in link["href"]


def test_empty_query_shows_examples(client, site_tree):
    response = client.get("/search/")
    assert response.status_code == 200
    soup = soup_of(response)
    examples = [a.get_text(strip=True) for a in soup.select(".search-start a")]
    assert "how do cover crops change soil carbon in dry climates" in examples and "A1" in examples
    assert soup.select_one("ol.results") is None


@pytest.mark.parametrize(
    "params, param",
    [
        ({"type": "bogus"}, "type"),
        ({"year_from": "abc"}, "year_from"),
        ({"region": "atlantis"}, "region"),
        ({"mode": "psychic"}, "mode"),
        ({"q": "x" * 501}, "q"),
        ({"q": "soil\x00carbon"}, "q"),
        ({"q": "soil\x01carbon"}, "q"),
        ({"q": " ".join(["carbon"] * 49)}, "q"),
    ],
)
def test_bad_input_is_a_400_with_the_message(client, site_tree, params, param):
    response = client.get("/search/", {"q": "cover crops", **params})
    assert response.status_code == 400
    soup = soup_of(response)
    if param == "q":
        assert soup.find(id="q")["aria-invalid"] == "true"
        message = soup.find(id="q-error").get_text()
        assert any(
            reason in message for reason in ("longer than 500", "control character", "more than 48 words")
        )
    else:
        error = soup.select_one(".search-error")
        assert error is not None and param in error.get_text()


@pytest.mark.parametrize("path", ["/search/answer/", "/fr/search/", "/search/suggest/"])
def test_a_null_byte_is_refused_on_every_search_address(client, site_tree, path):
    response = client.get(path, {"q": "soil\x00"})
    assert response.status_code == 400


def test_a_refused_query_is_shown_back_without_its_control_characters(client, site_tree):
    """The 400 page shows the question in both search boxes to be corrected, never with a NUL or another control
    character (invalid in HTML)."""
    response = client.get("/search/", {"q": "soil\x00carbon\x07 stocks"})
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.find(id="q")["value"] == "soil carbon stocks"
    assert soup.find(id="header-q")["value"] == "soil carbon stocks"
    assert "\x00" not in response.content.decode()


def test_the_header_search_box_shows_only_a_site_search(client, site_tree):
    """Another page's own `q` (a listing's filter, any parameter a link adds) is not a site search: the header box
    stays empty there, and shows nothing a link put into the address."""
    response = client.get("/", {"q": "typed\x00 by someone else"})
    assert response.status_code == 200
    assert soup_of(response).find(id="header-q").get("value", "") == ""


def test_the_longest_scifact_question_is_accepted(client, site_tree):
    """48 words: the limit is above the longest question of the benchmark (39 words), so no real question hits it."""
    assert client.get("/search/", {"q": " ".join(["carbon"] * 48)}).status_code == 200


def test_editors_picks_first_and_only_live_public_pages(client, corpus):
    promoted = Query.get("soil carbon")
    promoted.editors_picks.create(page=corpus.guide, sort_order=0, description="Start here.")
    promoted.editors_picks.create(page=corpus.draft, sort_order=1, description="Draft")
    promoted.editors_picks.create(page=corpus.private, sort_order=2, description="Private")
    promoted.editors_picks.create(
        external_link_url="https://4p1000.org/", external_link_text="The initiative", sort_order=3
    )
    response = client.get("/search/", {"q": "Soil  Carbon"})
    soup = soup_of(response)
    picks = soup.select(".picks .pick__title")
    assert [a.get_text(strip=True) for a in picks] == [corpus.guide.title, "The initiative"]
    content = response.content.decode()
    assert content.index("Recommended") < content.index('class="results"')
    assert "Confidential" not in content and "Zeolite" not in content
    assert Query.get("soil carbon").hits == 1


def test_unpublished_and_private_content_never_appears(client, corpus):
    for q in ("zeolitequartz", "Zeolite trial unpublished draft", "Confidential budget negotiations"):
        for mode in ("hybrid", "keyword", "semantic"):
            content = client.get("/search/", {"q": q, "mode": mode}).content.decode()
            assert "unpublished results nobody" not in content
            assert f"/{corpus.draft.slug}/" not in content
            assert f"/{corpus.private.slug}/" not in content
            assert "Zeolitequartz" not in content


def test_suggest_returns_visible_titles_only(client, corpus):
    data = client.get("/search/suggest/", {"q": "winter cov"}).json()
    assert data["suggestions"][0] == {
        "title": corpus.kenya_project.title,
        "url": corpus.kenya_project.url,
        "type": "project",
        "type_label": "Project",
    }
    assert client.get("/search/suggest/", {"q": "Confid"}).json() == {"suggestions": []}
    assert client.get("/search/suggest/", {"q": "Zeolite tri"}).json() == {"suggestions": []}
    assert client.get("/search/suggest/", {"q": "w"}).json() == {"suggestions": []}
    titles = [s["title"] for s in client.get("/search/suggest/", {"q": "soil"}).json()["suggestions"]]
    assert set(titles) == {corpus.guide.title, corpus.odd_title.title}  # word starts anywhere in a title
    titles = [
        s["title"] for s in client.get("/search/suggest/", {"q": "rewetting drai"}).json()["suggestions"]
    ]
    assert titles == [corpus.peat_project.title]
    titles = [s["title"] for s in client.get("/search/suggest/", {"q": "carb"}).json()["suggestions"]]
    assert titles == [corpus.guide.title]
    assert client.get("/search/suggest/", {"q": "'; DROP TABLE x; --"}).status_code == 200
