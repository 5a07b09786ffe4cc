"""The anonymous search log, the "Search terms" admin report and the retention command."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.utils import timezone

from cms.models import ResourcePage
from knowledge.sync import sync_page
from search.models import SearchLogEntry
from tests.conftest import add_page, admin_menu

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-terms/"


def cells(row) -> list[str]:
    """Query (the link text without its screen-reader note), then the other cells."""
    return [row.th.a.contents[0].strip()] + [cell.get_text(" ", strip=True) for cell in row.find_all("td")]


def log(query: str, count: int, *, days_ago: float = 0, page: int = 1) -> SearchLogEntry:
    return SearchLogEntry.objects.create(
        query=query,
        mode="hybrid",
        filters={},
        result_count=count,
        took_ms=12.5,
        page=page,
        created_at=timezone.now() - dt.timedelta(days=days_ago),
    )


def test_the_model_stores_nothing_about_the_visitor():
    names = {field.name for field in SearchLogEntry._meta.get_fields()}
    assert names == {"id", "query", "mode", "filters", "result_count", "took_ms", "page", "created_at"}
    assert SearchLogEntry._meta.get_field("created_at").db_index


def test_a_search_writes_one_anonymous_row(client, site_tree):
    page = add_page(
        site_tree.resources,
        ResourcePage,
        title="Cover crops handbook",
        summary="Choosing and managing cover crops for soil carbon.",
        year=2022,
    )
    sync_page(page.pk)
    response = client.get(
        "/search/",
        {"q": "  Cover   CROPS ", "type": "resource", "page": "1"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="TestBrowser/1.0",
    )
    assert response.status_code == 200
    entry = SearchLogEntry.objects.get()
    assert entry.query == "cover crops"
    assert entry.mode == "hybrid"
    assert entry.filters == {"type": ["resource"]}  # the request parameters, as in the URL
    assert entry.result_count == 1
    assert entry.took_ms > 0
    assert entry.page == 1
    stored = " ".join(str(value) for value in SearchLogEntry.objects.values().get().values())
    assert "203.0.113.7" not in stored and "TestBrowser" not in stored

    client.get("/search/", {"q": "cover crops", "page": "2"})
    assert SearchLogEntry.objects.filter(page=2).count() == 1
    client.get("/search/")  # no query: nothing to log
    client.get("/search/", {"q": "cover crops", "type": "bogus"})  # rejected: not a search
    assert SearchLogEntry.objects.count() == 2


def test_a_failing_log_never_breaks_the_search(client, site_tree, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("log table is gone")

    monkeypatch.setattr(SearchLogEntry.objects, "create", broken)
    response = client.get("/search/", {"q": "soil carbon"})
    assert response.status_code == 200
    assert SearchLogEntry.objects.count() == 0


def test_report_lists_popular_and_zero_result_queries(client, admin_user):
    for _ in range(3):
        log("cover crops", 12)
    log("cover crops", 8, page=2)  # not a new search
    log("zeolite <script>", 0)
    log("zeolite <script>", 0, days_ago=1)
    log("biochar", 4, days_ago=20)
    log("very old query", 0, days_ago=60)
    client.force_login(admin_user)

    response = client.get(REPORT_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "zeolite &lt;script&gt;" in content and "zeolite <script>" not in content
    soup = BeautifulSoup(content, "html.parser")
    assert "Search terms" in soup.find("title").get_text()
    popular = [cells(row)[:3] for row in soup.select("[data-testid=popular-table] tbody tr")]
    assert popular[0][:3] == ["cover crops", "3", "12.0"]
    assert ["zeolite <script>", "2", "0.0"] in popular
    assert ["biochar", "1", "4.0"] in popular
    assert all(row[0] != "very old query" for row in popular)
    first_link = soup.select_one("[data-testid=popular-table] tbody a")
    assert first_link["href"] == "/search/?q=cover+crops"
    zero = [cells(row)[:2] for row in soup.select("[data-testid=zero-table] tbody tr")]
    assert zero == [["zeolite <script>", "2"]]
    for table in soup.select("table"):
        assert table.find("caption") is not None and table.select("th[scope=col]")

    soup = BeautifulSoup(client.get(REPORT_URL, {"days": "90"}).content.decode(), "html.parser")
    zero = [cells(row)[0] for row in soup.select("[data-testid=zero-table] tbody tr")]
    assert zero == ["zeolite <script>", "very old query"]

    csv_response = client.get(REPORT_URL, {"days": "7", "export": "zero"})
    assert csv_response["Content-Type"].startswith("text/csv")
    lines = csv_response.content.decode().splitlines()
    assert lines[0] == "query,times,last searched" and lines[1].startswith("zeolite <script>,2,")


def test_report_needs_admin_access(client, django_user_model):
    log("cover crops", 3)
    response = client.get(REPORT_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    visitor = django_user_model.objects.create_user(username="visitor", password="x")
    client.force_login(visitor)
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert "cover crops" not in response.content.decode()


def test_report_is_in_the_reports_menu(client, admin_user):
    client.force_login(admin_user)
    content = client.get("/admin/").content.decode()
    assert (("Reports", "Search terms"), REPORT_URL) in admin_menu(content)


def test_prune_deletes_rows_older_than_the_retention(settings):
    old = log("old", 1, days_ago=400)
    recent = log("recent", 1, days_ago=10)
    today = log("today", 1)
    call_command("prune_search_log")
    assert set(SearchLogEntry.objects.values_list("pk", flat=True)) == {recent.pk, today.pk}
    assert not SearchLogEntry.objects.filter(pk=old.pk).exists()

    settings.SEARCH_LOG_RETENTION_DAYS = 5
    call_command("prune_search_log")
    assert list(SearchLogEntry.objects.values_list("pk", flat=True)) == [today.pk]


def test_prune_days_option_overrides_the_retention(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 365
    kept = log("recent", 1, days_ago=2)
    log("older", 1, days_ago=10)
    out = io.StringIO()

    call_command("prune_search_log", "--days", "5", stdout=out)

    assert list(SearchLogEntry.objects.values_list("pk", flat=True)) == [kept.pk]
    assert out.getvalue().strip() == "Deleted 1 search log entry older than 5 days and 0 result clicks."
    with pytest.raises(CommandError, match="at least 1 day"):
        call_command("prune_search_log", "--days", "0")


FORMULAS = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("export", ["popular", "zero"])
def test_csv_export_rows_and_formula_injection_guard(client, admin_user, export):
    """Queries were typed by visitors: in the CSV, one that a spreadsheet would run as a formula starts with a
    quote; every other query is exported as typed, with its figures."""
    for query in FORMULAS:
        log(query, 0 if export == "zero" else 3)
    log("cover crops, drylands", 0 if export == "zero" else 3)
    client.force_login(admin_user)

    response = client.get(REPORT_URL, {"days": "30", "export": export})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('-30-days.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    queries = {row[0] for row in rows[1:]}
    assert queries == {"'" + query for query in FORMULAS} | {"cover crops, drylands"}
    assert all(row[1] == "1" for row in rows[1:])  # each was searched once
