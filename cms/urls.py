"""The site's pages: Wagtail's own URLs, with `wagtail_serve` resolving its route in one query (cms/routing.py)."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from .routing import serve

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
