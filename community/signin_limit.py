"""One limit on password guesses, shared by every form that takes a password.

The forms (recognised by URL name, in every language): the Wagtail admin's sign-in, the site's sign-in
(community:login), the account deletion form (community:delete_account, which asks the signed-in member's password)
and Wagtail's page and document password forms. (The set-password form takes no guess: its link's token is the
secret, checked by Django's token generator.) (Wagtail's own front-end sign-in, /_util/login/,
only leads to the site's: cms/redirects.py.)
An attempt is made on behalf of an account (a user name, lower-cased, or a page or collection restriction) from
a client address, and three counters of failures are kept:

- per address and account, SIGN_IN_RATE (default 5 per 15 minutes): one visitor guessing one password;
- per address, SIGN_IN_ADDRESS_RATE (default 20 per 15 minutes): one address trying many names;
- per account, SIGN_IN_USERNAME_RATE (default 20 an hour): one name tried from many addresses.

Each counter's window starts with its first failure. An attempt takes a slot on every counter before the form
sees the password (an atomic increment), so parallel requests cannot guess past the limit; when one counter is
full the form answers 429 with Retry-After, even for the right password, and the slots are given back. A CSRF
refusal (403) is not an attempt and gives them back too. A successful sign-in (Django's `user_logged_in`; for a
page or document password, the redirect that follows a right password) gives back the address and account slots
and clears the address+account counter.

The limit fails closed: when its cache cannot be read or written (Redis gone), a password form answers 503 with
Retry-After (sign_in_unavailable.html) and no password is checked, rather than letting guesses through uncounted.

Privacy: only salted SHA-256 digests of the address and the account are in the cache keys (SIGN_IN_CACHE, shared
by the web workers in production), for at most the window; nothing reaches the database or the logs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
import unicodedata

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from .ratelimit import LIMITS_UNAVAILABLE_RETRY_SECONDS, WindowCounter, client_address, parse_rate

logger = logging.getLogger(__name__)

# URL name -> what the form signs in to: a user (by the posted user name) or a restriction (by the URL's id).
USER_FORMS = frozenset({"wagtailadmin_login", "community:login"})
# Forms that ask a signed-in user for their own password again; a right one answers with a redirect.
SIGNED_IN_USER_FORMS = frozenset({"community:delete_account"})
RESTRICTION_FORMS = {
    "wagtailcore_authenticate_with_password": ("page", "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": ("collection", "restriction_id"),
}
RATE_SETTINGS = ("SIGN_IN_RATE", "SIGN_IN_ADDRESS_RATE", "SIGN_IN_USERNAME_RATE")
SIGNED_IN = "_sign_in_limit_signed_in"  # set on the request by note_sign_in


def rates() -> dict[str, tuple[int, int]]:
    """{setting: (failures, seconds)} for the three counters; a bad value stops with the setting's name."""
    parsed = {}
    for name in RATE_SETTINGS:
        try:
            parsed[name] = parse_rate(getattr(settings, name))
        except ValueError as error:
            raise ImproperlyConfigured(f"{name}: {error}") from error
    return parsed


class Attempt:
    """One POST to a password form: its counters, taken before the form runs and settled after."""

    def __init__(self, *, address: str, account: str, by_redirect: bool = False) -> None:
        budgets = rates()
        cache = caches[settings.SIGN_IN_CACHE]
        # Django's sign-in sends `user_logged_in`; a page or document password only redirects when it is right.
        self.by_redirect = by_redirect
        self.pair = WindowCounter(cache, _key("address-account", address, account), *budgets["SIGN_IN_RATE"])
        self.address = WindowCounter(cache, _key("address", address), *budgets["SIGN_IN_ADDRESS_RATE"])
        self.account = WindowCounter(cache, _key("account", account), *budgets["SIGN_IN_USERNAME_RATE"])
        self.counters = (self.pair, self.address, self.account)

    def seconds_to_wait(self) -> int | None:
        """Take a slot on every counter; None when the attempt may go on, else the seconds until it may."""
        now = time.time()
        full = [counter for counter in self.counters if counter.take(now) > counter.limit]
        if not full:
            return None
        self._give_back(self.counters, now)
        return max(counter.seconds_left(now) for counter in full)

    def settle(self, *, attempted: bool, succeeded: bool) -> None:
        now = time.time()
        if not attempted:
            self._give_back(self.counters, now)
        elif succeeded:
            self._give_back((self.address, self.account), now)
            self.pair.clear()

    @staticmethod
    def _give_back(counters, now: float) -> None:
        for counter in counters:
            with contextlib.suppress(ValueError):  # the window ended meanwhile: nothing to give back
                counter.adjust(-1, now)


def attempt_for(request) -> Attempt | None:
    """The sign-in attempt a POST makes, or None when the request posts to no password form."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    address = client_address(request, settings.SIGN_IN_IP_HEADER)
    if match.view_name in USER_FORMS:
        return Attempt(address=address, account="user:" + user_name(request.POST.get("username") or ""))
    if match.view_name in SIGNED_IN_USER_FORMS:
        if not request.user.is_authenticated:
            return None  # the view sends the visitor to the sign-in page: no password is read
        return Attempt(
            address=address, account="user:" + user_name(request.user.get_username()), by_redirect=True
        )
    if match.view_name in RESTRICTION_FORMS:
        kind, argument = RESTRICTION_FORMS[match.view_name]
        account = f"{kind}-restriction:{match.kwargs[argument]}"
        return Attempt(address=address, account=account, by_redirect=True)
    return None


def user_name(typed: str) -> str:
    """The name as the sign-in form reads it (Django's UsernameField: NFKC, stripped), case-folded: "ｅditor" or
    " Editor" are the account "editor" and count on its counters."""
    return unicodedata.normalize("NFKC", typed).strip().casefold()


def limit_sign_in(request, get_response):
    """Run a request through the sign-in limit (config.middleware.SignInRateLimitMiddleware)."""
    attempt = attempt_for(request)
    if attempt is None:
        return get_response(request)
    try:
        wait = attempt.seconds_to_wait()
    except Exception as error:  # the cache is unreachable: fail closed, whatever the backend raised
        logger.error("Sign-in limit unavailable, attempt refused: %s: %s", error.__class__.__name__, error)
        return unavailable_response(request)
    if wait:
        return too_many_response(request, wait)
    response = get_response(request)
    if attempt.by_redirect:
        succeeded = response.status_code in (301, 302, 303)
    else:
        succeeded = getattr(request, SIGNED_IN, False)
    try:
        attempt.settle(attempted=response.status_code != 403, succeeded=succeeded)
    except Exception as error:  # the slots stay taken: the count errs on the strict side
        logger.error("Sign-in limit could not settle an attempt: %s: %s", error.__class__.__name__, error)
    return response


def note_sign_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: this request signed a user in (connected in community/signals.py)."""
    if request is not None:
        setattr(request, SIGNED_IN, True)


def too_many_response(request, wait: int):
    minutes = max(1, -(-wait // 60))
    response = render(request, "community/sign_in_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(wait)
    add_never_cache_headers(response)
    return response


def unavailable_response(request):
    response = render(request, "community/sign_in_unavailable.html", status=503)
    response["Retry-After"] = str(LIMITS_UNAVAILABLE_RETRY_SECONDS)
    add_never_cache_headers(response)
    return response


def _key(scope: str, *parts: str) -> str:
    digest = hashlib.sha256("|".join((settings.SECRET_KEY, scope, *parts)).encode()).hexdigest()
    return f"sign-in:{scope}:{digest}"
