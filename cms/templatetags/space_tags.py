"""Members' words on the pages of a space: their stored HTML sanitised again when shown (cms/markdown.py)."""

from django import template
from django.utils.safestring import mark_safe

from cms.markdown import sanitize_html

register = template.Library()


@register.filter
def member_html(html: str) -> str:
    return mark_safe(sanitize_html(html))  # noqa: S308 (sanitised by nh3 just now)
