"""How uploaded files leave the server: images at /media/, documents only through Wagtail's /documents/<id>/<name>.

- **/media/** serves image files and renditions of images outside private collections (the folders ``images/``
  and ``original_images/``), in development as in production, whatever DEBUG says; in production the proxy
  serves those two folders itself (README, "Serving media and documents"). Documents are never served here:
  ``documents/`` and every other folder answer 404.
- **/documents/<id>/<name>** is Wagtail's serve view. Wagtail's ``before_serve_document`` hook checks the
  collection's view restrictions (login, groups, password); ours (``cms/wagtail_hooks.py``) then applies the
  pages' half of the visibility rule (``cms.visibility``): a document used only by drafts or private pages is
  served only to those who may see one of them.
- Once both checks passed, ``DOCUMENTS_SERVE`` says how the bytes go out: streamed by Django (``django``), handed
  to nginx with ``X-Accel-Redirect`` (``nginx``, through ``sendfile`` below, Wagtail's ``SENDFILE_BACKEND``), or a
  redirect to the storage's own signed URL (``redirect``: Wagtail's ``WAGTAILDOCS_SERVE_METHOD``).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve as serve_file
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.utils import sendfile_streaming_backend

from .visibility import document_use_is_visible, pages_using_document, visible_images

PUBLIC_FOLDERS = ("images", "original_images")


def _public_image_name(path: str) -> str | None:
    """The storage name of a file under a public folder, or None for anything else (other folders, `..`, `.`,
    empty segments, backslashes, NUL)."""
    parts = path.split("/")
    if len(parts) < 2 or parts[0] not in PUBLIC_FOLDERS or "\\" in path or "\x00" in path:
        return None
    if any(part in ("", ".", "..") for part in parts):
        return None
    return path


def _is_visible_image_file(name: str) -> bool:
    images = visible_images()
    if name.startswith("original_images/"):
        return images.filter(file=name).exists()
    renditions = get_image_model().get_rendition_model().objects
    return renditions.filter(file=name, image__in=images).exists()


def serve_public_image(request: HttpRequest, path: str) -> HttpResponse:
    """/media/<path>: the file of an image outside private collections, or of one of its renditions; else 404."""
    name = _public_image_name(path)
    if name is None or not _is_visible_image_file(name):
        raise Http404("Not a public image.")
    return serve_file(request, name, document_root=settings.MEDIA_ROOT)


def may_serve_document(document, request: HttpRequest) -> bool:
    """The pages' half of the visibility rule, for the serve view (collection restrictions are Wagtail's hook).

    A document that a visible page uses, or that no page uses, is served. One used only by drafts or private pages
    is served to people who may use the admin (editors and reviewers open drafts there) and to visitors who passed
    the view restrictions of a live page that uses it (a private page's own readers); to nobody else.
    """
    if document_use_is_visible(document):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    pages = Page.objects.live().filter(pk__in=pages_using_document(document.pk))
    return any(
        all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
        for page in pages
    )


def sendfile(request: HttpRequest, filename: str, **kwargs) -> HttpResponse:
    """Wagtail's SENDFILE_BACKEND (``wagtail.utils.sendfile`` calls it once the checks passed; it then adds the
    content type, disposition and length). ``DOCUMENTS_SERVE=nginx``: an empty answer whose ``X-Accel-Redirect``
    names the file under MEDIA_URL, which nginx serves from its ``internal`` location; otherwise Wagtail's own
    streaming response."""
    if settings.DOCUMENTS_SERVE != "nginx":
        return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
    relative = Path(os.path.abspath(filename)).relative_to(os.path.abspath(settings.MEDIA_ROOT))
    response = HttpResponse()
    # nginx decodes the header's URI (since 1.5.9): quote it, as a request URI would be.
    response["X-Accel-Redirect"] = quote(f"{settings.MEDIA_URL}{relative.as_posix()}")
    return response
