"""Random trees, restrictions and people: each person's search finds exactly what cms.visibility lets them see.

A Hypothesis state machine builds a small site the way editors do (pages at three depths, published or not; view
restrictions of every type on any of them: sign-in, groups, password; a restriction's groups changed; documents
in a public collection or in collections restricted to sign-in or to groups, attached to pages or not), each
action followed by the sync tasks it queues. After every step, for every viewer of a fixed cast (an anonymous
visitor, a signed-in person in no group, members of one, two or three groups, a superuser):

- the search (hybrid and keyword), title suggestions and related content find exactly the pages and documents
  that `cms.visibility` says the viewer may see (`page_is_visible(page, viewer)`, `document_is_visible(document,
  viewer)`: the oracle), never one more;
- the audience stored with each index row admits exactly the viewers the oracle lets in, and items behind a
  password are in no row.

The parallel retrieval path (keyword candidates read on a helper thread) runs only outside a transaction, so it is
checked in a separate process on a committed copy of the test database: random trees from fixed seeds, every
viewer, the sequential and the parallel path, against the same oracle.

Every page and document holds the marker word "loam", so one query reaches all of them.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.models import StandardPage
from cms.visibility import ANONYMOUS, Audience, Viewer, document_is_visible, page_is_visible
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Source
from search.related import related_to_source
from search.service import SearchQuery, search
from search.suggest import suggest_titles

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

Document = get_document_model()
ROOT = Path(__file__).resolve().parents[2]
MARKER = "loam"
MAX_RESULTS = 60
RESTRICTIONS = ("none", "login", "groups", "password")
_numbers = itertools.count(1)

Key = tuple[str, str]

STATE_MACHINE_SETTINGS = settings(
    max_examples=int(os.environ.get("AUDIENCE_EXAMPLES", "5")),
    stateful_step_count=int(os.environ.get("AUDIENCE_STEPS", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def cast(groups: list[int]) -> dict[str, Viewer]:
    """The viewers every step is checked for (groups: the three groups' ids)."""
    one, two, three = groups
    return {
        "anonymous": ANONYMOUS,
        "signed in": Viewer(signed_in=True),
        "member of 1": Viewer(signed_in=True, groups=frozenset({one})),
        "member of 2": Viewer(signed_in=True, groups=frozenset({two})),
        "member of 1 and 3": Viewer(signed_in=True, groups=frozenset({one, three})),
        "member of all": Viewer(signed_in=True, groups=frozenset({one, two, three})),
        "superuser": Viewer(signed_in=True, superuser=True),
    }


def oracle(viewer: Viewer, page_ids, document_ids) -> set[Key]:
    pages = {("page", str(p.pk)) for p in Page.objects.filter(pk__in=page_ids) if page_is_visible(p, viewer)}
    documents = {
        ("document", str(d.pk))
        for d in Document.objects.filter(pk__in=document_ids).select_related("collection")
        if document_is_visible(d, viewer)
    }
    return pages | documents


def found_by(viewer: Viewer, mode: str, vector) -> set[Key]:
    response = search(
        SearchQuery(MARKER, mode=mode, page_size=MAX_RESULTS, facets=False, viewer=viewer),
        query_vector=vector if mode != "keyword" else None,
    )
    assert response.total <= MAX_RESULTS
    return {(r.kind, r.object_id) for r in response.results}


def restrict(restriction_model, owner: dict, kind: str, groups: list) -> None:
    """Give a page or collection (owner: {"page": page} or {"collection": collection}) one restriction."""
    restriction_model.objects.filter(**owner).delete()
    if kind == "none":
        return
    restriction = restriction_model.objects.create(
        **owner, restriction_type=kind, password="compost" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set(groups)


class AudienceMachine(RuleBasedStateMachine):
    capture = None
    home = None
    vector = None
    groups: list[Group] = []

    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.pages: dict[int, int] = {}  # page pk -> depth (1: under home)
        self.documents: list[int] = []
        self.attached: dict[int, set[int]] = {}  # page pk -> its documents
        root = Collection.get_first_root_node()
        self.collections = [root, root.add_child(name=f"Loam space {next(_numbers)}")]
        self.collections.append(self.collections[1].add_child(name=f"Loam inner {next(_numbers)}"))
        self.log: list[str] = []

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def step(self):
        return self.capture(execute=True)

    def group_ids(self, picks: list[int]) -> list[Group]:
        return [self.groups[i] for i in sorted(set(picks))]

    # --- rules

    @initialize()
    def start(self):
        with self.step():
            self._add_page(self.home, publish=True)

    def _add_page(self, parent, *, publish: bool) -> StandardPage:
        number = next(_numbers)
        page = StandardPage(title=f"Loam plot {number}", slug=f"loam-{number}", intro=f"Loam notes {number}.")
        page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        self.pages[page.pk] = 1 if parent.pk == self.home.pk else self.pages[parent.pk] + 1
        self.attached[page.pk] = set()
        return page

    @precondition(lambda self: len(self.pages) < 7)
    @rule(parent=st.integers(0, 20), publish=st.booleans())
    def add_page(self, parent, publish):
        parents = [self.home.pk, *sorted(pk for pk, depth in self.pages.items() if depth < 3)]
        parent_pk = parents[parent % len(parents)]
        with self.step():
            page = self._add_page(Page.objects.get(pk=parent_pk), publish=publish)
        self.log.append(f"page {page.pk} under {parent_pk} publish={publish}")

    @rule(
        page=st.integers(0, 20),
        kind=st.sampled_from(RESTRICTIONS),
        groups=st.lists(st.integers(0, 2), min_size=1, max_size=3),
    )
    def restrict_page(self, page, kind, groups):
        pk = sorted(self.pages)[page % len(self.pages)]
        with self.step():
            restrict(PageViewRestriction, {"page_id": pk}, kind, self.group_ids(groups))
        self.log.append(f"restrict page {pk}: {kind} {sorted(set(groups))}")

    @precondition(lambda self: PageViewRestriction.objects.filter(restriction_type="groups").exists())
    @rule(groups=st.lists(st.integers(0, 2), min_size=1, max_size=3))
    def change_groups(self, groups):
        restriction = PageViewRestriction.objects.filter(restriction_type="groups").order_by("pk").first()
        with self.step():
            restriction.groups.set(self.group_ids(groups))
        self.log.append(f"groups of the restriction on {restriction.page_id}: {sorted(set(groups))}")

    @rule(page=st.integers(0, 20))
    def toggle_published(self, page):
        pk = sorted(self.pages)[page % len(self.pages)]
        instance = StandardPage.objects.get(pk=pk)
        with self.step():
            if instance.live:
                instance.unpublish()
            else:
                instance.get_latest_revision().publish()
        self.log.append(f"page {pk} live={not instance.live}")

    @precondition(lambda self: len(self.documents) < 4)
    @rule(collection=st.integers(0, 2))
    def upload(self, collection):
        number = next(_numbers)
        with self.step():
            document = Document(title=f"Loam sheet {number}", collection=self.collections[collection])
            document.file.save(
                f"loam-{number}.txt", ContentFile(f"Loam sheet {number}.".encode()), save=False
            )
            document._set_document_file_metadata()
            document.save()
        self.documents.append(document.pk)
        self.log.append(f"document {document.pk} in collection {collection}")

    @precondition(lambda self: self.documents)
    @rule(document=st.integers(0, 9), page=st.integers(0, 20))
    def attach(self, document, page):
        document_pk = self.documents[document % len(self.documents)]
        pk = sorted(self.pages)[page % len(self.pages)]
        self.attached[pk].add(document_pk)
        instance = StandardPage.objects.get(pk=pk)
        documents = Document.objects.in_bulk(sorted(self.attached[pk]))
        instance.body = [("document", {"document": d, "description": ""}) for d in documents.values()]
        with self.step():
            revision = instance.save_revision()
            if instance.live:
                revision.publish()
        self.log.append(f"attach document {document_pk} to page {pk} (published={instance.live})")

    @rule(
        collection=st.integers(1, 2),
        kind=st.sampled_from(("none", "login", "groups")),
        groups=st.lists(st.integers(0, 2), min_size=1, max_size=3),
    )
    def restrict_collection(self, collection, kind, groups):
        with self.step():
            restrict(
                CollectionViewRestriction,
                {"collection": self.collections[collection]},
                kind,
                self.group_ids(groups),
            )
        self.log.append(f"restrict collection {collection}: {kind} {sorted(set(groups))}")

    # --- the invariant

    @invariant()
    def each_viewer_finds_what_visibility_lets_them_see(self):
        history = "; ".join(self.log)
        viewers = cast([group.pk for group in self.groups])
        rows = {
            (kind, object_id): audience
            for kind, object_id, audience in Source.objects.filter(namespace=SITE_NAMESPACE).values_list(
                "kind", "object_id", "audience"
            )
        }
        titles = {
            (kind, object_id): title
            for kind, object_id, title in Source.objects.values_list("kind", "object_id", "title")
        }
        seen_by_anyone: set[Key] = set()
        for name, viewer in viewers.items():
            expected = oracle(viewer, self.pages, self.documents)
            seen_by_anyone |= expected
            for mode in ("hybrid", "keyword"):
                found = found_by(viewer, mode, self.vector)
                assert found == expected, (
                    f"{mode} search of {name}: extra {found - expected}, missing {expected - found}\nafter: {history}"
                )
            stored = {key for key, audience in rows.items() if Audience.from_tokens(audience).admits(viewer)}
            assert stored == expected, (
                f"stored audiences for {name}: extra {stored - expected}, missing {expected - stored}\n"
                f"after: {history}"
            )
            suggested = {item["title"] for item in suggest_titles(MARKER, limit=MAX_RESULTS, viewer=viewer)}
            expected_titles = {titles[key] for key in expected if key in titles}
            assert suggested == expected_titles, (
                f"suggestions for {name}: extra {suggested - expected_titles}, missing {expected_titles - suggested}"
            )
            for key in sorted(expected)[:2]:
                source = Source.objects.get(namespace=SITE_NAMESPACE, kind=key[0], object_id=key[1])
                related = {
                    (item.kind, item.object_id)
                    for item in related_to_source(source, limit=MAX_RESULTS, viewer=viewer)
                }
                assert related <= expected - {key}, f"related to {key} for {name}: {related - expected}"
        assert set(rows) == seen_by_anyone, (
            f"rows nobody may see: {set(rows) - seen_by_anyone}\nafter: {history}"
        )


def test_each_viewer_finds_exactly_what_visibility_lets_them_see(
    site_tree, django_capture_on_commit_callbacks
):
    AudienceMachine.capture = django_capture_on_commit_callbacks
    AudienceMachine.home = site_tree.home
    AudienceMachine.vector = get_embedder().embed_query(MARKER)
    AudienceMachine.groups = [Group.objects.create(name=f"Loam group {n}") for n in range(3)]
    run_state_machine_as_test(AudienceMachine, settings=STATE_MACHINE_SETTINGS)


# --- The parallel retrieval path ------------------------------------------------------------------------------

SCRIPT = r"""
import json, random, threading
import django
django.setup()
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from cms.models import StandardPage
from knowledge.sync import reindex_site, iter_site_work
from search import retrieval
from tests.conftest import SiteTree
from tests.consistency.test_audience import MARKER, cast, found_by, oracle, restrict

Document = get_document_model()
tree = SiteTree()
groups = [Group.objects.create(name=f"Loam group {n}") for n in range(3)]
threads = []
original = retrieval.keyword_rows
def keyword_rows(*args):
    threads.append(threading.current_thread().name)
    return original(*args)
retrieval.keyword_rows = keyword_rows

failures, checked = [], 0
for seed in SEEDS:
    rng = random.Random(seed)
    pages, documents = {}, []
    root = Collection.get_first_root_node()
    space = root.add_child(name=f"Loam space {seed}")
    for n in range(6):
        parents = [tree.home] + [p for p, depth in pages.values() if depth < 3]
        parent = rng.choice(parents)
        page = StandardPage(title=f"Loam plot {seed}-{n}", slug=f"loam-{seed}-{n}", intro=f"Loam notes {n}.")
        page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if rng.random() < 0.85:
            revision.publish()
        depth = 1 if parent.pk == tree.home.pk else pages[parent.pk][1] + 1
        pages[page.pk] = (page, depth)
        restrict(PageViewRestriction, {"page_id": page.pk}, rng.choice(["none", "none", "login", "groups", "groups", "password"]),
                 rng.sample(groups, rng.randint(1, 3)))
    for n in range(3):
        document = Document(title=f"Loam sheet {seed}-{n}", collection=rng.choice([root, space]))
        document.file.save(f"loam-{seed}-{n}.txt", ContentFile(f"Loam sheet {n}.".encode()), save=False)
        document._set_document_file_metadata()
        document.save()
        documents.append(document.pk)
        if rng.random() < 0.6:
            page = StandardPage.objects.get(pk=rng.choice(list(pages)))
            page.body = [("document", {"document": document, "description": ""})]
            revision = page.save_revision()
            if page.live:
                revision.publish()
    restrict(CollectionViewRestriction, {"collection": space}, rng.choice(["none", "login", "groups"]),
             rng.sample(groups, rng.randint(1, 3)))
    reindex_site(list(iter_site_work()))
    from knowledge.embeddings import get_embedder
    vector = get_embedder().embed_query(MARKER)
    ours = {("page", str(pk)) for pk in pages} | {("document", str(pk)) for pk in documents}
    for name, viewer in cast([g.pk for g in groups]).items():
        expected = oracle(viewer, list(pages), documents)
        for parallel in (False, True):
            with override_settings(SEARCH_PARALLEL_RETRIEVAL=parallel):
                for mode in ("hybrid", "keyword"):
                    checked += 1
                    # The site tree's own public pages (indexed here, as tasks run at once) are left aside.
                    found = {key for key in found_by(viewer, mode, vector) if key in ours}
                    if found != expected:
                        failures.append([seed, name, parallel, mode, sorted(found - expected), sorted(expected - found)])
    for page in Page.objects.filter(pk__in=list(pages), depth=3):
        page.delete()  # each section with its pages; their rows go with them (the sync tasks run at once)
    for document in Document.objects.filter(pk__in=documents):
        document.delete()
print("RESULT " + json.dumps({"failures": failures, "checked": checked, "threads": sorted(set(threads))}))
"""


def test_the_parallel_path_finds_what_the_sequential_one_does_for_every_viewer(copy_database):
    url, _, _ = copy_database
    seeds = list(range(int(os.environ.get("AUDIENCE_SEEDS", "3"))))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "LOG_LEVEL": "WARNING",
    }
    done = subprocess.run(
        [sys.executable, "-c", f"SEEDS = {json.dumps(seeds)}\n" + SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout[-3000:] + done.stderr[-3000:]
    out = json.loads(lines[0].removeprefix("RESULT "))
    assert out["checked"] == len(seeds) * 7 * 2 * 2
    assert "search-retrieval_0" in out["threads"], "the parallel path ran on the helper thread"
    assert not out["failures"], out["failures"]
