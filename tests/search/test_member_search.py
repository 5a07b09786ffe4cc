"""Search that knows who is asking: a members' space (a page subtree restricted to a group, a page restricted to it
and a document in a collection restricted to it) is found by its members on every search surface (the search page,
suggestions, answers, related content, /api/search/ with the browser's session) and never by an anonymous visitor
or a member of another group. Real database, real model, real Wagtail restrictions; content indexed by the
publishing signals, as after an editor's request.

The restricted word is "vetiver": only the space holds it. The public side has "vetivert" (a spelling of the same
grass), one letter away, so "did you mean" has a public word to offer instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import ResourcePage, StandardPage
from cms.visibility import ANONYMOUS, Audience, Viewer, page_audience, viewer_of
from knowledge.models import SITE_NAMESPACE, Source, WordStat
from search.models import SearchClick, SearchLogEntry
from search.related import related_to_page
from search.service import SearchQuery, search
from search.suggest import suggest_titles
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

Document = get_document_model()

NOTES = "Meeting notes on vetiver hedgerows"
TRIAL = "Vetiver hedgerow trial results"
BUDGET = "Vetiver nursery budget"
SECTION = "Task force A1 space"
RESTRICTED_TITLES = {NOTES, TRIAL, BUDGET}  # what a search for vetiver hedgerows must find for members only
MEMBERS_ONLY = {*RESTRICTED_TITLES, SECTION}
ROOTS_QUESTION = "How deep do vetiver roots grow?"


@dataclass
class Space:
    group: Group
    other_group: Group
    section: StandardPage
    notes: StandardPage
    trial: ResourcePage
    public_resource: ResourcePage
    budget: object  # the document
    member: object
    outsider: object  # a member of another group
    signed_in: object  # signed in, in no group
    superuser: object


def restrict_to(page, *groups) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def space(site_tree, django_user_model, django_capture_on_commit_callbacks) -> Space:
    group = Group.objects.create(name="Task force A1 members")
    other_group = Group.objects.create(name="Task force B2 members")

    def user(name, *groups, superuser=False):
        make = (
            django_user_model.objects.create_superuser if superuser else django_user_model.objects.create_user
        )
        person = make(username=name, password="pw-for-tests", email=f"{name}@example.org")
        person.groups.set(groups)
        return person

    with django_capture_on_commit_callbacks(execute=True):
        public_resource = add_page(
            site_tree.resources,
            ResourcePage,
            title="Vetivert and contour hedgerows on sloping farmland",
            summary="Contour hedgerows of vetivert grass hold soil on sloping farmland and cut erosion.",
            year=2023,
        )
        section = add_page(site_tree.home, StandardPage, title=SECTION, intro="Our space.")
        restrict_to(section, group)
        notes = add_page(
            section,
            StandardPage,
            title=NOTES,
            intro="The task force agreed that vetiver hedgerows along contour lines halve erosion on sloping "
            "farmland. Vetiver roots grow three metres deep into the subsoil.",
        )
        trial = add_page(
            site_tree.resources,
            ResourcePage,
            title=TRIAL,
            summary="Vetiver hedgerows on contour lines cut erosion on sloping farmland in the trial plots.",
            year=2024,
        )
        restrict_to(trial, group)
        collection = Collection.get_first_root_node().add_child(name="Task force A1 documents")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([group])
        budget = Document(title=BUDGET, collection=collection)
        text = (
            "Budget of the vetiver nursery: four thousand slips of vetiver grass for the contour hedgerows."
        )
        budget.file.save("vetiver-budget.txt", ContentFile(text.encode()), save=False)
        budget._set_document_file_metadata()
        budget.save()
    return Space(
        group=group,
        other_group=other_group,
        section=section,
        notes=notes,
        trial=trial,
        public_resource=public_resource,
        budget=budget,
        member=user("member", group),
        outsider=user("outsider", other_group),
        signed_in=user("visitor"),
        superuser=user("chief", superuser=True),
    )


def titles(viewer: Viewer, q: str = "vetiver hedgerows", mode: str = "hybrid") -> set[str]:
    response = search(SearchQuery(q, mode=mode, page_size=50, viewer=viewer))
    return {result.title for result in response.results}


def test_the_index_stores_each_item_with_its_audience(space):
    audiences = dict(Source.objects.filter(namespace=SITE_NAMESPACE).values_list("title", "audience"))
    group = str(space.group.pk)
    assert audiences[NOTES] == audiences[TRIAL] == audiences[BUDGET] == [group]
    assert audiences["Vetivert and contour hedgerows on sloping farmland"] == []


def test_members_find_their_space_and_nobody_else_does(space):
    for mode in ("hybrid", "keyword", "semantic"):
        assert titles(viewer_of(space.member), mode=mode) >= RESTRICTED_TITLES, mode
        assert titles(viewer_of(space.superuser), mode=mode) >= RESTRICTED_TITLES, mode
        for outsider in (ANONYMOUS, viewer_of(space.outsider), viewer_of(space.signed_in)):
            assert not titles(outsider, mode=mode) & RESTRICTED_TITLES, (mode, outsider)


def test_the_search_page_shows_a_member_their_space_marked_members_only(client, space):
    def shown(user=None) -> tuple[set[str], str]:
        client.logout()
        if user is not None:
            client.force_login(user)
        html = client.get("/search/", {"q": "vetiver hedgerows"}).content.decode()
        results = BeautifulSoup(html, "html.parser").select("ol.results li.result")
        return {item.select_one(".result__title").get_text(strip=True) for item in results}, html

    found, html = shown(space.member)
    assert found >= RESTRICTED_TITLES
    soup = BeautifulSoup(html, "html.parser")
    for item in soup.select("ol.results li.result"):
        labelled = "Members only" in item.select_one(".result__meta").get_text()
        assert labelled == (item.select_one(".result__title").get_text(strip=True) in MEMBERS_ONLY)
    assert SearchLogEntry.objects.count() == 0, "a member's search is not logged"
    for user in (None, space.outsider, space.signed_in):
        found, html = shown(user)
        assert not found & RESTRICTED_TITLES and "vetiver nursery" not in html.lower(), user
    assert SearchLogEntry.objects.count() == 1, "only the anonymous visitor's search is logged"


def test_a_member_s_clicks_are_not_logged(client, space):
    client.force_login(space.member)
    client.get("/search/click/", {"q": "vetiver", "rank": "1", "type": "page", "to": space.notes.url})
    assert not SearchClick.objects.exists()


def test_suggestions_name_the_space_s_titles_to_its_members_only(client, space):
    def suggested(user=None) -> set[str]:
        client.logout()
        if user is not None:
            client.force_login(user)
        site = {
            item["title"] for item in client.get("/search/suggest/", {"q": "vetiver"}).json()["suggestions"]
        }
        api = {
            item["title"]
            for item in client.get("/api/search/suggest/", {"q": "vetiver"}).json()["suggestions"]
        }
        assert site == api
        return site

    assert suggested(space.member) >= RESTRICTED_TITLES
    assert {
        item["title"] for item in suggest_titles("vetiver", viewer=viewer_of(space.member))
    } >= RESTRICTED_TITLES
    for user in (None, space.outsider, space.signed_in):
        assert not suggested(user) & RESTRICTED_TITLES, user


def test_answers_quote_the_space_to_its_members_only(client, space):
    client.force_login(space.member)
    answer = client.get("/search/answer/", {"q": ROOTS_QUESTION})
    assert answer.status_code == 200 and "three metres" in answer.content.decode()
    for user in (None, space.outsider):
        client.logout()
        if user is not None:
            client.force_login(user)
        answer = client.get("/search/answer/", {"q": ROOTS_QUESTION})
        assert "three metres" not in answer.content.decode(), user
        data = client.get("/api/search/", {"q": ROOTS_QUESTION}).json()
        assert data["answer"] is None or "three metres" not in data["answer"]["text"]


def test_related_content_follows_the_viewer(client, space):
    def related(viewer) -> set[str]:
        groups = related_to_page(space.public_resource.pk, limit=10, viewer=viewer)
        return {item.title for group in groups.values() for item in group}

    assert {NOTES, TRIAL} <= related(viewer_of(space.member))
    for viewer in (ANONYMOUS, viewer_of(space.outsider)):
        assert not related(viewer) & RESTRICTED_TITLES, viewer

    # The "Related resources" under the public page, as rendered for each.
    client.force_login(space.member)
    assert TRIAL in client.get(space.public_resource.url).content.decode()
    client.logout()
    assert TRIAL not in client.get(space.public_resource.url).content.decode()

    # The API's related content of the restricted page itself: a member's session only.
    url = f"/api/pages/{space.trial.pk}/related/"
    assert client.get(url).status_code == 404
    client.force_login(space.outsider)
    assert client.get(url).status_code == 404
    client.force_login(space.member)
    assert client.get(url).status_code == 200


def test_the_search_api_answers_as_the_browser_s_session(client, space):
    def api_titles() -> set[str]:
        response = client.get("/api/search/", {"q": "vetiver hedgerows", "page_size": 50})
        assert response.status_code == 200
        results = response.json()["results"]
        assert all(r["members_only"] == (r["title"] in MEMBERS_ONLY) for r in results)
        return {r["title"] for r in results}

    assert not api_titles() & RESTRICTED_TITLES  # no session: public only
    client.force_login(space.member)
    assert api_titles() >= RESTRICTED_TITLES
    client.force_login(space.outsider)
    assert not api_titles() & RESTRICTED_TITLES


def test_did_you_mean_never_learns_a_word_only_members_content_holds(space):
    assert not WordStat.objects.filter(word="vetiver").exists(), "the vocabulary counts public content only"
    assert WordStat.objects.filter(word="vetivert").exists()
    for viewer in (ANONYMOUS, viewer_of(space.outsider)):
        response = search(SearchQuery("vetivr hedgerows", spelling=True, viewer=viewer))
        assert response.spelling is None or "vetiver " not in f"{response.spelling.suggestion} ", viewer
    # A member's own word is not a misspelling: no "did you mean vetivert", and their results are theirs.
    member = search(SearchQuery("vetiver", spelling=True, page_size=50, viewer=viewer_of(space.member)))
    assert member.spelling is None
    assert {result.title for result in member.results} >= RESTRICTED_TITLES


def test_nested_group_restrictions_ask_for_one_group_of_each(site_tree, django_capture_on_commit_callbacks):
    a, b, c = (Group.objects.create(name=name) for name in ("Group A", "Group B", "Group C"))
    with django_capture_on_commit_callbacks(execute=True):
        outer = add_page(site_tree.home, StandardPage, title="Outer space", intro="Outer.")
        restrict_to(outer, a, b)
        inner = add_page(outer, StandardPage, title="Inner space", intro="Inner.")
        restrict_to(inner, b, c)
        page = add_page(
            inner, StandardPage, title="Compost tea trial notes", intro="Compost tea on loam plots."
        )
        login = add_page(site_tree.home, StandardPage, title="Signed-in area", intro="Signed in.")
        PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
        under_login = add_page(login, StandardPage, title="Groups under login", intro="Groups.")
        restrict_to(under_login, c)
    assert page_audience(page) == Audience.of([{a.pk, b.pk}, {b.pk, c.pk}])
    assert Source.objects.get(kind="page", object_id=str(page.pk)).audience == sorted(
        [f"{a.pk},{b.pk}", f"{b.pk},{c.pk}"]
    )
    assert page_audience(under_login) == Audience.of([{c.pk}]), (
        "a groups restriction under a login one: the groups"
    )
    assert page_audience(login) == Audience.of([{0}])

    def finds(*groups) -> bool:
        viewer = Viewer(signed_in=True, groups=frozenset(group.pk for group in groups))
        return "Compost tea trial notes" in titles(viewer, "compost tea trial notes")

    assert finds(b) and finds(a, c)
    assert not finds(a) and not finds(c) and not finds()
    assert "Compost tea trial notes" not in titles(ANONYMOUS, "compost tea trial notes")


def test_a_restriction_added_after_indexing_hides_the_page_at_once(
    site_tree, django_capture_on_commit_callbacks
):
    group = Group.objects.create(name="Late group")
    member = Viewer(signed_in=True, groups=frozenset({group.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(
            site_tree.home, StandardPage, title="Zai pit water notes", intro="Zai pits gather water."
        )
    assert "Zai pit water notes" in titles(ANONYMOUS, "zai pit water")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        restrict_to(page, group)
    assert queued
    assert Source.objects.get(kind="page", object_id=str(page.pk)).audience == [], "the task has not run yet"
    assert "Zai pit water notes" not in titles(ANONYMOUS, "zai pit water"), (
        "hidden before the index catches up"
    )
    assert "Zai pit water notes" in titles(member, "zai pit water")
    for callback in queued:
        callback()
    assert Source.objects.get(kind="page", object_id=str(page.pk)).audience == [str(group.pk)]
    assert "Zai pit water notes" not in titles(ANONYMOUS, "zai pit water")
    assert "Zai pit water notes" in titles(member, "zai pit water")


def test_changing_a_restriction_s_groups_moves_the_audience(space, django_capture_on_commit_callbacks):
    restriction = PageViewRestriction.objects.get(page=space.section)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.set([space.other_group])
    assert Source.objects.get(kind="page", object_id=str(space.notes.pk)).audience == [
        str(space.other_group.pk)
    ]
    assert NOTES in titles(viewer_of(space.outsider))
    assert NOTES not in titles(viewer_of(space.member))


def test_no_member_s_view_is_stored_in_or_served_from_the_shared_page_cache(client, space, settings):
    """The related resources of a public page, rendered for a member, name their space's trial: that rendering is
    never stored; nor is the restricted page itself, whoever views it; nor the search page."""
    settings.PAGE_CACHE_SECONDS = 300
    client.force_login(space.member)
    for url in (space.public_resource.url, space.trial.url, space.notes.url):
        response = client.get(url)
        assert response.status_code == 200 and response.get("X-Page-Cache") is None, url
    response = client.get("/search/", {"q": "vetiver"})
    assert response.status_code == 200 and response.get("X-Page-Cache") is None
    client.logout()
    first = client.get(space.public_resource.url)
    assert first.get("X-Page-Cache") == "miss" and TRIAL not in first.content.decode()
    assert client.get(space.public_resource.url).get("X-Page-Cache") == "hit"
    for url in (space.trial.url, space.notes.url):
        response = client.get(url)
        assert response.status_code == 302 and response.get("X-Page-Cache") is None, url
    # A member's view after the anonymous one is not served the anonymous copy either.
    client.force_login(space.member)
    response = client.get(space.public_resource.url)
    assert response.get("X-Page-Cache") is None and TRIAL in response.content.decode()


def test_a_document_is_seen_through_any_page_that_shows_it(site_tree, django_capture_on_commit_callbacks):
    """A document used by pages of two spaces is found by the members of either; once a public page uses it too,
    by everyone. Its collection's restriction still holds over all of them."""
    a, b, c = (Group.objects.create(name=name) for name in ("Space A", "Space B", "Space C"))
    with django_capture_on_commit_callbacks(execute=True):
        document = Document(title="Loam survey protocol", collection=Collection.get_first_root_node())
        document.file.save("protocol.txt", ContentFile(b"Loam survey protocol for soil pits."), save=False)
        document._set_document_file_metadata()
        document.save()
        pages = {}
        for name, group in (("A", a), ("B", b)):
            pages[name] = add_page(site_tree.home, StandardPage, title=f"Space {name}", intro="Members.")
            restrict_to(pages[name], group)
            pages[name].body = [("document", {"document": document, "description": ""})]
            pages[name].save_revision().publish()

    def finds(viewer) -> bool:
        return "Loam survey protocol" in titles(viewer, "loam survey protocol")

    def member(*groups) -> Viewer:
        return Viewer(signed_in=True, groups=frozenset(group.pk for group in groups))

    assert finds(member(a)) and finds(member(b))
    assert not finds(member(c)) and not finds(ANONYMOUS)
    with django_capture_on_commit_callbacks(execute=True):
        public = add_page(site_tree.home, StandardPage, title="Open notes", intro="Open.")
        public.body = [("document", {"document": document, "description": ""})]
        public.save_revision().publish()
    assert finds(ANONYMOUS) and finds(member(c))
    with django_capture_on_commit_callbacks(execute=True):
        private = Collection.get_first_root_node().add_child(name="Space A files")
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([a])
        document.collection = private
        document.save()
    assert finds(member(a))
    assert not finds(member(b)) and not finds(ANONYMOUS)
