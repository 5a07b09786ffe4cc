"""Admin integration of search: the "Search terms" and "Search relevance" reports (search/admin_views.py), and
related-content suggestions on the page editor (search/editor.py, through cms/panels.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import JudgeQueryView, JudgmentsView, SearchTermsView


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
