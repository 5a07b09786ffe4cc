"""PDF: text lines with their font sizes through pypdf (under its own bomb limits, tightened), headings found by
size, paragraphs by short lines that end a sentence, words hyphenated at a line end joined again."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from math import hypot

from pypdf import PageObject, PasswordType, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PdfReadError

from .base import (
    MEGABYTE,
    Deadline,
    ExtractionError,
    ExtractionLimits,
    Section,
    SectionBuilder,
    check_char_limit,
    clean_text,
    truncate,
    unexpected_failure,
)

# Decompressed size allowed for a single PDF stream; text-bearing content streams are far smaller.
PDF_MAX_STREAM_BYTES = 50 * MEGABYTE

# A PDF line is a heading when its font is this much larger than the document's body text.
PDF_HEADING_SIZE_RATIO = 1.15
PDF_HEADING_MAX_CHARS = 120
# A line this much shorter than the page's longest line, ending a sentence, ends a paragraph.
PDF_SHORT_LINE_RATIO = 0.75

SENTENCE_END = (".", "!", "?", ":", "。", "！", "？", "۔", "।")

_LINE_END_HYPHEN = re.compile(r"(\w)-\n(\w)")


@dataclass(frozen=True)
class _PdfLine:
    text: str
    font_size: float


def extract_pdf(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError("not a valid PDF file")
    try:
        with apply_configuration(**_pypdf_safety_limits(limits)):
            reader = _open_pdf(data)
            page_count = _count_pdf_pages(reader, limits)
            pages = list(_read_pdf_lines(reader, page_count, limits, deadline))
    except ExtractionError:
        raise
    except LimitReachedError as exc:
        raise ExtractionError(f"PDF exceeds a safety limit (PDF bomb?): {truncate(str(exc))}") from exc
    except Exception as exc:
        raise unexpected_failure("PDF", exc) from exc
    return _pdf_sections(pages)


def _pypdf_safety_limits(limits: ExtractionLimits) -> dict[str, int]:
    """pypdf's own bomb protections, tightened: bounded stream inflation and a page tree sized to max_pages.

    The page-tree entry limit counts intermediate /Pages nodes too, hence the headroom; the exact page
    count is checked afterwards.
    """
    return {
        "zlib_maximum_output_length": PDF_MAX_STREAM_BYTES,
        "lzw_maximum_output_length": PDF_MAX_STREAM_BYTES,
        "run_length_maximum_output_length": PDF_MAX_STREAM_BYTES,
        "brotli_maximum_output_length": PDF_MAX_STREAM_BYTES,
        "maximum_declared_stream_length": PDF_MAX_STREAM_BYTES,
        "array_based_stream_maximum_output_length": PDF_MAX_STREAM_BYTES,
        "stream_decoding_work_maximum_length": 2 * PDF_MAX_STREAM_BYTES,
        "page_tree_maximum_entries": 2 * limits.max_pages + 16,
    }


def _open_pdf(data: bytes) -> PdfReader:
    """Open the PDF, unlocking it with the empty password that permission-only encryption uses."""
    try:
        reader = PdfReader(io.BytesIO(data))
    except PdfReadError as exc:
        raise ExtractionError(f"PDF is damaged or truncated: {truncate(str(exc))}") from exc
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception as exc:  # e.g. AES without a crypto library installed
            raise ExtractionError("PDF is encrypted") from exc
        if not unlocked:
            raise ExtractionError("PDF is encrypted")
    return reader


def _count_pdf_pages(reader: PdfReader, limits: ExtractionLimits) -> int:
    """Count the real pages (pypdf walks /Kids, not the declared /Count) within the page limit."""
    try:
        page_count = len(reader.pages)
    except LimitReachedError as exc:
        if "page tree" not in str(exc):
            raise
        raise ExtractionError(_too_many_pages(_declared_page_count(reader), limits)) from exc
    if page_count == 0:
        raise ExtractionError("PDF has no pages")
    if page_count > limits.max_pages:
        raise ExtractionError(_too_many_pages(page_count, limits))
    return page_count


def _declared_page_count(reader: PdfReader) -> int | None:
    count = reader.trailer["/Root"]["/Pages"].get("/Count")
    return count if isinstance(count, int) else None


def _too_many_pages(page_count: int | None, limits: ExtractionLimits) -> str:
    if page_count is None or page_count <= limits.max_pages:
        return f"PDF has more than {limits.max_pages} pages; the limit is {limits.max_pages}"
    return f"PDF has {page_count} pages; the limit is {limits.max_pages}"


def _read_pdf_lines(
    reader: PdfReader, page_count: int, limits: ExtractionLimits, deadline: Deadline
) -> Iterator[list[_PdfLine]]:
    """Yield each page's lines, enforcing time and text limits between pages so bad files stop early."""
    char_count = 0
    for index in range(page_count):
        deadline.check()
        lines = _pdf_page_lines(reader.pages[index])
        char_count += sum(len(line.text) for line in lines)
        check_char_limit(char_count, limits)
        yield lines


def _pdf_page_lines(page: PageObject) -> list[_PdfLine]:
    """Text lines of a page, each with the font size of most of its characters (to spot headings)."""
    lines: list[_PdfLine] = []
    parts: list[str] = []
    sizes: Counter[float] = Counter()

    def end_line() -> None:
        text = clean_text("".join(parts))
        lines.append(_PdfLine(text, sizes.most_common(1)[0][0] if sizes else 0.0))
        parts.clear()
        sizes.clear()

    def visit(text: str, cm: list[float], tm: list[float], font_dict: object, font_size: float) -> None:
        for index, piece in enumerate(text.split("\n")):
            if index:
                end_line()
            parts.append(piece)
            sizes[round(font_size * _vertical_scale(cm, tm), 1)] += len(piece.strip())

    page.extract_text(visitor_text=visit)
    end_line()
    return lines


def _vertical_scale(cm: list[float], tm: list[float]) -> float:
    """How much the text and current transformation matrices stretch glyphs vertically."""
    c = tm[2] * cm[0] + tm[3] * cm[2]
    d = tm[2] * cm[1] + tm[3] * cm[3]
    return hypot(c, d) or 1.0


def _pdf_sections(pages: list[list[_PdfLine]]) -> list[Section]:
    """Group lines into paragraphs and sections; lines in a clearly larger font than the body are headings."""
    heading_size = _body_font_size(pages) * PDF_HEADING_SIZE_RATIO
    builder = SectionBuilder()
    for page_number, lines in enumerate(pages, start=1):
        longest = max((len(line.text) for line in lines), default=0)
        paragraph: list[str] = []
        previous_was_heading = False
        for line in lines:
            if _is_pdf_heading(line, heading_size):
                _add_pdf_paragraph(builder, paragraph)
                heading = f"{builder.heading} {line.text}" if previous_was_heading else line.text
                builder.end_section(page_number)
                builder.heading = heading  # wrapped headings continue over several lines
                previous_was_heading = True
                continue
            previous_was_heading = False
            if line.text:
                paragraph.append(line.text)
            if not line.text or _ends_pdf_paragraph(line.text, longest):
                _add_pdf_paragraph(builder, paragraph)
        _add_pdf_paragraph(builder, paragraph)
        builder.end_section(page_number)
    return builder.sections


def _body_font_size(pages: list[list[_PdfLine]]) -> float:
    """The font size carrying the most characters: the running text, against which headings stand out."""
    chars_by_size: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            chars_by_size[line.font_size] += len(line.text)
    return chars_by_size.most_common(1)[0][0] if chars_by_size else 0.0


def _is_pdf_heading(line: _PdfLine, heading_size: float) -> bool:
    return (
        heading_size > 0
        and line.font_size >= heading_size
        and 0 < len(line.text) <= PDF_HEADING_MAX_CHARS
        and any(char.isalpha() for char in line.text)
    )


def _ends_pdf_paragraph(text: str, longest_line: int) -> bool:
    return text.endswith(SENTENCE_END) and len(text) < PDF_SHORT_LINE_RATIO * longest_line


def _add_pdf_paragraph(builder: SectionBuilder, lines: list[str]) -> None:
    """Join hard-wrapped lines, re-joining words hyphenated across a line end ("carb-\\non" -> "carbon")."""
    if lines:
        builder.add_paragraph(_LINE_END_HYPHEN.sub(_join_hyphenated, "\n".join(lines)))
        lines.clear()


def _join_hyphenated(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    return before + after if after.islower() else f"{before}-{after}"
