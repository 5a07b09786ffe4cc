"""Admin integration of search: the "Search terms" and "Search relevance" reports (search/admin_views.py),
related-content suggestions on the page editor (search/editor.py, through cms/panels.py), the multilingual
glossary snippet (search/crosslingual.py) and its sample entries in the demo."""

import json
from pathlib import Path

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import JudgeQueryView, JudgmentsView, SearchTermsView
from .models import GlossaryTerm

DEMO_GLOSSARY = Path(__file__).resolve().parent / "data" / "glossary.json"


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = "Search glossary"
    menu_order = 1020
    add_to_admin_menu = False
    list_display = ["__str__", "terms_fr", "terms_es"]
    search_fields = ["terms_en", "terms_fr", "terms_es"]


register_snippet(GlossaryTermViewSet)


@hooks.register("load_demo_content")
def load_demo_glossary(loader):
    """The demo glossary (sample data, search/data/glossary.json), upserted by its English terms."""
    for entry in json.loads(DEMO_GLOSSARY.read_text(encoding="utf-8"))["terms"]:
        loader.upsert(
            GlossaryTerm,
            {"terms_en": entry["en"]},
            {"terms_fr": entry.get("fr", ""), "terms_es": entry.get("es", ""), "note": "Sample data (demo)"},
        )


@hooks.register("register_admin_urls")
def register_search_terms_urls():
    # Wagtail wraps these in require_admin_access (wagtailadmin.access_admin): the reports' permission.
    return [
        path("reports/search-terms/", SearchTermsView.as_view(), name="search_terms_report"),
        path("reports/search-relevance/", JudgmentsView.as_view(), name="search_judgments_report"),
        path("reports/search-relevance/judge/", JudgeQueryView.as_view(), name="search_judge_query"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return MenuItem(
        "Search terms", reverse("search_terms_report"), name="search-terms", icon_name="search", order=1010
    )


@hooks.register("register_reports_menu_item")
def register_search_relevance_menu_item():
    return MenuItem(
        "Search relevance",
        reverse("search_judgments_report"),
        name="search-relevance",
        icon_name="tick",
        order=1011,
    )
