"""The local media storage: a file that cannot be written whole is not left half-written.

Django's FileSystemStorage writes an upload chunk by chunk into its final name; when the disk fills up (ENOSPC) or
turns read-only (EROFS) in the middle, the error propagates and the partial file stays, under a name no row points
to. This storage removes it before the error goes on to config.middleware.StorageUnavailableMiddleware (a clear
507 answer). Rows are not the storage's business: every upload path saves the file before the row that points to it,
inside the request's transaction, so a failed save leaves no row behind (bench/stack.py --faults media checks both).
"""

from __future__ import annotations

import contextlib
import os

from django.core.files.storage import FileSystemStorage


class MediaNotWritable(OSError):
    """The media folder did not take a file (full, read-only, not a folder): answered 507 by the middleware."""


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            with contextlib.suppress(OSError):  # nothing was created, or the folder itself is unreachable
                os.remove(self.path(name))
            raise MediaNotWritable(error.errno, f"{name}: {error.strerror or error}") from error
