"""`manage.py reindex`: --pages and --documents limit the work to one kind, --force rebuilds what is unchanged,
and a full run removes the sources of pages deleted while no sync ran (orphans).

The kill-and-resume behaviour is in test_reindex_resume.py."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.models import ProjectPage
from knowledge.models import SITE_NAMESPACE, Chunk, Source
from knowledge.tasks import index_sync_suspended
from tests.conftest import SiteTree, add_page

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DONE = re.compile(
    r"Done in [\d.]+s: (\d+) indexed, (\d+) unchanged, (\d+) removed, (\d+) failed; (\d+) chunks written, "
    r"(\d+) embeddings computed, (\d+) from cache\."
)


def reindex(*args: str) -> dict[str, int]:
    out = io.StringIO()
    call_command("reindex", "--no-progress", *args, stdout=out)
    done = DONE.search(out.getvalue())
    assert done, out.getvalue()
    names = ("indexed", "unchanged", "removed", "failed", "chunks", "computed", "cached")
    return dict(zip(names, map(int, done.groups()), strict=True))


def kinds() -> dict[str, int]:
    sources = Source.objects.filter(namespace=SITE_NAMESPACE, status=Source.Status.INDEXED)
    return {kind: sources.filter(kind=kind).count() for kind in ("page", "document")}


@pytest.fixture
def unindexed_site(db):
    """Pages and a document, published while the sync was off: the index is empty."""
    with index_sync_suspended():
        tree = SiteTree()
        project = add_page(tree.projects, ProjectPage, title="Zai pits", summary="Zai pits gather water.")
        document = get_document_model()(title="Compost guide", collection=Collection.get_first_root_node())
        document.file.save(
            "compost.txt", ContentFile(b"Turn the compost heap every two weeks. " * 20), save=False
        )
        document._set_document_file_metadata()
        document.save()
    assert not Source.objects.exists()
    return tree, project, document


def test_pages_and_documents_options_index_only_their_kind(unindexed_site):
    pages = reindex("--pages")
    assert kinds() == {"page": pages["indexed"], "document": 0} and pages["indexed"] >= 7

    documents = reindex("--documents")
    assert documents["indexed"] == 1 and documents["unchanged"] == 0  # the pages were not looked at
    assert kinds() == {"page": pages["indexed"], "document": 1}

    again = reindex()
    assert (again["indexed"], again["unchanged"], again["computed"]) == (0, pages["indexed"] + 1, 0)


def test_force_rebuilds_unchanged_sources_from_the_embedding_cache(unindexed_site):
    first = reindex()
    chunk_ids = set(Chunk.objects.values_list("pk", flat=True))

    forced = reindex("--force")

    assert forced["indexed"] == first["indexed"] and forced["unchanged"] == 0
    assert forced["computed"] == 0 and forced["cached"] == first["computed"]  # same text: no model call
    assert not chunk_ids & set(Chunk.objects.values_list("pk", flat=True))  # every chunk written again


def test_a_full_run_removes_the_sources_of_pages_deleted_while_no_sync_ran(unindexed_site):
    _, project, _ = unindexed_site
    reindex()
    with index_sync_suspended():
        project.delete()
    orphan = Source.objects.filter(kind="page", object_id=str(project.pk))
    assert orphan.exists()

    assert reindex("--documents")["removed"] == 0  # one kind only: orphans are judged by a full run
    assert orphan.exists()
    assert reindex()["removed"] == 1
    assert not orphan.exists() and not Chunk.objects.filter(source__object_id=str(project.pk)).exists()


def hnsw_parameters() -> dict[str, list[str]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
            "WHERE a.amname = 'hnsw' AND c.relname LIKE 'knowledge%%hnsw%%'"
        )
        return {name: sorted(options or []) for name, options in cursor.fetchall()}


def test_reindex_rebuilds_vector_indexes_built_with_other_hnsw_parameters(unindexed_site, settings):
    settings.KNOWLEDGE_HNSW_EF_CONSTRUCTION = 64
    reindex()
    built = hnsw_parameters()
    assert len(built) == 2  # chunks (search) and source profiles (related content)
    assert all(options == ["ef_construction=64", "m=16"] for options in built.values()), built

    settings.KNOWLEDGE_HNSW_EF_CONSTRUCTION = 128
    out = io.StringIO()
    call_command("reindex", "--no-progress", stdout=out)
    assert all(options == ["ef_construction=128", "m=16"] for options in hnsw_parameters().values())
    assert out.getvalue().count("rebuilt with the HNSW parameters") == 2

    out = io.StringIO()
    call_command("reindex", "--no-progress", stdout=out)
    assert "rebuilt" not in out.getvalue()  # up to date: nothing rebuilt again
    # The rebuilt index still serves searches.
    from search.service import SearchQuery, search

    assert search(SearchQuery("zai pits water", "semantic", facets=False)).results


@pytest.mark.parametrize(
    ("m", "ef_construction", "message"),
    [(1, 64, "KNOWLEDGE_HNSW_M"), (16, 20, "twice KNOWLEDGE_HNSW_M"), (16, 2000, "and 1000")],
)
def test_hnsw_parameters_out_of_pgvector_bounds_are_refused_by_name(settings, m, ef_construction, message):
    from knowledge.store import hnsw_options

    settings.KNOWLEDGE_HNSW_M, settings.KNOWLEDGE_HNSW_EF_CONSTRUCTION = m, ef_construction
    with pytest.raises(ValueError, match=message):
        hnsw_options()
