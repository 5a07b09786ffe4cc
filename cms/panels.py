"""Admin panels of the content model that are filled by a later layer.

`RelatedSuggestionsPanel` sits next to a page's "See also" links (`related_pages`) and offers the pages closest
in content, each with a checkbox that adds it to those links when the page is saved (no JavaScript needed). The
suggestions come from the knowledge index, which cms must not import: the search app registers the provider when
it starts (search/apps.py); without one the panel says so and offers nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

_provider: Callable | None = None


def register_related_suggestions(provider: Callable) -> None:
    """`provider(page, request)` returns items with `page_id`, `title`, `url`, `type`, `snippet` and `score`:
    visible pages only, closest first."""
    global _provider
    _provider = provider


def related_suggestions(page, request) -> list:
    return list(_provider(page, request)) if _provider is not None and page.pk else []


class RelatedSuggestionsPanel(Panel):
    def __init__(self, field_name: str = "related_pages", **kwargs) -> None:
        kwargs.setdefault("heading", _("Suggested related pages"))
        super().__init__(**kwargs)
        self.field_name = field_name

    def clone_kwargs(self) -> dict:
        return {**super().clone_kwargs(), "field_name": self.field_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/related_suggestions.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            name = self.panel.field_name
            chosen = (
                {str(value) for value in (self.form[name].value() or [])}
                if name in self.form.fields
                else set()
            )
            context["field_name"] = name
            context["indexed"] = bool(self.instance.pk)
            context["suggestions"] = [
                item
                for item in related_suggestions(self.instance, self.request)
                if str(item.page_id) not in chosen
            ]
            return context
