"""Admin integration of the search log: the "Search terms" report under Reports (search/admin_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermsView


@hooks.register("register_admin_urls")
def register_search_terms_urls():
    # Wagtail wraps these in require_admin_access (wagtailadmin.access_admin).
    return [path("reports/search-terms/", SearchTermsView.as_view(), name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return MenuItem(
        "Search terms", reverse("search_terms_report"), name="search-terms", icon_name="search", order=1010
    )
