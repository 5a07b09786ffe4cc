"""Turn uploaded documents and rich text into clean, heading-aware sections of plain text.

Formats: PDF, DOCX, ODT, PPTX (slides and speaker notes), XLSX and CSV (one section per sheet, a row per
paragraph), HTML, Markdown and plain text: every extension of WAGTAILDOCS_EXTENSIONS.

Everything here runs on untrusted uploads, so each format is checked against its magic bytes and
bounded in size, pages, decompressed bytes, extracted characters and wall time. Any failure surfaces
as an ``ExtractionError`` whose reason can be shown to the editor who uploaded the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import markdown

from .extractors.base import (
    DEFAULT_LIMITS,
    Deadline,
    ExtractionError,
    ExtractionLimits,
    Section,
    check_char_limit,
    decode_text,
    format_size,
    html_to_sections,
    plain_text_paragraphs,
    unexpected_failure,
)
from .extractors.office import extract_csv, extract_docx, extract_odt, extract_pptx, extract_xlsx
from .extractors.pdf import extract_pdf


def extract_document(
    data: bytes, filename: str, *, limits: ExtractionLimits = DEFAULT_LIMITS
) -> list[Section]:
    """Extract the sections of an uploaded file, or raise ExtractionError saying why it cannot be indexed."""
    extension = PurePath(filename).suffix.lower()
    extractor = _EXTRACTORS.get(extension)
    if extractor is None:
        raise ExtractionError(f"unsupported file type {extension or '(no extension)'}")
    if not data:
        raise ExtractionError("file is empty")
    if len(data) > limits.max_bytes:
        raise ExtractionError(f"file is larger than {format_size(limits.max_bytes)}")
    deadline = Deadline(limits.timeout_seconds)
    sections = extractor(data, limits, deadline)
    deadline.check()
    check_char_limit(sum(len(section.text) for section in sections), limits)
    if not sections:
        raise ExtractionError("no text found" + (" (scanned images?)" if extension == ".pdf" else ""))
    return sections


def _extract_text(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    text = decode_text(data)
    check_char_limit(len(text), limits)
    paragraphs = plain_text_paragraphs(text)
    return [Section(text="\n\n".join(paragraphs))] if paragraphs else []


def _extract_markdown(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    text = decode_text(data)
    check_char_limit(len(text), limits)
    try:
        html = markdown.markdown(text, extensions=["extra"])
    except Exception as exc:
        raise unexpected_failure("Markdown", exc) from exc
    deadline.check()
    return _html_sections_or_error(html)


def _extract_html(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    text = decode_text(data)
    check_char_limit(len(text), limits)
    return _html_sections_or_error(text)


def _html_sections_or_error(html: str) -> list[Section]:
    try:
        return html_to_sections(html)
    except Exception as exc:
        raise unexpected_failure("HTML", exc) from exc


_EXTRACTORS: dict[str, Callable[[bytes, ExtractionLimits, Deadline], list[Section]]] = {
    ".pdf": extract_pdf,
    ".txt": _extract_text,
    ".md": _extract_markdown,
    ".markdown": _extract_markdown,
    ".html": _extract_html,
    ".htm": _extract_html,
    ".docx": extract_docx,
    ".odt": extract_odt,
    ".pptx": extract_pptx,
    ".xlsx": extract_xlsx,
    ".csv": extract_csv,
}
