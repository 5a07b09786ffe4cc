"""Settings of the headless API (DRF, OpenAPI, CORS, throttling, headless preview). Imported by base.py (and
importing nothing from it: settings modules import one way too).

Environment variables read here (listed in the README's settings table):

- API_CORS_ORIGINS: comma-separated origins allowed to call /api/ from a browser (default: none).
- SEARCH_API_THROTTLE: anonymous request rate of the search, suggest and related endpoints (default 60/minute).
- HEADLESS_PREVIEW_CLIENT_URL: URL of an external front end that renders previews; unset = Wagtail's own preview.
- API_PAGE_LIMIT_MAX: the largest ?limit= of the /api/v2/ listings (default 50).
"""

import os

from cms.identity import PUBLISHER, SITE_NAME

SEARCH_API_THROTTLE = os.environ.get("SEARCH_API_THROTTLE", "60/minute").strip() or "60/minute"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # The search, suggest and related views use api.throttling.AnonSearchThrottle, which reads
    # SEARCH_API_THROTTLE at request time; the rate is repeated here for DRF's own tooling.
    "DEFAULT_THROTTLE_RATES": {"search": SEARCH_API_THROTTLE},
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} API",
    "DESCRIPTION": (
        f"Search, autocomplete, related content and exports (CSV or JSON) of the {PUBLISHER}'s knowledge base. "
        "Content itself (pages, documents, images, organizations, people, soil practices, countries and "
        "regions) is served by the Wagtail API at /api/v2/ (not described here: its fields depend on the page "
        'type and on ?fields=). Errors are JSON: {"error": {"param": ..., "message": ...}}.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.only_our_endpoints"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_retry_after",
        "api.schema.declare_known_values",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
}

# CORS: only configured origins, only under /api/.
CORS_ALLOWED_ORIGINS = [
    o.strip().rstrip("/") for o in os.environ.get("API_CORS_ORIGINS", "").split(",") if o.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Wagtail API v2: rich text as front-end-ready HTML (links and embeds expanded), bounded listings.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("API_PAGE_LIMIT_MAX", "50"))

# Headless preview: only when an external front end is configured; otherwise Wagtail's built-in preview.
HEADLESS_PREVIEW_CLIENT_URL = os.environ.get("HEADLESS_PREVIEW_CLIENT_URL", "").strip()
if HEADLESS_PREVIEW_CLIENT_URL:
    WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_CLIENT_URL}}
