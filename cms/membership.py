"""Who may read a members' space: one Django group per task force, one for the Community of Practice.

A space is a page subtree restricted to its group with Wagtail's own PageViewRestriction (restriction type
"groups"), so every guarantee of the one visibility definition (cms/visibility.py) applies to it. The groups are
named after what they stand for, never after a page title an editor may change: a task force by its objective's
code (the same in every language), the Community of Practice by a fixed name. The community app adds people to
these groups when the Secretariat approves an application; the spaces (cms/models/spaces.py) are restricted to
them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group

COMMUNITY_OF_PRACTICE_GROUP = "Community of Practice members"
TASK_FORCE_GROUP_PREFIX = "Task force "
TASK_FORCE_GROUP_SUFFIX = " members"


def task_force_group_name(objective_code: str) -> str:
    return f"{TASK_FORCE_GROUP_PREFIX}{objective_code}{TASK_FORCE_GROUP_SUFFIX}"


def task_force_group(task_force) -> Group:
    """The members' group of a task force page (in any language: its objective's code names it)."""
    code = task_force.get_parent().specific.code
    return Group.objects.get_or_create(name=task_force_group_name(code))[0]


def community_of_practice_group() -> Group:
    return Group.objects.get_or_create(name=COMMUNITY_OF_PRACTICE_GROUP)[0]


def is_space_group(group: Group) -> bool:
    name = group.name
    return name == COMMUNITY_OF_PRACTICE_GROUP or (
        name.startswith(TASK_FORCE_GROUP_PREFIX) and name.endswith(TASK_FORCE_GROUP_SUFFIX)
    )
