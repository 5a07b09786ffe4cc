"""The "Search terms" admin report (Reports menu): what visitors search for, and what finds nothing.

Counts page-1 searches only (moving to page 2 is not a new search). Anyone who may use the Wagtail admin sees
it: Wagtail wraps every URL registered through ``register_admin_urls`` in ``require_admin_access``. The log is
anonymous (see search/models.py), so the report shows nothing about who searched.
"""

from __future__ import annotations

import csv
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Avg, Count, Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.exports import csv_safe

from .models import SearchLogEntry

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
ROW_LIMIT = 100


def _period(value: str) -> int:
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def searches(days: int):
    since = timezone.now() - timedelta(days=days)
    return SearchLogEntry.objects.filter(created_at__gte=since, page=1).exclude(query="")


def popular_queries(days: int, limit: int = ROW_LIMIT) -> list[dict]:
    rows = (
        searches(days)
        .values("query")
        .annotate(searches=Count("pk"), average_results=Avg("result_count"), last_searched=Max("created_at"))
        .order_by("-searches", "-last_searched", "query")[:limit]
    )
    return list(rows)


def zero_result_queries(days: int, limit: int = ROW_LIMIT) -> list[dict]:
    rows = (
        searches(days)
        .filter(result_count=0)
        .values("query")
        .annotate(times=Count("pk"), last_searched=Max("created_at"))
        .order_by("-times", "-last_searched", "query")[:limit]
    )
    return list(rows)


def search_url(query: str) -> str:
    return f"{reverse('search:search')}?{urlencode({'q': query})}"


class SearchTermsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Search terms"
    header_icon = "search"
    template_name = "search/admin/search_terms.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        days = _period(request.GET.get("days"))
        export = request.GET.get("export")
        if export in ("popular", "zero"):
            return self.csv_response(export, days)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = _period(self.request.GET.get("days"))
        popular = popular_queries(days)
        zero = zero_result_queries(days)
        for row in popular + zero:
            row["url"] = search_url(row["query"])
        totals = searches(days).aggregate(searches=Count("pk"), queries=Count("query", distinct=True))
        context.update(
            {
                "days": days,
                "periods": PERIODS,
                "popular": popular,
                "zero": zero,
                "totals": totals,
                "row_limit": ROW_LIMIT,
                "csv_popular_url": "?" + urlencode({"days": days, "export": "popular"}),
                "csv_zero_url": "?" + urlencode({"days": days, "export": "zero"}),
            }
        )
        return context

    def csv_response(self, which: str, days: int) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = "popular-searches" if which == "popular" else "searches-without-results"
        response["Content-Disposition"] = f'attachment; filename="{name}-{days}-days.csv"'
        writer = csv.writer(response)
        if which == "popular":
            writer.writerow(["query", "searches", "average results", "last searched"])
            for row in popular_queries(days, limit=10_000):
                writer.writerow(
                    [
                        csv_safe(row["query"]),
                        row["searches"],
                        round(row["average_results"] or 0, 1),
                        row["last_searched"].isoformat(),
                    ]
                )
        else:
            writer.writerow(["query", "times", "last searched"])
            for row in zero_result_queries(days, limit=10_000):
                writer.writerow([csv_safe(row["query"]), row["times"], row["last_searched"].isoformat()])
        return response
