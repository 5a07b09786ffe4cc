"""News from the members' spaces: who hears of a reply or of a space's new post, meeting or document, and when.

Each member chooses, for replies to the threads they follow (writing in a thread follows it) and for their spaces'
activity: at once (an email after the write commits), in the weekly digest (a `PendingNotification`, sent by
`send_digests`, community/digests.py) or never. Nobody hears of their own writing, and only people who can still
read the space hear of it (`cms.space_access.space_roles`). Emails go one per person, in their language.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from wagtail.users.models import UserProfile

from cms.models import SpacePage, SpacePostPage, SpaceReply
from cms.models.spaces import display_name
from cms.space_access import space_roles

from .accounts import site_url
from .emails import send_after_commit
from .models import Frequency, NotificationPreferences, PendingNotification, ThreadFollow

Kind = PendingNotification.Kind


def preferences_of(user) -> NotificationPreferences:
    """The member's choices; the defaults (replies at once, space activity weekly, email not shown) if never
    saved."""
    return NotificationPreferences.objects.filter(user=user).first() or NotificationPreferences(user=user)


def save_preferences(
    *, user, replies: str, space_activity: str, share_email_with_members: bool
) -> NotificationPreferences:
    preferences, _created = NotificationPreferences.objects.update_or_create(
        user=user,
        defaults={
            "replies": replies,
            "space_activity": space_activity,
            "share_email_with_members": share_email_with_members,
        },
    )
    return preferences


def email_opt_in() -> Exists:
    """True on a user row when they show their email address to fellow members (cms.space_access.email_opt_in)."""
    return Exists(NotificationPreferences.objects.filter(user=OuterRef("pk"), share_email_with_members=True))


def language_of(user, default: str) -> str:
    """The language a member reads: the one chosen in their preferences (Wagtail's profile), else `default`."""
    profile = UserProfile.objects.filter(user=user).first()
    return (profile.preferred_language if profile else "") or default


# --- Follows ----------------------------------------------------------------------------------------------------


def follow(*, user, post: SpacePostPage) -> None:
    ThreadFollow.objects.get_or_create(user=user, post=post)


def unfollow(*, user, post: SpacePostPage) -> None:
    ThreadFollow.objects.filter(user=user, post=post).delete()


def is_following(user, post: SpacePostPage) -> bool:
    return user.is_authenticated and ThreadFollow.objects.filter(user=user, post=post).exists()


# --- Telling people ---------------------------------------------------------------------------------------------


def _choices(people, field: str) -> dict[int, str]:
    saved = dict(
        NotificationPreferences.objects.filter(user__in=[person.pk for person in people]).values_list(
            "user_id", field
        )
    )
    default = NotificationPreferences._meta.get_field(field).default
    return {person.pk: saved.get(person.pk, default) for person in people}


def _email(person, template: str, context: dict, *, default_language: str) -> None:
    language = language_of(person, default_language)
    send_after_commit(
        template=template,
        to=[person.email],
        context={
            **context,
            "recipient": display_name(person),
            "settings_url": site_url("community:notifications", language=language),
        },
        language=language,
    )


def reply_added(*, post: SpacePostPage, reply: SpaceReply, space: SpacePage) -> None:
    """The thread's followers but the replier, who can still read the space: an email once the reply commits,
    or a line in their next digest, as each chose."""
    followers = list(
        get_user_model()
        .objects.filter(pk__in=ThreadFollow.objects.filter(post=post).values("user_id"), is_active=True)
        .exclude(pk=reply.author_id)
    )
    choices = _choices(followers, "replies")
    context = {
        "post_title": post.title,
        "space_title": space.title,
        "replier": display_name(reply.author),
        "reply_text": reply.text,
        "url": post.get_full_url(),
    }
    for person in followers:
        choice = choices[person.pk]
        if choice == Frequency.NEVER or not space_roles(person, space)[0]:
            continue
        if choice == Frequency.WEEKLY:
            PendingNotification.objects.create(user=person, kind=Kind.REPLY, space=space, page=post)
        elif person.email:
            _email(person, "space_reply", context, default_language=post.locale.language_code)


def space_activity(*, space: SpacePage, kind: str, title: str, page=None, document=None, actor=None) -> None:
    """A new post, meeting or document in `space`: its group's members but the one who added it hear of it, at
    once or in their digest, as each chose."""
    if space.group_id is None:
        return
    members = list(
        get_user_model()
        .objects.filter(groups=space.group_id, is_active=True)
        .exclude(pk=getattr(actor, "pk", None))
    )
    choices = _choices(members, "space_activity")
    url = page.get_full_url() if page is not None else space.get_full_url()
    context = {
        "kind": kind,
        "title": title,
        "space_title": space.title,
        "actor": display_name(actor) if actor is not None else "",
        "url": url,
    }
    for person in members:
        choice = choices[person.pk]
        if choice == Frequency.NEVER:
            continue
        if choice == Frequency.WEEKLY:
            PendingNotification.objects.create(
                user=person, kind=kind, space=space, page=page, document=document
            )
        elif person.email:
            _email(person, "space_activity", context, default_language=space.locale.language_code)


def post_published(*, post: SpacePostPage, space: SpacePage) -> None:
    space_activity(space=space, kind=Kind.POST, title=post.title, page=post, actor=post.author)


def meeting_published(meeting) -> None:
    """A meeting's first publication (later edits are not news)."""
    if meeting.first_published_at != meeting.last_published_at:
        return
    space = meeting.get_parent().specific
    if isinstance(space, SpacePage):
        space_activity(space=space, kind=Kind.MEETING, title=meeting.title, page=meeting)


def document_added(document) -> None:
    """A document uploaded to a space's private collection (a post's attachment is news of its post)."""
    space = SpacePage.objects.filter(collection_id=document.collection_id).first()
    if space is not None and space.live:
        space_activity(
            space=space,
            kind=Kind.DOCUMENT,
            title=document.title,
            document=document,
            actor=document.uploaded_by_user,
        )
