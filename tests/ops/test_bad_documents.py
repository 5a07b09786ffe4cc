"""Hostile and broken documents and content through the real sync path (Wagtail documents, reindex_site, the
real model and database): each ends indexed safely or recorded as failed with a reason, in bounded time and
memory, without stopping the good documents of the same run. And no script from content or from a query
is ever rendered as markup, rich text stored outside the editor included (the browser side is covered by the
Playwright tests).

tests/knowledge/test_extraction.py unit-tests the extractors; this is the integration level.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import resource
import time
import zipfile
import zlib

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.models import ProjectPage, WebinarPage
from knowledge import sync
from knowledge.embeddings import get_embedder
from knowledge.models import SITE_NAMESPACE, Chunk, Source
from tests.builders import docx_bytes, inflating_stream, odt_bytes, pdf_bytes, pptx_bytes, xlsx_bytes
from tests.conftest import add_page, days_from_today, publish

pytestmark = pytest.mark.django_db

Document = get_document_model()

PER_DOCUMENT_SECONDS = 30
RSS_GROWTH_LIMIT_MB = 600

MULTILINGUAL = {
    "arabic": "التربة الصحية أساس الأمن الغذائي",
    "hebrew": "אדמה בריאה היא הבסיס לביטחון תזונתי",
    "chinese": "土壤有机碳是粮食安全的基础",
    "japanese": "健全な土壌は食料安全保障の基盤です",
    "korean": "건강한 토양은 식량 안보의 기초입니다",
    "hindi": "स्वस्थ मिट्टी खाद्य सुरक्षा की नींव है",
    "thai": "ดินที่ดีเป็นรากฐานของความมั่นคงทางอาหาร",
    "amharic": "ጤናማ አፈር የምግብ ዋስትና መሠረት ነው",
    "russian": "Здоровая почва — основа продовольственной безопасности",
    "greek": "Το υγιές έδαφος είναι θεμέλιο της επισιτιστικής ασφάλειας",
    "vietnamese": "Đất khỏe là nền tảng của an ninh lương thực",
    "french": "Le carbone du sol protège l'écosystème à l'échelle régionale",
}

HOSTILE_HTML = """<!DOCTYPE html><html><head><title>x</title><script>alert('head')</script></head><body>
<h1>Compost guide</h1>
<p onclick="alert('click')">Compost adds organic carbon to tired soils.</p>
<img src="x" onerror="alert('img')"><svg onload="alert('svg')"></svg>
<script>document.write('<b>injected</b>')</script><iframe src="javascript:alert('frame')"></iframe>
<p>Turn the heap every two weeks <a href="javascript:alert('link')">see here</a>.</p>
</body></html>"""

# --- Builders ---------------------------------------------------------------------------------------------------


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Confidential soil data."))))
    writer.encrypt("secret")
    return _write(writer)


def handwritten_pdf(objects: list[bytes]) -> bytes:
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


def page_tree_pdf(content: bytes, kids: int, declared_count: int) -> bytes:
    return handwritten_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join([b"3 0 R"] * kids), declared_count),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def docx_zip_bomb(megabytes: int) -> bytes:
    buffer = io.BytesIO(docx_bytes(lambda document: document.add_paragraph("Harmless text.")))
    zeros = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/zeros.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(megabytes):
            member.write(zeros)
    return buffer.getvalue()


def good_docx() -> bytes:
    def build(document):
        document.add_heading("Agroforestry in the Sahel", level=1)
        document.add_paragraph("Trees between millet rows raised soil carbon over ten years.")
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "Site"
        table.rows[0].cells[1].text = "Niger"

    return docx_bytes(build)


GOOD_PDF = pdf_bytes(
    "Biochar trials in western Kenya raised soil organic carbon by a fifth in three seasons. " * 8,
    "Yields of maize followed the carbon gains on the poorest plots. " * 6,
)

JUNK = random.Random(4_1000)  # seeded: the same junk, hence the same reasons, on every run

# name -> (bytes, expected outcome: "indexed", or substrings of the failure reason separated by "|")
CORPUS: dict[str, tuple[bytes, str]] = {
    "good.pdf": (GOOD_PDF, "indexed"),
    "good.docx": (good_docx(), "indexed"),
    "multilingual.txt": ("\n\n".join(f"{k}: {v}" for k, v in MULTILINGUAL.items()).encode(), "indexed"),
    "multilingual.md": (
        ("# Sols du monde\n\n" + "\n\n".join(f"## {k}\n\n{v}" for k, v in MULTILINGUAL.items())).encode(
            "utf-8"
        ),
        "indexed",
    ),
    "hostile.html": (HOSTILE_HTML.encode(), "indexed"),
    "good.xlsx": (xlsx_bytes({"Plots": [["Plot", "Carbon"], ["Sahel", 1.2]]}), "indexed"),
    "good.csv": (b"Plot,Carbon\nSahel,1.2\nAndes,3.4\n", "indexed"),
    "good.pptx": (
        pptx_bytes([{"title": "Zai pits", "bullets": ["Pits gather water and compost."]}]),
        "indexed",
    ),
    "good.odt": (odt_bytes([("heading", "Mulch"), ("paragraph", "Mulch keeps the soil cool.")]), "indexed"),
    "truncated.pdf": (GOOD_PDF[: len(GOOD_PDF) // 2], "PDF is damaged or truncated"),
    "encrypted.pdf": (encrypted_pdf(), "PDF is encrypted"),
    "zero-pages.pdf": (_write(PdfWriter()), "PDF has no pages"),
    "blank-page.pdf": (
        _write((lambda w: (w.add_blank_page(595, 842), w)[1])(PdfWriter())),
        "no text found (scanned images?)",
    ),
    "page-bomb.pdf": (
        page_tree_pdf(zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"), kids=20_000, declared_count=10**9),
        "pages",
    ),
    "flate-bomb.pdf": (page_tree_pdf(inflating_stream(300), kids=1, declared_count=1), "safety limit"),
    "zip-bomb.docx": (docx_zip_bomb(300), "DOCX expands to"),
    "renamed.xlsx": (good_docx(), "not a valid XLSX file (no xl/workbook.xml)"),
    "junk.pptx": (b"PK\x03\x04" + JUNK.randbytes(16 * 1024), "not a valid PPTX file"),
    "junk.odt": (JUNK.randbytes(16 * 1024), "not a valid ODT file"),
    "junk.pdf": (JUNK.randbytes(64 * 1024).replace(b"%PDF-", b"xxxxx"), "not a valid PDF file"),
    "junk-with-header.pdf": (
        b"%PDF-1.7\n" + JUNK.randbytes(64 * 1024),
        "PDF is damaged or truncated|could not read PDF",
    ),
    "junk.docx": (JUNK.randbytes(32 * 1024), "not a valid DOCX file"),
    "junk.txt": (JUNK.randbytes(32 * 1024) + b"\x00", "does not look like text"),
    "empty.md": (b"", "file is empty"),
}


def make_document(name: str, data: bytes):
    document = Document(title=f"Ops {name}", collection=Collection.get_first_root_node())
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def source_of(document) -> Source | None:
    return Source.objects.filter(
        namespace=SITE_NAMESPACE, kind="document", object_id=str(document.pk)
    ).first()


# --- The corpus, in one reindex run -------------------------------------------------------------------------


def test_bad_documents_fail_with_a_reason_and_good_ones_index_in_the_same_run():
    get_embedder()  # the model's own memory is not what this test bounds
    documents = {name: make_document(name, data) for name, (data, _) in CORPUS.items()}
    work = [("document", document.pk) for document in documents.values()]

    marks = [time.perf_counter()]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stats = sync.reindex_site(
        work, batch_size=1, on_batch=lambda done, stats: marks.append(time.perf_counter())
    )
    rss_growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024

    durations = {name: marks[i + 1] - marks[i] for i, name in enumerate(documents)}
    slow = {name: round(seconds, 1) for name, seconds in durations.items() if seconds > PER_DOCUMENT_SECONDS}
    assert not slow, f"documents over {PER_DOCUMENT_SECONDS}s: {slow}"
    assert rss_growth_mb < RSS_GROWTH_LIMIT_MB, f"peak RSS grew by {rss_growth_mb:.0f} MB"

    outcomes = {}
    for name, document in documents.items():
        source = source_of(document)
        assert source is not None, f"{name}: no source recorded"
        outcomes[name] = "indexed" if source.status == "indexed" else source.error
    mismatched = {
        name: outcomes[name]
        for name, (_, expected) in CORPUS.items()
        if (expected == "indexed") != (outcomes[name] == "indexed")
        or not any(part in outcomes[name] for part in expected.split("|"))
    }
    assert not mismatched, mismatched
    good = [name for name, (_, expected) in CORPUS.items() if expected == "indexed"]
    assert stats.indexed == len(good) and stats.failed == len(CORPUS) - len(good), stats

    for name in good:
        source = source_of(documents[name])
        assert source.chunk_count > 0 and source.chunk_count == Chunk.objects.filter(source=source).count()
    failed = Source.objects.filter(status="failed", document_id__in=[d.pk for d in documents.values()])
    assert not Chunk.objects.filter(source__in=failed).exists()

    texts = " ".join(
        Chunk.objects.filter(source__document_id__in=[documents[n].pk for n in good]).values_list(
            "text", flat=True
        )
    )
    for sentence in MULTILINGUAL.values():
        assert sentence in texts  # every script survives extraction and chunking intact
    hostile = " ".join(
        Chunk.objects.filter(source=source_of(documents["hostile.html"])).values_list("text", flat=True)
    )
    assert "Compost adds organic carbon" in hostile
    assert not any(
        word in hostile for word in ("alert", "onerror", "javascript", "document.write", "injected")
    )

    # A second run has nothing to do for the good ones and records the bad ones again, still bounded.
    again = sync.reindex_site(work, batch_size=4)
    assert again.unchanged == len(good) and again.failed == len(CORPUS) - len(good)


# --- No script from content or a query is rendered as markup ------------------------------------------------


def _inert_json(text: str) -> bool:
    """JSON-LD that parses and holds no raw '<' (so no tag inside can end the script element)."""
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def javascript_catalogues() -> set[str]:
    """The scripts' strings in each language (Django's JavaScript catalogue, config/urls.py): the site's own."""
    addresses = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            addresses.add(reverse("javascript_catalog"))
    return addresses


def hostile_markup(html: str) -> list[str]:
    """Script elements, event-handler attributes and javascript: URLs that are not the site's own."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json" and _inert_json(script.string or ""):
            continue  # the page's own structured data (templates/includes/head_meta.html)
        source = script.get("src") or ""
        if not (source.startswith("/static/") or source in javascript_catalogues()) or script.string:
            found.append(str(script)[:200])
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"<{tag.name} {attribute}=...>")
            url_attribute = attribute.lower() in {"href", "src", "action", "formaction"}
            if url_attribute and str(value).strip().lower().startswith("javascript:"):
                found.append(f"<{tag.name} {attribute}={value!r}>")
    return found


TITLE = "<script>alert('title')</script> Biochar in <b>sandy</b> soils"
SUMMARY = "<img src=x onerror=alert('summary')> Biochar field trials on sandy soils in Benin."


@pytest.fixture
def hostile_project(site_tree):
    page = add_page(site_tree.projects, ProjectPage, title=TITLE, summary=SUMMARY)
    sync.sync_page(page.pk)
    return page


def test_hostile_page_fields_render_escaped(client, hostile_project):
    response = client.get(hostile_project.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert hostile_markup(html) == []
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html  # shown as text, not run


@pytest.mark.parametrize(
    "query",
    [
        "biochar sandy",
        "<script>alert('q')</script> biochar",
        '"><img src=x onerror=alert(1)> biochar',
        "javascript:alert(1)",
        "' onmouseover='alert(1)",
    ],
)
def test_search_page_never_renders_a_script_from_content_or_query(client, hostile_project, query):
    response = client.get("/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code in {200, 400}
    assert hostile_markup(html) == []
    if "biochar" in query:
        assert "Biochar in" in html  # the hostile page is among the results, escaped


def test_search_page_shows_passages_of_a_hostile_html_document_as_text(client, site_tree):
    document = make_document("hostile-guide.html", HOSTILE_HTML.encode())
    sync.sync_document(document.pk)
    assert source_of(document).status == "indexed"

    html = client.get("/search/", {"q": "compost organic carbon"}).content.decode()

    assert "Compost adds organic" in html or "Compost</mark> adds" in html or "<mark>Compost" in html
    assert hostile_markup(html) == []


def test_uploaded_html_document_is_served_as_an_attachment_with_a_locked_down_csp(client, site_tree):
    document = make_document("hostile-download.html", HOSTILE_HTML.encode())

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "default-src 'none'" in response["Content-Security-Policy"]


HOSTILE_RICH_TEXT = (
    '<p onclick="alert(1)">Mulch <b>keeps</b> soil <a href="javascript:alert(2)">cool</a>.</p>'
    "<script>alert('rich')</script><img src=x onerror=alert('rich')><style>p {}</style>"
    '<iframe src="https://evil.example/"></iframe><svg onload="alert(3)"></svg>'
)


def test_rich_text_stored_outside_the_editor_is_sanitised_on_the_site(client, site_tree):
    """Rich text written without the editor (an import, a script): the |richtext filter of a RichTextField and
    the paragraph and callout blocks of a StreamField body render it without script, handler or iframe."""
    body = [
        ("paragraph", HOSTILE_RICH_TEXT),
        ("callout", {"title": "Key figure", "text": HOSTILE_RICH_TEXT, "tone": "info"}),
    ]
    project = add_page(site_tree.projects, ProjectPage, title="Mulch", summary="Mulch.", body=body)
    webinar = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Mulch webinar",
        start_date=days_from_today(10),
        start_time=dt.time(14, 0),
        abstract=HOSTILE_RICH_TEXT,
    )

    for page in (project, webinar):
        html = client.get(page.url).content.decode()
        assert hostile_markup(html) == [], page.title
        assert "alert(" not in html and "<iframe" not in html and "<img" not in html
        assert "Mulch <b>keeps</b> soil" in html  # the editor's own markup stays


def test_rich_text_stored_outside_the_editor_is_sanitised_in_the_api(client, site_tree):
    body = [("paragraph", HOSTILE_RICH_TEXT)]
    page = add_page(site_tree.projects, ProjectPage, title="Mulch", summary="Mulch.", body=body)
    site_tree.projects.intro = HOSTILE_RICH_TEXT
    publish(site_tree.projects)

    for url in (f"/api/v2/pages/{page.pk}/", f"/api/v2/pages/{site_tree.projects.pk}/"):
        data = client.get(url).json()
        rich = [block["value"] for block in data.get("body", [])] + [data.get("intro") or ""]
        html = "".join(rich)
        assert "Mulch <b>keeps</b> soil" in html, url
        assert hostile_markup(html) == [] and "alert(" not in html and "<iframe" not in html, html


def test_rich_text_the_editor_produces_renders_unchanged(client, site_tree):
    """Everything RICH_TEXT_FEATURES can write survives: links to pages, documents and the web, lists, bold,
    italic, superscript, subscript, line breaks."""
    document = make_document("mulch-guide.txt", b"Mulch guide.")
    target = add_page(site_tree.projects, ProjectPage, title="Compost", summary="Compost.")
    stored = (
        '<p data-block-key="a1"><b>Bold</b>, <i>italic</i>, CO<sub>2</sub>, m<sup>2</sup>,<br/>'
        f'<a linktype="page" id="{target.pk}">a page</a>, <a linktype="document" id="{document.pk}">a file</a>, '
        '<a href="https://4p1000.org/">the web</a>, <a href="mailto:hub@example.org">mail</a></p>'
        '<ul><li data-block-key="b1">one</li></ul><ol><li data-block-key="c1">two</li></ol>'
    )
    page = add_page(
        site_tree.projects, ProjectPage, title="Mulch", summary="Mulch.", body=[("paragraph", stored)]
    )

    html = client.get(page.url).content.decode().replace("<br/>", "<br>")  # either spelling of HTML5

    expected = (
        '<p data-block-key="a1"><b>Bold</b>, <i>italic</i>, CO<sub>2</sub>, m<sup>2</sup>,<br>'
        f'<a href="{target.url}">a page</a>, <a href="{document.url}">a file</a>, '
        '<a href="https://4p1000.org/">the web</a>, <a href="mailto:hub@example.org">mail</a></p>'
        '<ul><li data-block-key="b1">one</li></ul><ol><li data-block-key="c1">two</li></ol>'
    )
    assert expected in html


def test_rich_text_saved_through_the_editor_loses_scripts_and_handlers():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from cms.blocks import RICH_TEXT_FEATURES

    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    hostile = '<p onclick="alert(1)">Mulch.</p><script>alert(2)</script><img src=x onerror=alert(3)>'
    saved = converter.to_database_format(converter.from_database_format(hostile))

    assert "Mulch." in saved
    assert hostile_markup(saved) == [] and "<script" not in saved
