"""Nothing unpublished, restricted or private reaches any public surface, through the search path production runs.

A Hypothesis state machine publishes, unpublishes and view-restricts (to signed-in users, or to one group) pages of
every page type (found from the models), anywhere in the tree (a restriction on a listing hides its children and
their children), links pages to each other ("See also"), and uploads documents into collections it makes private
(to signed-in users or to one group). The data really commits (`transaction=True`), as in production, so hybrid
search reads its keyword list on a helper thread's own connection (search/retrieval.py `parallel_allowed`); the
sequential path must return the same results.

After each step, as an anonymous visitor: every public surface (tests/surfaces.py) answers, and none shows a word of
a hidden page or document; every visible page is in the sitemap and found by search (both paths); each visible
page's related content (`related_to_page`, as its template reads it, with its "See also" links) holds visible pages
only, and exactly its visible links; a hidden page's own address does not answer 200. The model of what is visible
is the test's own (live, and neither the page nor an ancestor restricted), not the product's code.

Each example starts from the same committed site (a snapshot of every table, loaded back at its end).
"""

from __future__ import annotations

import itertools
import string
import threading
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, override_settings
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.models import PartnerDirectoryPage
from search import retrieval
from search.related import LINKS_GROUP, links_of, related_to_page
from tests.conftest import FIELDS, SiteTree, add_page, restore_snapshot, take_snapshot
from tests.surfaces import API_LIMIT, page_types, public_surfaces, read, read_all

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

Document = get_document_model()

MARKER = "loam"  # in every generated title: one query reaches them all
# Examples and steps: the Hypothesis profile (tests/conftest.py: "local", or "ci" under CI=true).
MACHINE_SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
_numbers = itertools.count(1)


def word() -> str:
    """A word found nowhere else (letters only, so every tokenizer keeps it whole)."""
    number, letters = next(_numbers), ""
    while number:
        number, digit = divmod(number, 26)
        letters += string.ascii_lowercase[digit]
    return f"zv{letters}"


# Made once, with the site (at most one of each): the machine publishes, unpublishes and restricts them.
SINGLETONS = ("HomePage", "StrategyPage", "ProjectIndexPage", "WebinarIndexPage", "EventIndexPage")
SINGLETONS += ("ResourceIndexPage", "PartnerDirectoryPage")


@dataclass
class PageModel:
    pk: int
    word: str
    parent: int | None  # None: a child of the home page
    live: bool = True
    links: set[int] = field(default_factory=set)  # "See also" links of its live version


@dataclass
class DocumentModel:
    pk: int
    word: str
    private: bool


class SurfaceVisibility(RuleBasedStateMachine):
    base: dict[int, PageModel] = {}
    snapshot: dict[str, bytes] = {}
    home = None
    group = None

    def __init__(self) -> None:
        super().__init__()
        self.pages = {pk: PageModel(**vars(model)) for pk, model in self.base.items()}
        self.restricted: dict[int, str] = {}  # page pk -> "login" | "group"
        self.documents: dict[int, DocumentModel] = {}
        self.private_collection = Collection.get_first_root_node().add_child(name=f"Members {word()}")
        self.collection_restriction = ""
        self.visitor = Client()
        self.log: list[str] = []

    def teardown(self) -> None:
        restore_snapshot(connection, self.snapshot)
        for cache in caches.all():
            cache.clear()

    @staticmethod
    def pick(items: list, index: int):
        return items[index % len(items)]

    # --- pages

    def creatable(self) -> list[tuple[type[Page], Page]]:
        parents = Page.objects.filter(pk__in=[self.home.pk, *self.pages]).specific()
        return [
            (model, parent)
            for model in page_types()
            if model.__name__ in FIELDS
            for parent in parents
            if model.can_create_at(parent)
        ]

    @rule(choice=st.integers(0, 99), publish=st.booleans())
    def create_page(self, choice, publish):
        options = self.creatable()
        model, parent = self.pick(sorted(options, key=lambda o: (o[0].__name__, o[1].pk)), choice)
        w = word()
        page = add_page(
            parent,
            model,
            live=publish,
            title=f"{MARKER.title()} {model.__name__} {w}",
            slug=f"loam-{next(_numbers)}",
            **FIELDS[model.__name__](w),
        )
        model_state = PageModel(page.pk, w, None if parent.pk == self.home.pk else parent.pk, live=publish)
        # A new page that can link ("See also") links the last page made, so links to pages hidden later are common.
        made = sorted(set(self.pages) - set(self.base))
        if made and links_of(page) is not None:
            page.related_pages.add(Page.objects.get(pk=made[-1]))
            revision = page.save_revision()
            if publish:
                revision.publish()
                model_state.links.add(made[-1])
        self.pages[page.pk] = model_state
        self.log.append(f"create {model.__name__} {page.pk} under {parent.pk} live={publish}")

    @precondition(lambda self: self.pages)
    @rule(choice=st.integers(0, 99))
    def toggle_publish(self, choice):
        model = self.pages[self.pick(sorted(self.pages), choice)]
        page = Page.objects.get(pk=model.pk).specific
        if model.live:
            page.unpublish()
        else:
            page.save_revision().publish()
        model.live = not model.live
        self.log.append(f"{'publish' if model.live else 'unpublish'} {model.pk}")

    @precondition(lambda self: self.pages)
    @rule(choice=st.integers(0, 99), kind=st.sampled_from(["login", "group"]))
    def toggle_restriction(self, choice, kind):
        pk = self.pick(sorted(self.pages), choice)
        if pk in self.restricted:
            for restriction in PageViewRestriction.objects.filter(page_id=pk):
                restriction.delete()
            del self.restricted[pk]
        else:
            restriction = PageViewRestriction.objects.create(
                page_id=pk,
                restriction_type=PageViewRestriction.LOGIN if kind == "login" else PageViewRestriction.GROUPS,
            )
            if kind == "group":
                restriction.groups.add(self.group)
            self.restricted[pk] = kind
        self.log.append(f"restriction on {pk}: {self.restricted.get(pk)}")

    def linkable(self) -> list[int]:
        return sorted(pk for pk in self.pages if links_of(Page.objects.get(pk=pk).specific) is not None)

    @precondition(lambda self: len(self.pages) > len(self.base))
    @rule(choice=st.integers(0, 99), other=st.integers(0, 99))
    def link_see_also(self, choice, other):
        """An editor adds a "See also" link to another page and publishes (a live page) or saves a draft."""
        owners = self.linkable()
        if not owners:
            return
        owner = self.pages[self.pick(owners, choice)]
        linked = self.pick(sorted(set(self.pages) - set(self.base) - {owner.pk}) or [owner.pk], other)
        if linked == owner.pk:
            return
        page = Page.objects.get(pk=owner.pk).specific.get_latest_revision_as_object()
        page.related_pages.add(Page.objects.get(pk=linked))
        revision = page.save_revision()
        if owner.live:
            revision.publish()
            owner.links.add(linked)
        self.log.append(f"link {owner.pk} -> {linked} published={owner.live}")

    # --- documents

    @precondition(lambda self: len(self.documents) < 4)
    @rule(private=st.booleans())
    def upload_document(self, private):
        w = word()
        collection = self.private_collection if private else Collection.get_first_root_node()
        document = Document(title=f"{MARKER.title()} sheet {w}", collection=collection)
        document.file.save(f"loam-{w}.txt", ContentFile(f"Loam sheet {w} on humus.".encode()), save=False)
        document._set_document_file_metadata()
        document.save()
        self.documents[document.pk] = DocumentModel(document.pk, w, private)
        self.log.append(f"upload document {document.pk} private_collection={private}")

    @rule(kind=st.sampled_from(["", "login", "group"]))
    def restrict_collection(self, kind):
        CollectionViewRestriction.objects.filter(collection=self.private_collection).delete()
        if kind:
            restriction = CollectionViewRestriction.objects.create(
                collection=self.private_collection,
                restriction_type=(
                    CollectionViewRestriction.LOGIN if kind == "login" else CollectionViewRestriction.GROUPS
                ),
            )
            if kind == "group":
                restriction.groups.add(self.group)
        self.collection_restriction = kind
        self.log.append(f"collection restriction: {kind or 'none'}")

    # --- the test's own model of what an anonymous visitor may see

    def ancestors(self, pk: int):
        while pk is not None:
            yield pk
            pk = self.pages[pk].parent

    def visible(self, pk: int) -> bool:
        return self.pages[pk].live and not any(a in self.restricted for a in self.ancestors(pk))

    def document_visible(self, model: DocumentModel) -> bool:
        return not (model.private and self.collection_restriction)

    @invariant()
    def hidden_content_reaches_no_surface(self):
        history = "; ".join(self.log)
        visible = {pk for pk in self.pages if self.visible(pk)}
        hidden = set(self.pages) - visible
        hidden_words = {self.pages[pk].word for pk in hidden}
        hidden_words |= {d.word for d in self.documents.values() if not self.document_visible(d)}
        shown_words = {self.pages[pk].word for pk in visible} | {
            d.word for d in self.documents.values() if self.document_visible(d)
        }
        for cache in caches.all():
            cache.clear()  # the search API's anonymous throttle counts in the cache

        # Every surface, with hybrid search on its production path (the keyword list on a helper thread).
        assert retrieval.parallel_allowed(), "the data is committed: hybrid search must run its parallel path"
        threads.clear()
        bodies = read_all(self.visitor, public_surfaces(self.visitor, queries=[MARKER]))
        assert any(name.startswith("search-retrieval") for name in threads), "no search ran the parallel path"
        for surface, body in bodies.items():
            leaked = sorted(w for w in hidden_words if w in body)
            assert not leaked, f"{leaked} shown by {surface.family} {surface.url}\nafter: {history}"

        # What is visible is out there: in the sitemap, and found by search on both paths.
        sitemap = read(self.visitor, next(s for s in bodies if s.family == "sitemap"))
        for pk in visible:
            url = Page.objects.get(pk=pk).get_url()
            assert f"{url}</loc>" in sitemap, f"visible page {pk} missing from the sitemap\nafter: {history}"
        found = {}
        for parallel in (True, False):
            with override_settings(SEARCH_PARALLEL_RETRIEVAL=parallel):
                response = self.visitor.get(
                    "/api/search/", {"q": MARKER, "mode": "hybrid", "page_size": API_LIMIT}
                )
            assert response.status_code == 200
            found[parallel] = {result["title"] for result in response.json()["results"]}
        assert found[True] == found[False], f"parallel and sequential paths differ\nafter: {history}"
        titles = " ".join(found[True])
        missing = sorted(w for w in shown_words if w not in titles)
        assert not missing, f"visible content not found by search: {missing}\nafter: {history}"

        # Related content as a page's template reads it, with its "See also" links.
        for pk in visible:
            page = Page.objects.get(pk=pk).specific
            types = getattr(page, "related_types", ("project", "webinar", "resource"))
            groups = related_to_page(pk, types=types, limit=10, links=links_of(page))
            shown = {item.page_id for group in groups.values() for item in group if item.page_id}
            assert not shown & hidden, (
                f"related to {pk} shows hidden pages {shown & hidden}\nafter: {history}"
            )
            links = {item.page_id for item in groups.get(LINKS_GROUP, [])}
            expected_links = {linked for linked in self.pages[pk].links if self.visible(linked)}
            if links_of(page) is not None:
                assert links == expected_links, (
                    f"See also of {pk}: {links} != {expected_links}\nafter: {history}"
                )

        # A hidden page's own address does not open.
        for pk in set(self.pages) - visible:
            url = Page.objects.get(pk=pk).get_url()
            if url:
                status = self.visitor.get(url).status_code
                assert status != 200, f"hidden page {pk} ({url}) answered 200\nafter: {history}"


threads: list[str] = []


def test_every_surface_follows_visibility_on_the_production_search_path(monkeypatch, settings):
    settings.SEARCH_API_THROTTLE = "100000/minute"
    settings.SEARCH_PARALLEL_RETRIEVAL = True
    original = retrieval.keyword_rows

    def keyword_rows(*args):
        threads.append(threading.current_thread().name)
        return original(*args)

    monkeypatch.setattr(retrieval, "keyword_rows", keyword_rows)
    tree = SiteTree()
    base = {}
    directory = add_page(tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
    for page in (tree.strategy, tree.projects, tree.webinars, tree.events, tree.resources, directory):
        w = word()
        page = Page.objects.get(pk=page.pk).specific
        page.title = f"{page.title} {MARKER} {w}"  # found by its words, not only as a neighbour of anything
        page.save_revision().publish()
        base[page.pk] = PageModel(page.pk, w, None)
    SurfaceVisibility.base = base
    SurfaceVisibility.home = tree.home
    SurfaceVisibility.group = Group.objects.create(name="Task force space")
    SurfaceVisibility.snapshot = take_snapshot(connection, {})
    run_state_machine_as_test(SurfaceVisibility, settings=MACHINE_SETTINGS)


# Restricted to a group from their first save (cms/space_access.py), never public: their privacy on every surface
# is tested in tests/cms/test_spaces.py, their search audience in tests/search/test_member_search.py.
MEMBERS_ONLY = {"SpacePage", "SpacePostPage", "SpaceMeetingPage"}


def test_every_page_type_is_made_by_the_machine():
    names = {model.__name__ for model in page_types()}
    made = set(FIELDS) | set(SINGLETONS) | MEMBERS_ONLY
    assert names == made, f"page types the visibility machine does not make: {sorted(names - made)}"
