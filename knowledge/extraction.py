"""Turn uploaded documents and rich text into clean, heading-aware sections of plain text.

Formats: PDF, DOCX, ODT, PPTX (slides and speaker notes), XLSX and CSV (one section per sheet, a row per
paragraph), HTML, Markdown and plain text: every extension of WAGTAILDOCS_EXTENSIONS.

Everything here runs on untrusted uploads, so each format is checked against its magic bytes and
bounded in size, pages, decompressed bytes, extracted characters and wall time. Any failure surfaces
as an ``ExtractionError`` whose reason can be shown to the editor who uploaded the file.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from math import hypot
from pathlib import PurePath

import docx
import markdown
import openpyxl
import pptx
from bs4 import BeautifulSoup, NavigableString, Tag
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PageObject, PasswordType, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PdfReadError

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Section:
    """A run of text under one heading (and, for PDFs, on one page): the unit the chunker never crosses."""

    text: str
    heading: str = ""
    page_number: int | None = None


class ExtractionError(Exception):
    """A document that cannot be indexed; ``reason`` is a short human-readable reason shown to editors."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExtractionLimits:
    """Resource bounds for one document, so a hostile upload cannot exhaust the indexing worker."""

    max_bytes: int = 50 * MEGABYTE
    max_pages: int = 2000
    max_chars: int = 5_000_000
    max_uncompressed_bytes: int = 200 * MEGABYTE
    timeout_seconds: float = 60.0


DEFAULT_LIMITS = ExtractionLimits()

# Decompressed size allowed for a single PDF stream; text-bearing content streams are far smaller.
PDF_MAX_STREAM_BYTES = 50 * MEGABYTE
# A member of a zipped format (DOCX, XLSX, PPTX, ODT) inflating more than this many times its compressed size
# is treated as a zip bomb.
ZIP_MAX_COMPRESSION_RATIO = 200
# Below this size a member cannot do harm, whatever its ratio (tiny XML parts compress very well).
ZIP_RATIO_CHECK_MIN_BYTES = MEGABYTE
# Shares of control and of undecodable characters above which a text upload is considered binary junk;
# undecodable ones are tolerated more because legacy-encoded (e.g. Latin-1) text is still worth indexing.
TEXT_MAX_CONTROL_RATIO = 0.02
TEXT_MAX_UNDECODABLE_RATIO = 0.25
# A PDF line is a heading when its font is this much larger than the document's body text.
PDF_HEADING_SIZE_RATIO = 1.15
PDF_HEADING_MAX_CHARS = 120
# A line this much shorter than the page's longest line, ending a sentence, ends a paragraph.
PDF_SHORT_LINE_RATIO = 0.75
ERROR_DETAIL_MAX_CHARS = 200
# Rows of a sheet or CSV file between two checks of the time budget and the character limit.
ROWS_PER_CHECK = 500
# The part that makes a zip file a document of each zipped format.
ZIP_FORMATS = {
    "DOCX": ("word/document.xml", "a Word document"),
    "XLSX": ("xl/workbook.xml", "an Excel workbook"),
    "PPTX": ("ppt/presentation.xml", "a PowerPoint presentation"),
    "ODT": ("content.xml", "an OpenDocument text"),
}

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head")
BREAK_TAGS = frozenset({"br", "hr"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "html", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
SENTENCE_END = (".", "!", "?", ":", "。", "！", "？", "۔", "।")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_TEXT_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n\s*\n")
_LINE_END_HYPHEN = re.compile(r"(\w)-\n(\w)")


class _Deadline:
    """Wall-clock budget for one document, checked between units of work (pages, parts)."""

    def __init__(self, seconds: float):
        self._seconds = seconds
        self._expires_at = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._expires_at:
            raise ExtractionError(f"extraction took longer than {self._seconds:g} seconds")


# ---------------------------------------------------------------------------------------------------------
# Public entry points


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
        raise ExtractionError(f"file is larger than {_format_size(limits.max_bytes)}")
    deadline = _Deadline(limits.timeout_seconds)
    sections = extractor(data, limits, deadline)
    deadline.check()
    _check_char_limit(sum(len(section.text) for section in sections), limits)
    if not sections:
        raise ExtractionError("no text found" + (" (scanned images?)" if extension == ".pdf" else ""))
    return sections


def html_to_sections(html: str) -> list[Section]:
    """Split HTML (a whole page or a rich-text fragment) into sections at h1-h6, keeping only visible text."""
    soup = BeautifulSoup(html, "lxml")
    for hidden in soup.find_all(DROPPED_TAGS):
        hidden.decompose()
    builder = _SectionBuilder()
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in HEADING_TAGS:
                builder.start_section(_clean_text(node.get_text(" ")))
            elif node.name in BREAK_TAGS:
                builder.end_paragraph()
        elif type(node) is NavigableString:  # exact type: comments, CDATA and doctypes are subclasses
            block = _enclosing_block(node)
            if block is not _INSIDE_HEADING:
                builder.add_text(str(node), block)
    return builder.finish()


# ---------------------------------------------------------------------------------------------------------
# Shared text helpers


def _format_size(size: int) -> str:
    return f"{round(size / MEGABYTE):,} MB" if size >= MEGABYTE else f"{size:,} bytes"


def _check_char_limit(char_count: int, limits: ExtractionLimits) -> None:
    if char_count > limits.max_chars:
        raise ExtractionError(f"document has more than {limits.max_chars:,} characters of text")


def _clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and collapse all whitespace to single spaces."""
    return " ".join(_strip_control_chars(text).split())


def _strip_control_chars(text: str) -> str:
    """NFC-normalise, unify line breaks to "\\n" and drop control characters, soft hyphens and BOMs."""
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    return _CONTROL_CHARS.sub("", text.replace("\t", " "))


def _plain_text_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are hard wraps and become spaces."""
    paragraphs = (_clean_text(block) for block in _BLANK_LINES.split(_strip_control_chars(text)))
    return [paragraph for paragraph in paragraphs if paragraph]


def _decode_text(data: bytes) -> str:
    """Decode a text upload as UTF-8 (or BOM-marked UTF-16), refusing binary files renamed to text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise ExtractionError("file does not look like text (it contains binary data)")
    else:
        text = data.decode("utf-8-sig", errors="replace")
    length = max(len(text), 1)  # a lone byte-order mark decodes to ""
    control_share = len(_TEXT_CONTROL_CHARS.findall(text)) / length
    undecodable_share = text.count("\ufffd") / length
    if control_share > TEXT_MAX_CONTROL_RATIO or undecodable_share > TEXT_MAX_UNDECODABLE_RATIO:
        raise ExtractionError("file does not look like text (it contains binary data)")
    return text


def _truncate(message: str) -> str:
    return message if len(message) <= ERROR_DETAIL_MAX_CHARS else message[:ERROR_DETAIL_MAX_CHARS] + "…"


def _unexpected_failure(kind: str, exc: Exception) -> ExtractionError:
    return ExtractionError(f"could not read {kind}: {type(exc).__name__}: {_truncate(str(exc))}")


# ---------------------------------------------------------------------------------------------------------
# Plain text, Markdown, HTML


def _extract_text(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    text = _decode_text(data)
    _check_char_limit(len(text), limits)
    paragraphs = _plain_text_paragraphs(text)
    return [Section(text="\n\n".join(paragraphs))] if paragraphs else []


def _extract_markdown(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    text = _decode_text(data)
    _check_char_limit(len(text), limits)
    try:
        html = markdown.markdown(text, extensions=["extra"])
    except Exception as exc:
        raise _unexpected_failure("Markdown", exc) from exc
    deadline.check()
    return _html_sections_or_error(html)


def _extract_html(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    text = _decode_text(data)
    _check_char_limit(len(text), limits)
    return _html_sections_or_error(text)


def _html_sections_or_error(html: str) -> list[Section]:
    try:
        return html_to_sections(html)
    except Exception as exc:
        raise _unexpected_failure("HTML", exc) from exc


_INSIDE_HEADING = object()


def _enclosing_block(node: NavigableString) -> Tag | object | None:
    """The nearest block element around a text node (its paragraph), or a marker if it is heading text."""
    for parent in node.parents:
        if parent.name in HEADING_TAGS:
            return _INSIDE_HEADING
        if parent.name in BLOCK_TAGS:
            return parent
    return None


@dataclass
class _SectionBuilder:
    """Accumulates paragraphs under the current heading and emits a Section whenever the heading changes."""

    sections: list[Section] = field(default_factory=list)
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    block: object | None = None

    def add_text(self, text: str, block: object | None) -> None:
        if block is not self.block:
            self.end_paragraph()
            self.block = block
        self.parts.append(text)

    def add_paragraph(self, text: str) -> None:
        self.end_paragraph()
        self.parts.append(text)
        self.end_paragraph()

    def end_paragraph(self) -> None:
        paragraph = _clean_text("".join(self.parts))
        if paragraph:
            self.paragraphs.append(paragraph)
        self.parts = []

    def start_section(self, heading: str, page_number: int | None = None) -> None:
        if heading:
            self.end_section(page_number)
            self.heading = heading

    def end_section(self, page_number: int | None = None) -> None:
        self.end_paragraph()
        if self.paragraphs:
            self.sections.append(Section("\n\n".join(self.paragraphs), self.heading, page_number))
        self.paragraphs = []

    def finish(self) -> list[Section]:
        self.end_section()
        return self.sections


# ---------------------------------------------------------------------------------------------------------
# DOCX


def _extract_docx(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    with _zipped_document(data, "DOCX", limits):
        document = docx.Document(io.BytesIO(data))
        builder = _SectionBuilder()
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
        raise _unexpected_failure(kind, exc) from exc


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
            f"{kind} expands to {_format_size(total)}; the limit is "
            f"{_format_size(limits.max_uncompressed_bytes)}"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > ZIP_RATIO_CHECK_MIN_BYTES and ratio > ZIP_MAX_COMPRESSION_RATIO:
            raise ExtractionError(
                f"{kind} looks like a zip bomb ({member.filename} compresses {ratio:.0f}:1)"
            )


def _add_docx_paragraph(builder: _SectionBuilder, paragraph: Paragraph) -> None:
    style_name = paragraph.style.name if paragraph.style is not None else ""
    if style_name.startswith("Heading") or style_name == "Title":
        builder.start_section(_clean_text(paragraph.text))
    else:
        builder.add_paragraph(paragraph.text)


def _add_docx_table(builder: _SectionBuilder, table: Table) -> None:
    """Each table row becomes one paragraph of its distinct cell texts, so a row reads as one fact."""
    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())  # merged cells repeat
        texts = (_clean_text(cell.text) for cell in cells)
        builder.add_paragraph(" | ".join(text for text in texts if text))


# ---------------------------------------------------------------------------------------------------------
# Tables: XLSX and CSV (a section per sheet, a paragraph per row)


def _row_paragraph(values) -> str:
    """A row as one paragraph of its non-empty cells, like a DOCX table row."""
    texts = (_clean_text(_cell_text(value)) for value in values)
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


def _add_rows(builder: _SectionBuilder, rows, limits: ExtractionLimits, deadline: _Deadline) -> int:
    """Add each non-empty row as a paragraph; returns the characters added (checked as rows stream in)."""
    char_count = 0
    for index, row in enumerate(rows):
        paragraph = _row_paragraph(row)
        if paragraph:
            builder.add_paragraph(paragraph)
            char_count += len(paragraph)
        if index % ROWS_PER_CHECK == 0:
            deadline.check()
            _check_char_limit(char_count, limits)
    return char_count


def _extract_xlsx(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    with _zipped_document(data, "XLSX", limits):
        # read_only streams the rows; data_only reads the values last computed, not the formulas.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            builder = _SectionBuilder()
            char_count = 0
            for sheet in workbook.worksheets:
                if not hasattr(sheet, "iter_rows"):  # a chart sheet: no cells
                    continue
                builder.end_section()
                builder.heading = _clean_text(sheet.title)
                char_count += _add_rows(builder, sheet.iter_rows(values_only=True), limits, deadline)
                _check_char_limit(char_count, limits)
            return builder.finish()
        finally:
            workbook.close()


def _extract_csv(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    text = _decode_text(data)
    _check_char_limit(len(text), limits)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:  # one column, or too irregular to tell: commas
        dialect = csv.excel
    builder = _SectionBuilder()
    try:
        _add_rows(builder, csv.reader(io.StringIO(text, newline=""), dialect), limits, deadline)
    except csv.Error as exc:
        raise ExtractionError(f"not a valid CSV file: {_truncate(str(exc))}") from exc
    return builder.finish()


# ---------------------------------------------------------------------------------------------------------
# PPTX: a section per slide (its title, else "Slide N"), with its tables and speaker notes


def _extract_pptx(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    with _zipped_document(data, "PPTX", limits):
        presentation = pptx.Presentation(io.BytesIO(data))
        builder = _SectionBuilder()
        for number, slide in enumerate(presentation.slides, start=1):
            deadline.check()
            title_shape = slide.shapes.title
            title = _clean_text(title_shape.text_frame.text) if title_shape is not None else ""
            builder.end_section()
            builder.heading = title or f"Slide {number}"
            for shape in slide.shapes:
                if title_shape is None or shape.shape_id != title_shape.shape_id:
                    _add_pptx_shape(builder, shape)
            if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
                _add_pptx_text(builder, slide.notes_slide.notes_text_frame)
        return builder.finish()


def _add_pptx_shape(builder: _SectionBuilder, shape) -> None:
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            _add_pptx_shape(builder, child)
    elif getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            builder.add_paragraph(_row_paragraph(cell.text for cell in row.cells))
    elif shape.has_text_frame:
        _add_pptx_text(builder, shape.text_frame)


def _add_pptx_text(builder: _SectionBuilder, text_frame) -> None:
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


def _extract_odt(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
    with _zipped_document(data, "ODT", limits):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        try:
            root = etree.fromstring(content, parser=_SAFE_XML)
        except etree.XMLSyntaxError as exc:
            raise ExtractionError(f"not a valid ODT file (content.xml: {_truncate(str(exc))})") from exc
        body = root.find(f"{{{ODF_OFFICE}}}body/{{{ODF_OFFICE}}}text")
        if body is None:
            raise ExtractionError("not a valid ODT file (no text body: a spreadsheet or a drawing?)")
        builder = _SectionBuilder()
        _add_odt_blocks(builder, body, deadline)
        return builder.finish()


def _add_odt_blocks(builder: _SectionBuilder, element, deadline: _Deadline) -> None:
    deadline.check()
    for child in element:
        tag = child.tag
        if tag == f"{{{ODF_TEXT}}}h":
            builder.start_section(_clean_text(_odt_text(child)))
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


# ---------------------------------------------------------------------------------------------------------
# PDF


@dataclass(frozen=True)
class _PdfLine:
    text: str
    font_size: float


def _extract_pdf(data: bytes, limits: ExtractionLimits, deadline: _Deadline) -> list[Section]:
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
        raise ExtractionError(f"PDF exceeds a safety limit (PDF bomb?): {_truncate(str(exc))}") from exc
    except Exception as exc:
        raise _unexpected_failure("PDF", exc) from exc
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
        raise ExtractionError(f"PDF is damaged or truncated: {_truncate(str(exc))}") from exc
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
    reader: PdfReader, page_count: int, limits: ExtractionLimits, deadline: _Deadline
) -> Iterator[list[_PdfLine]]:
    """Yield each page's lines, enforcing time and text limits between pages so bad files stop early."""
    char_count = 0
    for index in range(page_count):
        deadline.check()
        lines = _pdf_page_lines(reader.pages[index])
        char_count += sum(len(line.text) for line in lines)
        _check_char_limit(char_count, limits)
        yield lines


def _pdf_page_lines(page: PageObject) -> list[_PdfLine]:
    """Text lines of a page, each with the font size of most of its characters (to spot headings)."""
    lines: list[_PdfLine] = []
    parts: list[str] = []
    sizes: Counter[float] = Counter()

    def end_line() -> None:
        text = _clean_text("".join(parts))
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
    builder = _SectionBuilder()
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


def _add_pdf_paragraph(builder: _SectionBuilder, lines: list[str]) -> None:
    """Join hard-wrapped lines, re-joining words hyphenated across a line end ("carb-\\non" -> "carbon")."""
    if lines:
        builder.add_paragraph(_LINE_END_HYPHEN.sub(_join_hyphenated, "\n".join(lines)))
        lines.clear()


def _join_hyphenated(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    return before + after if after.islower() else f"{before}-{after}"


_EXTRACTORS: dict[str, Callable[[bytes, ExtractionLimits, _Deadline], list[Section]]] = {
    ".pdf": _extract_pdf,
    ".txt": _extract_text,
    ".md": _extract_markdown,
    ".markdown": _extract_markdown,
    ".html": _extract_html,
    ".htm": _extract_html,
    ".docx": _extract_docx,
    ".odt": _extract_odt,
    ".pptx": _extract_pptx,
    ".xlsx": _extract_xlsx,
    ".csv": _extract_csv,
}
