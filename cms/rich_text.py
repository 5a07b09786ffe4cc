"""Rich text reaches visitors with only the markup its editor can produce.

The Draftail editor cleans what editors type, but rich text can also be stored without it: an import, a
script, the demo loader, a future sync through the API. Wagtail renders stored rich text as it is, so a
``<script>`` or an ``onerror=`` written that way would run in visitors' browsers.

Sanitised on render, not on save: rendering is the one place every stored value passes through, whichever
way it was written (``save()``, ``bulk_update``, SQL, a migration, rows stored before this module existed),
so no stored row is ever trusted. Every output path expands the stored HTML with Wagtail's
``expand_db_html()``: the ``|richtext`` filter of RichTextFields, RichTextBlock values in StreamField bodies,
and the API's rich text in its ``html`` format (WAGTAILAPI_RICH_TEXT_FORMAT). Wagtail has no hook after that
expansion, so ``install()`` (called from CmsConfig.ready) appends one rule to the rewriter that
``expand_db_html()`` asks ``wagtail.rich_text.get_rewriter()`` for: the expanded HTML goes through nh3 (the
Ammonia sanitiser) allowing only the elements of the editor's features (cms.blocks.RICH_TEXT_FEATURES), and
links only with web, mail and phone URLs. nh3 is compiled code: microseconds per field.

The stored value itself is left unchanged (the API's ``?rich_text_format=db_html`` returns it as stored).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import nh3

from cms.blocks import RICH_TEXT_FEATURES

# What each Draftail feature of RICH_TEXT_FEATURES writes once Wagtail has expanded its database HTML
# (page and document links become plain <a href>). A feature missing here fails at import: add its elements.
FEATURE_ELEMENTS: dict[str, set[str]] = {
    "bold": {"b"},
    "italic": {"i"},
    "link": {"a"},
    "document-link": {"a"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "superscript": {"sup"},
    "subscript": {"sub"},
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
}
# Blocks and line breaks exist whatever the features; Draftail keys its blocks with data-block-key.
ALWAYS_ALLOWED = {"p", "br"}
BLOCK_ATTRIBUTES = {"data-block-key"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}


def allowed_elements(features: list[str]) -> set[str]:
    return ALWAYS_ALLOWED.union(*(FEATURE_ELEMENTS[feature] for feature in features))


@functools.cache
def _cleaner() -> nh3.Cleaner:
    tags = allowed_elements(RICH_TEXT_FEATURES)
    attributes = {tag: set(BLOCK_ATTRIBUTES) for tag in tags - {"a", "b", "i", "sup", "sub", "br"}}
    if "a" in tags:
        attributes["a"] = {"href"}
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        url_schemes=LINK_SCHEMES,
        # Links go to our own pages and documents or where editors point them, in the same tab: no rel added,
        # so rendered editor content stays exactly what Wagtail produced.
        link_rel=None,
    )


def sanitize_rich_text(html: str) -> str:
    """Expanded rich text HTML reduced to what the editor can produce (script and style content dropped)."""
    return _cleaner().clean(html) if html else html


class SanitizeRule:
    """A rule of Wagtail's MultiRuleRewriter: called with the expanded HTML, references nothing."""

    def __call__(self, html: str) -> str:
        return sanitize_rich_text(html)

    def extract_references(self, html: str) -> Iterator:
        return iter(())


def install() -> None:
    """Make every ``expand_db_html()`` end with the sanitiser (idempotent)."""
    from wagtail import rich_text

    if getattr(rich_text.get_rewriter, "sanitizes", False):
        return
    wagtail_rewriter = rich_text.get_rewriter

    @functools.cache
    def get_rewriter():
        return rich_text.MultiRuleRewriter([*wagtail_rewriter().rewriters, SanitizeRule()])

    get_rewriter.sanitizes = True
    rich_text.get_rewriter = get_rewriter
