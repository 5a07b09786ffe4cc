"""PDF uploads: size refused while the upload streams in, type checked by content, never by name.

A file over the limit is dropped by `SizeLimitUploadHandler` chunk by chunk as it arrives (no memory or disk
holds more than the limit); the form then reports it next to the field, with the other answers kept. A file
within the limit must start with the PDF signature and open in pypdf with at least one page.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"
# The PDF specification lets the signature start anywhere in the first 1024 bytes.
SIGNATURE_WINDOW = 1024


class SizeLimitUploadHandler(FileUploadHandler):
    """Placed first among the request's upload handlers by the form views (before anything reads the body).

    Counts the bytes of each file field as they arrive; past `limit` it raises SkipFile, so Django closes (and
    deletes) whatever the next handlers buffered and discards the rest of that file as it streams in. The
    field names that were too large are left in `request.oversized_uploads` for the form.
    """

    def __init__(self, request, *, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        request.oversized_uploads = set()

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.oversized_uploads.add(self.field_name)
            logger.info("Upload in %s refused: larger than %s bytes", self.field_name, self.limit)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def install_size_limit(request, *, limit: int) -> None:
    """Call before request.POST / request.FILES are first read (views doing so are csrf_exempt outside and
    csrf_protect inside, as Django's documentation on upload handlers describes)."""
    request.upload_handlers.insert(0, SizeLimitUploadHandler(request, limit=limit))


def too_large_message(limit: int) -> str:
    return _("The file is larger than %(limit)s. Please send a smaller PDF.") % {
        "limit": filesizeformat(limit)
    }


def validate_pdf(uploaded, *, limit: int) -> None:
    """Raise ValidationError unless `uploaded` is a readable PDF of at most `limit` bytes."""
    if uploaded.size > limit:
        raise ValidationError(too_large_message(limit), code="too_large")
    uploaded.seek(0)
    head = uploaded.read(SIGNATURE_WINDOW)
    uploaded.seek(0)
    if PDF_SIGNATURE not in head:
        raise ValidationError(
            _("This file is not a PDF (whatever its name says). Please send the document as a PDF."),
            code="not_pdf",
        )
    try:
        reader = PdfReader(uploaded, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("This PDF is protected by a password. Please send it without one."), code="encrypted"
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.info("Uploaded PDF refused: %s: %s", error.__class__.__name__, error)
        raise ValidationError(
            _("This PDF is damaged or incomplete and cannot be opened. Please export it again."),
            code="unreadable",
        ) from error
    finally:
        uploaded.seek(0)
    if pages < 1:
        raise ValidationError(_("This PDF has no pages."), code="empty")
