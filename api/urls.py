"""The headless API, mounted at /api/ (see "Headless API" in the README)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .errors import not_found
from .exports import ProjectExportApi, ResourceExportApi
from .v2 import api_router, preview_view
from .views import RelatedApi, SearchApi, SuggestApi

urlpatterns = [
    path("v2/", api_router.urls),
    path("search/", SearchApi.as_view(), name="api-search"),
    path("search/suggest/", SuggestApi.as_view(), name="api-search-suggest"),
    path("pages/<str:id>/related/", RelatedApi.as_view(), name="api-page-related"),
    path("export/projects/", ProjectExportApi.as_view(), name="api-export-projects"),
    path("export/resources/", ResourceExportApi.as_view(), name="api-export-resources"),
    path("preview/", preview_view, name="api-preview"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^", not_found),
]
