"""Admin reports on search (Reports menu): "Search terms" (what visitors search for, what finds nothing, what they
click) and "Search relevance" (editors judge the top 10 of those queries; the score of two configurations).

Counts page-1 searches only (moving to page 2 is not a new search). Anyone who may use the Wagtail admin sees
it: Wagtail wraps every URL registered through ``register_admin_urls`` in ``require_admin_access``. The log is
anonymous (see search/models.py), so the report shows nothing about who searched.
"""

from __future__ import annotations

import csv
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Avg, Count, Max, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.outputs.exports import csv_safe

from . import judgments
from .models import RelevanceJudgment, SearchClick, SearchLogEntry, normalize_query
from .service import SearchError

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
        clicks = click_through(days)
        for row in popular:
            row["clicks"] = clicks.get(row["query"], {}).get("clicks", 0)
            row["click_through"] = row["clicks"] / row["searches"]
            row["mean_rank"] = clicks.get(row["query"], {}).get("mean_rank")
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


def click_through(days: int) -> dict[str, dict]:
    """{query: {"clicks", "mean_rank"}} over the period, from the anonymous result clicks."""
    since = timezone.now() - timedelta(days=days)
    rows = (
        SearchClick.objects.filter(created_at__gte=since)
        .values("query")
        .annotate(clicks=Count("pk"), mean_rank=Avg("rank"))
    )
    return {row["query"]: row for row in rows}


# --- Relevance judgments ----------------------------------------------------------------------------------

CANDIDATE_DAYS = 90
CANDIDATE_LIMIT = 25


class JudgmentsView(WagtailAdminTemplateMixin, TemplateView):
    """The queries worth judging (most frequent, and those that found nothing), the judged ones, and the score
    of two configurations side by side on the same judgments."""

    page_title = "Search relevance"
    header_icon = "tick"
    template_name = "search/admin/judgments.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        options = judgments.configurations()
        chosen = [
            self.request.GET.get(param) if self.request.GET.get(param) in options else default
            for param, default in (("a", "hybrid"), ("b", "semantic"))
        ]
        judged = {
            row["query"]: row
            for row in RelevanceJudgment.objects.values("query").annotate(
                judged=Count("pk"), relevant=Count("pk", filter=Q(relevant=True))
            )
        }
        candidates: dict[str, dict] = {}
        for row in popular_queries(CANDIDATE_DAYS, CANDIDATE_LIMIT):
            candidates.setdefault(row["query"], {"query": row["query"], "searches": row["searches"]})
        for row in zero_result_queries(CANDIDATE_DAYS, CANDIDATE_LIMIT):
            entry = candidates.setdefault(row["query"], {"query": row["query"], "searches": row["times"]})
            entry["found_nothing"] = True
        for query in judged:
            candidates.setdefault(query, {"query": query, "searches": None})
        for entry in candidates.values():
            entry.update(judged.get(entry["query"], {"judged": 0, "relevant": 0}))
            entry["judge_url"] = judge_url(entry["query"])
        scores = judgments.evaluate_site(chosen) if judged else []
        rows = []
        if len(scores) == 2:
            for query in sorted(scores[0].per_query):
                rows.append(
                    {"query": query, "a": scores[0].per_query[query], "b": scores[1].per_query[query]}
                )
        context.update(
            {
                "candidates": sorted(
                    candidates.values(), key=lambda e: (e["judged"] > 0, -(e["searches"] or 0), e["query"])
                ),
                "candidate_days": CANDIDATE_DAYS,
                "options": options.values(),
                "chosen": chosen,
                "scores": scores,
                "score_rows": rows,
                "unscored": [q for q, row in judged.items() if not row["relevant"]],
                "judge_form_url": reverse("search_judge_query"),
            }
        )
        return context


def judge_url(query: str) -> str:
    return f"{reverse('search_judge_query')}?{urlencode({'q': query})}"


class JudgeQueryView(WagtailAdminTemplateMixin, TemplateView):
    """The top 10 of one query as a visitor sees it; a plain form marks each result relevant or not."""

    page_title = "Judge search results"
    header_icon = "tick"
    template_name = "search/admin/judge_query.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("search_judgments_report"), "label": JudgmentsView.page_title},
            {"url": "", "label": self.page_title},
        ]

    def query(self) -> str:
        return normalize_query(self.request.POST.get("q") or self.request.GET.get("q", ""))

    def get(self, request, *args, **kwargs):
        if not self.query():
            return redirect("search_judgments_report")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        q = self.query()
        if not q:
            return redirect("search_judgments_report")
        # Only results a visitor gets now, or judged before, can be judged; titles come from the index.
        try:
            titles = {judgments.result_key(r): r.title for r in judgments.top_results(q)}
        except SearchError:
            titles = {}
        known = set(titles) | set(judgments.judgments_for(q))
        verdicts = {
            key: {"relevant": True, "not-relevant": False}.get(request.POST.get(f"verdict-{key}", ""))
            for key in request.POST.getlist("result")
            if key in known
        }
        changed = judgments.save_judgments(q, verdicts, titles)
        messages.success(request, f"{changed} judgment{'' if changed == 1 else 's'} saved for “{q}”.")
        return redirect(judge_url(q))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.query()
        try:
            results = judgments.top_results(q)
        except SearchError as error:
            results, context["error"] = [], error.message
        stored = judgments.judgments_for(q)
        rows = []
        for rank, result in enumerate(results, 1):
            key = judgments.result_key(result)
            judgment = stored.pop(key, None)
            rows.append(
                {
                    "rank": rank,
                    "key": key,
                    "result": result,
                    "verdict": None if judgment is None else judgment.relevant,
                }
            )
        context.update(
            {
                "q": q,
                "rows": rows,
                "elsewhere": sorted(stored.values(), key=lambda j: j.result_key),
                "search_url": search_url(q),
            }
        )
        return context
