"""Extraction of uploaded documents: formats, text hygiene, and refusal of hostile or broken files."""

import datetime as dt
import io
import time
import tracemalloc
import zipfile
import zlib

import docx
import pytest
from fpdf import FPDF
from pypdf import PageObject, PdfReader, PdfWriter

from knowledge.extraction import (
    ExtractionError,
    ExtractionLimits,
    Section,
    extract_document,
    html_to_sections,
)
from tests.builders import docx_bytes, inflating_stream, odt_bytes, pptx_bytes, xlsx_bytes

MULTILINGUAL = {
    "arabic": "التربة الصحية أساس الأمن الغذائي",
    "chinese": "土壤有机碳是粮食安全的基础",
    "hindi": "स्वस्थ मिट्टी खाद्य सुरक्षा की नींव है",
    "russian": "Здоровая почва — основа продовольственной безопасности",
    "french": "Le carbone du sol protège l'écosystème à l'échelle régionale",
}


# ---------------------------------------------------------------------------------------------------------
# Builders


def _fpdf_document(pages: list[list[tuple[str, str]]]) -> bytes:
    """A PDF whose pages hold ("heading" | "body", text) blocks; headings are set in a larger bold font."""
    pdf = FPDF()
    for blocks in pages:
        pdf.add_page()
        for kind, text in blocks:
            if kind == "heading":
                pdf.set_font("Helvetica", "B", 18)
            else:
                pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _handwritten_pdf(objects: list[bytes]) -> bytes:
    """A PDF from raw object bodies (object 1 is the catalog) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref_at = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at))
    return out.getvalue()


def _page_tree_pdf(content: bytes, kids: int = 1, declared_count: int | None = None) -> bytes:
    """One page object with a Flate content stream, referenced ``kids`` times from the page tree."""
    kid_refs = b" ".join([b"3 0 R"] * kids)
    return _handwritten_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, declared_count or kids),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _text_stream(text: str) -> bytes:
    return zlib.compress(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1"))


def _docx_with_extra_member(name: str, megabytes: int) -> bytes:
    """A valid DOCX plus a member of ``megabytes`` MB of zeros, streamed so the test stays light."""
    return _with_extra_member(
        docx_bytes(lambda document: document.add_paragraph("Harmless text.")), name, megabytes
    )


def _with_extra_member(data: bytes, name: str, megabytes: int) -> bytes:
    buffer = io.BytesIO(data)
    zeros = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open(name, "w", force_zip64=True) as member,
    ):
        for _ in range(megabytes):
            member.write(zeros)
    return buffer.getvalue()


def _reason(data: bytes, filename: str, **limits) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract_document(data, filename, limits=ExtractionLimits(**limits))
    return caught.value.reason


# ---------------------------------------------------------------------------------------------------------
# PDF


def test_pdf_pages_become_sections_with_page_numbers_and_detected_headings():
    data = _fpdf_document(
        [
            [("heading", "Soil Carbon Basics"), ("body", "Organic matter stores carbon. " * 12)],
            [("body", "Carried over from the previous page. " * 3)],
            [("heading", "Measuring Carbon"), ("body", "Dry combustion is the reference method. " * 6)],
        ]
    )

    sections = extract_document(data, "report.pdf")

    assert [(s.page_number, s.heading) for s in sections] == [
        (1, "Soil Carbon Basics"),
        (2, "Soil Carbon Basics"),
        (3, "Measuring Carbon"),
    ]
    assert sections[0].text.startswith("Organic matter stores carbon. Organic matter")
    assert "Soil Carbon Basics" not in sections[0].text
    assert "\n" not in sections[0].text  # hard-wrapped lines were joined into one paragraph


def test_pdf_rejoins_words_hyphenated_across_line_ends_but_keeps_capitalised_compounds():
    data = _fpdf_document(
        [[("body", "Stocks of soil-\ncarbon rise under cover crops.\n\nSee Franco-\nGerman trials.")]]
    )

    text = extract_document(data, "report.pdf")[0].text

    assert "soilcarbon rise" in text
    assert "Franco-German" in text


def test_pdf_encrypted_with_a_password_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_fpdf_document([[("body", "Secret soil data.")]]))))
    writer.encrypt("secret")

    assert _reason(_write(writer), "locked.pdf") == "PDF is encrypted"


def test_pdf_encrypted_with_empty_user_password_is_still_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_fpdf_document([[("body", "Open soil data.")]]))))
    writer.encrypt("", "owner-only")

    sections = extract_document(_write(writer), "restricted.pdf")

    assert sections[0].text == "Open soil data."


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_reported_as_damaged(keep):
    data = _fpdf_document([[("body", "Soil health matters. " * 200)]])

    assert _reason(data[: int(len(data) * keep)], "cut.pdf").startswith("PDF is damaged or truncated")


def test_pdf_without_pages_is_refused():
    assert _reason(_write(PdfWriter()), "empty.pdf") == "PDF has no pages"


def test_pdf_with_only_blank_pages_has_no_text():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)

    assert _reason(_write(writer), "scan.pdf") == "no text found (scanned images?)"


def test_pdf_page_limit_counts_real_pages():
    data = _fpdf_document([[("body", "Page one.")], [("body", "Page two.")], [("body", "Page three.")]])

    assert _reason(data, "long.pdf", max_pages=2) == "PDF has 3 pages; the limit is 2"
    assert len(extract_document(data, "long.pdf", limits=ExtractionLimits(max_pages=3))) == 3


def test_pdf_page_tree_far_beyond_the_limit_fails_fast():
    data = _page_tree_pdf(_text_stream("Hello"), kids=20_000)

    started = time.monotonic()
    reason = _reason(data, "bomb.pdf")

    assert reason == "PDF has 20000 pages; the limit is 2000"
    assert time.monotonic() - started < 5


def test_pdf_declared_page_count_is_not_trusted():
    data = _page_tree_pdf(_text_stream("Only one real page"), declared_count=10**9)

    sections = extract_document(data, "liar.pdf")

    assert sections == [Section(text="Only one real page", page_number=1)]


def test_pdf_flate_bomb_fails_fast_with_bounded_memory():
    data = _page_tree_pdf(inflating_stream(megabytes=500))
    assert len(data) < 1024 * 1024

    tracemalloc.start()
    started = time.monotonic()
    try:
        reason = _reason(data, "bomb.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert reason.startswith("PDF exceeds a safety limit")
    assert time.monotonic() - started < 10
    assert peak < 200 * 1024 * 1024


def test_pdf_extraction_stops_when_out_of_time():
    data = _fpdf_document([[("body", "Slow page.")]])

    assert _reason(data, "slow.pdf", timeout_seconds=0) == "extraction took longer than 0 seconds"


def test_pdf_with_too_much_text_is_refused():
    data = _fpdf_document([[("body", "Soil " * 500)], [("body", "Carbon " * 500)]])

    assert _reason(data, "huge.pdf", max_chars=3000) == "document has more than 3,000 characters of text"


def test_unexpected_pdf_library_errors_are_wrapped(monkeypatch):
    def explode(self, **kwargs):
        raise ValueError("font table is nonsense")

    monkeypatch.setattr(PageObject, "extract_text", explode)

    reason = _reason(_fpdf_document([[("body", "Text.")]]), "odd.pdf")

    assert reason == "could not read PDF: ValueError: font table is nonsense"


# ---------------------------------------------------------------------------------------------------------
# DOCX


def _report_docx(document) -> None:
    document.add_heading("Soil Survey", level=1)
    document.add_paragraph("Samples were taken in spring.")
    document.add_heading("Results", level=2)
    document.add_paragraph("Carbon rose in every plot.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Plot", "Carbon"
    table.cell(1, 0).text, table.cell(1, 1).text = "North", "2.4 %"
    document.add_paragraph("Trends continue.")


def test_docx_headings_paragraphs_and_tables_are_extracted_in_order():
    sections = extract_document(docx_bytes(_report_docx), "survey.DOCX")

    assert sections == [
        Section(text="Samples were taken in spring.", heading="Soil Survey"),
        Section(
            text="Carbon rose in every plot.\n\nPlot | Carbon\n\nNorth | 2.4 %\n\nTrends continue.",
            heading="Results",
        ),
    ]


def test_docx_zip_bomb_is_refused_before_decompression():
    data = _docx_with_extra_member("word/media/zeros.bin", megabytes=500)
    assert len(data) < 2 * 1024 * 1024

    started = time.monotonic()
    reason = _reason(data, "bomb.docx")

    assert reason.startswith("DOCX expands to 50") and reason.endswith(" MB; the limit is 200 MB")
    assert time.monotonic() - started < 2


def test_docx_member_with_extreme_compression_ratio_is_refused_even_under_the_size_limit():
    data = _docx_with_extra_member("word/media/zeros.bin", megabytes=20)

    assert _reason(data, "bomb.docx").startswith(
        "DOCX looks like a zip bomb (word/media/zeros.bin compresses"
    )


def test_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")

    assert _reason(buffer.getvalue(), "fake.docx") == "not a valid DOCX file (no word/document.xml)"


def test_unexpected_docx_library_errors_are_wrapped(monkeypatch):
    def explode(stream):
        raise RuntimeError("x" * 500)

    data = docx_bytes(_report_docx)
    monkeypatch.setattr(docx, "Document", explode)

    reason = _reason(data, "odd.docx")

    assert reason == "could not read DOCX: RuntimeError: " + "x" * 200 + "…"


# ---------------------------------------------------------------------------------------------------------
# XLSX, CSV, PPTX, ODT


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            archive.writestr(member.filename, content if member.filename == name else source.read(member))
    return target.getvalue()


def test_xlsx_sheets_become_sections_and_rows_paragraphs():
    data = xlsx_bytes(
        {
            "Plots": [
                ["Plot", "Carbon (%)", "Sampled"],
                ["North", 2.4, dt.datetime(2024, 3, 1)],
                [None, None, None],
                ["South", 12, None],
            ],
            "Notes": [["Carbon rose in every plot."]],
        }
    )

    assert extract_document(data, "survey.XLSX") == [
        Section(
            text="Plot | Carbon (%) | Sampled\n\nNorth | 2.4 | 2024-03-01\n\nSouth | 12", heading="Plots"
        ),
        Section(text="Carbon rose in every plot.", heading="Notes"),
    ]


def test_xlsx_formulas_give_their_last_computed_value_not_their_source():
    data = xlsx_bytes({"Sums": [["Total", "=SUM(1, 2)"]]})  # openpyxl stores no cached value: nothing to show

    assert extract_document(data, "sums.xlsx") == [Section(text="Total", heading="Sums")]


def test_csv_rows_become_paragraphs_whatever_the_delimiter():
    semicolons = b'Plot;Carbon\nNorth;2,4\n"South; east";3\n'
    commas = "Plot,Carbon\r\nNorth,2.4\r\n".encode("utf-8-sig")

    assert extract_document(semicolons, "plots.csv") == [
        Section(text="Plot | Carbon\n\nNorth | 2,4\n\nSouth; east | 3")
    ]
    assert extract_document(commas, "plots.CSV") == [Section(text="Plot | Carbon\n\nNorth | 2.4")]


def test_csv_with_a_field_beyond_the_csv_limit_is_refused():
    data = b'a,"' + b"x" * (200 * 1024) + b'"\n'

    assert _reason(data, "huge.csv").startswith("not a valid CSV file: field larger than field limit")


def test_pptx_slides_become_sections_with_their_text_tables_and_notes():
    data = pptx_bytes(
        [
            {
                "title": "Cover crops",
                "bullets": ["Keep the soil covered", "Roots feed soil carbon"],
                "notes": "Mention the Sahel trials.",
            },
            {"bullets": ["A slide without a title"], "table": [["Site", "Niger"], ["Year", "2024"]]},
        ]
    )

    assert extract_document(data, "deck.pptx") == [
        Section(
            text="Keep the soil covered\n\nRoots feed soil carbon\n\nMention the Sahel trials.",
            heading="Cover crops",
        ),
        Section(text="A slide without a title\n\nSite | Niger\n\nYear | 2024", heading="Slide 2"),
    ]


def test_odt_headings_paragraphs_and_tables_are_extracted_in_order():
    data = odt_bytes(
        [
            ("heading", "Soil survey"),
            ("paragraph", "Samples were taken in spring."),
            ("table", [["Plot", "Carbon"], ["North", "2.4 %"]]),
            ("heading", "Results"),
            ("paragraph", "Carbon rose in every plot."),
        ]
    )

    assert extract_document(data, "survey.odt") == [
        Section(
            text="Samples were taken in spring.\n\nPlot | Carbon\n\nNorth | 2.4 %", heading="Soil survey"
        ),
        Section(text="Carbon rose in every plot.", heading="Results"),
    ]


def test_odt_space_counts_are_never_expanded():
    """<text:s text:c="N"/> stands for N spaces: it may not turn a small file into gigabytes of text."""
    data = odt_bytes([("paragraph", "Compost PLACEHOLDER works.")])
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    spaces = '<text:s text:c="1000000000"/>' * 3
    hostile = _replace_member(data, "content.xml", content.replace("PLACEHOLDER", spaces).encode())

    tracemalloc.start()
    try:
        sections = extract_document(hostile, "spaces.odt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert sections == [Section(text="Compost works.")]
    assert peak < 20 * 1024 * 1024


def test_odt_entity_bomb_is_refused_fast():
    data = odt_bytes([("paragraph", "Compost PLACEHOLDER works.")])
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    laughs = "".join(
        f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(8)
    )  # &i; is 10^8 times "aaaaaaaaaa"
    dtd = f'<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa">{laughs}]>'
    content = content.replace("?>", "?>" + dtd, 1).replace("PLACEHOLDER", "&i;")

    started = time.monotonic()
    reason = _reason(_replace_member(data, "content.xml", content.encode()), "laughs.odt")

    assert reason.startswith("not a valid ODT file (content.xml: ") and "entity" in reason
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("XLSX", lambda: xlsx_bytes({"Sheet": [["x"]]})),
        ("PPTX", lambda: pptx_bytes([{"title": "x"}])),
        ("ODT", lambda: odt_bytes([("paragraph", "x")])),
    ],
)
def test_zipped_formats_refuse_zip_bombs_and_archives_of_another_kind(kind, data):
    bomb = _with_extra_member(data(), "media/zeros.bin", megabytes=250)
    assert _reason(bomb, f"bomb.{kind.lower()}").startswith(f"{kind} expands to 25")
    dense = _with_extra_member(data(), "media/zeros.bin", megabytes=20)
    assert _reason(dense, f"dense.{kind.lower()}").startswith(
        f"{kind} looks like a zip bomb (media/zeros.bin"
    )

    other = docx_bytes(lambda document: document.add_paragraph("A Word document renamed."))
    required = {"XLSX": "xl/workbook.xml", "PPTX": "ppt/presentation.xml", "ODT": "content.xml"}[kind]
    assert _reason(other, f"renamed.{kind.lower()}") == f"not a valid {kind} file (no {required})"


@pytest.mark.parametrize(
    ("filename", "part", "reason"),
    [
        ("broken.xlsx", "xl/workbook.xml", "could not read XLSX: "),
        ("broken.pptx", "ppt/presentation.xml", "could not read PPTX: "),
        ("broken.odt", "content.xml", "not a valid ODT file (content.xml: "),
    ],
)
def test_zipped_formats_with_a_broken_main_part_say_so(filename, part, reason):
    builders = {
        "xlsx": lambda: xlsx_bytes({"Sheet": [["x"]]}),
        "pptx": lambda: pptx_bytes([{"title": "x"}]),
        "odt": lambda: odt_bytes([("paragraph", "x")]),
    }
    data = _replace_member(builders[filename.rsplit(".", 1)[1]](), part, b"<not xml")

    assert _reason(data, filename).startswith(reason)


# ---------------------------------------------------------------------------------------------------------
# Plain text, Markdown, HTML


def test_text_joins_hard_wrapped_lines_and_normalises_unicode():
    data = "First line\nwrapped here.\r\n\r\nCafe\u0301 \x07bell\tand  spaces.\n".encode()

    assert extract_document(data, "notes.txt") == [
        Section(text="First line wrapped here.\n\nCafé bell and spaces.")
    ]


def test_text_in_many_scripts_is_kept_intact():
    data = "\n\n".join(MULTILINGUAL.values()).encode()

    text = extract_document(data, "multi.txt")[0].text

    assert text.split("\n\n") == list(MULTILINGUAL.values())


def test_text_that_is_not_utf8_is_decoded_with_replacement_characters():
    data = "Caf\xe9 au lait, cr\xe8me".encode("latin-1")

    assert extract_document(data, "old.txt")[0].text == "Caf\ufffd au lait, cr\ufffdme"


def test_utf16_text_with_byte_order_mark_is_decoded():
    assert extract_document("Sol vivant".encode("utf-16"), "windows.txt")[0].text == "Sol vivant"


def test_markdown_headings_start_sections():
    data = b"# Guide\n\nIntro *text*.\n\n## Cover crops\n\n- rye\n- clover\n\n<script>alert(1)</script>\n"

    assert extract_document(data, "guide.md") == [
        Section(text="Intro text.", heading="Guide"),
        Section(text="rye\n\nclover", heading="Cover crops"),
    ]


def test_html_drops_scripts_styles_and_attributes():
    html = """<html><head><title>T</title><style>p {color: red}</style></head><body>
        <p onclick="steal()">Visible <b>soil</b>&nbsp;text</p><script>alert(1)</script>
        <noscript>enable js</noscript><template>hidden</template><svg><text>logo</text></svg>
        <!-- comment --><iframe src="x">frame</iframe></body></html>"""

    sections = extract_document(html.encode(), "page.html")

    assert sections == [Section(text="Visible soil text")]


def test_html_fragment_headings_and_blocks_become_sections_and_paragraphs():
    html = (
        "<p>Lead <a href='/x'>link</a>.</p><h2>Practices <em>that work</em></h2>"
        "<div>Intro<p>Nested</p>tail<br>after break</div><ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>cell a</td><td>cell b</td></tr></table><blockquote>quote</blockquote>"
        "<h3></h3><pre>code   block</pre>"
    )

    assert html_to_sections(html) == [
        Section(text="Lead link."),
        Section(
            text="\n\n".join(
                [
                    "Intro",
                    "Nested",
                    "tail",
                    "after break",
                    "one",
                    "two",
                    "cell a",
                    "cell b",
                    "quote",
                    "code block",
                ]
            ),
            heading="Practices that work",
        ),
    ]


def test_html_keeps_every_script_intact():
    html = "".join(f"<h2>{name}</h2><p>{text}</p>" for name, text in MULTILINGUAL.items())

    sections = html_to_sections(html)

    assert {section.heading: section.text for section in sections} == MULTILINGUAL


def test_html_without_visible_text_gives_no_sections():
    assert html_to_sections("<script>alert(1)</script><p>  </p>") == []


def test_docx_keeps_every_script_intact():
    def build(document):
        for text in MULTILINGUAL.values():
            document.add_paragraph(text)

    text = extract_document(docx_bytes(build), "multi.docx")[0].text

    assert text.split("\n\n") == list(MULTILINGUAL.values())


# ---------------------------------------------------------------------------------------------------------
# Refusals common to all formats


@pytest.mark.parametrize(
    ("filename", "reason"),
    [
        ("junk.pdf", "not a valid PDF file"),
        ("junk.docx", "not a valid DOCX file"),
        ("junk.txt", "file does not look like text (it contains binary data)"),
        ("junk.md", "file does not look like text (it contains binary data)"),
        ("junk.html", "file does not look like text (it contains binary data)"),
        ("junk.csv", "file does not look like text (it contains binary data)"),
        ("junk.xlsx", "not a valid XLSX file"),
        ("junk.pptx", "not a valid PPTX file"),
        ("junk.odt", "not a valid ODT file"),
    ],
)
def test_binary_junk_is_refused_whatever_its_name(filename, reason):
    junk = bytes(range(256)) * 64 + b"\x89PNG\r\n\x1a\n"

    assert _reason(junk, filename) == reason


def test_binary_junk_without_nul_bytes_is_still_not_text():
    junk = bytes(byte for byte in range(1, 256)) * 64

    assert _reason(junk, "junk.txt") == "file does not look like text (it contains binary data)"


def test_zip_with_broken_member_is_reported_not_crashed():
    data = bytearray(docx_bytes(_report_docx))
    data[200:400] = bytes(200)

    assert _reason(bytes(data), "broken.docx").startswith(("not a valid DOCX file", "could not read DOCX"))


@pytest.mark.parametrize(
    "filename", ["empty.txt", "empty.pdf", "empty.docx", "empty.md", "empty.csv", "empty.xlsx", "empty.odt"]
)
def test_empty_file_is_refused(filename):
    assert _reason(b"", filename) == "file is empty"


def test_text_file_with_only_whitespace_has_no_text():
    assert _reason(b" \n\n\t \n", "blank.txt") == "no text found"


@pytest.mark.parametrize(("filename", "shown"), [("image.png", ".png"), ("README", "(no extension)")])
def test_unsupported_extension_is_refused(filename, shown):
    assert _reason(b"data", filename) == f"unsupported file type {shown}"


def test_file_over_the_size_limit_is_refused_before_parsing():
    assert _reason(b"x" * 2048, "big.txt", max_bytes=1024) == "file is larger than 1,024 bytes"


def test_default_size_limit_is_stated_in_megabytes():
    data = b"a" * (50 * 1024 * 1024 + 1)

    assert _reason(data, "big.txt") == "file is larger than 50 MB"


def test_text_over_the_character_limit_is_refused():
    assert (
        _reason(b"word " * 100, "long.txt", max_chars=100) == "document has more than 100 characters of text"
    )


def test_text_file_with_only_a_byte_order_mark_has_no_text():
    assert _reason(b"\xef\xbb\xbf", "bom.txt") == "no text found"
