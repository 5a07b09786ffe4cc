"""Where applicants' files live: outside MEDIA_ROOT, with no URL. Only the admin download view serves them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """A file system storage under COMMUNITY_PRIVATE_MEDIA_ROOT that refuses to build public URLs.

    Files under MEDIA_ROOT are reachable by URL (images at /media/, documents through /documents/: cms/media.py)
    and a proxy may serve that folder; a signed declaration of intent must be neither. The root is read from the
    settings when first used (and again after a test overrides it), like FileSystemStorage does for MEDIA_ROOT.
    """

    def __init__(self) -> None:
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    @cached_property
    def base_location(self):
        return settings.COMMUNITY_PRIVATE_MEDIA_ROOT

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "COMMUNITY_PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no public URL: the Secretariat downloads them from the admin.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def declaration_path(instance, filename: str) -> str:
    """A random name: the applicant's file name is neither trusted nor kept."""
    return f"declarations/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"
