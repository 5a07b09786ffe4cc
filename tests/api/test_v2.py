"""Wagtail API v2 at /api/v2/: shape, relations, filters, and only live public content."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from wagtail.images import get_image_model

from tests.api.conftest import COLLECTION_WORD, DRAFT_WORD, REVISION_WORD, assert_error, assert_no_leak

pytestmark = pytest.mark.django_db


def items(api, path: str, **params) -> list[dict]:
    response = api.get(path, {"limit": 50, **params})
    assert response.status_code == 200, response.content[:500]
    assert_no_leak(response.content)
    return response.json()["items"]


def ids(api, path: str, **params) -> set[int]:
    return {item["id"] for item in items(api, path, **params)}


def test_pages_listing_is_exactly_the_live_public_pages(api, hub):
    t = hub.tree
    expected = {
        t.home.pk,
        t.strategy.pk,
        t.projects.pk,
        t.webinars.pk,
        t.events.pk,
        t.resources.pk,
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
    assert ids(api, "/api/v2/pages/") == expected
    assert ids(api, "/api/v2/pages/", type="cms.ProjectPage") == {
        hub.project.pk,
        hub.project_b.pk,
        hub.revised_project.pk,
    }
    for hidden in (hub.private_project, hub.draft_project, hub.a2_draft):
        assert_error(api.get(f"/api/v2/pages/{hidden.pk}/"), 404, None)

    # find by html_path redirects to a visible page's detail, and does not reveal the hidden ones either
    def find(page):
        return api.get("/api/v2/pages/find/", {"html_path": page.url_path.split("/home", 1)[-1]})

    found = find(hub.project)
    assert found.status_code == 302
    assert urlsplit(found["Location"]).path == f"/api/v2/pages/{hub.project.pk}/"
    for hidden in (hub.private_project, hub.draft_project):
        assert find(hidden).status_code == 404


def test_a_draft_revision_of_a_live_page_never_shows(api, hub):
    response = api.get(f"/api/v2/pages/{hub.revised_project.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Biochar on sandy soils"
    assert body["summary"] == "Field trials of biochar on sandy soils in Benin."
    assert REVISION_WORD not in response.content.decode()
    listing = items(api, "/api/v2/pages/", type="cms.ProjectPage", fields="summary")
    assert REVISION_WORD not in str(listing)


def test_project_detail_expands_relations_and_hides_invisible_ones(api, hub):
    body = api.get(f"/api/v2/pages/{hub.project.pk}/").json()
    assert_no_leak(str(body))
    assert body["meta"]["type"] == "cms.ProjectPage"
    assert body["status"] == "funded"
    assert body["lead_organization"]["name"] == "Institut national de recherche"
    assert body["lead_organization"]["short_name"] == "INRAE"
    assert [org["short_name"] for org in body["partner_organizations"]] == ["CIRAD"]
    assert [(c["name"], c["slug"]) for c in body["countries"]] == [("Kenya", "kenya")]
    assert [(p["name"], p["slug"]) for p in body["practices"]] == [("Agroforestry", "agroforestry")]
    # The draft objective A2 is left out; A1 comes with its code and label.
    assert [(o["id"], o["code"], o["short_label"]) for o in body["objectives"]] == [(hub.a1.pk, "A1", "NDCs")]
    assert body["objectives"][0]["html_url"].endswith(hub.a1.url)
    # Only the document outside the private collection.
    assert [(d["document"]["id"], d["caption"]) for d in body["documents"]] == [
        (hub.public_doc.pk, "Field guide")
    ]
    assert body["documents"][0]["document"]["download_url"].startswith("http://testserver/documents/")


def test_objective_goal_task_force_and_members(api, hub):
    body = api.get(f"/api/v2/pages/{hub.a1.pk}/").json()
    assert body["goal"]["id"] == hub.goal_a.pk and body["goal"]["code"] == "A"
    assert body["task_force"]["id"] == hub.task_force.pk
    goal = api.get(f"/api/v2/pages/{hub.goal_a.pk}/").json()
    assert [o["code"] for o in goal["objectives"]] == ["A1"]  # not the draft A2
    # Rich text is HTML with links expanded, not Wagtail's database format.
    assert 'href="/"' in goal["description"] and "linktype" not in goal["description"]
    task_force = api.get(f"/api/v2/pages/{hub.task_force.pk}/").json()
    assert task_force["objective"]["code"] == "A1"
    members = [
        (m["person"]["name"], m["role"], (m["person"]["organization"] or {}).get("short_name"))
        for m in task_force["members"]
    ]
    assert members == [("Claire Chenu", "leader", "INRAE"), ("Jon Smith", "team_member", None)]
    strategy = api.get(f"/api/v2/pages/{hub.tree.strategy.pk}/").json()
    assert [g["code"] for g in strategy["goals"]] == ["A", "B"]


def test_webinar_speakers_moderator_and_slides(api, hub):
    body = api.get(f"/api/v2/pages/{hub.webinar_upcoming.pk}/").json()
    assert body["abstract"] == "<p>How to <b>measure</b> soil carbon stocks.</p>"
    speaker = body["speakers"][0]
    assert (speaker["name"], speaker["job_title"], speaker["organization"]["name"]) == (
        "Claire Chenu",
        "Soil scientist",
        "Institut national de recherche",
    )
    assert body["moderator"]["name"] == "Jon Smith"
    assert body["slides"]["id"] == hub.public_doc.pk
    assert body["is_upcoming"] is True
    assert [o["code"] for o in body["objectives"]] == ["A1"]
    past = api.get(f"/api/v2/pages/{hub.webinar_past.pk}/").json()
    assert past["slides"] is None  # in a private collection


def test_every_page_type_answers_with_its_fields(api, hub):
    for page in (
        hub.tree.home,
        hub.tree.strategy,
        hub.tree.projects,
        hub.goal_a,
        hub.a1,
        hub.task_force,
        hub.project,
        hub.webinar_upcoming,
        hub.event_upcoming,
        hub.resource,
    ):
        response = api.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, (page, response.content[:300])
        body = response.json()
        for field in page.specific_class.api_fields:
            assert field.name in body, (page.specific_class.__name__, field.name)
    event = api.get(f"/api/v2/pages/{hub.event_upcoming.pk}/").json()
    assert event["organizer"]["short_name"] == "INRAE"
    assert [r["slug"] for r in event["regions"]] == ["france"]
    resource = api.get(f"/api/v2/pages/{hub.resource.pk}/").json()
    assert (resource["kind"], resource["language"], resource["year"]) == ("guideline", "fr", 2020)
    assert [r["slug"] for r in resource["regions"]] == ["africa"]


def test_listing_filters_like_the_site(api, hub):
    projects = "/api/v2/pages/"
    p = {"type": "cms.ProjectPage"}
    assert ids(api, projects, **p, status="funded") == {hub.project.pk}
    assert ids(api, projects, **p, goal="A") == {hub.project.pk}
    assert ids(api, projects, **p, goal="b") == {hub.project_b.pk}
    assert ids(api, projects, **p, objective="A1") == {hub.project.pk}
    assert ids(api, projects, **p, practice="cover-crops") == {hub.project_b.pk}
    assert ids(api, projects, **p, region="africa") == {hub.project.pk}  # Kenya is in Africa
    assert ids(api, projects, **p, region="kenya") == {hub.project.pk}
    assert ids(api, projects, **p, region="france", status="funded") == set()
    r = {"type": "cms.ResourcePage"}
    assert ids(api, projects, **r, kind="guideline", language="fr", year="2020") == {hub.resource.pk}
    assert ids(api, projects, **r, year="2021") == set()
    assert ids(api, projects, **r, region="africa", practice="agroforestry") == {hub.resource.pk}
    w = {"type": "cms.WebinarPage"}
    assert ids(api, projects, **w, when="upcoming") == {hub.webinar_upcoming.pk}
    assert ids(api, projects, **w, when="past") == {hub.webinar_past.pk}
    e = {"type": "cms.EventPage"}
    assert ids(api, projects, **e, when="upcoming") == {hub.event_upcoming.pk}
    assert ids(api, projects, **e, when="past") == {hub.event_past.pk}
    # Wagtail's own filters and search still work together with ours.
    assert ids(api, projects, **p, goal="A", search="agroforestry") == {hub.project.pk}
    assert ids(api, projects, child_of=hub.tree.webinars.pk) == {hub.webinar_upcoming.pk, hub.webinar_past.pk}
    ordered = [i["id"] for i in items(api, projects, **p, order="-title")]
    assert ordered == [hub.project_b.pk, hub.revised_project.pk, hub.project.pk]


def test_documents_only_visible_ones(api, hub):
    assert ids(api, "/api/v2/documents/") == {hub.public_doc.pk, hub.loose_doc.pk}
    for hidden in (hub.private_collection_doc, hub.private_page_doc):
        assert_error(api.get(f"/api/v2/documents/{hidden.pk}/"), 404, None)
    body = api.get(f"/api/v2/documents/{hub.public_doc.pk}/").json()
    assert body["title"] == "Agroforestry field guide"
    assert f"/documents/{hub.public_doc.pk}/guide" in body["meta"]["download_url"]


def png_file(name: str):
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 6), "saddlebrown").save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def test_images_endpoint_lists_only_images_outside_restricted_collections(api, hub):
    image_model = get_image_model()
    public = image_model.objects.create(title="Zai pits after the rains", file=png_file("zai.png"))
    private = image_model.objects.create(
        title=f"Members' field photo {COLLECTION_WORD}",
        file=png_file("members.png"),
        collection=hub.private_collection_doc.collection,
    )

    assert [(image["id"], image["title"]) for image in items(api, "/api/v2/images/")] == [
        (public.pk, "Zai pits after the rains")
    ]  # items() also checks that no leak word appears
    assert api.get(f"/api/v2/images/{public.pk}/").status_code == 200
    assert_error(api.get(f"/api/v2/images/{private.pk}/"), 404, None)


def test_snippet_endpoints(api, hub):
    orgs = items(api, "/api/v2/organizations/")
    assert [(o["name"], o["short_name"]) for o in orgs] == [
        ("Centre de coopération internationale", "CIRAD"),
        ("Institut national de recherche", "INRAE"),
    ]
    inrae = api.get(f"/api/v2/organizations/{hub.inrae.pk}/").json()
    assert inrae["country"]["slug"] == "france" and inrae["membership"] == "member"
    people = items(api, "/api/v2/people/")
    assert [(p["name"], (p["organization"] or {}).get("short_name")) for p in people] == [
        ("Claire Chenu", "INRAE"),
        ("Jon Smith", None),
    ]
    assert [p["slug"] for p in items(api, "/api/v2/practices/")] == ["agroforestry", "cover-crops"]
    regions = items(api, "/api/v2/regions/")
    assert [(r["name"], r["kind"]) for r in regions] == [
        ("France", "country"),
        ("Kenya", "country"),
        ("Africa", "region"),
        ("Europe", "region"),
    ]
    kenya = api.get(f"/api/v2/regions/{hub.kenya.pk}/").json()
    assert kenya["parent"]["slug"] == "africa" and kenya["iso_code"] == "KE"
    assert [r["name"] for r in items(api, "/api/v2/regions/", kind="region")] == ["Africa", "Europe"]


@pytest.mark.parametrize(
    ("path", "params", "param"),
    [
        ("/api/v2/pages/", {"type": "cms.Nothing"}, "type"),
        ("/api/v2/pages/", {"type": "not a type"}, "type"),
        ("/api/v2/pages/", {"fields": "nonsense"}, "fields"),
        ("/api/v2/pages/", {"fields": "title(("}, "fields"),
        ("/api/v2/pages/", {"order": "nonsense"}, "order"),
        ("/api/v2/pages/", {"order": "random", "offset": "5"}, "order"),
        ("/api/v2/pages/", {"limit": "1000"}, "limit"),
        ("/api/v2/pages/", {"limit": "x"}, "limit"),
        ("/api/v2/pages/", {"offset": "-1"}, "offset"),
        ("/api/v2/pages/", {"offset": "99999999999999999999999"}, None),
        ("/api/v2/pages/", {"child_of": "x"}, "child_of"),
        ("/api/v2/pages/", {"child_of": "99999999999999999999"}, "child_of"),
        ("/api/v2/pages/", {"rich_text_format": "pdf"}, "rich_text_format"),
        ("/api/v2/pages/", {"nonsense": "1"}, "nonsense"),
        ("/api/v2/pages/", {"goal": "A"}, "goal"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "goal": "Z"}, "goal"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "objective": "Z9"}, "objective"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "practice": "nope"}, "practice"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "region": "atlantis"}, "region"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "status": "dreaming"}, "status"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "when": "upcoming"}, "when"),
        ("/api/v2/pages/", {"type": "cms.WebinarPage", "when": "tomorrow"}, "when"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "objectives": "x"}, "objectives"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "start_date": "yesterday"}, "start_date"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "funding_sought": "lots"}, "funding_sought"),
        ("/api/v2/pages/", {"type": "cms.ProjectPage", "lead_organization": "inrae"}, "lead_organization"),
        ("/api/v2/pages/", {"type": "cms.ResourcePage", "year": "twenty"}, "year"),
        ("/api/v2/pages/", {"type": "cms.ResourcePage", "year": "99999999"}, "year"),
        ("/api/v2/pages/", {"type": "cms.ResourcePage", "kind": "poem"}, "kind"),
        ("/api/v2/pages/", {"type": "cms.ResourcePage", "language": "xx"}, "language"),
        ("/api/v2/pages/", {"title": "a\x00b"}, "title"),
        ("/api/v2/pages/", {"search": " ".join(f"w{i}" for i in range(200))}, "search"),
        ("/api/v2/people/", {"search": " ".join(f"w{i}" for i in range(200))}, "search"),
        ("/api/v2/organizations/", {"search": " ".join(f"w{i}" for i in range(200))}, "search"),
        ("/api/v2/pages/", {"search": "soil\x01"}, "search"),
        ("/api/v2/pages/", {"search": "x" * 501}, "search"),
        ("/api/v2/pages/", {"search": "soil", "search_operator": "xor"}, "search_operator"),
        ("/api/v2/pages/find/", {"id": "abc"}, "id"),
        ("/api/v2/documents/", {"order": "nonsense"}, "order"),
        ("/api/v2/documents/", {"fields": "nonsense"}, "fields"),
        ("/api/v2/documents/", {"id": "x"}, "id"),
        ("/api/v2/regions/", {"kind": "planet"}, "kind"),
        ("/api/v2/people/", {"organization": "x"}, "organization"),
        ("/api/v2/organizations/", {"fields": "secret"}, "fields"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, hub, path, params, param):
    response = api.get(path, params)
    body = assert_error(response, 400, param)
    assert body["message"] == body["error"]["message"]  # Wagtail's own key is kept


def test_unknown_api_path_is_json_404(api, db):
    assert_error(api.get("/api/nothing/here/"), 404, None)
    assert_error(api.get("/api/v2/pages/999999/"), 404, None)


def test_unpublished_words_are_not_searchable_through_wagtail_search(api, hub):
    assert items(api, "/api/v2/pages/", search=DRAFT_WORD) == []
