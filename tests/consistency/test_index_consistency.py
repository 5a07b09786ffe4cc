"""Random publishing histories never let search, suggestions or related content disagree with Wagtail.

The same random histories check that the forms of the one visibility definition (cms/visibility.py) agree with
each other, with Wagtail's own live().public(), and with the test's model: the per-object checks, the querysets,
and their compiled SQL, with and without the once-per-request restriction reads.

A Hypothesis state machine applies random editor actions (pages: create, edit, publish, unpublish, delete,
move, view restrictions on sections, translate into French with Wagtail's copy_for_translation, published or as
a draft; documents: upload, replace, delete, move between collections, attach to and detach from pages,
collection privacy). Each action runs like an editor's request: the sync tasks it
queues run after it "commits" (`django_capture_on_commit_callbacks(execute=True)`). After every step the
sources that search (every mode), title suggestions and related content can return must be exactly the live,
public sources, computed here from the test's own model of what it did, not from the product's code; and a
search of one locale (English, French) exactly that locale's live, public pages, related content only within a
locale.

Every generated page and document contains the marker word "loam" (and a title starting with "Loam"), so one
query reaches all of them. Each Hypothesis example runs inside its own savepoint, rolled back at teardown:
examples share the test's transaction (pytest-django's function-scoped `db`) but never each other's data.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
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
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from cms.models import StandardPage
from cms.visibility import (
    document_is_visible,
    document_visible_sql,
    page_is_visible,
    page_visible_sql,
    restrictions_read_once,
    visible_documents,
    visible_pages,
)
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Source
from search.related import related_to_source
from search.service import SearchFilters, SearchQuery, search
from search.suggest import suggest_titles

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

Document = get_document_model()

MARKER = "loam"
WORDS = ("clay", "silt", "humus", "mulch", "compost", "biochar", "terrace", "manure", "peat", "tillage")
MAX_RESULTS = 50
_numbers = itertools.count(1)

Key = tuple[str, str]

# Examples and steps: the Hypothesis profile (tests/conftest.py: "local", or "ci" under CI=true).
STATE_MACHINE_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- What the product returns --------------------------------------------------------------------------------


def _query_vector():
    return get_embedder().embed_query(MARKER)


def search_keys(mode: str, vector, locale: str = "") -> set[Key]:
    response = search(
        SearchQuery(q=MARKER, mode=mode, page_size=MAX_RESULTS, filters=SearchFilters(locale=locale)),
        query_vector=vector if mode != "keyword" else None,
    )
    assert response.total <= MAX_RESULTS, "more results than this test ever creates"
    return {(r.kind, r.object_id) for r in response.results}


def suggested_titles() -> set[str]:
    return {item["title"] for item in suggest_titles(MARKER, limit=MAX_RESULTS)}


def source_for(key: Key) -> Source | None:
    return Source.objects.filter(namespace=SITE_NAMESPACE, kind=key[0], object_id=key[1]).first()


def related_keys(key: Key) -> set[Key] | None:
    source = source_for(key)
    if source is None:
        return None
    items = related_to_source(source, limit=MAX_RESULTS)
    sources = Source.objects.in_bulk([item.source_id for item in items])
    return {(sources[item.source_id].kind, sources[item.source_id].object_id) for item in items}


def indexed_keys() -> set[Key]:
    """The sources indexed for everyone (signed-in members' content is indexed too, with its audience:
    tests/consistency/test_audience.py checks it)."""
    return set(
        Source.objects.filter(namespace=SITE_NAMESPACE, status="indexed", audience=[]).values_list(
            "kind", "object_id"
        )
    )


def assert_only_visible(
    expected: set[Key],
    titles: dict[Key, str],
    vector,
    *,
    exact: bool = True,
    locales: dict[Key, set[str]] | None = None,
) -> None:
    """search / suggest / related return exactly `expected` (or, with exact=False, nothing outside it).
    `locales`: each expected source's locales (default: all English); related content stays within them."""
    locales = locales or {key: {"en"} for key in expected}
    found = {mode: search_keys(mode, vector) for mode in ("hybrid", "semantic", "keyword")}
    for mode, keys in found.items():
        assert keys <= expected, f"{mode} search returned hidden sources {keys - expected}"
    if exact:
        assert found["hybrid"] == expected, f"hybrid search misses {expected - found['hybrid']}"
        assert found["keyword"] == expected, f"keyword search misses {expected - found['keyword']}"

    expected_titles = {titles[key] for key in expected}
    suggested = suggested_titles()
    assert suggested <= expected_titles, f"suggestions include hidden titles {suggested - expected_titles}"
    if exact:
        assert suggested == expected_titles, f"suggestions miss {expected_titles - suggested}"

    for key in expected:
        related = related_keys(key)
        if related is None:
            assert not exact, f"visible source {key} has no index row"
            continue
        assert related <= expected - {key}, f"related to {key} includes hidden sources {related - expected}"
        neighbours = {other for other in expected - {key} if locales[other] & locales[key]}
        assert related <= neighbours, f"related to {key} crosses locales: {related - neighbours}"
        if exact:
            assert related == neighbours, f"related to {key} misses {neighbours - related}"


# --- Building content the way editors do -----------------------------------------------------------------------


def document_blocks(document_ids) -> list:
    documents = Document.objects.in_bulk(list(document_ids))
    return [
        ("document", {"document": documents[pk], "description": ""})
        for pk in sorted(document_ids)
        if pk in documents
    ]


def make_document(title: str, text: str, collection: Collection):
    document = Document(title=title, collection=collection)
    document.file.save(f"loam-{next(_numbers)}.txt", ContentFile(text.encode()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@dataclass
class PageModel:
    pk: int
    title: str
    parent: int  # a section's pk, or the home page's pk for sections
    is_section: bool
    live: bool = False
    locale: str = "en"
    translation_of: int | None = None  # the English page it translates
    row_docs: set[int] = field(default_factory=set)  # documents the page row (its live version) uses
    draft_docs: set[int] = field(default_factory=set)  # documents the latest revision uses


@dataclass
class DocumentModel:
    pk: int
    title: str
    private_collection: bool


class IndexConsistency(RuleBasedStateMachine):
    """The test's own model of the site; the invariant compares the product against it after each step."""

    tree = None
    capture = None
    vector = None
    home_fr = None  # the home page's French translation (made once per test, before the examples)

    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.pages: dict[int, PageModel] = {}
        self.documents: dict[int, DocumentModel] = {}
        self.restricted: set[int] = set()  # page pks with a view restriction
        self.collection_private = False
        self.root_collection = Collection.get_first_root_node()
        self.private_collection = self.root_collection.add_child(name=f"Loam members {next(_numbers)}")
        self.log: list[str] = []

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # --- helpers

    def step(self):
        return self.capture(execute=True)

    def sections(self, locale: str | None = None) -> list[int]:
        return sorted(pk for pk, p in self.pages.items() if p.is_section and locale in (None, p.locale))

    def home_of(self, locale: str) -> int:
        return self.home_fr.pk if locale == "fr" else self.tree.home.pk

    def untranslated(self) -> list[int]:
        """English pages without a French translation whose parent is a home page or has one."""
        translated = {p.translation_of for p in self.pages.values() if p.translation_of}
        return sorted(
            pk
            for pk, p in self.pages.items()
            if p.locale == "en"
            and pk not in translated
            and (p.parent == self.tree.home.pk or p.parent in translated)
        )

    def leaves(self) -> list[int]:
        return sorted(pk for pk, p in self.pages.items() if not p.is_section)

    @staticmethod
    def pick(items: list, index: int):
        return items[index % len(items)]

    def save(self, model: PageModel, *, publish: bool, word: str | None = None) -> None:
        """An editor saves the page's latest version (new text and/or documents), optionally publishing.

        The admin's edit view starts from the latest revision, not the live row: a draft's title (a translation
        renamed before it was first published) is kept."""
        page = StandardPage.objects.get(pk=model.pk).get_latest_revision_as_object()
        if word:
            page.intro = f"{MARKER.title()} {word} notes {next(_numbers)}."
        page.body = document_blocks(model.draft_docs)
        revision = page.save_revision()
        if publish:
            revision.publish()
            model.live = True
            model.row_docs = set(model.draft_docs)

    def add_page(self, parent_pk: int, *, is_section: bool, publish: bool, word: str) -> PageModel:
        number = next(_numbers)
        title = f"{MARKER.title()} {'section' if is_section else 'plot'} {number}"
        page = StandardPage(title=title, slug=f"loam-{number}", intro=f"{MARKER.title()} {word} {number}.")
        page.live = False
        Page.objects.get(pk=parent_pk).add_child(instance=page)
        model = PageModel(pk=page.pk, title=title, parent=parent_pk, is_section=is_section)
        self.pages[page.pk] = model
        self.save(model, publish=publish)
        return model

    # --- rules: pages

    @initialize(word=st.sampled_from(WORDS))
    def start(self, word):
        with self.step():
            for _ in range(2):
                self.add_page(self.tree.home.pk, is_section=True, publish=True, word=word)
        self.log.append("two live sections")

    @precondition(lambda self: len(self.sections()) < 3)
    @rule(publish=st.booleans(), word=st.sampled_from(WORDS), locale=st.sampled_from(["en", "fr"]))
    def create_section(self, publish, word, locale):
        with self.step():
            model = self.add_page(self.home_of(locale), is_section=True, publish=publish, word=word)
        model.locale = locale
        self.log.append(f"create {locale} section {model.pk} publish={publish}")

    @precondition(lambda self: self.sections())
    @rule(section=st.integers(0, 9), publish=st.booleans(), word=st.sampled_from(WORDS))
    def create_page(self, section, publish, word):
        parent = self.pick(self.sections(), section)
        with self.step():
            model = self.add_page(parent, is_section=False, publish=publish, word=word)
        model.locale = self.pages[parent].locale
        self.log.append(f"create page {model.pk} under {parent} publish={publish}")

    @precondition(lambda self: self.untranslated())
    @rule(page=st.integers(0, 99), publish=st.booleans())
    def translate(self, page, publish):
        """An editor translates an English page into French (a draft copy of its current version)."""
        source = self.pages[self.pick(self.untranslated(), page)]
        parent = (
            self.home_fr.pk
            if source.parent == self.tree.home.pk
            else next(pk for pk, p in self.pages.items() if p.translation_of == source.parent)
        )
        number = next(_numbers)
        title = f"{MARKER.title()} traduction {number}"
        with self.step():
            original = StandardPage.objects.get(pk=source.pk)
            docs = set(source.row_docs if original.live else source.draft_docs)
            translation = original.copy_for_translation(Locale.objects.get(language_code="fr"))
            translation.title = title
            revision = translation.save_revision()
            if publish:
                revision.publish()
        model = PageModel(
            pk=translation.pk,
            title=title,
            parent=parent,
            is_section=source.is_section,
            live=publish,
            locale="fr",
            translation_of=source.pk,
            row_docs=docs,
            draft_docs=set(docs),
        )
        self.pages[model.pk] = model
        if source.pk in self.restricted:
            # Wagtail's copy (copy_for_translation) copies a page's own view restrictions unless the destination
            # already has one above it; only sections are restricted here, and the French home never is.
            self.restricted.add(model.pk)
        self.log.append(f"translate {source.pk} into fr as {model.pk} publish={publish}")

    @precondition(lambda self: self.pages)
    @rule(page=st.integers(0, 99), publish=st.booleans(), word=st.sampled_from(WORDS))
    def edit(self, page, publish, word):
        model = self.pages[self.pick(sorted(self.pages), page)]
        with self.step():
            self.save(model, publish=publish, word=word)
        self.log.append(f"edit {model.pk} publish={publish}")

    @precondition(lambda self: self.pages)
    @rule(page=st.integers(0, 99))
    def publish(self, page):
        model = self.pages[self.pick(sorted(self.pages), page)]
        with self.step():
            StandardPage.objects.get(pk=model.pk).get_latest_revision().publish()
        model.live = True
        model.row_docs = set(model.draft_docs)
        self.log.append(f"publish {model.pk}")

    @precondition(lambda self: any(p.live for p in self.pages.values()))
    @rule(page=st.integers(0, 99))
    def unpublish(self, page):
        model = self.pages[self.pick(sorted(pk for pk, p in self.pages.items() if p.live), page)]
        with self.step():
            StandardPage.objects.get(pk=model.pk).unpublish()
        model.live = False
        self.log.append(f"unpublish {model.pk}")

    @precondition(lambda self: self.pages)
    @rule(page=st.integers(0, 99))
    def delete_page(self, page):
        pk = self.pick(sorted(self.pages), page)
        with self.step():
            StandardPage.objects.get(pk=pk).delete()
        gone = {pk} | {child for child, p in self.pages.items() if p.parent == pk}
        for child in gone:
            del self.pages[child]
        for model in self.pages.values():  # a translation outlives its original (Wagtail keeps it)
            if model.translation_of in gone:
                model.translation_of = None
        self.restricted -= gone
        self.log.append(f"delete page {pk} (and {sorted(gone - {pk})})")

    def movable(self) -> list[int]:
        """Leaves with another section of their own locale to move to."""
        return [pk for pk in self.leaves() if len(self.sections(self.pages[pk].locale)) >= 2]

    @precondition(lambda self: self.movable())
    @rule(page=st.integers(0, 99), section=st.integers(0, 9))
    def move(self, page, section):
        model = self.pages[self.pick(self.movable(), page)]
        targets = [pk for pk in self.sections(model.locale) if pk != model.parent]
        target = self.pick(targets, section)
        with self.step():
            Page.objects.get(pk=model.pk).move(Page.objects.get(pk=target), pos="last-child")
        model.parent = target
        self.log.append(f"move {model.pk} under {target}")

    @precondition(lambda self: self.sections())
    @rule(section=st.integers(0, 9))
    def toggle_view_restriction(self, section):
        pk = self.pick(self.sections(), section)
        with self.step():
            if pk in self.restricted:
                for restriction in PageViewRestriction.objects.filter(page_id=pk):
                    restriction.delete()
                self.restricted.discard(pk)
            else:
                PageViewRestriction.objects.create(page_id=pk, restriction_type=PageViewRestriction.LOGIN)
                self.restricted.add(pk)
        self.log.append(f"view restriction on {pk}: {pk in self.restricted}")

    # --- rules: documents

    @precondition(lambda self: len(self.documents) < 4)
    @rule(private=st.booleans(), word=st.sampled_from(WORDS))
    def upload_document(self, private, word):
        number = next(_numbers)
        title = f"{MARKER.title()} sheet {number}"
        collection = self.private_collection if private else self.root_collection
        with self.step():
            document = make_document(title, f"{MARKER.title()} sheet {number} on {word}.", collection)
        self.documents[document.pk] = DocumentModel(document.pk, title, private)
        self.log.append(f"upload document {document.pk} private_collection={private}")

    @precondition(lambda self: self.documents)
    @rule(document=st.integers(0, 9), word=st.sampled_from(WORDS))
    def replace_document(self, document, word):
        model = self.documents[self.pick(sorted(self.documents), document)]
        instance = Document.objects.get(pk=model.pk)
        number = next(_numbers)
        with self.step():
            text = f"{MARKER.title()} sheet revised {number} on {word}."
            instance.file.save(f"loam-{number}.txt", ContentFile(text.encode()), save=False)
            instance._set_document_file_metadata()
            instance.save()
        self.log.append(f"replace document {model.pk}")

    @precondition(lambda self: self.documents)
    @rule(document=st.integers(0, 9))
    def move_document(self, document):
        model = self.documents[self.pick(sorted(self.documents), document)]
        instance = Document.objects.get(pk=model.pk)
        model.private_collection = not model.private_collection
        with self.step():
            instance.collection = (
                self.private_collection if model.private_collection else self.root_collection
            )
            instance.save()
        self.log.append(f"move document {model.pk} private_collection={model.private_collection}")

    @precondition(lambda self: self.documents)
    @rule(document=st.integers(0, 9))
    def delete_document(self, document):
        pk = self.pick(sorted(self.documents), document)
        with self.step():
            Document.objects.get(pk=pk).delete()
        del self.documents[pk]
        for model in self.pages.values():
            model.row_docs.discard(pk)
            model.draft_docs.discard(pk)
        self.log.append(f"delete document {pk}")

    @rule()
    def toggle_collection_privacy(self):
        with self.step():
            if self.collection_private:
                for restriction in CollectionViewRestriction.objects.filter(
                    collection=self.private_collection
                ):
                    restriction.delete()
            else:
                CollectionViewRestriction.objects.create(
                    collection=self.private_collection, restriction_type=CollectionViewRestriction.LOGIN
                )
        self.collection_private = not self.collection_private
        self.log.append(f"collection private: {self.collection_private}")

    @precondition(lambda self: self.pages and self.documents)
    @rule(page=st.integers(0, 99), document=st.integers(0, 9), publish=st.booleans())
    def attach(self, page, document, publish):
        model = self.pages[self.pick(sorted(self.pages), page)]
        document_pk = self.pick(sorted(self.documents), document)
        model.draft_docs.add(document_pk)
        with self.step():
            self.save(model, publish=publish)
        self.log.append(f"attach document {document_pk} to {model.pk} publish={publish}")

    @precondition(lambda self: any(p.draft_docs for p in self.pages.values()))
    @rule(page=st.integers(0, 99), publish=st.booleans())
    def detach(self, page, publish):
        model = self.pages[self.pick(sorted(pk for pk, p in self.pages.items() if p.draft_docs), page)]
        document_pk = min(model.draft_docs)
        model.draft_docs.discard(document_pk)
        with self.step():
            self.save(model, publish=publish)
        self.log.append(f"detach document {document_pk} from {model.pk} publish={publish}")

    # --- the independent definition of "live and public"

    def page_visible(self, model: PageModel) -> bool:
        return model.live and model.pk not in self.restricted and model.parent not in self.restricted

    def document_visible(self, model: DocumentModel) -> bool:
        if model.private_collection and self.collection_private:
            return False
        users = [p for p in self.pages.values() if model.pk in p.row_docs | p.draft_docs]
        if not users:
            return True
        return any(self.page_visible(p) and model.pk in p.row_docs for p in users)

    def document_locales(self, model: DocumentModel) -> set[str]:
        """The locales of the visible pages whose published version uses the document; English without."""
        users = {p.locale for p in self.pages.values() if self.page_visible(p) and model.pk in p.row_docs}
        return users or {"en"}

    def expected(self) -> tuple[set[Key], dict[Key, str], dict[Key, set[str]]]:
        titles: dict[Key, str] = {}
        locales: dict[Key, set[str]] = {}
        for model in self.pages.values():
            if self.page_visible(model):
                titles[("page", str(model.pk))] = model.title
                locales[("page", str(model.pk))] = {model.locale}
        for model in self.documents.values():
            if self.document_visible(model):
                titles[("document", str(model.pk))] = model.title
                locales[("document", str(model.pk))] = self.document_locales(model)
        return set(titles), titles, locales

    @invariant()
    def visibility_forms_agree(self):
        page_ids = sorted(self.pages)
        document_ids = sorted(self.documents)
        expected_pages = {pk for pk, model in self.pages.items() if self.page_visible(model)}
        expected_documents = {pk for pk, model in self.documents.items() if self.document_visible(model)}
        page_sql, page_params = page_visible_sql("p.id")
        document_sql, document_params = document_visible_sql("d.id")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT p.id FROM wagtailcore_page p WHERE p.id = ANY(%s) AND {page_sql}",
                [page_ids, *page_params],
            )
            sql_pages = {row[0] for row in cursor.fetchall()}
            cursor.execute(
                f"SELECT d.id FROM wagtaildocs_document d WHERE d.id = ANY(%s) AND {document_sql}",
                [document_ids, *document_params],
            )
            sql_documents = {row[0] for row in cursor.fetchall()}
        forms = {
            "model": expected_pages,
            "wagtail live().public()": set(
                Page.objects.filter(pk__in=page_ids).live().public().values_list("pk", flat=True)
            ),
            "visible_pages()": set(visible_pages().filter(pk__in=page_ids).values_list("pk", flat=True)),
            "page_is_visible": {
                page.pk for page in Page.objects.filter(pk__in=page_ids) if page_is_visible(page)
            },
            "SQL": sql_pages,
        }
        with restrictions_read_once():
            forms["visible_pages() read once"] = set(
                visible_pages().filter(pk__in=page_ids).values_list("pk", flat=True)
            )
            forms["page_is_visible read once"] = {
                page.pk for page in Page.objects.filter(pk__in=page_ids) if page_is_visible(page)
            }
        documents = {
            "model": expected_documents,
            "visible_documents()": set(
                visible_documents().filter(pk__in=document_ids).values_list("pk", flat=True)
            ),
            "document_is_visible": {
                document.pk
                for document in Document.objects.filter(pk__in=document_ids)
                if document_is_visible(document)
            },
            "SQL": sql_documents,
        }
        history = "; ".join(self.log)
        assert all(value == expected_pages for value in forms.values()), f"pages: {forms}\nafter: {history}"
        assert all(value == expected_documents for value in documents.values()), (
            f"documents: {documents}\nafter: {history}"
        )

    @invariant()
    def only_live_public_sources_are_found(self):
        expected, titles, locales = self.expected()
        history = "; ".join(self.log)
        try:
            assert_only_visible(expected, titles, self.vector, locales=locales)
            for locale in ("en", "fr"):
                in_locale = {key for key in expected if locale in locales[key]}
                for mode in ("hybrid", "keyword"):
                    found = search_keys(mode, self.vector, locale)
                    assert found == in_locale, (
                        f"{mode} search in {locale}: extra {found - in_locale}, missing {in_locale - found}"
                    )
            assert indexed_keys() == expected, (
                f"index rows differ: stale {indexed_keys() - expected}, missing {expected - indexed_keys()}"
            )
        except AssertionError as error:
            raise AssertionError(f"{error}\nafter: {history}") from None


def test_search_suggest_and_related_follow_visibility(site_tree, django_capture_on_commit_callbacks):
    assert not indexed_keys(), "this test expects an empty index at the start"
    IndexConsistency.tree = site_tree
    IndexConsistency.capture = django_capture_on_commit_callbacks
    IndexConsistency.vector = _query_vector()
    home_fr = site_tree.home.copy_for_translation(Locale.objects.get(language_code="fr"))
    home_fr.save_revision().publish()
    IndexConsistency.home_fr = home_fr
    assert not indexed_keys(), "the French home page has no marker word: it is not among the expected sources"
    run_state_machine_as_test(IndexConsistency, settings=STATE_MACHINE_SETTINGS)


# --- The window between an editor's action and the sync task ---------------------------------------------------


def test_hidden_before_any_task_runs(site_tree, django_capture_on_commit_callbacks):
    """Unpublish, view restrictions and collection privacy hide content at query time, before tasks run."""
    home = site_tree.home
    with django_capture_on_commit_callbacks(execute=True):
        sections = []
        for name in ("open", "members"):
            section = StandardPage(title=f"Loam {name} section", slug=f"loam-{name}", intro=f"Loam {name}.")
            home.add_child(instance=section)
            section.save_revision().publish()
            sections.append(section)
        open_section, members_section = sections
        pages = {}
        for name, parent in (
            ("stays", open_section),
            ("unpublished", open_section),
            ("fenced", members_section),
        ):
            page = StandardPage(
                title=f"Loam {name} plot", slug=f"loam-{name}-plot", intro=f"Loam {name} plot."
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            pages[name] = page
        private = Collection.get_first_root_node().add_child(name="Loam window members")
        public_doc = make_document(
            "Loam open sheet", "Loam open sheet on humus.", Collection.get_first_root_node()
        )
        private_doc = make_document("Loam members sheet", "Loam members sheet on peat.", private)
        attached_doc = make_document(
            "Loam attached sheet", "Loam attached sheet on clay.", private.get_parent()
        )
        holder = pages["unpublished"]
        holder.body = document_blocks([attached_doc.pk])
        holder.save_revision().publish()

    def key(obj) -> Key:
        return ("document" if isinstance(obj, Document) else "page", str(obj.pk))

    everything = {key(p) for p in [*sections, *pages.values()]} | {
        key(d) for d in (public_doc, private_doc, attached_doc)
    }
    titles = {key(p): p.title for p in [*sections, *pages.values(), public_doc, private_doc, attached_doc]}
    vector = _query_vector()
    assert indexed_keys() == everything
    assert_only_visible(everything, titles, vector)

    # Editors act; the queued sync tasks do NOT run (the "window").
    with django_capture_on_commit_callbacks(execute=False) as queued:
        StandardPage.objects.get(pk=holder.pk).unpublish()
        PageViewRestriction.objects.create(page=members_section, restriction_type=PageViewRestriction.LOGIN)
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert queued, "the actions queued sync tasks (which this test deliberately does not run)"
    hidden = {key(holder), key(pages["fenced"]), key(members_section), key(private_doc), key(attached_doc)}
    assert indexed_keys() == everything, "stale rows are still in the index: this test is about the window"
    # Nothing hidden may be returned; with stale rows around, whatever is visible must still be found.
    assert_only_visible(everything - hidden, titles, vector)

    # Once the tasks run, the index itself agrees.
    for callback in queued:
        callback()
    assert indexed_keys() == everything - hidden
    assert_only_visible(everything - hidden, titles, vector)


def test_document_used_only_by_a_deleted_draft_is_found_again(site_tree, django_capture_on_commit_callbacks):
    root = Collection.get_first_root_node()
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Loam sheet orphan", "Loam sheet orphan on clay.", root)
    key = ("document", str(document.pk))
    assert key in indexed_keys()
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPage(title="Loam plot draft", slug="loam-plot-draft", intro="Loam draft.", live=False)
        site_tree.home.add_child(instance=page)
        page.body = document_blocks([document.pk])
        page.save_revision()  # the document is now used by a draft only: hidden
    assert key not in indexed_keys()
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).delete()
    # Nothing uses the document any more and its collection is public: it must be searchable again.
    assert_only_visible({key}, {key: document.title}, _query_vector())
