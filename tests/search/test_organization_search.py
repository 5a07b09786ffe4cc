"""Organizations in the knowledge index: content type "organization", found by their profile text (description and
directory facts) at their profile URL, filtered by place with "a world region includes its countries", kept in
step with edits, and never found while no partner directory page is public (the profiles would be 404s)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from cms.models import Organization, PartnerDirectoryPage, Region
from knowledge.models import SITE_NAMESPACE, Source
from knowledge.sync import iter_site_work, reindex_site, remove_orphans
from search.params import parse_search_params
from search.service import search
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(site_tree, django_capture_on_commit_callbacks):
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    with django_capture_on_commit_callbacks(execute=True):
        directory = add_page(site_tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
        orgs = {
            "bees": Organization.objects.create(
                name="Rift Valley Pollinator Trust",
                kind="ngo",
                membership="member",
                country=kenya,
                year_joined=2019,
                description="Beekeepers who plant hedgerows of flowering shrubs along smallholder fields.",
            ),
            "bank": Organization.objects.create(
                name="Northern Climate Finance Bank",
                kind="development_bank",
                membership="partner",
                description="Lends to regional utilities for wind farms and grid storage.",
            ),
        }
    site_tree.directory, site_tree.orgs = directory, orgs
    return site_tree


def run(params: dict):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in params.items():
        query[key] = value
    return search(parse_search_params(query))


def test_an_organization_is_found_by_its_profile_text_with_type_organization(indexed):
    source = Source.objects.get(
        namespace=SITE_NAMESPACE, kind="organization", object_id=str(indexed.orgs["bees"].pk)
    )
    assert source.content_type == "organization" and source.url == f"/partners/{indexed.orgs['bees'].slug}/"
    assert source.regions == ["africa", "kenya"] and source.year == 2019

    response = run({"q": "beekeepers planting flowering hedgerows", "type": "organization"})
    assert [r.title for r in response.results][:1] == ["Rift Valley Pollinator Trust"]
    assert all(r.content_type == "organization" for r in response.results)
    assert response.results[0].url == f"/partners/{indexed.orgs['bees'].slug}/"
    # The directory facts are profile text too; a world region finds the organizations of its countries.
    response = run({"q": "member of the Initiative since 2019", "type": "organization", "region": "africa"})
    assert [r.title for r in response.results] == ["Rift Valley Pollinator Trust"]


def test_the_search_page_links_an_organization_to_its_profile(client, indexed):
    response = client.get(
        "/search/", {"q": "development bank lending for wind farms", "type": "organization"}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("ol.results .result__title a")}
    # Result titles go through the anonymous click log (/search/click/?...&to=<the result's URL>).
    from urllib.parse import parse_qs, urlsplit

    link = links["Northern Climate Finance Bank"]
    profile = f"/partners/{indexed.orgs['bank'].slug}/"
    assert parse_qs(urlsplit(link).query)["to"] == [profile]
    followed = client.get(link)
    assert followed.status_code == 302 and followed["Location"] == profile
    assert client.get(profile).status_code == 200
    assert soup.find("input", attrs={"name": "type", "value": "organization"}) is not None


def test_edits_and_deletes_follow_and_profiles_hide_with_the_directory(
    indexed, django_capture_on_commit_callbacks
):
    bees = indexed.orgs["bees"]
    with django_capture_on_commit_callbacks(execute=True):
        bees.description = "Volunteers restoring mangrove forests on the coast."
        bees.save()
    assert [r.title for r in run({"q": "restoring mangroves on the coast", "type": "organization"}).results][
        :1
    ] == ["Rift Valley Pollinator Trust"]

    # Unpublishing the directory hides the profiles at once (visibility is checked at query time) and the sync
    # then removes them from the index.
    with django_capture_on_commit_callbacks(execute=True):
        indexed.directory.unpublish()
    assert run({"q": "restoring mangroves on the coast", "type": "organization"}).results == []
    assert not Source.objects.filter(kind="organization").exists()

    with django_capture_on_commit_callbacks(execute=True):
        indexed.directory.save_revision().publish()
    assert Source.objects.filter(kind="organization").count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        indexed.orgs["bank"].delete()
    assert Source.objects.filter(kind="organization").count() == 1


def test_reindex_includes_organizations_and_keeps_them_as_non_orphans(indexed):
    work = list(iter_site_work())
    assert {("organization", org.pk) for org in indexed.orgs.values()} <= set(work)
    assert ("organization", indexed.orgs["bees"].pk) not in set(iter_site_work(organizations=False))
    assert reindex_site(work).failed == 0
    again = reindex_site(work)
    assert again.indexed == 0 and again.failed == 0 and again.unchanged == len(work) - again.removed
    assert remove_orphans() == 0
    assert Source.objects.filter(kind="organization").count() == 2


@override_settings(PAGE_CACHE_SECONDS=0)
def test_api_search_returns_organizations(client, indexed):
    response = client.get("/api/search/", {"q": "beekeepers hedgerows", "type": "organization"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["results"][0]["title"] == "Rift Valley Pollinator Trust"
    assert body["results"][0]["url"].endswith(f"/partners/{indexed.orgs['bees'].slug}/")


def test_an_answer_quoted_from_a_profile_names_the_organization_in_the_api(client, indexed):
    """The API's answer names its source by the id a client looks it up by (/api/v2/organizations/<id>/), like
    the results do: an organization's answer once carried the document id, null."""
    response = client.get(
        "/api/search/", {"q": "who plants hedgerows of flowering shrubs", "type": "organization"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["answer"] is not None, body
    bees = indexed.orgs["bees"]
    assert body["answer"]["source"] == {
        "id": bees.pk,
        "title": "Rift Valley Pollinator Trust",
        "url": f"http://testserver/partners/{bees.slug}/",
        "type": "organization",
    }
    assert body["results"][0]["id"] == bees.pk
