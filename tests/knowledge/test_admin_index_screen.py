"""The admin's "Search index" screen (Reports): summary, filters, failed items and retries, permissions.

Real PostgreSQL, the real Wagtail admin through the test client, and, for retries, the real embedding model.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from knowledge.embeddings import current_model_key
from knowledge.models import Chunk, Source
from knowledge.tasks import index_sync_suspended
from tests.conftest import admin_menu

INDEX_URL = "/admin/reports/search-index/"

pytestmark = pytest.mark.django_db


def make_source(
    object_id,
    *,
    kind="page",
    title=None,
    content_type="project",
    status="indexed",
    chunk_count=3,
    model_name=None,
    namespace="site",
    error="",
    attempts=0,
    indexed_at=None,
):
    return Source.objects.create(
        namespace=namespace,
        kind=kind,
        object_id=str(object_id),
        page_id=int(object_id) if kind == "page" else None,
        document_id=int(object_id) if kind == "document" else None,
        title=title or f"{kind} {object_id}",
        content_type=content_type,
        status=status,
        error=error,
        attempts=attempts,
        chunk_count=chunk_count if status == "indexed" else 0,
        model_name=current_model_key() if model_name is None else model_name,
        indexed_at=indexed_at or timezone.now() - dt.timedelta(hours=2),
    )


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def viewer_client(client, django_user_model):
    """An editor who may use the admin but publishes nothing: sees the screen, cannot retry."""
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw")
    group = Group.objects.create(name="Index viewers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.fixture
def sample_index():
    stale_model = "some-older-model"
    return {
        "indexed_page": make_source(
            11, title="Carbon farming in the Sahel", content_type="project", chunk_count=4
        ),
        "other_page": make_source(12, title="Cover crops webinar", content_type="webinar", chunk_count=6),
        "stale_page": make_source(
            13, title="Agroforestry guide", content_type="resource", chunk_count=5, model_name=stale_model
        ),
        "failed_document": make_source(
            21,
            kind="document",
            title="Annual report PDF",
            content_type="document",
            status="failed",
            error="the PDF is encrypted",
            attempts=2,
        ),
        "corpus_item": make_source(
            99,
            kind="external",
            title="SciFact claim",
            content_type="external",
            namespace="scifact",
            chunk_count=50,
        ),
    }


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Access ------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    response = client.get(INDEX_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_user_without_admin_access_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(user)
    response = client.get(INDEX_URL)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
    source = make_source(5, status="failed", error="x")
    assert client.post(reverse("knowledge_admin:retry", args=[source.pk])).status_code in (302, 403)
    source.refresh_from_db()
    assert source.attempts == 0


def test_menu_item_under_reports(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert (("Reports", "Search index"), INDEX_URL) in admin_menu(response.content.decode())


# --- Summary and listing -----------------------------------------------------------------------------------


def test_summary_shows_model_counts_and_stale_chunks(admin_client, sample_index):
    response = admin_client.get(INDEX_URL)
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert current_model_key() in text
    assert re.search(r'data-testid="total-sources">\s*4\s*<', html)  # the scifact corpus item is not counted
    assert re.search(r'data-testid="total-chunks">\s*15\s*<', html)
    assert re.search(r'data-testid="total-failed">\s*1\s*<', html)
    assert "5 passages (in 1 items) were made by another model" in text
    assert "manage.py reindex" in text
    assert "SciFact claim" not in text
    # by content type: content type, items, passages, failed
    row = re.search(r'<tr data-content-type="document">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r"<t[hd][^>]*>\s*(?:<a [^>]*>)?([^<]*?)\s*<", row)[:4] == ["document", "1", "0", "1"]
    assert re.search(r'<tr data-content-type="webinar">.*?<td>1</td>\s*<td>6</td>\s*<td>0</td>', html, re.S)
    assert "2\xa0hours ago" in html or "2 hours ago" in html


def test_listing_links_to_admin_edit_views(admin_client, sample_index):
    html = admin_client.get(INDEX_URL).content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[11])}"' in html
    assert f'href="{reverse("wagtaildocs:edit", args=[21])}"' in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "<caption" in html


def test_failed_items_show_reason_attempts_and_retry_buttons(admin_client, sample_index):
    html = admin_client.get(INDEX_URL).content.decode()
    failed = sample_index["failed_document"]
    assert "the PDF is encrypted" in html
    assert re.search(rf'<tr data-source-id="{failed.pk}">.*?<td>2</td>', html, re.S)
    assert f'action="{reverse("knowledge_admin:retry", args=[failed.pk])}"' in html
    assert f'action="{reverse("knowledge_admin:retry_all")}"' in html
    assert "Retry all failed" in html
    assert "csrfmiddlewaretoken" in html


def rows(html: str) -> list[str]:
    listing = html.split('id="listing-results"', 1)[1]
    return re.findall(r'<tr data-source-id="\d+">\s*<th scope="row">\s*(?:<a [^>]*>)?([^<]+?)\s*<', listing)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            ["Agroforestry guide", "Annual report PDF", "Carbon farming in the Sahel", "Cover crops webinar"],
        ),
        ("?status=failed", ["Annual report PDF"]),
        ("?status=indexed&content_type=webinar", ["Cover crops webinar"]),
        ("?content_type=resource", ["Agroforestry guide"]),
        ("?kind=document", ["Annual report PDF"]),
        ("?q=carbon", ["Carbon farming in the Sahel"]),
        ("?q=CROPS&status=indexed", ["Cover crops webinar"]),
        ("?q=nothing-like-this", []),
    ],
)
def test_filters(admin_client, sample_index, query, expected):
    response = admin_client.get(INDEX_URL + query)
    assert response.status_code == 200
    assert rows(response.content.decode()) == expected


def test_results_fragment_for_ajax_filtering(admin_client, sample_index):
    response = admin_client.get(reverse("knowledge_admin:index_results") + "?status=failed")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annual report PDF" in html and "Cover crops webinar" not in html


def test_pagination_50_per_page(admin_client):
    Source.objects.bulk_create(
        Source(
            namespace="site",
            kind="page",
            object_id=str(1000 + i),
            title=f"Page {i:03d}",
            content_type="project",
            chunk_count=1,
            model_name=current_model_key(),
        )
        for i in range(60)
    )
    first = admin_client.get(INDEX_URL).content.decode()
    second = admin_client.get(INDEX_URL + "?p=2").content.decode()
    assert len(rows(first)) == 50 and rows(first)[0] == "Page 000"
    assert rows(second) == [f"Page {i:03d}" for i in range(50, 60)]


def test_empty_index(admin_client):
    make_source(1, namespace="scifact", kind="external")
    response = admin_client.get(INDEX_URL)
    assert response.status_code == 200
    assert "Nothing is indexed yet: run manage.py reindex." in text_of(response.content.decode())


def test_no_failures_state(admin_client):
    make_source(1)
    html = admin_client.get(INDEX_URL).content.decode()
    assert "No failures" in html and "Retry all failed" not in html


def test_viewer_sees_screen_but_cannot_retry(viewer_client, sample_index):
    response = viewer_client.get(INDEX_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "the PDF is encrypted" in html
    assert "Retry all failed" not in html and "knowledge_admin" not in html
    failed = sample_index["failed_document"]
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with an error message.
    for url in (reverse("knowledge_admin:retry", args=[failed.pk]), reverse("knowledge_admin:retry_all")):
        response = viewer_client.post(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("failed", 2)


# --- Retry ------------------------------------------------------------------------------------------------


def make_document(title: str, content: bytes, name: str):
    with index_sync_suspended():
        return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def failed_document_source(document) -> Source:
    return make_source(
        document.pk,
        kind="document",
        title=document.title,
        content_type="document",
        status="failed",
        error="OSError: storage was unavailable",
        attempts=1,
    )


def test_retry_url_is_post_only(admin_client, sample_index):
    failed = sample_index["failed_document"]
    assert admin_client.get(reverse("knowledge_admin:retry", args=[failed.pk])).status_code == 405
    assert admin_client.get(reverse("knowledge_admin:retry_all")).status_code == 405


def test_retry_requires_csrf(client, django_user_model, sample_index):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(django_user_model.objects.create_superuser("csrf", "c@example.org", "pw"))
    failed = sample_index["failed_document"]
    assert csrf_client.post(reverse("knowledge_admin:retry", args=[failed.pk])).status_code == 403


def test_retry_unknown_source_is_404(admin_client):
    assert admin_client.post(reverse("knowledge_admin:retry", args=[987654])).status_code == 404


@pytest.mark.slow
def test_retry_indexes_a_fixed_document(admin_client):
    document = make_document(
        "Soil carbon note",
        b"Soil carbon text. Cover crops and reduced tillage raise soil organic carbon in croplands.\n" * 5,
        "note.txt",
    )
    source = failed_document_source(document)
    response = admin_client.post(
        reverse("knowledge_admin:retry", args=[source.pk]),
        {"next": INDEX_URL + "?status=failed"},
        follow=True,
    )
    assert response.redirect_chain[-1] == (INDEX_URL + "?status=failed", 302)
    source.refresh_from_db()
    assert source.status == Source.Status.INDEXED
    assert source.error == ""
    assert source.chunk_count > 0
    assert Chunk.objects.filter(source=source).count() == source.chunk_count
    assert source.model_name == current_model_key()
    message = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert message == [("success", "1 item re-indexed, 0 still fail.")]


@pytest.mark.slow
def test_retry_of_a_broken_document_keeps_it_failed_with_a_reason(admin_client):
    document = make_document(
        "Broken report", b"%PDF-1.7 this is not really a PDF \x00\x01\x02 junk", "report.pdf"
    )
    source = failed_document_source(document)
    response = admin_client.post(reverse("knowledge_admin:retry", args=[source.pk]), follow=True)
    assert response.redirect_chain[-1] == (INDEX_URL, 302)
    source.refresh_from_db()
    assert source.status == Source.Status.FAILED
    assert source.attempts == 2
    assert source.error and "storage was unavailable" not in source.error
    assert "Traceback" not in source.error
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
    assert str(message).startswith("0 items re-indexed, 1 still fails.")
    assert source.error in str(message)
    assert source.error in response.content.decode()


@pytest.mark.slow
def test_retry_all_failed(admin_client):
    good = failed_document_source(
        make_document("Good note", b"Soil carbon text about compost. " * 20, "good.txt")
    )
    bad = failed_document_source(make_document("Bad report", b"junk \x00\xff" * 10, "bad.pdf"))
    indexed = make_source(77, title="Already fine")
    response = admin_client.post(reverse("knowledge_admin:retry_all"), follow=True)
    good.refresh_from_db()
    bad.refresh_from_db()
    indexed.refresh_from_db()
    assert (good.status, bad.status, indexed.status) == ("indexed", "failed", "indexed")
    assert str(next(iter(response.context["messages"]))).startswith("1 item re-indexed, 1 still fails.")


def test_retry_of_a_deleted_document_removes_it(admin_client):
    source = make_source(424242, kind="document", content_type="document", status="failed", error="gone")
    response = admin_client.post(reverse("knowledge_admin:retry", args=[source.pk]), follow=True)
    assert not Source.objects.filter(pk=source.pk).exists()
    assert [str(m) for m in response.context["messages"]] == [
        "0 items re-indexed, 0 still fail, 1 removed (no longer public or deleted)."
    ]


def test_retry_all_with_nothing_failed(admin_client):
    make_source(1)
    response = admin_client.post(reverse("knowledge_admin:retry_all"), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["There are no failed items to retry."]


def queued_task(
    status, *, worker_ids=(), enqueued_minutes_ago=1, finished_days_ago=None, path="sync_page_task"
):
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    task = DBTaskResult.objects.create(
        status=status,
        run_after=now,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path=f"knowledge.tasks.{path}" if "." not in path else path,
        backend_name="default",
        worker_ids=list(worker_ids),
        started_at=now if status == "RUNNING" else None,
        finished_at=now - dt.timedelta(days=finished_days_ago) if finished_days_ago is not None else None,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=now - dt.timedelta(minutes=enqueued_minutes_ago)
    )
    return task


def test_summary_says_updates_run_at_once_without_a_worker(admin_client, sample_index):
    text = text_of(admin_client.get(INDEX_URL).content.decode())
    assert "Run at once when a page or document is published" in text


def test_summary_shows_the_background_queue(admin_client, sample_index, settings):
    from knowledge.worker import WorkerLease

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued_task("READY", enqueued_minutes_ago=12)
    queued_task("READY")
    queued_task("READY", path="wagtail.search.tasks.update_index")  # not ours: not counted
    queued_task("RUNNING", worker_ids=["live-worker"])
    queued_task("RUNNING", worker_ids=["killed-worker"])
    queued_task("FAILED", finished_days_ago=2)
    queued_task("FAILED", finished_days_ago=20)  # older than a week
    with WorkerLease("live-worker"):
        html = admin_client.get(INDEX_URL).content.decode()
    queue = text_of(re.search(r'data-testid="queue">(.*?)</dd>', html, re.S).group(1)).strip()
    assert "2 waiting, 1 running; the oldest was queued 12" in queue
    assert "1 update was interrupted by a worker that stopped" in queue
    assert "Updates have waited more than 5 minutes" in queue
    assert "1 update failed in the last 7 days" in queue


def test_queue_without_trouble_says_nothing_alarming(admin_client, sample_index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued_task("READY")
    html = admin_client.get(INDEX_URL).content.decode()
    queue = text_of(re.search(r'data-testid="queue">(.*?)</dd>', html, re.S).group(1)).strip()
    assert queue.startswith("1 waiting, 0 running; the oldest was queued")
    assert "interrupted" not in queue and "5 minutes" not in queue and "failed" not in queue


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
    ],
)
def test_retry_never_redirects_off_the_site(admin_client, target):
    """The retry form's `next` is sent back as a redirect only when it stays on this site."""
    response = admin_client.post(reverse("knowledge_admin:retry_all"), {"next": target})
    assert response.status_code == 302 and response["Location"] == INDEX_URL


def test_retry_redirects_to_a_next_on_the_site(admin_client):
    target = INDEX_URL + "?status=failed&page=2"
    response = admin_client.post(reverse("knowledge_admin:retry_all"), {"next": target})
    assert response.status_code == 302 and response["Location"] == target
