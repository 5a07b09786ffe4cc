"""Who may read a members' space, made true in the database: the space's page view restriction and its private
collection, both limited to the space's group and the moderating groups.

`ensure_space_access` runs when a space is saved (cms/signals.py), so a space is restricted from the moment its
row exists, before any publish: there is no window in which a new space is public. It is idempotent: a space
whose restriction and collection are right costs a few reads and writes nothing.

The moderating groups (the Secretariat) belong to the community app, which names them through the
`space_moderator_groups` hook (a list of group names): cms does not import community. `space_roles` is the one
answer to "may this person write here, or moderate?" for the views and the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .membership import community_of_practice_group, task_force_group

SPACES_COLLECTION = "Members' spaces"


def moderator_group_names() -> list[str]:
    """Groups that read and moderate every space (named by other apps with the hook: the Secretariat)."""
    return [name for hook in hooks.get_hooks("space_moderator_groups") for name in hook()]


def moderator_groups() -> list[Group]:
    return [Group.objects.get_or_create(name=name)[0] for name in moderator_group_names()]


@dataclass(frozen=True)
class SpaceRoles:
    """What a person may do in a space: read and write (`member`: in its group, or moderating every space),
    moderate, and see every member's email address (the moderating groups and superusers only)."""

    may_post: bool = False
    may_moderate: bool = False
    in_group: bool = False
    sees_every_email: bool = False


def roles_in(user, space, *, leader_ids: set[int] | None = None) -> SpaceRoles:
    """The person's roles in `space`, in two statements at most (one when the caller has read `leader_ids`)."""
    if not user.is_authenticated or not user.is_active:
        return SpaceRoles()
    groups = [] if user.is_superuser else list(user.groups.values_list("pk", "name"))
    member = any(pk == space.group_id for pk, _name in groups)
    if user.is_superuser or any(name in moderator_group_names() for _pk, name in groups):
        return SpaceRoles(may_post=True, may_moderate=True, in_group=member, sees_every_email=True)
    if leader_ids is not None:
        leader = member and user.pk in leader_ids
    else:
        leader = member and space.leaders.filter(pk=user.pk).exists()
    return SpaceRoles(may_post=member, may_moderate=leader, in_group=member)


def space_roles(user, space, *, leader_ids: set[int] | None = None) -> tuple[bool, bool]:
    """(may read and write, may moderate) in `space`: members of its group write; its leaders, the moderating
    groups and superusers moderate (and write). Two statements at most (one when the caller has read the space's
    `leader_ids`); the views and templates ask only this (or `roles_in`, which says the same and more)."""
    roles = roles_in(user, space, leader_ids=leader_ids)
    return roles.may_post, roles.may_moderate


def email_opt_in():
    """An expression on a user row, true when they chose to show their email address to fellow members of their
    spaces (named by another app with the `space_member_email_opt_in` hook: the community app keeps the choice);
    None when no app offers the choice."""
    return next((hook() for hook in hooks.get_hooks("space_member_email_opt_in")), None)


def default_group(space) -> Group | None:
    """A task force's space belongs to the task force's members; a space under the home page to the Community
    of Practice."""
    # By name: the page models import this module (space_roles), so it cannot import cms.models.
    parent = space.get_parent().specific
    if isinstance(parent, apps.get_model("cms", "TaskForcePage")):
        return task_force_group(parent)
    if isinstance(parent, apps.get_model("cms", "HomePage")):
        return community_of_practice_group()
    return None


def _set_groups(restriction, groups: list[Group]) -> bool:
    wanted = {group.pk for group in groups}
    if set(restriction.groups.values_list("pk", flat=True)) == wanted:
        return False
    restriction.groups.set(groups)
    return True


@transaction.atomic
def ensure_space_access(space) -> list[str]:
    """Restrict the space's page and collection to its group (and the moderators); what was created or changed."""
    changes: list[str] = []
    fields = {}
    if space.group_id is None and (group := default_group(space)) is not None:
        space.group = fields["group"] = group
        changes.append("group")
    groups = [group for group in (space.group, *moderator_groups()) if group is not None]

    restriction, *extra = list(PageViewRestriction.objects.filter(page=space).order_by("pk")) or [None]
    if extra:
        # Wagtail's copy (and "Translate") brings the source's restriction after the copy's first save made one:
        # the space keeps one, else the other would keep its old groups when the space's group changes (and
        # every view would check both).
        PageViewRestriction.objects.filter(pk__in=[other.pk for other in extra]).delete()
        changes.append("duplicate page restriction")
    if restriction is None or restriction.restriction_type != PageViewRestriction.GROUPS:
        PageViewRestriction.objects.filter(page=space).delete()
        restriction = PageViewRestriction.objects.create(
            page=space, restriction_type=PageViewRestriction.GROUPS
        )
        changes.append("page restriction")
    if _set_groups(restriction, groups):
        changes.append("page restriction groups")

    collection = space.collection
    if collection is None:
        root = Collection.get_first_root_node()
        parent = root.get_children().filter(name=SPACES_COLLECTION).first() or root.add_child(
            name=SPACES_COLLECTION
        )
        collection = space.collection = fields["collection"] = parent.add_child(name=space.title[:255])
        changes.append("collection")
    collection_restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if (
        collection_restriction is None
        or collection_restriction.restriction_type != CollectionViewRestriction.GROUPS
    ):
        CollectionViewRestriction.objects.filter(collection=collection).delete()
        collection_restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        changes.append("collection restriction")
    if _set_groups(collection_restriction, groups):
        changes.append("collection restriction groups")

    if fields:
        # An update, not save(): this runs from the space's own save.
        type(space).objects.filter(pk=space.pk).update(**fields)
    return changes
