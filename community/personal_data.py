"""What the hub holds about a person: downloaded as JSON from their account page, erased with their account.

Each app that keeps personal data registers a provider: a name (its key in the download), a function giving what
it holds about a user as JSON-ready data, and a function erasing it, run before the user row is deleted (while
the user's email address is still known). The members' spaces register their posts here from their own
AppConfig.ready(); rows that only point at the user with `on_delete=SET_NULL` (a post's author) need no eraser:
deleting the user leaves them authorless ("former member").

This app's own providers: the account itself (and its groups), the applications to join the Initiative and
task forces made with the account's email address, the project ideas it submitted, the notification choices,
followed threads and queued digest lines, and the saved searches. Erasing follows the
retention rules of community/services.py (prune_declined_applications): an application still pending or
declined has no reason to be kept and is deleted with its file and admin history; an accepted one is the record
of the Secretariat's decision (the directory entry) and keeps that, without the person's name, email address or
words. The public roster line an accepted task force application added goes (a roster is public personal data),
with its roster entry (cms Person) when no page names that any more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, ReferenceIndex

from .models import (
    ContributionSubmission,
    MembershipApplication,
    NotificationPreferences,
    PendingNotification,
    ProjectIdeaSubmission,
    SavedSearch,
    Status,
    TaskForceApplication,
    ThreadFollow,
)
from .services import remove_from_roster


@dataclass(frozen=True)
class Provider:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None


_providers: dict[str, Provider] = {}


def register(name: str, *, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None) -> None:
    """Add (or replace, by name) a provider: `export(user)` -> JSON-ready data; `erase(user)`, if the data is not
    simply deleted (or left authorless) with the user row."""
    _providers[name] = Provider(name=name, export=export, erase=erase)


def providers() -> list[Provider]:
    return list(_providers.values())


def export_personal_data(user) -> dict[str, Any]:
    data: dict[str, Any] = {"exported_at": timezone.now().isoformat()}
    for provider in providers():
        data[provider.name] = provider.export(user)
    return data


@transaction.atomic
def delete_account(*, user) -> None:
    """Erase what every provider holds about the user, then delete the user (their group memberships, admin
    profile and sessions' hold on them go with the row)."""
    for provider in providers():
        if provider.erase is not None:
            provider.erase(user)
    user.delete()


# --- The account: the user row and its groups (deleted with it) -------------------------------------------


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_account(user) -> dict[str, Any]:
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


# --- Applications -----------------------------------------------------------------------------------------------


def task_force_applications(user):
    if not user.email:
        return TaskForceApplication.objects.none()
    return TaskForceApplication.objects.filter(email__iexact=user.email).select_related(
        "task_force", "organization", "world_region"
    )


def membership_applications(user):
    if not user.email:
        return MembershipApplication.objects.none()
    return MembershipApplication.objects.filter(contact_email__iexact=user.email).select_related("country")


def _decision(application) -> dict[str, Any]:
    return {
        "status": application.status,
        "received": _when(application.created_at),
        "decided": _when(application.decided_at),
        "language": application.language,
    }


def export_applications(user) -> dict[str, Any]:
    return {
        "task_forces": [
            {
                "task_force": application.task_force.title,
                "name": application.name,
                "email": application.email,
                "organization": str(application.organization or ""),
                "organization_typed": application.organization_name,
                "role": application.role,
                "world_region": str(application.world_region or ""),
                "motivation": application.motivation,
                **_decision(application),
            }
            for application in task_force_applications(user)
        ],
        "membership": [
            {
                "organization_name": application.organization_name,
                "kind": application.kind,
                "country": str(application.country or ""),
                "website": application.website,
                "contact_name": application.contact_name,
                "contact_email": application.contact_email,
                "motivation": application.motivation,
                "signed_declaration": bool(application.declaration),
                "membership": application.membership,
                "year_joined": application.year_joined,
                **_decision(application),
            }
            for application in membership_applications(user)
        ],
    }


def _delete_with_history(queryset) -> None:
    model = queryset.model
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    ModelLogEntry.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id__in=ids,
    ).delete()
    if model is MembershipApplication:
        storage = model._meta.get_field("declaration").storage
        files = [name for name in queryset.values_list("declaration", flat=True) if name]
        transaction.on_commit(partial(_delete_files, storage, files))
    queryset.delete()


def _delete_files(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


def _relabel_history(applications) -> None:
    """The admin history names each application (its label is str() at the time): say it without the name."""
    for application in applications:
        ModelLogEntry.objects.filter(
            content_type__app_label=application._meta.app_label,
            content_type__model=application._meta.model_name,
            object_id=str(application.pk),
        ).update(label=str(application)[:255])


def erase_applications(user) -> None:
    tasks = task_force_applications(user)
    _delete_with_history(tasks.exclude(status=Status.ACCEPTED))
    accepted = list(tasks.filter(status=Status.ACCEPTED).select_related("task_force", "person"))
    for application in accepted:
        application.name = application.email = application.motivation = application.organization_name = ""
        application.save(update_fields=["name", "email", "motivation", "organization_name"])
    _relabel_history(accepted)
    _take_off_rosters(accepted)

    memberships = membership_applications(user)
    _delete_with_history(memberships.exclude(status=Status.ACCEPTED))
    for application in memberships.filter(status=Status.ACCEPTED):
        application.contact_name = application.contact_email = ""
        application.save(update_fields=["contact_name", "contact_email"])


def _take_off_rosters(accepted) -> None:
    """A task force's roster is public: the line an approval added goes with the account, and the roster entry
    (cms Person) too when no page names it any more (a webinar's speaker, another roster stays named)."""
    people = {}
    for application in accepted:
        if application.person is not None:
            remove_from_roster(application.task_force, person=application.person, user=None)
            people[application.person.pk] = application.person
    for person in people.values():
        if not ReferenceIndex.get_references_to(person).exists():
            person.delete()  # the accepted applications keep their decision, without a roster entry


# --- Project ideas ----------------------------------------------------------------------------------------------


def export_project_ideas(user) -> list[dict[str, Any]]:
    submissions = ProjectIdeaSubmission.objects.filter(submitted_by=user).select_related("page")
    return [
        {
            "title": submission.page.title,
            "published": submission.page.live,
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email,
            "submitted": _when(submission.created_at),
        }
        for submission in submissions
    ]


def erase_project_ideas(user) -> None:
    """The idea is the catalogue's (and the lead organization's); the submitter's contact details go when they
    are the submitter's own (another contact's are that person's)."""
    if user.email:
        ProjectIdeaSubmission.objects.filter(submitted_by=user, contact_email__iexact=user.email).update(
            contact_name="", contact_email=""
        )


# --- Members' contributions (resources, events) ------------------------------------------------------------------


def export_contributions(user) -> list[dict[str, Any]]:
    submissions = ContributionSubmission.objects.filter(submitted_by=user).select_related("page")
    return [
        {
            "kind": submission.kind,
            "title": submission.page.title,
            "published": submission.page.live,
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email,
            "submitted": _when(submission.created_at),
        }
        for submission in submissions
    ]


def erase_contributions(user) -> None:
    """The page is the hub's; the submitter's own contact details go."""
    if user.email:
        ContributionSubmission.objects.filter(submitted_by=user, contact_email__iexact=user.email).update(
            contact_name="", contact_email=""
        )


# --- Notifications and saved searches (deleted with the user row: every one is on_delete=CASCADE) ----------------


def export_notifications(user) -> dict[str, Any]:
    preferences = NotificationPreferences.objects.filter(user=user).first()
    follows = ThreadFollow.objects.filter(user=user).select_related("post").order_by("created_at")
    queued = PendingNotification.objects.filter(user=user).select_related("space")
    return {
        "preferences": {
            "replies": preferences.replies,
            "space_activity": preferences.space_activity,
            "share_email_with_members": preferences.share_email_with_members,
        }
        if preferences
        else None,
        "followed_threads": [
            {"post": follow.post.title, "followed": _when(follow.created_at)} for follow in follows
        ],
        "waiting_for_the_digest": [
            {"kind": row.kind, "space": row.space.title, "since": _when(row.created_at)} for row in queued
        ],
    }


def export_saved_searches(user) -> list[dict[str, Any]]:
    """Without the feed's token: it is a key to the feed, not something about the person, and a key copied into a
    downloaded file is one more place it can leak from (the account page shows the feed's address)."""
    return [
        {
            "name": saved.name,
            "query": saved.query,
            "filters": saved.filters,
            "locale": saved.locale,
            "created": _when(saved.created_at),
            "last_sent": _when(saved.last_sent_at),
        }
        for saved in SavedSearch.objects.filter(user=user).order_by("created_at")
    ]


register("account", export=export_account)
register("applications", export=export_applications, erase=erase_applications)
register("project_ideas", export=export_project_ideas, erase=erase_project_ideas)
register("contributions", export=export_contributions, erase=erase_contributions)
register("notifications", export=export_notifications)
register("saved_searches", export=export_saved_searches)
