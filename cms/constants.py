"""Domain constants shared by the content model, its filters, search and the API: defined once, here.

This module imports no model, so every layer (and the models themselves) can use it without an import cycle.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.utils.translation import gettext_lazy as _

GOAL_CODES = "ABCDEF"
# An objective's code: its goal's letter and a digit, e.g. A1.
OBJECTIVE_CODE = re.compile(r"^[A-F][1-9]$")
# Languages a resource can be written in (the site's own interface languages are settings.LANGUAGES).
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("ru", _("Russian")),
    ("de", _("German")),
]
# Content types of the knowledge index besides the page types' own `content_type_label`s.
DOCUMENT_TYPE = "document"
GENERIC_PAGE_TYPE = "page"


def content_types() -> dict[str, str]:
    """Every content type a search result can have, with its display label: one per page type
    (`content_type_label`, labelled `content_type_name` or the model's verbose name), documents, plain pages."""
    labels: dict[str, str] = {}
    for model in apps.get_app_config("cms").get_models():
        label = getattr(model, "content_type_label", None)
        if label and label != GENERIC_PAGE_TYPE and label not in labels:
            name = getattr(model, "content_type_name", None) or model._meta.verbose_name
            labels[label] = str(name)[:1].upper() + str(name)[1:]
    labels[DOCUMENT_TYPE] = str(_("Document"))
    labels[GENERIC_PAGE_TYPE] = str(_("Page"))
    return labels
