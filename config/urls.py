from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

# Not translated: the admin (in each editor's own language), documents and the API (?locale=).
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    # English is served at the root: /en/... is the same page's address, kept as a permanent redirect.
    re_path(r"^en/(?P<rest>.*)$", RedirectView.as_view(url="/%(rest)s", permanent=True, query_string=True)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The site in each language: English at the root, the others under /fr/ and /es/ (settings.LANGUAGES).
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("community.urls")),
    path("", include("cms.urls")),
    prefix_default_language=False,
)
