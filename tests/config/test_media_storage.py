"""config/storage.py: a file the disk stops taking half-way (full, read-only) is removed, not left half-written."""

from __future__ import annotations

import errno

import pytest
from django.core.files.base import ContentFile

from config.storage import MediaStorage


class DiskFullHalfway(ContentFile):
    """Content whose second chunk meets a full disk (the error FileSystemStorage's write loop gets on ENOSPC)."""

    def chunks(self, chunk_size=None):
        yield b"%PDF-1.4 first part\n" * 100
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_file_the_disk_stops_taking_is_removed(tmp_path):
    storage = MediaStorage(location=tmp_path)
    with pytest.raises(OSError) as raised:
        storage.save("documents/trial.pdf", DiskFullHalfway(b""))
    assert raised.value.errno == errno.ENOSPC
    assert list((tmp_path / "documents").iterdir()) == []  # Django's FileSystemStorage leaves the first part
    assert storage.save("documents/trial.pdf", ContentFile(b"%PDF-1.4 whole")) == "documents/trial.pdf"
