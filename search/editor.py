"""Related-content suggestions in the page editor (the panel is cms/panels.py; registered in search/apps.py).

The pages closest to the edited page by stored profile vectors (search/related.py: visible pages only, in the
page's locale), of the types an editor links as "See also"; documents are left out (they are not pages)."""

from __future__ import annotations

from .related import RelatedItem, related_to_page

SUGGESTED_TYPES = ("project", "webinar", "resource", "objective", "event")
SUGGESTIONS = 8


def related_suggestions(page, request) -> list[RelatedItem]:
    groups = related_to_page(page.pk, types=SUGGESTED_TYPES, limit=SUGGESTIONS, request=request)
    items = [item for group in groups.values() for item in group if item.page_id]
    return sorted(items, key=lambda item: -item.score)[:SUGGESTIONS]
