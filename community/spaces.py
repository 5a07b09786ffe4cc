"""Writes in the members' spaces: posts, replies, moderation, and the email to those in a thread when someone
replies. The views, the demo and the tests call these functions; who may do what is `cms.space_access.space_roles`,
checked by the views before they call here.

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
from wagtail.users.models import UserProfile

from cms.models import SpacePage, SpacePostPage, SpaceReply
from cms.models.spaces import display_name
from cms.space_access import space_roles

from .emails import send_after_commit

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
    earlier = list(post.replies.select_related("author"))
    reply = SpaceReply(author=author, text=text)
    reply.full_clean(exclude=["post"])
    post.replies.add(reply)
    post.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    _tell_the_thread(post, reply, earlier)
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


def _language(user, default: str) -> str:
    """The language a member reads: the one chosen in their preferences (Wagtail's profile), else the post's."""
    profile = UserProfile.objects.filter(user=user).first()
    return (profile.preferred_language if profile else "") or default


def _tell_the_thread(post: SpacePostPage, reply: SpaceReply, earlier: list[SpaceReply]) -> None:
    """One email each (no one sees another's address) to the post's author and the earlier repliers who can still
    read the space, in their language, once the reply is committed."""
    space = post.get_parent().specific
    people = {
        person.pk: person for person in [post.author, *(r.author for r in earlier)] if person is not None
    }
    people.pop(getattr(reply.author, "pk", None), None)
    context = {
        "post_title": post.title,
        "space_title": space.title,
        "replier": display_name(reply.author),
        "reply_text": reply.text,
        "url": post.get_full_url(),
    }
    for person in people.values():
        if not person.email or not space_roles(person, space)[0]:
            continue
        send_after_commit(
            template="space_reply",
            to=[person.email],
            context={**context, "recipient": display_name(person)},
            language=_language(person, post.locale.language_code),
        )
