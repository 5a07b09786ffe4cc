"""One error shape for every API response that is not a success: {"error": {"param": ..., "message": ...}}."""

from __future__ import annotations

import math
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.api.v2.utils import BadRequestError


class ParamError(BadRequestError):
    """Bad input naming the query parameter at fault (400, or 404 for a page past the last one)."""

    def __init__(self, param: str | None, message: str, *, status_code: int = 400) -> None:
        super().__init__(message)
        self.param = param
        self.message = message
        self.status_code = status_code


def error_body(message: str, param: str | None = None, **extra) -> dict:
    return {"error": {"param": param, "message": message, **extra}}


def error_response(message: str, param: str | None = None, *, status_code: int = 400, **extra) -> Response:
    return Response(error_body(message, param, **extra), status=status_code)


def exception_handler(exc, context):
    """DRF's handler (status, Retry-After and WWW-Authenticate headers) with our body."""
    if isinstance(exc, ParamError):
        return error_response(exc.message, exc.param, status_code=exc.status_code)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.Throttled):
        wait = math.ceil(exc.wait) if exc.wait is not None else None
        message = "Too many requests." + (f" Try again in {wait} seconds." if wait is not None else "")
        response.data = error_body(message, None, retry_after=wait)
    elif isinstance(exc, exceptions.ValidationError):
        param, message = first_validation_error(exc.detail)
        response.data = error_body(message, param)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        response.data = error_body(str(detail), None)
    return response


def first_validation_error(detail) -> tuple[str | None, str]:
    """The first parameter DRF rejected, and its first message."""
    param = None
    if isinstance(detail, dict) and detail:
        param, detail = next(iter(detail.items()))
        param = None if param == "non_field_errors" else str(param)
    while isinstance(detail, dict | list) and detail:
        detail = next(iter(detail.values())) if isinstance(detail, dict) else detail[0]
    return param, f"{param}: {detail}" if param else str(detail)


# --- Wagtail API v2 --------------------------------------------------------------------------------------

# Parameters Wagtail's own BadRequestError messages name, most specific first.
_WAGTAIL_PARAMS = (
    "rich_text_format",
    "search_operator",
    "translation_of",
    "descendant_of",
    "ancestor_of",
    "child_of",
    "html_path",
    "fields",
    "order",
    "offset",
    "limit",
    "search",
    "locale",
    "site",
    "type",
)


def _guess_param(message: str) -> str | None:
    for pattern in (r"recognised field: ([\w-]+)", r"valid value for (\w+)", r"not allowed for (\w+)"):
        match = re.search(pattern, message)
        if match:
            return match.group(1)
    if message.startswith(("unknown fields", "fields error")) or "nested fields" in message:
        return "fields"
    if "order" in message:
        return "order"
    if "type doesn't exist" in message:
        return "type"
    if "parent page doesn't exist" in message:
        return "child_of"
    for name in _WAGTAIL_PARAMS:
        if re.search(rf"\b{name}\b", message):
            return name
    return None


class V2ErrorsMixin:
    """For Wagtail's BaseAPIViewSet: every client error becomes a 400/404 JSON answer, never a 500.

    The body keeps Wagtail's {"message": ...} and adds our {"error": {"param", "message"}}."""

    def handle_exception(self, exc):
        if isinstance(exc, DataError | DjangoValidationError | OverflowError):
            exc = BadRequestError("a parameter value is out of range or malformed")
        if isinstance(exc, BadRequestError):
            message = str(exc)
            param = getattr(exc, "param", None) or _guess_param(message)
            return Response(
                {"message": message, **error_body(message, param)}, status=status.HTTP_400_BAD_REQUEST
            )
        if isinstance(exc, Http404):
            message = str(exc) or "not found"
            return Response({"message": message, **error_body(message)}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


def not_found(request, *args, **kwargs):
    """Unknown paths under /api/ answer JSON, not the site's HTML 404 page."""
    return JsonResponse(error_body(f"No API endpoint at {request.path}."), status=404)
