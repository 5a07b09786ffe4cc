"""OpenAPI schema: our own endpoints only (search, suggest, related).

The Wagtail API v2 endpoints (/api/v2/...) and the preview endpoint are left out: their response fields depend
on the page type and on ?fields=, which drf-spectacular cannot describe from a static serializer."""


def only_our_endpoints(endpoints, **kwargs):
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith("/api/") and not path.startswith(("/api/v2/", "/api/preview/", "/api/schema/"))
    ]


def document_retry_after(result, generator, request, public):
    """Every 429 answer carries a Retry-After header (seconds)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            response = operation.get("responses", {}).get("429")
            if response is not None:
                response.setdefault("headers", {})["Retry-After"] = {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait before the next request.",
                }
    return result
