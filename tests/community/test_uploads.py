"""PDF uploads: refused past the size limit while they stream in (never held whole), checked by content."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, TemporaryFileUploadHandler
from django.test import RequestFactory
from pypdf import PdfReader, PdfWriter

from community.uploads import SizeLimitUploadHandler, validate_pdf

from .conftest import pdf_bytes

LIMIT = 100 * 1024


class ReceivedBytes(FileUploadHandler):
    """Placed after the size limit: records how many bytes of each file got past it."""

    def __init__(self, request):
        super().__init__(request)
        self.received: dict[str, int] = {}

    def receive_data_chunk(self, raw_data, start):
        self.received[self.field_name] = self.received.get(self.field_name, 0) + len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


def test_the_size_limit_drops_a_large_file_as_it_arrives_and_keeps_the_rest():
    request = RequestFactory().post(
        "/join/",
        {
            "organization_name": "Stewards",
            "declaration": SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (10 * LIMIT)),
            "annex": SimpleUploadedFile("small.pdf", pdf_bytes()),
        },
    )
    received = ReceivedBytes(request)
    request.upload_handlers = [
        SizeLimitUploadHandler(request, limit=LIMIT),
        received,
        TemporaryFileUploadHandler(request),
    ]
    assert request.POST["organization_name"] == "Stewards"
    assert "declaration" not in request.FILES
    assert request.FILES["annex"].read() == pdf_bytes(), "a file within the limit after a dropped one is kept"
    assert request.oversized_uploads == {"declaration"}
    assert received.received["declaration"] <= LIMIT, "nothing past the limit reached the next handlers"


def encrypted_pdf(user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_is_refused_but_permissions_only_protection_is_fine():
    with pytest.raises(ValidationError, match="protected by a password"):
        validate_pdf(SimpleUploadedFile("d.pdf", encrypted_pdf("secret", "owner")), limit=LIMIT)
    validate_pdf(SimpleUploadedFile("d.pdf", encrypted_pdf("", "owner")), limit=LIMIT)


def test_a_pdf_without_pages_is_refused():
    out = io.BytesIO()
    PdfWriter().write(out)
    with pytest.raises(ValidationError, match="no pages"):
        validate_pdf(SimpleUploadedFile("d.pdf", out.getvalue()), limit=LIMIT)


def test_a_pdf_signature_after_leading_bytes_is_accepted():
    # The PDF specification allows the header anywhere in the first 1024 bytes (some scanners add a prefix).
    validate_pdf(SimpleUploadedFile("d.pdf", b"\n" * 10 + pdf_bytes()), limit=LIMIT)
