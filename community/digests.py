"""The weekly digest (`manage.py send_digests`, run by cron): one email per member with what is new for each of
their saved searches (public content only, community/saved_searches.py) and, for those who chose the weekly
digest, their spaces' activity and the replies in threads they follow (`PendingNotification` rows).

Idempotent: each saved search remembers when it was last sent (`last_sent_at`, the run's start) and the queued
rows are deleted once sent, so a second run finds nothing new. Each member is one transaction: a member whose
digest fails (a mail server refusing, a saved search the parser now refuses) is logged and skipped, their rows
kept for the next run, and the others still get theirs. In the member's language (their Wagtail profile's), else
their first saved search's.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from cms.space_access import space_roles

from .accounts import site_url
from .emails import render
from .models import PendingNotification, SavedSearch
from .notifications import language_of
from .saved_searches import public_results, since_last_digest

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    user: object
    language: str
    searches: list[dict] = field(default_factory=list)  # {"name": ..., "items": [{"title", "url"}]}
    activity: list[dict] = field(default_factory=list)  # {"label", "space", "title", "url"}
    saved_ids: list[int] = field(default_factory=list)
    pending_ids: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.searches and not self.activity

    @property
    def item_count(self) -> int:
        return sum(len(search["items"]) for search in self.searches) + len(self.activity)


@dataclass
class Summary:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0


def recipients():
    """Active members with an email address and a saved search or a queued notification."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(Exists(SavedSearch.objects.filter(user=OuterRef("pk"))))
            | Q(Exists(PendingNotification.objects.filter(user=OuterRef("pk"))))
        )
        .order_by("pk")
    )


def _absolute(url: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url if url.startswith("/") else url


def _activity(user, rows: list[PendingNotification]) -> list[dict]:
    """The queued rows still worth telling: the page still live, the document still in its space, the space
    still readable by the member; each thing once."""
    readable: dict[int, bool] = {}
    lines, seen = [], set()
    for row in rows:
        space = row.space
        if space.pk not in readable:
            readable[space.pk] = space.live and space_roles(user, space)[0]
        key = (row.kind, row.page_id, row.document_id)
        if not readable[space.pk] or key in seen:
            continue
        if row.page_id is not None:
            if not row.page.live:
                continue
            title, url = row.page.title, row.page.get_full_url()
        elif row.document is not None and row.document.collection_id == space.collection_id:
            title, url = row.document.title, space.get_full_url()
        else:
            continue
        seen.add(key)
        lines.append({"label": row.get_kind_display(), "space": space.title, "title": title, "url": url})
    return lines


def build_digest(user, *, until: dt.datetime) -> Digest:
    saved = list(SavedSearch.objects.filter(user=user).order_by("created_at", "pk"))
    digest = Digest(
        user=user,
        language=language_of(user, saved[0].locale if saved else settings.LANGUAGE_CODE),
        saved_ids=[search.pk for search in saved],
    )
    for search in saved:
        items = public_results(search, since=since_last_digest(search), until=until)
        if items:
            digest.searches.append(
                {
                    "name": search.name,
                    "items": [{"title": item.title, "url": _absolute(item.url)} for item in items],
                }
            )
    rows = list(
        PendingNotification.objects.filter(user=user, created_at__lte=until).select_related(
            "space", "page", "document"
        )
    )
    digest.pending_ids = [row.pk for row in rows]
    digest.activity = _activity(user, rows)
    return digest


def send_digest(digest: Digest, *, until: dt.datetime) -> bool:
    """Email the digest (if it holds anything), then mark what it covered as sent. True if an email went."""
    if not digest.empty:
        context = {
            "recipient": digest.user.get_full_name() or digest.user.get_username(),
            "searches": digest.searches,
            "activity": digest.activity,
            "settings_url": site_url("community:account", language=digest.language),
        }
        subject, body = render("digest", context, digest.language)
        send_mail(subject, body, None, [digest.user.email])
    SavedSearch.objects.filter(pk__in=digest.saved_ids).update(last_sent_at=until)
    PendingNotification.objects.filter(pk__in=digest.pending_ids).delete()
    return not digest.empty


def send_digests(*, dry_run: bool = False, report=None) -> Summary:
    """One digest per member; `report(digest)` is told of each one built (the command prints it)."""
    until = timezone.now()
    summary = Summary()
    for user in recipients():
        try:
            with transaction.atomic():
                digest = build_digest(user, until=until)
                if report is not None:
                    report(digest)
                sent = not digest.empty if dry_run else send_digest(digest, until=until)
        except Exception:
            logger.exception("The digest of user %s failed; the others go on", user.pk)
            summary.failed += 1
            continue
        if sent:
            summary.sent += 1
        else:
            summary.nothing_new += 1
    return summary
