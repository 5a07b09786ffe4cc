"""Headless preview (wagtail-headless-preview), active only when an external front end is configured.

With HEADLESS_PREVIEW_CLIENT_URL set (WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]), previewing a page in the admin
stores the draft under a signed token and shows the front end at <client url>?content_type=...&token=...;
the front end fetches the draft from /api/preview/?content_type=...&token=.... Without it, pages preview
on the built-in site exactly as before: the package's behaviour is switched off, not just redirected.
"""

from __future__ import annotations

from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings


def headless_preview_enabled() -> bool:
    return bool(headless_preview_settings.CLIENT_URLS)


class HeadlessPreviewIfConfiguredMixin(HeadlessPreviewMixin):
    """wagtail-headless-preview's HeadlessPreviewMixin, falling back to Wagtail's own preview when no
    external front end is configured. (Serving stays with Wagtail: HeadlessServeMixin is not used.)"""

    def serve_preview(self, request, mode_name):
        if headless_preview_enabled():
            return super().serve_preview(request, mode_name)
        # Skip HeadlessPreviewMixin in the MRO: Wagtail's PreviewableMixin.serve_preview renders the page.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
