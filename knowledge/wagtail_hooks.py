"""Admin integration of the knowledge index: the "Search index" screen under Reports (knowledge/views.py)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

app_name = "knowledge_admin"

urlpatterns = [
    path("", views.SearchIndexView.as_view(), name="index"),
    path("results/", views.SearchIndexView.as_view(results_only=True), name="index_results"),
    path("retry/all/", views.RetryView.as_view(), name="retry_all"),
    path("retry/<int:source_id>/", views.RetryView.as_view(), name="retry"),
]


@hooks.register("register_admin_urls")
def register_search_index_urls():
    # Wagtail wraps these in require_admin_access (wagtailadmin.access_admin).
    return [path("reports/search-index/", include((urlpatterns, app_name), namespace=app_name))]


@hooks.register("register_reports_menu_item")
def register_search_index_menu_item():
    return MenuItem(
        "Search index", reverse("knowledge_admin:index"), name="search-index", icon_name="search", order=1000
    )
