"""Writes in the members' spaces: posts, replies and moderation; writing in a thread follows it, and who hears of a
new post or reply is community/notifications.py. The views, the demo and the tests call these functions; who may
do what is `cms.space_access.space_roles`, checked by the views before they call here.

A post is a page (cms.models.SpacePostPage) under its space, published through a revision as the member (so the
index sync, the page cache and the history see an ordinary publish); a reply is a row of the post, published the
same way. The views check who may write (space_roles), so Wagtail's admin page permissions, which members do not
have, are skipped. Writes to a post lock its row: two replies at once both stay (a stale copy of the post would drop the
other's reply when it is published).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.text import slugify
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.documents import get_document_model

from cms.models import SpacePage, SpacePostPage, SpaceReply

from . import notifications

logger = logging.getLogger(__name__)


def _unique_slug(parent, title: str) -> str:
    base = slugify(title)[:70] or "post"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _attach(space: SpacePage, uploaded, *, user):
    """The PDF as a document of the space's private collection."""
    document = get_document_model()(
        title=uploaded.name, collection_id=space.collection_id, uploaded_by_user=user
    )
    document.space_post_attachment = (
        True  # news of its post, not a document of its own (community/signals.py)
    )
    document.file.save(uploaded.name, uploaded, save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@transaction.atomic
def publish_post(*, space: SpacePage, author, title: str, text: str, attachment=None) -> SpacePostPage:
    post = SpacePostPage(title=title, slug=_unique_slug(space, title), text=text, author=author)
    if attachment is not None:
        post.attachment = _attach(space, attachment, user=author)
    space.add_child(instance=post)
    post.save_revision(user=author, log_action=True).publish(user=author, skip_permission_checks=True)
    logger.info("Post %s published in space %s", post.pk, space.pk)
    notifications.follow(user=author, post=post)
    notifications.post_published(post=post, space=space)
    return post


@transaction.atomic
def edit_post(*, post: SpacePostPage, user, title: str, text: str) -> SpacePostPage:
    post = SpacePostPage.objects.select_for_update().get(pk=post.pk)
    post.title, post.text = title, text
    post.full_clean()  # the sanitised HTML, before the revision stores it
    post.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return post


@transaction.atomic
def add_reply(*, post: SpacePostPage, author, text: str) -> SpaceReply:
    post = SpacePostPage.objects.select_for_update().get(pk=post.pk)
    reply = SpaceReply(author=author, text=text)
    reply.full_clean(exclude=["post"])
    post.replies.add(reply)
    post.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    notifications.follow(user=author, post=post)
    notifications.reply_added(post=post, reply=reply, space=post.get_parent().specific)
    return reply


MODERATION_ACTIONS = ("pin", "unpin", "hide", "hide_reply", "show_reply")


@transaction.atomic
def moderate(*, post: SpacePostPage, user, action: str, reply_id: int | None = None) -> None:
    """pin, unpin, hide (unpublish the post), hide_reply or show_reply."""
    post = SpacePostPage.objects.select_for_update().get(pk=post.pk)
    if action == "hide":
        UnpublishPageAction(post, user=user, log_action=True).execute(skip_permission_checks=True)
        return
    if action in ("pin", "unpin"):
        post.pinned = action == "pin"
    elif action in ("hide_reply", "show_reply"):
        replies = list(post.replies.all())
        reply = next((reply for reply in replies if reply.pk == reply_id), None)
        if reply is None:
            raise SpaceReply.DoesNotExist(reply_id)
        reply.hidden = action == "hide_reply"
        post.replies.set(replies)  # the cluster's rows, as the revision will store them
    else:
        raise ValueError(f"unknown moderation action {action!r}")
    post.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
