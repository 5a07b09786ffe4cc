"""Streamed CSV and JSON exports of a list of pages (the project catalogue, the resource library), for the site
and the API alike.

A page model declares what it exports: `export_queryset(queryset)` (the relations the rows read, fetched in
a few set-based queries per chunk) and `export_row(page, request)` (a dict of its public fields, lists for
many values). The caller passes rows it took through cms/visibility and cms/filters, as the listing does.
Rows are read in chunks and written as they come (StreamingHttpResponse): memory does not grow with the list.

Text cells are guarded against formula injection (`csv_safe`): titles and summaries can come from partners'
applications, and a spreadsheet must never run one as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

CHUNK = 200
FORMATS = ("csv", "json")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """A text a spreadsheet shows as text: one starting like a formula (=, +, -, @, tab, CR) gets a leading
    apostrophe (OWASP's advice against CSV injection)."""
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def csv_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return csv_safe("; ".join(str(item) for item in value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return csv_safe(str(value))


class _Echo:
    """A file whose write() returns the line: csv.writer then yields each row as text."""

    def write(self, value: str) -> str:
        return value


def csv_lines(columns: list[str], rows):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a byte-order mark: spreadsheets then read the file as UTF-8
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([csv_cell(row.get(column)) for column in columns])


def json_chunks(rows):
    yield "["
    for number, row in enumerate(rows):
        yield ("," if number else "") + "\n" + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "\n]\n"


def page_rows(model, queryset, request):
    """The export rows of `queryset` (pages of `model` with `export_queryset` applied)."""
    for page in queryset.iterator(chunk_size=CHUNK):
        yield model.export_row(page, request)


def export_response(model, queryset, request, fmt: str, filename: str) -> StreamingHttpResponse:
    """`queryset`: pages of `model`, visibility and filters applied by the caller. The relations' querysets are
    built here, while the request runs (its view restrictions read once), not later when the body streams."""
    rows = page_rows(model, model.export_queryset(queryset), request)
    body = csv_lines(list(model.export_columns), rows) if fmt == "csv" else json_chunks(rows)
    response = StreamingHttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
