"""Zipped office formats (DOCX, PPTX, ODT, XLSX) and CSV, each checked against zip bombs and its own layout
before it is read."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator

import docx
import openpyxl
import pptx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from pptx.enum.shapes import MSO_SHAPE_TYPE

from .base import (
    MEGABYTE,
    Deadline,
    ExtractionError,
    ExtractionLimits,
    Section,
    SectionBuilder,
    check_char_limit,
    clean_text,
    decode_text,
    format_size,
    truncate,
    unexpected_failure,
)

# A member of a zipped format (DOCX, XLSX, PPTX, ODT) inflating more than this many times its compressed size
# is treated as a zip bomb.
ZIP_MAX_COMPRESSION_RATIO = 200
# Below this size a member cannot do harm, whatever its ratio (tiny XML parts compress very well).
ZIP_RATIO_CHECK_MIN_BYTES = MEGABYTE

# Rows of a sheet or CSV file between two checks of the time budget and the character limit.
ROWS_PER_CHECK = 500

# The part that makes a zip file a document of each zipped format.
ZIP_FORMATS = {
    "DOCX": ("word/document.xml", "a Word document"),
    "XLSX": ("xl/workbook.xml", "an Excel workbook"),
    "PPTX": ("ppt/presentation.xml", "a PowerPoint presentation"),
    "ODT": ("content.xml", "an OpenDocument text"),
}


# ---------------------------------------------------------------------------------------------------------
# DOCX


def extract_docx(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    with _zipped_document(data, "DOCX", limits):
        document = docx.Document(io.BytesIO(data))
        builder = SectionBuilder()
        for block in document.iter_inner_content():
            deadline.check()
            if isinstance(block, Paragraph):
                _add_docx_paragraph(builder, block)
            else:
                _add_docx_table(builder, block)
        return builder.finish()


@contextlib.contextmanager
def _zipped_document(data: bytes, kind: str, limits: ExtractionLimits) -> Iterator[None]:
    """Check a zipped upload (DOCX, XLSX, PPTX, ODT) before the block parses it, and word the block's errors:
    a damaged zip or a missing part is "not a valid X file", anything else "could not read X"."""
    if not data.startswith(b"PK\x03\x04"):
        raise ExtractionError(f"not a valid {kind} file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip_is_safe(archive, limits, kind)
        yield
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ExtractionError(f"not a valid {kind} file (damaged or not {ZIP_FORMATS[kind][1]})") from exc
    except Exception as exc:
        raise unexpected_failure(kind, exc) from exc


def _check_zip_is_safe(archive: zipfile.ZipFile, limits: ExtractionLimits, kind: str) -> None:
    """Refuse zip bombs from the central directory, before anything is decompressed.

    The declared sizes can be trusted as an upper bound: ``zipfile`` never returns more bytes for a member
    than its declared ``file_size``.
    """
    members = archive.infolist()
    required = ZIP_FORMATS[kind][0]
    if required not in {member.filename for member in members}:
        raise ExtractionError(f"not a valid {kind} file (no {required})")
    total = sum(member.file_size for member in members)
    if total > limits.max_uncompressed_bytes:
        raise ExtractionError(
            f"{kind} expands to {format_size(total)}; the limit is "
            f"{format_size(limits.max_uncompressed_bytes)}"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > ZIP_RATIO_CHECK_MIN_BYTES and ratio > ZIP_MAX_COMPRESSION_RATIO:
            raise ExtractionError(
                f"{kind} looks like a zip bomb ({member.filename} compresses {ratio:.0f}:1)"
            )


def _add_docx_paragraph(builder: SectionBuilder, paragraph: Paragraph) -> None:
    style_name = paragraph.style.name if paragraph.style is not None else ""
    if style_name.startswith("Heading") or style_name == "Title":
        builder.start_section(clean_text(paragraph.text))
    else:
        builder.add_paragraph(paragraph.text)


def _add_docx_table(builder: SectionBuilder, table: Table) -> None:
    """Each table row becomes one paragraph of its distinct cell texts, so a row reads as one fact."""
    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())  # merged cells repeat
        texts = (clean_text(cell.text) for cell in cells)
        builder.add_paragraph(" | ".join(text for text in texts if text))


# ---------------------------------------------------------------------------------------------------------
# Tables: XLSX and CSV (a section per sheet, a paragraph per row)


def _row_paragraph(values) -> str:
    """A row as one paragraph of its non-empty cells, like a DOCX table row."""
    texts = (clean_text(_cell_text(value)) for value in values)
    return " | ".join(text for text in texts if text)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _add_rows(builder: SectionBuilder, rows, limits: ExtractionLimits, deadline: Deadline) -> int:
    """Add each non-empty row as a paragraph; returns the characters added (checked as rows stream in)."""
    char_count = 0
    for index, row in enumerate(rows):
        paragraph = _row_paragraph(row)
        if paragraph:
            builder.add_paragraph(paragraph)
            char_count += len(paragraph)
        if index % ROWS_PER_CHECK == 0:
            deadline.check()
            check_char_limit(char_count, limits)
    return char_count


def extract_xlsx(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    with _zipped_document(data, "XLSX", limits):
        # read_only streams the rows; data_only reads the values last computed, not the formulas.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            builder = SectionBuilder()
            char_count = 0
            for sheet in workbook.worksheets:
                if not hasattr(sheet, "iter_rows"):  # a chart sheet: no cells
                    continue
                builder.end_section()
                builder.heading = clean_text(sheet.title)
                char_count += _add_rows(builder, sheet.iter_rows(values_only=True), limits, deadline)
                check_char_limit(char_count, limits)
            return builder.finish()
        finally:
            workbook.close()


def extract_csv(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    text = decode_text(data)
    check_char_limit(len(text), limits)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:  # one column, or too irregular to tell: commas
        dialect = csv.excel
    builder = SectionBuilder()
    try:
        _add_rows(builder, csv.reader(io.StringIO(text, newline=""), dialect), limits, deadline)
    except csv.Error as exc:
        raise ExtractionError(f"not a valid CSV file: {truncate(str(exc))}") from exc
    return builder.finish()


# ---------------------------------------------------------------------------------------------------------
# PPTX: a section per slide (its title, else "Slide N"), with its tables and speaker notes


def extract_pptx(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    with _zipped_document(data, "PPTX", limits):
        presentation = pptx.Presentation(io.BytesIO(data))
        builder = SectionBuilder()
        for number, slide in enumerate(presentation.slides, start=1):
            deadline.check()
            title_shape = slide.shapes.title
            title = clean_text(title_shape.text_frame.text) if title_shape is not None else ""
            builder.end_section()
            builder.heading = title or f"Slide {number}"
            for shape in slide.shapes:
                if title_shape is None or shape.shape_id != title_shape.shape_id:
                    _add_pptx_shape(builder, shape)
            if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
                _add_pptx_text(builder, slide.notes_slide.notes_text_frame)
        return builder.finish()


def _add_pptx_shape(builder: SectionBuilder, shape) -> None:
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            _add_pptx_shape(builder, child)
    elif getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            builder.add_paragraph(_row_paragraph(cell.text for cell in row.cells))
    elif shape.has_text_frame:
        _add_pptx_text(builder, shape.text_frame)


def _add_pptx_text(builder: SectionBuilder, text_frame) -> None:
    for paragraph in text_frame.paragraphs:
        builder.add_paragraph(paragraph.text)


# ---------------------------------------------------------------------------------------------------------
# ODT (OpenDocument text): content.xml read with lxml, headings start sections


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
# No entities, no network, no huge text nodes: content.xml is untrusted.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
# Inside a paragraph: these stand for whitespace (text:s carries a repeat count, never expanded here).
_ODF_SPACES = {f"{{{ODF_TEXT}}}s": " ", f"{{{ODF_TEXT}}}tab": " ", f"{{{ODF_TEXT}}}line-break": " "}
# Inside a paragraph but not its text: notes are read where they are anchored would break the sentence.
_ODF_SKIPPED = {f"{{{ODF_TEXT}}}note", f"{{{ODF_TEXT}}}tracked-changes", f"{{{ODF_OFFICE}}}annotation"}


def extract_odt(data: bytes, limits: ExtractionLimits, deadline: Deadline) -> list[Section]:
    with _zipped_document(data, "ODT", limits):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        try:
            root = etree.fromstring(content, parser=_SAFE_XML)
        except etree.XMLSyntaxError as exc:
            raise ExtractionError(f"not a valid ODT file (content.xml: {truncate(str(exc))})") from exc
        body = root.find(f"{{{ODF_OFFICE}}}body/{{{ODF_OFFICE}}}text")
        if body is None:
            raise ExtractionError("not a valid ODT file (no text body: a spreadsheet or a drawing?)")
        builder = SectionBuilder()
        _add_odt_blocks(builder, body, deadline)
        return builder.finish()


def _add_odt_blocks(builder: SectionBuilder, element, deadline: Deadline) -> None:
    deadline.check()
    for child in element:
        tag = child.tag
        if tag == f"{{{ODF_TEXT}}}h":
            builder.start_section(clean_text(_odt_text(child)))
        elif tag == f"{{{ODF_TEXT}}}p":
            builder.add_paragraph(_odt_text(child))
        elif tag == f"{{{ODF_TABLE}}}table-row":
            deadline.check()
            cells = child.iterfind(f"{{{ODF_TABLE}}}table-cell")
            builder.add_paragraph(_row_paragraph(_odt_cell_text(cell) for cell in cells))
        elif isinstance(tag, str) and tag not in _ODF_SKIPPED:  # lists, sections, tables, frames
            _add_odt_blocks(builder, child, deadline)


def _odt_cell_text(cell) -> str:
    return " ".join(_odt_text(paragraph) for paragraph in cell.iter(f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"))


def _odt_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag in _ODF_SPACES:
            parts.append(_ODF_SPACES[child.tag])
        elif child.tag not in _ODF_SKIPPED:
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
