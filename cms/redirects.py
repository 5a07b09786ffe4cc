"""The one way this project redirects a visitor: only to an address of this site.

Every redirect the code makes from something a request carries (the /en/ alias, a search result's click, a
`next` parameter) goes through `safe_redirect`, which checks the target with Django's
`url_has_allowed_host_and_scheme` (https://docs.djangoproject.com/en/5.2/ref/utils/#django.utils.http) against
the request's own host. `site_path` turns a path taken from a URL into a path of this site: however many slashes
or backslashes it starts with (`//evil.example/` is a network-path reference a browser follows to another host),
and whatever it contains once decoded (`%2F%2F`, control characters), it stays a path under `/`.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.encoding import escape_uri_path
from django.utils.http import url_has_allowed_host_and_scheme


def site_path(path: str) -> str:
    """`path` as an absolute path of this site, percent-encoded: never a scheme or another host."""
    return escape_uri_path("/" + path.lstrip("/\\"))


def is_safe_target(request, target: str) -> bool:
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def safe_redirect(request, target: str, *, fallback: str = "/", permanent: bool = False):
    """A redirect to `target` if it is an address of this site, else to `fallback` (itself a site path)."""
    if not is_safe_target(request, target):
        target = site_path(fallback)
    response_class = HttpResponsePermanentRedirect if permanent else HttpResponseRedirect
    return response_class(target)


def english_alias(request, rest: str = ""):
    """/en/<rest> is the English page's other address: a permanent redirect to /<rest>, query string kept."""
    target = site_path(rest)
    if query := request.META.get("QUERY_STRING", ""):
        target = f"{target}?{query}"
    return safe_redirect(request, target, permanent=True)


def frontend_login(request):
    """Wagtail's own sign-in for restricted pages (/_util/login/) is the site's styled one (settings.LOGIN_URL),
    which has the sign-in limit; `next` is kept (the sign-in page follows it only within the site)."""
    return redirect_to_login(request.GET.get("next", "") or "/")
