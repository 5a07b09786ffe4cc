"""The "Search index" admin screen (Reports menu): what the knowledge index holds, what failed, and retries.

Who may do what:

* Seeing the screen: anyone who may use the Wagtail admin (``wagtailadmin.access_admin``). Every URL
  registered through ``register_admin_urls`` is wrapped by Wagtail in ``require_admin_access``, so other users
  are sent to the admin login page (anonymous) or get a 403 (logged in without admin access). The screen only
  lists the "site" namespace: what the public site's search answers from, titles of live public content.
* Retrying failed items: a POST (with the CSRF token) by a superuser or by a user who may publish pages
  somewhere (``page_permission_policy.user_has_permission(user, "publish")``). Retrying makes the index match
  the current published state of a page or document, which is what publishing does anyway; it changes no
  content, but it costs embedding work, so it is kept to the editors who can already cause it by publishing.
  Other admin users see the failures and reasons but no retry buttons; a POST from them gets a 403.
"""

from __future__ import annotations

import logging

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from cms.redirects import safe_redirect

from .embeddings import current_model_key
from .models import SITE_NAMESPACE, Source
from .sync import retry_failed
from .worker import queue_summary

logger = logging.getLogger(__name__)

FAILED_LIST_LIMIT = 100


def site_sources():
    return Source.objects.filter(namespace=SITE_NAMESPACE)


def user_can_retry(user) -> bool:
    """Superusers and users with publish permission on at least one page (see the module docstring)."""
    return bool(
        user.is_active and (user.is_superuser or page_permission_policy.user_has_permission(user, "publish"))
    )


def edit_url(source: Source) -> str:
    """The admin edit view of the page or document behind a source ("" when there is none)."""
    try:
        if source.kind == Source.Kind.PAGE:
            return reverse("wagtailadmin_pages:edit", args=[source.page_id or int(source.object_id)])
        if source.kind == Source.Kind.DOCUMENT:
            return reverse("wagtaildocs:edit", args=[source.document_id or int(source.object_id)])
        if source.kind == Source.Kind.ORGANIZATION:
            return reverse("wagtailsnippets_cms_organization:edit", args=[int(source.object_id)])
    except (ValueError, NoReverseMatch):
        pass
    return ""


def content_type_choices():
    values = site_sources().order_by("content_type").values_list("content_type", flat=True).distinct()
    return [(value, value) for value in values]


class SourceFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Source.Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[
            (Source.Kind.PAGE, _("Page")),
            (Source.Kind.DOCUMENT, _("Document")),
            (Source.Kind.ORGANIZATION, _("Organization profile")),
        ],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    content_type = django_filters.ChoiceFilter(
        label=_("Content type"), choices=content_type_choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = Source
        fields = ["status", "kind", "content_type"]


class SearchIndexView(ReportView):
    """Summary of the site's index, the failed items with their reasons, and every source (filterable)."""

    page_title = _("Search index")
    header_icon = "search"
    template_name = "knowledge/admin/index.html"
    results_template_name = "knowledge/admin/index_results.html"
    index_url_name = "knowledge_admin:index"
    index_results_url_name = "knowledge_admin:index_results"
    filterset_class = SourceFilterSet
    is_searchable = True
    search_fields = ["title"]
    search_backend_name = None  # a plain `title__icontains`: Source is not in Wagtail's search index
    default_ordering = "title"
    paginate_by = 50
    verbose_name_plural = _("indexed items")
    permission_policy = None  # access_admin is enforced on all admin URLs; see the module docstring

    def get_queryset(self):
        self.queryset = site_sources()
        return super().get_queryset()

    def get_valid_orderings(self):
        return ["title", "-title", "indexed_at", "-indexed_at", "chunk_count", "-chunk_count"]

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")  # stable pages

    def decorate_paginated_queryset(self, object_list):
        object_list = list(object_list)
        for source in object_list:
            source.edit_url = edit_url(source)
        return object_list

    @cached_property
    def index_is_empty(self) -> bool:
        return not site_sources().exists()

    @cached_property
    def no_results_message(self):
        if self.index_is_empty:
            return _("Nothing is indexed yet: run manage.py reindex.")
        return _("No indexed items match your search or filters.")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["can_retry"] = user_can_retry(self.request.user)
        context["index_is_empty"] = self.index_is_empty
        if not self.results_only:
            context.update(self.summary())
        return context

    def summary(self) -> dict:
        model_key = current_model_key()
        sources = site_sources()
        failed_filter = Q(status=Source.Status.FAILED)
        totals = sources.aggregate(
            sources=Count("pk"),
            chunks=Sum("chunk_count", default=0),
            failed=Count("pk", filter=failed_filter),
            last_indexed=Max("indexed_at", filter=Q(status=Source.Status.INDEXED)),
        )
        stale = (
            sources.filter(status=Source.Status.INDEXED)
            .exclude(model_name=model_key)
            .aggregate(sources=Count("pk"), chunks=Sum("chunk_count", default=0))
        )
        by_content_type = (
            sources.values("content_type")
            .annotate(
                sources=Count("pk"),
                chunks=Sum("chunk_count", default=0),
                failed=Count("pk", filter=failed_filter),
            )
            .order_by("content_type")
        )
        failed_items = list(sources.filter(failed_filter).order_by("-indexed_at", "pk")[:FAILED_LIST_LIMIT])
        for source in failed_items:
            source.edit_url = edit_url(source)
        return {
            "model_key": model_key,
            "totals": totals,
            "stale": stale,
            "by_content_type": list(by_content_type),
            "failed_items": failed_items,
            "failed_list_limit": FAILED_LIST_LIMIT,
            "queue": queue_summary(),
            "current_url": self.request.get_full_path(),
        }


class RetryView(View):
    """POST only: re-index one failed source (``source_id``) or all failed sources, then go back."""

    http_method_names = ["post"]

    def post(self, request, source_id: int | None = None):
        if not user_can_retry(request.user):
            raise PermissionDenied
        failed = site_sources().filter(status=Source.Status.FAILED)
        if source_id is not None:
            source = get_object_or_404(site_sources(), pk=source_id)
            if source.status != Source.Status.FAILED:
                messages.info(request, _("“%(title)s” is already indexed.") % {"title": source.title})
                return self.back(request)
            ids = [source.pk]
        else:
            ids = list(failed.values_list("pk", flat=True))
            if not ids:
                messages.info(request, _("There are no failed items to retry."))
                return self.back(request)
        try:
            stats = retry_failed(ids)
        except Exception as exc:  # the index keeps its state; tell the editor rather than show a 500
            logger.exception("Retrying %d failed sources failed", len(ids))
            messages.error(
                request, _("The retry could not run: %(reason)s") % {"reason": f"{type(exc).__name__}: {exc}"}
            )
            return self.back(request)
        still_failing = site_sources().filter(pk__in=ids, status=Source.Status.FAILED)
        failing = still_failing.count()
        parts = [
            ngettext("%(count)d item re-indexed", "%(count)d items re-indexed", stats.indexed)
            % {"count": stats.indexed},
            ngettext("%(count)d still fails", "%(count)d still fail", failing) % {"count": failing},
        ]
        if stats.removed:
            parts.append(
                ngettext(
                    "%(count)d removed (no longer public or deleted)",
                    "%(count)d removed (no longer public or deleted)",
                    stats.removed,
                )
                % {"count": stats.removed}
            )
        message = ", ".join(parts) + "."
        if failing:
            reasons = "; ".join(f"{s.title}: {s.error}" for s in still_failing.order_by("pk")[:3])
            messages.error(request, f"{message} {reasons}")
        else:
            messages.success(request, message)
        return self.back(request)

    def back(self, request):
        return safe_redirect(request, request.POST.get("next", ""), fallback=reverse("knowledge_admin:index"))
