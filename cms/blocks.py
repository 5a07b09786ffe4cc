"""The small set of StreamField blocks every body uses: enough for reports and project pages, no layout toys."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subsection heading")],
        default="h2",
        help_text="Use section headings for the main parts; they also become passage headings in search.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A section heading"
        preview_value = {"text": "Why soil organic carbon matters", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it (required for accessibility).",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "An image with alternative text and an optional caption"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A quotation with its source"
        preview_value = {"quote": "Healthy soils feed people and cool the planet.", "attribution": "Sample"}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("key-figure", "Key figure"), ("warning", "Caveat")], default="info"
    )

    class Meta:
        icon = "pick"
        template = "blocks/callout.html"
        description = "A highlighted box for a key figure, definition or caveat"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        description = "A link to a document in the library"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    embed = EmbedBlock(help_text="A video or slide deck URL (YouTube, Vimeo, ...)", icon="media")
    table = TableBlock(template="blocks/table.html")

    class Meta:
        block_counts = {}
