"""Clean text of a page, as sections that keep their headings.

Each page type lists what to read in `knowledge_fields` ((field, heading) pairs). Plain text fields become a
section under the given heading; rich text and StreamField bodies are read block by block: a heading block
starts a new section, paragraphs and rich text keep their own inner headings, images contribute their alt
text and caption, tables their cells.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText, expand_db_html

from .extraction import Section, html_to_sections


def page_sections(page) -> list[Section]:
    """In the page's own language: the headings and facts the page types write (translated strings) read like
    its text, so a French page's snippets say "Auteurs" and its keywords are French."""
    language = getattr(getattr(page, "locale", None), "language_code", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        return _page_sections(page)


def _page_sections(page) -> list[Section]:
    sections: list[Section] = []
    for field_name, heading in page.knowledge_fields:
        field = page._meta.get_field(field_name)
        value = getattr(page, field_name)
        if not value:
            continue
        if isinstance(field, StreamField):
            sections.extend(stream_sections(value))
        elif isinstance(field, RichTextField):
            sections.extend(_with_default_heading(html_to_sections(expand_db_html(value)), str(heading)))
        else:
            text = str(value).strip()
            if text:
                sections.append(Section(text=text, heading=str(heading)))
    sections.extend(
        Section(text=text, heading=str(heading)) for heading, text in page.knowledge_extra() if text
    )
    return _merge_adjacent(sections)


def stream_sections(stream: StreamValue) -> list[Section]:
    sections: list[Section] = []
    heading = ""
    for block in stream:
        value = block.value
        if block.block_type == "heading":
            heading = value["text"]
            continue
        for section in _block_sections(block.block, value):
            sections.append(section if section.heading else Section(text=section.text, heading=heading))
            if section.heading:
                heading = section.heading
    return sections


def _block_sections(block, value) -> list[Section]:
    if isinstance(value, RichText):
        return html_to_sections(expand_db_html(value.source))
    if isinstance(block, TableBlock):
        rows = (value or {}).get("data") or []
        lines = [" | ".join(str(cell).strip() for cell in row if cell) for row in rows]
        text = "\n".join(line for line in lines if line)
        return [Section(text=text)] if text else []
    if isinstance(value, StructValue):
        parts: list[str] = []
        for child_name, child_value in value.items():
            child_block = block.child_blocks[child_name]
            if isinstance(child_value, RichText):
                parts.extend(s.text for s in html_to_sections(expand_db_html(child_value.source)))
            elif isinstance(child_value, str) and child_name not in {"level", "tone"}:
                parts.append(child_value.strip())
            elif hasattr(child_block, "child_blocks") and isinstance(child_value, StructValue):
                parts.extend(s.text for s in _block_sections(child_block, child_value))
        text = "\n\n".join(part for part in parts if part)
        return [Section(text=text)] if text else []
    if isinstance(value, str):
        text = strip_tags(value).strip()
        return [Section(text=text)] if text else []
    return []


def _with_default_heading(sections: list[Section], heading: str) -> list[Section]:
    return [s if s.heading or not heading else Section(text=s.text, heading=heading) for s in sections]


def _merge_adjacent(sections: list[Section]) -> list[Section]:
    """Join consecutive sections under the same heading, so short fields do not become tiny chunks."""
    merged: list[Section] = []
    for section in sections:
        if merged and merged[-1].heading == section.heading and merged[-1].page_number == section.page_number:
            last = merged.pop()
            merged.append(Section(text=f"{last.text}\n\n{section.text}", heading=last.heading))
        else:
            merged.append(section)
    return merged
