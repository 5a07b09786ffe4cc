"""The filters of lists: the site's listings, the /api/v2/ page listings and search all take them from here.

One definition per filter: its request parameter, the values it accepts (and the message when one is unknown),
what it means on a page queryset, and the column of the knowledge index it corresponds to. Values repeat or come
comma-separated (``?practice=agroforestry,cover-crops``): values of one filter are alternatives (OR), different
filters must all hold (AND). "A world region includes its countries" is defined once, here: `region_q` for
querysets and `region_index_values` for what the index stores, so a listing, the API and search agree on it.

Which filters a page type offers is declared on the model (`listing_filters`); search offers every filter that has
an index column (see `SEARCH_FILTERS`). A model that is not a page (the partner directory's organizations) declares
them the same way and is listed with all its rows (`listed_rows`): organizations are public records.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import GOAL_CODES, LANGUAGE_CHOICES, OBJECTIVE_CODE, content_types
from .locales import in_active_language, localized_field
from .visibility import visible_pages


def _model(name: str):
    # By name: the page models use this module for their listings, so it cannot import cms.models.
    return apps.get_model("cms", name)


class FilterError(ValueError):
    """A filter value that cannot be used; `param` names the request parameter at fault."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def request_values(params: Mapping, name: str) -> list[str]:
    """The values of one parameter, repeated or comma-separated, stripped, in order, without repeats."""
    getlist = getattr(params, "getlist", None)
    raws = getlist(name) if getlist else ([params[name]] if name in params else [])
    values: list[str] = []
    for raw in raws:
        values.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return list(dict.fromkeys(values))


def _unknown(param: str, label: str, values: Iterable[str]) -> FilterError:
    shown = ", ".join(repr(value[:40]) for value in list(values)[:5])
    return FilterError(param, _("Unknown %(label)s: %(value)s.") % {"label": label, "value": shown})


def _no_nulls(param: str, values: list[str]) -> None:
    if any("\x00" in value for value in values):
        raise FilterError(param, _("Null characters are not allowed in %(param)s.") % {"param": param})


# --- "A world region includes its countries" ----------------------------------------------------------------------


def region_q(field: str, slugs: Iterable[str]) -> Q:
    """Pages tagged with one of these places, or with a country of one of these world regions."""
    slugs = list(slugs)
    return Q(**{f"{field}__slug__in": slugs}) | Q(**{f"{field}__parent__slug__in": slugs})


def region_index_values(regions: Iterable) -> list[str]:
    """What the index stores for a page's places: each place's slug and its world region's slug, so that a search
    filtered by a world region (regions && [slug]) finds its countries, exactly as `region_q` does."""
    values: list[str] = []
    for region in regions:
        for slug in (region.slug, region.parent.slug if region.parent_id else None):
            if slug and slug not in values:
                values.append(slug)
    return sorted(values)


# --- The filters ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    param: str
    label: str
    index_column: str | None = None  # the knowledge index column it corresponds to (None: not searchable)

    def parse(self, params: Mapping, model=None) -> tuple:
        """The validated values of this filter in `params` (empty tuple when absent); FilterError when bad."""
        values = request_values(params, self.param)
        _no_nulls(self.param, values)
        return tuple(self.clean(values, model)) if values else ()

    def clean(self, values: list[str], model) -> list:
        return values

    def applies_to(self, model) -> bool:
        return self.param in getattr(model, "listing_filters", ())

    def page_q(self, model, values: tuple) -> Q:
        raise NotImplementedError

    def index_values(self, values: tuple) -> list:
        """The values to look for in `index_column`."""
        return list(values)

    def known(self, wanted: Iterable[str] | None = None) -> set[str] | None:
        """The values in the database this filter accepts now (only those among `wanted` if given); None when the
        accepted values are not stored content (choices, years). The API's OpenAPI schema declares the same."""
        return None

    def _known_in(self, queryset, field: str, wanted) -> set[str]:
        if wanted is not None:
            queryset = queryset.filter(**{f"{field}__in": list(wanted)})
        return set(queryset.values_list(field, flat=True))


class ChoiceFilter(Filter):
    """A field with choices on the model (status, kind) or a fixed list (language)."""

    def __init__(self, param: str, label: str, *, choices=None, index_column: str | None = None) -> None:
        super().__init__(param, label, index_column)
        object.__setattr__(self, "_choices", choices)

    def choices(self, model=None) -> list[tuple[str, str]]:
        if self._choices is not None:
            return list(self._choices)
        if model is None:
            return []
        return list(model._meta.get_field(self.param).choices)

    def clean(self, values, model):
        allowed = [str(value) for value, _ in self.choices(model)]
        unknown = [value for value in values if value not in allowed]
        if unknown:
            raise FilterError(
                self.param,
                _("Unknown %(label)s %(value)r: use one of %(allowed)s.")
                % {"label": str(self.label).lower(), "value": unknown[0][:40], "allowed": ", ".join(allowed)},
            )
        return values

    def page_q(self, model, values):
        return Q(**{f"{self.param}__in": list(values)})


class GoalFilter(Filter):
    def clean(self, values, model):
        codes = [value.upper() for value in values]
        unknown = [code for code in codes if len(code) != 1 or code not in GOAL_CODES]
        if unknown:
            raise FilterError(
                self.param,
                _("Unknown goal %(value)r: use a letter from A to F.") % {"value": unknown[0][:40]},
            )
        known = self.known(codes)
        unknown = [code for code in codes if code not in known]
        if unknown:  # a goal without a live page has nothing to find
            raise _unknown(self.param, "goal", unknown)
        return list(dict.fromkeys(codes))

    def known(self, wanted=None):
        return self._known_in(_model("GoalPage").objects.live(), "code", wanted)

    def page_q(self, model, values):
        q = Q()
        for code in values:
            q |= Q(objectives__code__startswith=code)
        return q


class ObjectiveFilter(Filter):
    def clean(self, values, model):
        codes = [value.upper() for value in values]
        unknown = [code for code in codes if not OBJECTIVE_CODE.match(code)]
        if unknown:
            raise FilterError(
                self.param,
                _("Unknown objective %(value)r: use a code such as A1.") % {"value": unknown[0][:40]},
            )
        known = self.known(codes)
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise _unknown(self.param, "objective", unknown)
        return list(dict.fromkeys(codes))

    def known(self, wanted=None):
        return self._known_in(_model("ObjectivePage").objects.live(), "code", wanted)

    def page_q(self, model, values):
        return Q(objectives__code__in=list(values))


class PracticeFilter(Filter):
    def clean(self, values, model):
        known = self.known(values)
        unknown = [value for value in values if value not in known]
        if unknown:
            raise _unknown(self.param, "soil practice", unknown)
        return values

    def known(self, wanted=None):
        return self._known_in(_model("SoilPractice").objects.all(), "slug", wanted)

    def page_q(self, model, values):
        return Q(practices__slug__in=list(values))


class RegionFilter(Filter):
    def clean(self, values, model):
        known = self.known(values)
        unknown = [value for value in values if value not in known]
        if unknown:
            raise _unknown(self.param, "country or region", unknown)
        return values

    def known(self, wanted=None):
        return self._known_in(_model("Region").objects.all(), "slug", wanted)

    def page_q(self, model, values):
        return region_q(model.region_field, values)


class YearFilter(Filter):
    """Years: ``year`` (one or several) on listings; ``year_from`` / ``year_to`` bound a range in search."""

    low, high = 1900, 2100

    def clean(self, values, model):
        return [self.year(self.param, value) for value in values]

    @classmethod
    def year(cls, param: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise FilterError(
                param,
                _("%(param)s must be a whole number, not %(value)r.") % {"param": param, "value": raw[:40]},
            ) from None
        if not cls.low <= value <= cls.high:
            raise FilterError(
                param,
                _("%(param)s must be between %(low)s and %(high)s.")
                % {"param": param, "low": cls.low, "high": cls.high},
            )
        return value

    @classmethod
    def parse_range(cls, params: Mapping) -> tuple[int | None, int | None]:
        bounds = []
        for param in ("year_from", "year_to"):
            raw = str(params.get(param, "") or "").strip()
            bounds.append(cls.year(param, raw) if raw else None)
        # A reversed range is valid (an OpenAPI schema cannot relate two parameters, so a client cannot be told
        # otherwise): it matches nothing.
        return bounds[0], bounds[1]

    def page_q(self, model, values):
        return Q(**{f"{model.year_field}__in": list(values)})


class ContentTypeFilter(ChoiceFilter):
    """The kind of result in search (project, webinar, document, ...): ``type``."""

    def choices(self, model=None):
        return list(content_types().items())

    def clean(self, values, model):
        unknown = [value for value in values if value not in content_types()]
        if unknown:
            raise _unknown(self.param, "content type", unknown)
        return values


STATUS = ChoiceFilter("status", _("Status"))
KIND = ChoiceFilter("kind", _("Type"))
MEMBERSHIP = ChoiceFilter("membership", _("Member or partner"))
LANGUAGE = ChoiceFilter("language", _("Language"), choices=LANGUAGE_CHOICES, index_column="language")
GOAL = GoalFilter("goal", _("Goal"), index_column="goals")
OBJECTIVE = ObjectiveFilter("objective", _("Strategic objective"), index_column="objectives")
PRACTICE = PracticeFilter("practice", _("Soil practice"), index_column="practices")
REGION = RegionFilter("region", _("Country or region"), index_column="regions")
YEAR = YearFilter("year", _("Year"), index_column="year")
TYPE = ContentTypeFilter("type", _("Type"), index_column="content_type")

FILTERS: dict[str, Filter] = {
    f.param: f for f in (STATUS, KIND, LANGUAGE, GOAL, OBJECTIVE, PRACTICE, REGION, YEAR)
}
# What a listing can offer: the page filters (also the API's, above) and those of the partner directory.
LISTING_FILTERS: dict[str, Filter] = {**FILTERS, MEMBERSHIP.param: MEMBERSHIP}
# Filters whose options are the model field's choices (no query).
CHOICE_PARAMS = ("status", "kind", "membership")
# Search filters, in the order the search page shows them as facet groups (the year range comes last).
SEARCH_FILTERS: tuple[Filter, ...] = (TYPE, GOAL, OBJECTIVE, PRACTICE, REGION, LANGUAGE)


def known_values(param: str, wanted: Iterable[str] | None = None) -> set[str]:
    """The values of a filter on stored content (goal, objective, practice, region) that a listing, the API and
    search accept now; the OpenAPI schema declares them as the enum of the parameter."""
    values = FILTERS[param].known(wanted)
    if values is None:
        raise KeyError(f"{param} does not filter on stored content")
    return values


def parse_page_filters(model, params: Mapping) -> dict[str, tuple]:
    """The listing filters of `model` present in `params`, validated: {param: values}."""
    chosen = {}
    for param in getattr(model, "listing_filters", ()):
        values = LISTING_FILTERS[param].parse(params, model)
        if values:
            chosen[param] = values
    return chosen


def filter_pages(queryset, model, chosen: Mapping[str, tuple]):
    """`queryset` (pages of `model`) narrowed by the parsed filters; without duplicates from many-to-many joins."""
    condition = Q()
    for param, values in chosen.items():
        condition &= LISTING_FILTERS[param].page_q(model, values)
    if not condition:
        return queryset
    return queryset.filter(pk__in=model.objects.filter(condition).values("pk"))


# --- The listing form ---------------------------------------------------------------------------------------------


def _option_rows(model, params) -> dict[str, list[dict]]:
    """The choices a listing offers, for every filter in `params`, in one query: only values that exist (goals,
    objectives, and the languages and years of the listed type, from visible pages only)."""
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Cast, ExtractYear

    def tagged(queryset, param, value, label, group=None):
        return (
            queryset.order_by()
            .annotate(
                f_param=Value(param, output_field=CharField()),
                f_value=Cast(value, output_field=CharField()),
                f_label=Cast(label, output_field=CharField()),
                f_group=Cast(group, output_field=CharField())
                if group is not None
                else Value("", CharField()),
            )
            .values_list("f_param", "f_value", "f_label", "f_group")
            .distinct()
        )

    parts = []
    if "goal" in params:
        goals = in_active_language(visible_pages(_model("GoalPage").objects.all()))
        parts.append(tagged(goals, "goal", F("code"), F("title")))
    if "objective" in params:
        parts.append(
            tagged(
                in_active_language(visible_pages(_model("ObjectivePage").objects.all())),
                "objective",
                F("code"),
                F("short_label"),
            )
        )
    if "practice" in params:
        parts.append(
            tagged(_model("SoilPractice").objects.all(), "practice", F("slug"), localized_field("name"))
        )
    if "region" in params:
        parts.append(
            tagged(_model("Region").objects.all(), "region", F("slug"), localized_field("name"), F("kind"))
        )
    if "language" in params:
        parts.append(tagged(listed_rows(model), "language", F("language"), F("language")))
    if "year" in params:
        field, _, transform = model.year_field.partition("__")
        year = ExtractYear(field) if transform == "year" else F(field)
        parts.append(tagged(listed_rows(model).filter(**{f"{field}__isnull": False}), "year", year, year))
    rows: dict[str, list[dict]] = {param: [] for param in params}
    if parts:
        for param, value, label, group in parts[0].union(*parts[1:], all=True):
            rows[param].append({"value": value, "label": label, "group": group})
    return rows


def listed_rows(model):
    """The rows of `model` a listing may show: visible pages for a page type, every row otherwise."""
    from wagtail.models import Page

    return visible_pages(model.objects.all()) if issubclass(model, Page) else model.objects.all()


def _options(param: str, model, rows: dict[str, list[dict]]) -> list[dict]:
    if param in CHOICE_PARAMS:
        return [{"value": value, "label": label} for value, label in LISTING_FILTERS[param].choices(model)]
    found = rows[param]
    if param == "goal" or param == "objective":
        return sorted(
            ({**row, "label": f"{row['value']}: {row['label']}"} for row in found), key=lambda r: r["value"]
        )
    if param == "practice":
        return sorted(found, key=lambda row: _alphabetical(row["label"]))
    if param == "region":
        kinds = dict(_model("Region").Kind.choices)
        ordered = sorted(found, key=lambda row: (row["group"], _alphabetical(row["label"])))
        return [{**row, "group": kinds.get(row["group"], row["group"])} for row in ordered]
    if param == "language":
        present = {row["value"] for row in found}
        return [{"value": code, "label": label} for code, label in LANGUAGE_CHOICES if code in present]
    if param == "year":
        return sorted(found, key=lambda row: -int(row["value"]))
    raise KeyError(param)


def _alphabetical(label: str) -> str:
    """Sort key of a label in any of the site's languages: accents folded ("Éthiopie" among the E's)."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def listing_form(model, chosen: Mapping[str, tuple], error: FilterError | None = None) -> dict:
    """What a listing template needs to show its filter form: one field per filter of the page type, with its
    options, the chosen value and, for a bad value, the message next to the field."""
    fields = []
    rows = _option_rows(model, [p for p in model.listing_filters if p not in CHOICE_PARAMS])
    for param in model.listing_filters:
        selected = [str(value) for value in chosen.get(param, ())]
        options = _options(param, model, rows)
        for option in options:
            option["selected"] = option["value"] in selected
        fields.append(
            {
                "param": param,
                "label": LISTING_FILTERS[param].label,
                "options": options,
                "value": selected[0] if selected else "",
                "error": error.message if error is not None and error.param == param else "",
                "grouped": param == "region",
            }
        )
    return {"fields": fields, "active": bool(chosen), "error": error}
