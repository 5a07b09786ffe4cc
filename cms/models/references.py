"""What a page's latest revision uses, which Wagtail's reference index (published versions only) does not know."""

from django.db import models


class DraftReference(models.Model):
    """A document used by a page's latest revision (possibly an unpublished draft).

    Wagtail's reference index only knows what the live version of a page uses; a report attached to a draft
    would otherwise look unattached, hence public. With this table a document used only by drafts, private or
    unpublished pages stays hidden (cms/visibility.py) until a live, public page uses it. Kept up to date by
    cms/signals.py whenever a page revision is saved.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "document"], name="cms_unique_draft_reference")
        ]

    def __str__(self) -> str:
        return f"page {self.page_id} uses document {self.document_id}"
