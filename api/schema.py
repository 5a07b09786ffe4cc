"""OpenAPI schema: our own endpoints only (search, suggest, related, exports), with the filter values of the database.

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


def declare_known_values(result, generator, request, public):
    """The goal, objective, practice and region parameters (of search and of the exports) take the values in the
    database when the schema is generated (cms.filters.known_values, the same the server accepts), so that a
    client or a schema-driven test never builds a request the server must refuse as unknown."""
    for path in ("/api/search/", "/api/export/projects/", "/api/export/resources/"):
        _declare_known_values(result.get("paths", {}).get(path, {}).get("get", {}))
    return result


def _declare_known_values(operation: dict) -> None:
    from django.db import DatabaseError

    from cms.filters import known_values

    declared = []
    for parameter in operation.get("parameters", []):
        if parameter["name"] in {"goal", "objective", "practice", "region"}:
            try:
                values = sorted(known_values(parameter["name"]))
            except DatabaseError:  # not migrated yet (e.g. `check --deploy` before `migrate`): no enum
                declared.append(parameter)
                continue
            if not values:  # nothing to filter by yet: any value would be refused
                continue
            items = parameter["schema"]["items"]
            items.pop("pattern", None)
            items["enum"] = values
        declared.append(parameter)
    if operation:
        operation["parameters"] = declared
