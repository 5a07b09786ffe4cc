from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.media import serve_public_image
from cms.redirects import english_alias

# Not translated: the admin (in each editor's own language), documents and the API (?locale=).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    # English is served at the root: /en/... is the same page's address, kept as a permanent redirect.
    # (cms/redirects.py: whatever follows /en/, the target stays a path of this site.)
    re_path(r"^en/(?P<rest>.*)$", english_alias),
]

# Uploads: public image files only, with or without DEBUG; documents only through /documents/ (cms/media.py).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_public_image)]

# The site in each language: English at the root, the others under /fr/ and /es/ (settings.LANGUAGES).
urlpatterns += i18n_patterns(
    # The scripts' strings in the page's language (locale/<code>/LC_MESSAGES/djangojs.po); "cms" has no catalogue
    # of its own, so only the project's is sent, not every installed app's.
    path(
        "jsi18n/",
        cache_control(public=True, max_age=3600)(JavaScriptCatalog.as_view(packages=["cms"])),
        name="javascript_catalog",
    ),
    path("search/", include("search.urls")),
    path("", include("community.urls")),
    path("", include("cms.urls")),
    prefix_default_language=False,
)
