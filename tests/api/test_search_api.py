"""GET /api/search/, /api/search/suggest/ and /api/pages/<id>/related/: shape, filters, visibility, errors."""

from __future__ import annotations

import pytest

from tests.api.conftest import LEAK_WORDS, assert_error, assert_no_leak

pytestmark = pytest.mark.django_db


def search(api, **params) -> dict:
    response = api.get("/api/search/", params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert_no_leak(str(body["results"]) + str(body["facets"]))  # not "q": it echoes the query
    return body


def found(api, **params) -> set[tuple[str, int]]:
    return {(r["source"], r["id"]) for r in search(api, page_size=50, **params)["results"]}


def test_search_shape(api, hub):
    body = search(api, q="agroforestry soil carbon Kenya", page_size=5)
    assert set(body) == {
        "q",
        "mode",
        "count",
        "page",
        "num_pages",
        "results",
        "facets",
        "answer",
        "suggested_query",
        "showing_results_for",
    }
    assert body["page"] == 1 and body["count"] >= 1 and body["num_pages"] >= 1
    first = body["results"][0]
    assert set(first) == {
        "id",
        "source",
        "title",
        "url",
        "type",
        "score",
        "snippet",
        "passages",
        "date",
        "year",
        "lang",
        "locales",
        "members_only",
    }
    assert first["lang"] == "en" and first["locales"] == ["en"]
    assert first["members_only"] is False  # no session: public content only
    assert (first["source"], first["id"]) in {
        ("page", hub.project.pk),
        ("document", hub.public_doc.pk),
        ("page", hub.resource.pk),
    }
    assert first["url"].startswith("http://testserver/")
    passage = first["passages"][0]
    assert set(passage) == {"html", "heading", "page_number", "url"}
    assert "<mark>" in first["snippet"]
    assert {"content_type", "goals", "objectives", "practices", "regions", "year", "language"} <= set(
        body["facets"]
    )
    assert all(set(v) == {"value", "count"} for values in body["facets"].values() for v in values)
    project = next(
        r
        for r in search(api, q="agroforestry Kenya", page_size=50)["results"]
        if r["id"] == hub.project.pk and r["source"] == "page"
    )
    assert (project["type"], project["date"], project["year"]) == ("project", "2023-03-01", 2023)


def test_search_filters_and_modes(api, hub):
    q = "soil carbon"
    assert found(api, q=q, type="project") <= {
        ("page", hub.project.pk),
        ("page", hub.project_b.pk),
        ("page", hub.revised_project.pk),
    }
    assert ("page", hub.project.pk) in found(api, q=q, type="project", region="africa")
    assert found(api, q=q, type="project", region="africa") == {("page", hub.project.pk)}
    assert found(api, q=q, type="project,resource", practice="agroforestry") == {
        ("page", hub.project.pk),
        ("page", hub.resource.pk),
    }
    assert found(api, q=q, type=["project", "resource"], goal="B") == {("page", hub.project_b.pk)}
    assert found(api, q=q, objective="a1", type="project") == {("page", hub.project.pk)}
    # A document takes its language from the page it is attached to: the guide is on the French resource.
    assert found(api, q=q, language="fr") == {("page", hub.resource.pk), ("document", hub.public_doc.pk)}
    assert found(api, q=q, type="resource", year_from="2019", year_to="2020") == {("page", hub.resource.pk)}
    assert found(api, q=q, type="resource", year_from="2021") == set()
    for mode in ("hybrid", "semantic", "keyword"):
        assert ("page", hub.project_b.pk) in found(api, q="cover crops vineyards", mode=mode)


def test_search_pages(api, hub):
    full = search(api, q="soil", page_size=50)
    assert full["count"] > 3
    pages = [search(api, q="soil", page_size=2, page=n) for n in (1, 2)]
    assert pages[0]["num_pages"] == -(-full["count"] // 2)
    first_four = [(r["source"], r["id"]) for p in pages for r in p["results"]]
    assert first_four == [(r["source"], r["id"]) for r in full["results"][:4]]
    last = full["count"] // 2 + (1 if full["count"] % 2 else 0)
    assert search(api, q="soil", page_size=2, page=last)["results"]
    assert_error(api.get("/api/search/", {"q": "soil", "page_size": 2, "page": last + 1}), 404, "page")
    # A reversed range is valid in the OpenAPI schema (it cannot relate two parameters): it matches nothing.
    assert search(api, q="soil", year_from="2022", year_to="2020")["count"] == 0
    # no results: page 1 is fine, with count 0
    empty = search(api, q="soil", type="event", year_from="1900", year_to="1901")
    assert (empty["count"], empty["num_pages"], empty["results"]) == (0, 1, [])


@pytest.mark.parametrize("word", LEAK_WORDS)
def test_nothing_invisible_is_found(api, hub, word):
    for mode in ("hybrid", "keyword", "semantic"):
        search(api, q=word, mode=mode, page_size=50)
    assert found(api, q=word, mode="keyword") == set()


def test_exact_visible_set_for_a_broad_query(api, hub):
    visible_pages = {
        hub.tree.home.pk,
        hub.tree.strategy.pk,
        hub.tree.projects.pk,
        hub.tree.webinars.pk,
        hub.tree.events.pk,
        hub.tree.resources.pk,
        hub.goal_a.pk,
        hub.goal_a.get_next_sibling().pk,
        hub.a1.pk,
        hub.b1.pk,
        hub.task_force.pk,
        hub.project.pk,
        hub.project_b.pk,
        hub.revised_project.pk,
        hub.webinar_upcoming.pk,
        hub.webinar_past.pk,
        hub.event_upcoming.pk,
        hub.event_past.pk,
        hub.resource.pk,
    }
    visible = {("page", pk) for pk in visible_pages} | {
        ("document", hub.public_doc.pk),
        ("document", hub.loose_doc.pk),
    }
    results = found(api, q="soil carbon", mode="semantic")
    assert results <= visible
    assert {("page", hub.project.pk), ("document", hub.public_doc.pk)} <= results
    # The draft revision's title is not used: the live one is.
    titles = {r["title"] for r in search(api, q="biochar sandy soils", page_size=50)["results"]}
    assert "Biochar on sandy soils" in titles


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 501}, "q"),
        ({"q": "soil", "type": "poem"}, "type"),
        ({"q": "soil", "goal": "Z"}, "goal"),
        ({"q": "soil", "objective": "Z1"}, "objective"),
        ({"q": "soil", "practice": "yoga"}, "practice"),
        ({"q": "soil", "region": "atlantis"}, "region"),
        ({"q": "soil", "language": "xx"}, "language"),
        ({"q": "soil", "year_from": "2020a"}, "year_from"),
        ({"q": "soil", "year_to": "1800"}, "year_to"),
        ({"q": "soil", "goal": "C"}, "goal"),  # a goal with no live page
        ({"q": "soil", "objective": "A2"}, "objective"),  # a draft objective
        ({"q": "soil", "objective": "F9"}, "objective"),  # well formed, unknown
        ({"q": "soil", "mode": "magic"}, "mode"),
        ({"q": "soil", "page": "0"}, "page"),
        ({"q": "soil", "page": "two"}, "page"),
        ({"q": "soil", "page_size": "51"}, "page_size"),
        ({"q": "soil", "page_size": "-1"}, "page_size"),
        ({"q": "soil", "colour": "red"}, "colour"),
        ({"q": "soil\x00"}, "q"),
        ({"q": "soil\x01carbon"}, "q"),
        ({"q": "soil\x7f"}, "q"),
        ({"q": " ".join(["carbon"] * 49)}, "q"),
    ],
)
def test_search_bad_input(api, hub, params, param):
    assert_error(api.get("/api/search/", params), 400, param)


@pytest.mark.parametrize("params", [{"page": "999"}, {"page": "10000", "page_size": "50"}])
def test_a_page_past_the_last_one_is_a_404_naming_page(api, hub, params):
    assert_error(api.get("/api/search/", {"q": "soil", **params}), 404, "page")


def test_suggest(api, hub):
    response = api.get("/api/search/suggest/", {"q": "agrofor"})
    assert response.status_code == 200, response.content
    body = response.json()
    titles = {s["title"] for s in body["suggestions"]}
    assert "Agroforestry for soil carbon in Kenya" in titles
    assert all(set(s) == {"title", "url", "type"} for s in body["suggestions"])
    assert all(s["url"].startswith("http://testserver/") for s in body["suggestions"])
    limited = api.get("/api/search/suggest/", {"q": "soil", "limit": 1}).json()["suggestions"]
    assert len(limited) <= 1
    for word in LEAK_WORDS:
        leaked = api.get("/api/search/suggest/", {"q": word[:6]})
        assert leaked.status_code == 200
        assert_no_leak(leaked.content)
    members = api.get("/api/search/suggest/", {"q": "Members"}).json()["suggestions"]
    assert all("Members" not in s["title"] for s in members)  # the private page and its briefing


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x" * 501}, "q"),
        ({"q": "soil", "limit": "0"}, "limit"),
        ({"q": "soil", "limit": "21"}, "limit"),
        ({"q": "soil", "limit": "many"}, "limit"),
        ({"q": "soil", "type": "x"}, "type"),
        ({"q": "a\x00"}, "q"),
        ({"q": "agro\x1bfor"}, "q"),
        ({"q": " ".join(["soil"] * 49)}, "q"),
    ],
)
def test_suggest_bad_input(api, db, params, param):
    assert_error(api.get("/api/search/suggest/", params), 400, param)


def test_related(api, hub):
    response = api.get(f"/api/pages/{hub.project.pk}/related/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["page"] == {
        "id": hub.project.pk,
        "title": hub.project.title,
        "url": f"http://testserver{hub.project.url}",
    }
    assert 1 <= len(body["results"]) <= 5
    assert_no_leak(response.content)
    keys = {(r["source"], r["id"]) for r in body["results"]}
    assert ("page", hub.project.pk) not in keys
    assert {"page", "document"} >= {r["source"] for r in body["results"]}
    assert all(
        set(r) == {"id", "source", "title", "url", "type", "score", "snippet"} for r in body["results"]
    )
    webinars = api.get(f"/api/pages/{hub.project.pk}/related/", {"type": "webinar", "limit": 20}).json()
    assert {r["id"] for r in webinars["results"]} == {hub.webinar_upcoming.pk, hub.webinar_past.pk}
    projects = api.get(f"/api/pages/{hub.a1.pk}/related/", {"type": "project", "limit": 20}).json()
    assert {r["id"] for r in projects["results"]} == {
        hub.project.pk,
        hub.project_b.pk,
        hub.revised_project.pk,
    }
    documents = api.get(f"/api/pages/{hub.resource.pk}/related/", {"type": "document", "limit": 20}).json()
    assert {(r["source"], r["id"]) for r in documents["results"]} == {
        ("document", hub.public_doc.pk),
        ("document", hub.loose_doc.pk),
    }


def test_related_of_invisible_or_unknown_pages_is_404(api, hub):
    for page_id in (
        hub.private_project.pk,
        hub.draft_project.pk,
        hub.a2_draft.pk,
        999999,
        "abc",
        "99999999999999999999",
    ):
        assert_error(api.get(f"/api/pages/{page_id}/related/"), 404, None)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"limit": "21"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"type": "poem"}, "type"),
        ({"kind": "x"}, "kind"),
    ],
)
def test_related_bad_input(api, hub, params, param):
    assert_error(api.get(f"/api/pages/{hub.project.pk}/related/", params), 400, param)


MODES = ("hybrid", "semantic", "keyword")


def ranked(api, **params) -> list[tuple[str, int]]:
    return [(r["source"], r["id"]) for r in search(api, page_size=50, **params)["results"]]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("code", ["A1", "a1"])
def test_an_objective_code_ranks_the_objective_then_its_task_force_first(api, hub, mode, code):
    assert ranked(api, q=code, mode=mode)[:2] == [("page", hub.a1.pk), ("page", hub.task_force.pk)]


@pytest.mark.parametrize("mode", MODES)
def test_a_title_typed_exactly_ranks_that_page_first(api, hub, mode):
    # Several pages are about soil carbon in Kenya; the one whose title this is comes first, in any case.
    assert ranked(api, q="agroforestry for SOIL carbon in kenya", mode=mode)[0] == ("page", hub.project.pk)
    assert ranked(api, q="Cover crops in French vineyards!", mode=mode)[0] == ("page", hub.project_b.pk)


def test_an_exact_code_respects_filters_and_visibility(api, hub):
    assert ("page", hub.a1.pk) not in ranked(api, q="A1", type="project")
    assert ranked(api, q="A1", type="objective")[0] == ("page", hub.a1.pk)
    # A2 is only a draft: its code names nothing a visitor may see.
    assert ("page", hub.a2_draft.pk) not in ranked(api, q="A2")


@pytest.mark.parametrize("mode", MODES)
def test_facet_counts_are_the_counts_of_the_current_results(api, hub, mode):
    body = search(api, q="soil carbon", mode=mode, page_size=50)
    results = body["results"]
    assert 3 < body["count"] == len(results)  # everything on one page, so counts can be checked by hand
    by_type: dict[str, int] = {}
    for result in results:
        by_type[result["type"]] = by_type.get(result["type"], 0) + 1
    assert {f["value"]: f["count"] for f in body["facets"]["content_type"]} == by_type
    years: dict[str, int] = {}
    for result in results:
        if result["year"] is not None:
            years[str(result["year"])] = years.get(str(result["year"]), 0) + 1
    assert {f["value"]: f["count"] for f in body["facets"]["year"]} == years
    # Counting a facet value and then filtering on it agree.
    for facet in body["facets"]["content_type"]:
        assert search(api, q="soil carbon", mode=mode, type=facet["value"])["count"] == facet["count"]


@pytest.mark.parametrize("mode", MODES)
def test_quoted_phrases_are_required_and_exclusions_forbidden_in_every_mode(api, hub, mode):
    vineyards = ranked(api, q="cover crops vineyards", mode=mode)
    assert ("page", hub.project_b.pk) in vineyards
    assert ("page", hub.project_b.pk) not in ranked(api, q="cover crops -vineyards", mode=mode)
    assert ("page", hub.project_b.pk) not in ranked(api, q="cover crops -vine", mode=mode)  # stemmed: vine(s)
    body = search(api, q='"French vineyards"', mode=mode, page_size=50)
    assert ("page", hub.project_b.pk) in {(r["source"], r["id"]) for r in body["results"]}
    # Every result contains the phrase in its title or the passage shown (both words apart do not count).
    for result in body["results"]:
        passages = (
            " ".join(p["html"] for p in result["passages"]).replace("<mark>", "").replace("</mark>", "")
        )
        shown = result["title"] + " " + passages
        assert "french vineyards" in shown.lower(), result
    assert ranked(api, q='"vineyards French"', mode=mode) == []


@pytest.mark.parametrize(
    ("path", "param"),
    [("/api/search/", "page"), ("/api/search/", "page_size"), ("/api/search/suggest/", "limit")],
)
def test_an_empty_number_is_refused_not_taken_as_the_default(api, hub, path, param):
    assert_error(api.get(path, {"q": "soil", param: ""}), 400, param)


def test_the_schema_states_the_query_rules(api, db):
    import re

    from search.syntax import MAX_QUERY_WORDS, clean_query

    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    q = next(p for p in schema["paths"]["/api/search/"]["get"]["parameters"] if p["name"] == "q")
    pattern = re.compile(q["schema"]["pattern"])
    for accepted in ("soil carbon", " a ", " ".join(["w"] * MAX_QUERY_WORDS)):
        assert pattern.match(accepted) and clean_query(accepted)
    for refused in ("", "   ", "a\x00b", "a\x1fb", " ".join(["w"] * (MAX_QUERY_WORDS + 1))):
        assert not pattern.match(refused)
