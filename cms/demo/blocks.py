"""The demo's text as Wagtail stores it: paragraphs as rich text HTML, body items as StreamField data."""

from __future__ import annotations

from django.utils.html import escape


def paragraphs_html(paragraphs: list[str] | str) -> str:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def body_blocks(items) -> list[tuple[str, object]]:
    """Demo body items as StreamField data: a paragraph string, ("heading", text) for a heading alone, or
    (heading text, paragraph) for a headed section."""
    from wagtail.rich_text import RichText

    blocks: list[tuple[str, object]] = []
    for item in items or []:
        if isinstance(item, tuple | list) and len(item) == 2 and item[0] == "heading":
            blocks.append(("heading", {"text": item[1], "level": "h2"}))
        elif isinstance(item, tuple | list) and len(item) == 2:
            blocks.append(("heading", {"text": item[0], "level": "h2"}))
            blocks.append(("paragraph", RichText(paragraphs_html(item[1]))))
        else:
            blocks.append(("paragraph", RichText(paragraphs_html(str(item)))))
    return blocks
