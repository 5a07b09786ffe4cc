from django import template
from django.conf import settings

from .. import notifications
from ..forms import TaskForceApplicationForm

register = template.Library()


@register.inclusion_tag("community/includes/task_force_join_form.html", takes_context=True)
def task_force_join_form(context, task_force):
    """The joining form under a task force's roster; it posts to the page's join/ route."""
    return {
        "request": context["request"],
        "page": task_force,
        "form": TaskForceApplicationForm(task_force=task_force, auto_id="join_%s"),
        "action": task_force.url + task_force.reverse_subpage("join"),
    }


@register.simple_tag
def declined_retention_days() -> int:
    return settings.COMMUNITY_DECLINED_RETENTION_DAYS


@register.simple_tag(takes_context=True)
def following_thread(context, post) -> bool:
    """Whether the signed-in reader follows this post (the Follow / Unfollow button)."""
    return notifications.is_following(context["request"].user, post)
