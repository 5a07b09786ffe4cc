"""Deterministic PDF generator for the demo documents.

``build_pdf(doc)`` turns one entry of ``cms.demo.content.documents.PDF_DOCUMENTS``
(the "pdf_documents" of cms/demo/data/documents.json) into the bytes of an A4
PDF: a cover page (title, author, year, contents) and then one heading plus
paragraphs per section, with page numbers in the footer.

The output is byte-for-byte identical across runs: the creation date is
fixed, the file identifier is a hash of the content, and nothing random
is written. DejaVu Sans is used when it is installed (full Unicode, with a
ToUnicode map so text can be extracted); otherwise the core Helvetica font is
used after mapping the text to Latin-1.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import UTC, datetime

from fpdf import FPDF

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_REGULAR = os.path.join(FONT_DIR, "DejaVuSans.ttf")
FONT_BOLD = os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")
FONT_ITALIC = os.path.join(FONT_DIR, "DejaVuSans-Oblique.ttf")

FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)

# Typographic characters that Latin-1 lacks, mapped to plain equivalents.
_LATIN1_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": ",",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "--",
    "\u2026": "...",
    "\u2022": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2030": " per mille",
    "\u20ac": "EUR",
    "\u2082": "2",
    "\u00b2": "2",
}


def _use_dejavu() -> bool:
    return all(os.path.exists(p) for p in (FONT_REGULAR, FONT_BOLD, FONT_ITALIC))


def to_latin1(text: str) -> str:
    """Return ``text`` reduced to characters that core PDF fonts can show."""
    out = []
    for ch in text:
        ch = _LATIN1_REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFKD", ch)
            ascii_part = decomposed.encode("ascii", "ignore").decode("ascii")
            out.append(ascii_part or "?")
    return "".join(out)


class _DocPDF(FPDF):
    def __init__(self, family: str, running_title: str, clean):
        super().__init__(orientation="P", unit="mm", format="A4")
        self._family = family
        self._running_title = running_title
        self._clean = clean

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font(self._family, "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, self._clean(self._running_title), align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-15)
        self.set_font(self._family, "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def build_pdf(doc: dict) -> bytes:
    """Build a deterministic A4 PDF for one ``PDF_DOCUMENTS`` entry."""
    if _use_dejavu():
        family = "DejaVu"
        clean = lambda s: s  # noqa: E731 - DejaVu covers the text as is
    else:
        family = "Helvetica"
        clean = to_latin1

    title = doc["title"]
    author = doc.get("author", "")
    year = doc.get("year", "")
    sections = doc.get("sections", [])

    pdf = _DocPDF(family, title, clean)
    if family == "DejaVu":
        pdf.add_font("DejaVu", "", FONT_REGULAR)
        pdf.add_font("DejaVu", "B", FONT_BOLD)
        pdf.add_font("DejaVu", "I", FONT_ITALIC)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(clean(title))
    pdf.set_author(clean(author))
    pdf.set_subject(clean("Soil Knowledge Hub document"))
    pdf.set_creator("Soil Knowledge Hub demo content")
    pdf.set_producer("fpdf2")
    pdf.set_lang("en")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.alias_nb_pages()

    # fpdf2's default /ID is an MD5 of the output buffer plus the (fixed)
    # creation date, so it is stable across runs as well.

    # Cover page: title block and contents list.
    pdf.add_page()
    pdf.set_font(family, "I", 10)
    pdf.set_text_color(60, 100, 60)
    pdf.cell(
        0,
        8,
        clean("Soil Knowledge Hub  |  4 per 1000 Initiative knowledge base"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(30)
    pdf.set_font(family, "B", 22)
    pdf.multi_cell(0, 11, clean(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(family, "", 12)
    pdf.multi_cell(0, 7, clean(f"{author}"), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, clean(f"Year: {year}"), new_x="LMARGIN", new_y="NEXT")
    if doc.get("sample"):
        pdf.ln(4)
        pdf.set_font(family, "I", 10)
        pdf.multi_cell(
            0,
            6,
            clean(
                "Sample document written for the Soil Knowledge Hub demonstration. "
                "Case studies and project examples in it are illustrative; "
                "published figures are paraphrased from the cited literature."
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(14)
    pdf.set_font(family, "B", 13)
    pdf.cell(0, 8, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 11)
    for i, section in enumerate(sections, start=1):
        pdf.multi_cell(0, 7, clean(f"{i}. {section['heading']}"), new_x="LMARGIN", new_y="NEXT")

    # Body.
    pdf.add_page()
    for i, section in enumerate(sections, start=1):
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_font(family, "B", 14)
        pdf.multi_cell(0, 8, clean(f"{i}. {section['heading']}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font(family, "", 11)
        for para in section.get("paragraphs", []):
            pdf.multi_cell(0, 6, clean(para), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)

    return bytes(pdf.output())
