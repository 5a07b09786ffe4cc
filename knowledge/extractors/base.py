"""What every extractor shares: the Section it returns, the ExtractionError it raises, the limits and the time
budget it keeps to, text cleaning, and the SectionBuilder that groups paragraphs under headings (also behind
html_to_sections, which turns HTML into sections for pages and HTML or Markdown uploads)."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Section:
    """A run of text under one heading (and, for PDFs, on one page): the unit the chunker never crosses."""

    text: str
    heading: str = ""
    page_number: int | None = None


class ExtractionError(Exception):
    """A document that cannot be indexed; ``reason`` is a short human-readable reason shown to editors."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ExtractionLimits:
    """Resource bounds for one document, so a hostile upload cannot exhaust the indexing worker."""

    max_bytes: int = 50 * MEGABYTE
    max_pages: int = 2000
    max_chars: int = 5_000_000
    max_uncompressed_bytes: int = 200 * MEGABYTE
    timeout_seconds: float = 60.0


DEFAULT_LIMITS = ExtractionLimits()

# Shares of control and of undecodable characters above which a text upload is considered binary junk;
# undecodable ones are tolerated more because legacy-encoded (e.g. Latin-1) text is still worth indexing.
TEXT_MAX_CONTROL_RATIO = 0.02
TEXT_MAX_UNDECODABLE_RATIO = 0.25

ERROR_DETAIL_MAX_CHARS = 200

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head")
BREAK_TAGS = frozenset({"br", "hr"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "html", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_TEXT_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n\s*\n")


class Deadline:
    """Wall-clock budget for one document, checked between units of work (pages, parts)."""

    def __init__(self, seconds: float):
        self._seconds = seconds
        self._expires_at = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._expires_at:
            raise ExtractionError(f"extraction took longer than {self._seconds:g} seconds")


def html_to_sections(html: str) -> list[Section]:
    """Split HTML (a whole page or a rich-text fragment) into sections at h1-h6, keeping only visible text."""
    soup = BeautifulSoup(html, "lxml")
    for hidden in soup.find_all(DROPPED_TAGS):
        hidden.decompose()
    builder = SectionBuilder()
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in HEADING_TAGS:
                builder.start_section(clean_text(node.get_text(" ")))
            elif node.name in BREAK_TAGS:
                builder.end_paragraph()
        elif type(node) is NavigableString:  # exact type: comments, CDATA and doctypes are subclasses
            block = _enclosing_block(node)
            if block is not _INSIDE_HEADING:
                builder.add_text(str(node), block)
    return builder.finish()


def format_size(size: int) -> str:
    return f"{round(size / MEGABYTE):,} MB" if size >= MEGABYTE else f"{size:,} bytes"


def check_char_limit(char_count: int, limits: ExtractionLimits) -> None:
    if char_count > limits.max_chars:
        raise ExtractionError(f"document has more than {limits.max_chars:,} characters of text")


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and collapse all whitespace to single spaces."""
    return " ".join(strip_control_chars(text).split())


def strip_control_chars(text: str) -> str:
    """NFC-normalise, unify line breaks to "\\n" and drop control characters, soft hyphens and BOMs."""
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    return _CONTROL_CHARS.sub("", text.replace("\t", " "))


def plain_text_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are hard wraps and become spaces."""
    paragraphs = (clean_text(block) for block in _BLANK_LINES.split(strip_control_chars(text)))
    return [paragraph for paragraph in paragraphs if paragraph]


def decode_text(data: bytes) -> str:
    """Decode a text upload as UTF-8 (or BOM-marked UTF-16), refusing binary files renamed to text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise ExtractionError("file does not look like text (it contains binary data)")
    else:
        text = data.decode("utf-8-sig", errors="replace")
    length = max(len(text), 1)  # a lone byte-order mark decodes to ""
    control_share = len(_TEXT_CONTROL_CHARS.findall(text)) / length
    undecodable_share = text.count("\ufffd") / length
    if control_share > TEXT_MAX_CONTROL_RATIO or undecodable_share > TEXT_MAX_UNDECODABLE_RATIO:
        raise ExtractionError("file does not look like text (it contains binary data)")
    return text


def truncate(message: str) -> str:
    return message if len(message) <= ERROR_DETAIL_MAX_CHARS else message[:ERROR_DETAIL_MAX_CHARS] + "…"


def unexpected_failure(kind: str, exc: Exception) -> ExtractionError:
    return ExtractionError(f"could not read {kind}: {type(exc).__name__}: {truncate(str(exc))}")


_INSIDE_HEADING = object()


def _enclosing_block(node: NavigableString) -> Tag | object | None:
    """The nearest block element around a text node (its paragraph), or a marker if it is heading text."""
    for parent in node.parents:
        if parent.name in HEADING_TAGS:
            return _INSIDE_HEADING
        if parent.name in BLOCK_TAGS:
            return parent
    return None


@dataclass
class SectionBuilder:
    """Accumulates paragraphs under the current heading and emits a Section whenever the heading changes."""

    sections: list[Section] = field(default_factory=list)
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    block: object | None = None

    def add_text(self, text: str, block: object | None) -> None:
        if block is not self.block:
            self.end_paragraph()
            self.block = block
        self.parts.append(text)

    def add_paragraph(self, text: str) -> None:
        self.end_paragraph()
        self.parts.append(text)
        self.end_paragraph()

    def end_paragraph(self) -> None:
        paragraph = clean_text("".join(self.parts))
        if paragraph:
            self.paragraphs.append(paragraph)
        self.parts = []

    def start_section(self, heading: str, page_number: int | None = None) -> None:
        if heading:
            self.end_section(page_number)
            self.heading = heading

    def end_section(self, page_number: int | None = None) -> None:
        self.end_paragraph()
        if self.paragraphs:
            self.sections.append(Section("\n\n".join(self.paragraphs), self.heading, page_number))
        self.paragraphs = []

    def finish(self) -> list[Section]:
        self.end_section()
        return self.sections
