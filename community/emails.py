"""Emails to the Secretariat and to applicants, sent after the transaction that caused them commits.

Templates: community/templates/community/emails/<name>_subject.txt and <name>.txt, rendered in the
applicant's language. A mail server that is down loses the email, never the application: the failure is
logged (without addresses) and the admin inbox still shows the application.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def render(template: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        subject = render_to_string(f"community/emails/{template}_subject.txt", context)
        body = render_to_string(f"community/emails/{template}.txt", context)
    return " ".join(subject.split()), body


def send_after_commit(*, template: str, to: list[str], context: dict, language: str) -> None:
    recipients = sorted({address for address in to if address})
    if not recipients:
        return

    def send() -> None:
        subject, body = render(template, context, language)
        try:
            send_mail(subject, body, None, recipients)
        except (smtplib.SMTPException, OSError) as error:
            logger.error("Could not send the %r email: %s: %s", template, error.__class__.__name__, error)

    transaction.on_commit(send)


def to_secretariat(template: str, context: dict) -> None:
    send_after_commit(
        template=template,
        to=[settings.COMMUNITY_SECRETARIAT_EMAIL],
        context=context,
        language=settings.LANGUAGE_CODE,
    )
