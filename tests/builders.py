"""Files built in tests: real PDFs (fpdf2), Word documents (python-docx) and compression bombs."""

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
