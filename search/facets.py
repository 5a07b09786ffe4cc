"""The search page's facets and filter links: the service's (disjunctive) counts, labelled, with the URL of each
change. A selector: the view renders what it returns. Groups come from cms/filters.py's SEARCH_FILTERS, the same
definitions that parse the request.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.filters import SEARCH_FILTERS, request_values
from cms.locales import in_active_language, localized_field
from cms.visibility import visible_pages

from .params import FILTER_PARAMS, LANGUAGES, content_type_label
from .service import SearchFilters

FACET_PREVIEW = 8


class FacetLabels:
    """Display labels of facet values: goals and objectives (of visible pages only, so a private objective's
    title never shows), soil practices and places, read in one query."""

    def __init__(self, values: dict[str, dict[str, str]] | None = None) -> None:
        """Read from the database, or made from the `values` of an instance read before (a cache)."""
        if values is not None:
            self.values = values
            return
        from cms.models import GoalPage, ObjectivePage, Region, SoilPractice

        def tagged(queryset, name: str, key: str, label):
            return (
                queryset.order_by()
                .annotate(
                    facet=Value(name, output_field=CharField()),
                    facet_label=Cast(F(label) if isinstance(label, str) else label, output_field=CharField()),
                )
                .values_list("facet", key, "facet_label")
            )

        # Goals and objectives in the visitor's language where translated (cms.locales), else the default's.
        rows = tagged(
            in_active_language(visible_pages(GoalPage.objects.all())), "goals", "code", "title"
        ).union(
            tagged(
                in_active_language(visible_pages(ObjectivePage.objects.all())),
                "objectives",
                "code",
                "short_label",
            ),
            # Places and practices in the visitor's language where translated (their name_<code> columns).
            tagged(SoilPractice.objects.all(), "practices", "slug", localized_field("name")),
            tagged(Region.objects.all(), "regions", "slug", localized_field("name")),
            all=True,
        )
        self.values: dict[str, dict[str, str]] = {
            "goals": {},
            "objectives": {},
            "practices": {},
            "regions": {},
        }
        for facet, key, label in rows:
            self.values[facet][key] = label

    def label(self, column: str, value: str) -> str:
        if column == "content_type":
            return content_type_label(value)
        if column == "goals":
            title = self.values["goals"].get(value)
            if title is None:
                return _("Goal %(code)s") % {"code": value}
            # "Goal A: Inception and conceptualization" -> "A Inception and conceptualization", and so in every
            # language ("But A : Conception", "Meta A: Concepción"): the word before the code goes with it.
            return f"{value} " + re.sub(rf"^\s*\w+\s+{re.escape(value)}\s*[:.\-–]\s*", "", title)
        if column == "objectives":
            label = self.values["objectives"].get(value)
            return f"{value} {label}" if label else value
        if column in ("practices", "regions"):
            return self.values[column].get(value, value)
        if column == "language":
            return str(LANGUAGES.get(value, value))
        return value


def search_url(params: list[tuple[str, str]]) -> str:
    base = reverse("search:search")
    return f"{base}?{urlencode(params)}" if params else base


def request_params(request) -> list[tuple[str, str]]:
    """The request's parameters without the page number (links that change filters start at page 1)."""
    return [
        (key, value) for key, values in request.GET.lists() for value in values if key != "page" and value
    ]


def without(params: list[tuple[str, str]], name: str, value: str | None = None) -> list[tuple[str, str]]:
    kept = []
    for key, raw in params:
        if key != name:
            kept.append((key, raw))
        elif value is not None:
            parts = [
                part.strip()
                for part in raw.split(",")
                if part.strip() and part.strip().upper() != value.upper()
            ]
            if parts:
                kept.append((key, ",".join(parts)))
    return kept


def without_filters(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, value) for key, value in params if key not in FILTER_PARAMS]


def facet_groups(filters: SearchFilters, counts: dict, labels: FacetLabels) -> list[dict]:
    """One checkbox group per search filter: the values with their counts, chosen ones first and kept even when
    this query finds none of them."""
    groups = []
    for spec in SEARCH_FILTERS:
        selected = [str(value) for value in filters.get(spec.param)]
        options, seen = [], set()
        for value, count in counts.get(spec.index_column, []):
            seen.add(value)
            options.append(
                {
                    "value": value,
                    "label": labels.label(spec.index_column, value),
                    "count": count,
                    "checked": value in selected,
                }
            )
        options.extend(
            {"value": value, "label": labels.label(spec.index_column, value), "count": 0, "checked": True}
            for value in selected
            if value not in seen
        )
        if not options:
            continue
        options.sort(key=lambda option: (not option["checked"], -option["count"], option["label"]))
        groups.append(
            {
                "param": spec.param,
                "legend": spec.label,
                "options": options[:FACET_PREVIEW],
                "more": options[FACET_PREVIEW:],
                "more_checked": any(o["checked"] for o in options[FACET_PREVIEW:]),
            }
        )
    return groups


def year_options(counts: dict, selected: list[str]) -> list[tuple[str, int]]:
    options = dict(counts.get("year", []))
    for value in selected:
        if value and value not in options:
            options[value] = 0
    return sorted(options.items())


def active_filters(request, filters: SearchFilters, labels: FacetLabels) -> list[dict]:
    """The chosen values, each with the link that removes it."""
    params = request_params(request)
    active = []
    for spec in SEARCH_FILTERS:
        for value in filters.get(spec.param):
            active.append(
                {
                    "legend": spec.label,
                    "label": labels.label(spec.index_column, str(value)),
                    "url": search_url(without(params, spec.param, str(value))),
                }
            )
    for param, legend in (("year_from", _("From year")), ("year_to", _("To year"))):
        value = request.GET.get(param, "")
        if value:
            active.append({"legend": legend, "label": value, "url": search_url(without(params, param))})
    return active


def hidden_filter_params(request) -> list[tuple[str, str]]:
    """Filters to keep when the query is changed in the search box."""
    return [
        (key, value)
        for key in FILTER_PARAMS
        for value in (request_values(request.GET, key) if key not in ("year_from", "year_to") else [])
    ] + [(key, request.GET[key]) for key in ("year_from", "year_to", "locale") if request.GET.get(key)]
