"""Files built in tests: real PDFs (fpdf2), Word documents (python-docx), workbooks (openpyxl), slide decks
(python-pptx), OpenDocument texts (odfpy) and compression bombs."""

from __future__ import annotations

import io
import os
import zlib

import docx
from fpdf import FPDF


def pdf_bytes(*pages: str) -> bytes:
    """A PDF with one page per text."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def inflating_stream(megabytes: int) -> bytes:
    """A Flate stream of a little text followed by ``megabytes`` MB of spaces, compressed ~1000:1."""
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(b"BT /F1 12 Tf 72 720 Td (Bomb) Tj ET\n")]
    block = b" " * 1024 * 1024
    parts.extend(compressor.compress(block) for _ in range(megabytes))
    parts.append(compressor.flush())
    return b"".join(parts)


def docx_bytes(build) -> bytes:
    """A .docx whose body `build(document)` writes."""
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _remote_like_storage():
    from django.core.files.storage import InMemoryStorage
    from django.utils._os import safe_join

    class RemoteLikeStorage(InMemoryStorage):
        """Django's in-memory storage without local paths, as object storage behaves (S3 and the like): anything
        that needs a file on disk fails, so only the storage API works."""

        def path(self, name):
            raise NotImplementedError("object storage has no local path")

        def _relative_path(self, name):
            return os.path.relpath(safe_join(self.location, name), self.location)

    return RemoteLikeStorage


RemoteLikeStorage = _remote_like_storage()


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx workbook (openpyxl) with one sheet per name, holding the given rows."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx_bytes(slides: list[dict]) -> bytes:
    """A .pptx deck (python-pptx): each slide {"title", "bullets", "table": rows, "notes"}, all optional."""
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    for spec in slides:
        layout = presentation.slide_layouts[1 if "title" in spec else 6]  # "Title and Content", or "Blank"
        slide = presentation.slides.add_slide(layout)
        if "title" in spec:
            slide.shapes.title.text = spec["title"]
            body = slide.placeholders[1].text_frame
            for index, bullet in enumerate(spec.get("bullets", [])):
                paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
                paragraph.text = bullet
        elif spec.get("bullets"):
            box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(2)).text_frame
            box.text = "\n".join(spec["bullets"])
        if spec.get("table"):
            rows = spec["table"]
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(1), Inches(4), Inches(6), Inches(1)
            )
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    shape.table.cell(r, c).text = value
        if spec.get("notes"):
            slide.notes_slide.notes_text_frame.text = spec["notes"]
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def odt_bytes(blocks: list[tuple[str, object]]) -> bytes:
    """An .odt text document (odfpy): ("heading", text), ("paragraph", text) or ("table", rows) blocks."""
    from odf import table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    for kind, value in blocks:
        if kind == "heading":
            document.text.addElement(text.H(outlinelevel=1, text=value))
        elif kind == "paragraph":
            document.text.addElement(text.P(text=value))
        else:
            grid = table.Table(name="Table1")
            grid.addElement(table.TableColumn(numbercolumnsrepeated=len(value[0])))
            for row in value:
                table_row = table.TableRow()
                for cell_text in row:
                    cell = table.TableCell()
                    cell.addElement(text.P(text=cell_text))
                    table_row.addElement(cell)
                grid.addElement(table_row)
            document.text.addElement(grid)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
