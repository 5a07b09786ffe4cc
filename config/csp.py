"""The Content-Security-Policy of every response (django-csp), strict on the site and looser in the admin.

The site runs only its own scripts and styles (static/js, static/css: no inline script, no inline style, no
`eval`), so a `<script>` or an `onerror=` injected into any text would not run even if it escaped the templates'
escaping. The JSON-LD block in each page's head is data (`type="application/ld+json"`), which CSP does not execute.
Video embeds (Wagtail's EmbedBlock) may frame the providers listed in CSP_FRAME_SOURCES.

The Wagtail admin (/admin/, and its page previews, which render site templates inside it) still has inline
scripts and styles of Wagtail's own and its widgets, so it gets CONTENT_SECURITY_POLICY_ADMIN: scripts and styles from this site and
inline, nothing else, and never a framing by another site. See the README's "Deploying to production".
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
