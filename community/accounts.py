"""Members' site accounts: made (or found, by email) when the Secretariat approves an application, and put in
the group of the space the approval opens (cms/membership.py).

A new account has no usable password: its owner chooses one through the link in the approval email, built on
Django's password-reset machinery (PasswordResetTokenGenerator): the token is bound to the account's password
and last sign-in, so it works once, and expires after PASSWORD_RESET_TIMEOUT. An account that already has a
password is never reset: its owner is told what they can now open, and signs in as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

USERNAME_MAX = 150


@dataclass(frozen=True)
class MemberAccess:
    """What an approval did to the person's account, for the approval email."""

    user: object
    created: bool
    set_password_url: str  # empty when the account already has a password: nothing to set
    sign_in_url: str
    account_url: str

    def email_context(self) -> dict:
        return {
            "account_created": self.created,
            "set_password_url": self.set_password_url,
            "sign_in_url": self.sign_in_url,
            "account_url": self.account_url,
            "username": self.user.get_username(),
            **link_lifetime(),
        }


def link_lifetime() -> dict[str, int]:
    """How long a set-password link works, as whole days when PASSWORD_RESET_TIMEOUT is a number of days, else
    hours (rounded up), for the email to say."""
    seconds = settings.PASSWORD_RESET_TIMEOUT
    if seconds % 86400 == 0:
        return {"link_days": seconds // 86400, "link_hours": 0}
    return {"link_days": 0, "link_hours": max(1, math.ceil(seconds / 3600))}


def site_url(name: str, *, language: str, **kwargs) -> str:
    """An absolute address on the site, in the given language (/fr/..., /es/...)."""
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def set_password_url(user, *, language: str) -> str:
    return site_url(
        "community:set_password",
        language=language,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )


def _unique_username(email: str) -> str:
    users = get_user_model().objects
    base = email.lower()[:USERNAME_MAX]
    username, number = base, 2
    while users.filter(username__iexact=username).exists():
        suffix = f"-{number}"
        username, number = base[: USERNAME_MAX - len(suffix)] + suffix, number + 1
    return username


def _lock_email(email: str) -> None:
    """Two approvals for the same address at the same moment must find one account, not make two."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["community-account:" + email.lower()])


@transaction.atomic
def grant_member_access(*, email: str, name: str, group: Group, language: str) -> MemberAccess:
    """The account of this email address (case-insensitive; made if there is none) joins the group."""
    _lock_email(email)
    users = get_user_model().objects
    user = users.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        user = users.create_user(username=_unique_username(email), email=email, first_name=name[:150])
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(group)
    # An account made by an earlier approval whose owner has not chosen a password yet gets a new link; an
    # account with a password is left as it is.
    link = "" if user.has_usable_password() else set_password_url(user, language=language)
    return MemberAccess(
        user=user,
        created=created,
        set_password_url=link,
        sign_in_url=site_url("community:login", language=language),
        account_url=site_url("community:account", language=language),
    )
