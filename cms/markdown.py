"""Markdown written by members on the site (posts and replies of a members' space), as safe HTML.

Python-Markdown turns the text into HTML (raw HTML in the source is escaped, not passed through); nh3 (the
Ammonia sanitiser, as for rich text in cms/rich_text.py) then keeps only the elements Markdown writes for prose
and links with web and mail URLs only, so a `<script>` or a `javascript:` link never reaches a page. Links get
`rel="nofollow noopener"`: they are members' words, not the editors'.

The HTML is stored next to its source (for the API and the index) and sanitised once more when shown, like rich
text: a row written another way is never trusted.
"""

from __future__ import annotations

import functools

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr",
}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto"}


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel="nofollow noopener",
    )


class _EscapeHtml(markdown.Extension):
    """Raw HTML in the source is shown as text (Python-Markdown would pass it through)."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def sanitize_html(html: str) -> str:
    return _cleaner().clean(html) if html else ""


def markdown_to_html(text: str) -> str:
    """The member's Markdown as sanitised HTML."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=[_EscapeHtml()], output_format="html")
    return sanitize_html(html)
