"""Writes: submitting and deciding applications, project ideas, members' resources and events, and their
outcome. Views, the admin, the demo loader, the management commands and the tests all call these functions."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, Page, WorkflowState
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from cms.membership import community_of_practice_group, task_force_group
from cms.models import (
    EventIndexPage,
    EventPage,
    Organization,
    Person,
    ProjectDocument,
    ProjectIndexPage,
    ProjectPage,
    Region,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    TaskForceMember,
    TaskForcePage,
)

from . import emails
from .access import (
    concept_note_collections,
    contribution_collections,
    ensure_contribution_workflow,
    ensure_project_idea_workflow,
)
from .accounts import grant_member_access
from .models import (
    PENDING_STATUSES,
    ContributionSubmission,
    MembershipApplication,
    ProjectIdeaSubmission,
    Status,
    TaskForceApplication,
)
from .selectors import leader_count

logger = logging.getLogger(__name__)

Role = TaskForceMember.Role
MAX_LEADERS = 2
LEADING_ROLES = (Role.LEADER, Role.REGIONAL_REPRESENTATIVE)

ALREADY_DECIDED = _("This application has already been decided.")
ONLY_STAFF_MAY_LEAD = _(
    "Only staff of a member or partner organization can lead a task force or represent a region. Choose your "
    "organization from the list, or apply as a team member."
)
LEADERS_FULL = _(
    "This task force already has two leaders. You can apply as a regional representative or a team member."
)
REGION_NEEDED = _("Choose the world region you would represent.")
ALREADY_PENDING = _(
    "An application with this email address is already waiting for a decision for this task force."
)


def _decide(application, *, status: str, user) -> None:
    if not application.is_pending:
        raise ValidationError(ALREADY_DECIDED)
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = user


def _announce(application, *, template: str, admin_view: str) -> None:
    """Tell the Secretariat a new application came in, with the link to its admin screen."""
    emails.to_secretariat(
        template, {"application": application, "url": emails.admin_url(admin_view, application.pk)}
    )


def _tell_applicant(application, *, to: str, template: str, **context) -> None:
    """Email the applicant the decision, in their language, once it is committed."""
    emails.send_after_commit(
        template=template,
        to=[to],
        context={"application": application, **context},
        language=application.language,
    )


# --- Join the Initiative ---------------------------------------------------------------------------------------


def submit_membership_application(
    *,
    organization_name: str,
    kind: str,
    country: Region | None,
    website: str,
    contact_name: str,
    contact_email: str,
    motivation: str,
    declaration,
    language: str,
    notify: bool = True,
) -> MembershipApplication:
    application = MembershipApplication(
        organization_name=organization_name,
        kind=kind,
        country=country,
        website=website,
        contact_name=contact_name,
        contact_email=contact_email,
        motivation=motivation,
        language=language,
    )
    application.declaration.save("declaration.pdf", declaration, save=False)
    try:
        with transaction.atomic():
            application.save()
    except Exception:
        application.declaration.delete(save=False)  # no file without its application
        raise
    logger.info("Application to join the Initiative %s received", application.pk)
    if notify:
        _announce(application, template="membership_received", admin_view="membership_applications:edit")
    return application


@transaction.atomic
def accept_membership_application(
    *, application: MembershipApplication, user, membership: str, year_joined: int
) -> Organization:
    """Create the directory organization, or update the one of the same name, give the contact a site account
    in the Community of Practice group (community/accounts.py), and tell the applicant."""
    _decide(application, status=Status.ACCEPTED, user=user)
    organization = Organization.objects.filter(name__iexact=application.organization_name).first()
    if organization is None:
        organization = Organization(name=application.organization_name)
    organization.kind = application.kind
    organization.country = application.country or organization.country
    organization.website = application.website or organization.website
    organization.membership = membership
    organization.year_joined = year_joined
    organization.full_clean()
    organization.save()
    application.membership = membership
    application.year_joined = year_joined
    application.organization = organization
    application.save()
    access = grant_member_access(
        email=application.contact_email,
        name=application.contact_name,
        group=community_of_practice_group(),
        language=application.language,
    )
    _tell_applicant(
        application,
        to=application.contact_email,
        template="membership_accepted",
        organization=organization,
        **access.email_context(),
    )
    return organization


@transaction.atomic
def decline_membership_application(*, application: MembershipApplication, user) -> None:
    _decide(application, status=Status.DECLINED, user=user)
    application.save()
    _tell_applicant(application, to=application.contact_email, template="membership_declined")


# --- Join a task force -----------------------------------------------------------------------------------------


def task_force_application_errors(
    *, task_force: TaskForcePage, email: str, organization: Organization | None, role: str, world_region
) -> dict[str, str]:
    """The rules of a task force application, as {field: message} (empty when it may be sent)."""
    errors: dict[str, str] = {}
    if role in LEADING_ROLES and organization is None:
        errors["role"] = ONLY_STAFF_MAY_LEAD
    elif role == Role.LEADER and leader_count(task_force) >= MAX_LEADERS:
        errors["role"] = LEADERS_FULL
    if role == Role.REGIONAL_REPRESENTATIVE and world_region is None:
        errors["world_region"] = REGION_NEEDED
    if (
        email
        and TaskForceApplication.objects.filter(
            task_force=task_force, email__iexact=email, status__in=PENDING_STATUSES
        ).exists()
    ):
        errors["email"] = ALREADY_PENDING
    return errors


def submit_task_force_application(
    *,
    task_force: TaskForcePage,
    name: str,
    email: str,
    organization: Organization | None,
    organization_name: str,
    role: str,
    world_region: Region | None,
    motivation: str,
    language: str,
    notify: bool = True,
) -> TaskForceApplication:
    errors = task_force_application_errors(
        task_force=task_force, email=email, organization=organization, role=role, world_region=world_region
    )
    if errors:
        raise ValidationError(errors)
    application = TaskForceApplication(
        task_force=task_force,
        name=name,
        email=email,
        organization=organization,
        organization_name="" if organization else organization_name,
        role=role,
        world_region=world_region if role == Role.REGIONAL_REPRESENTATIVE else None,
        motivation=motivation,
        language=language,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as error:  # the same email sent twice at the same moment
        raise ValidationError({"email": ALREADY_PENDING}) from error
    logger.info("Task force application %s received", application.pk)
    if notify:
        _announce(application, template="task_force_received", admin_view="task_force_applications:edit")
    return application


@transaction.atomic
def approve_task_force_application(*, application: TaskForceApplication, user) -> Person:
    """Add the applicant to the roster of the task force (publishing it if it is live), give them a site account
    in the task force's group (community/accounts.py), and tell them."""
    # Lock the page: two approvals at once must not both take the last leader's place.
    task_force = TaskForcePage.objects.select_for_update().get(pk=application.task_force_id)
    if application.role in LEADING_ROLES and application.organization is None:
        raise ValidationError({"organization": ONLY_STAFF_MAY_LEAD})
    if application.role == Role.LEADER and leader_count(task_force) >= MAX_LEADERS:
        raise ValidationError({"role": LEADERS_FULL})
    _decide(application, status=Status.ACCEPTED, user=user)
    if application.organization is not None:
        person = Person.objects.get_or_create(name=application.name, organization=application.organization)[0]
    else:
        person = Person.objects.create(name=application.name)
    add_to_roster(task_force, person=person, role=application.role, user=user)
    application.person = person
    application.save()
    access = grant_member_access(
        email=application.email,
        name=application.name,
        group=task_force_group(task_force),
        language=application.language,
    )
    _tell_applicant(
        application,
        to=application.email,
        template="task_force_accepted",
        task_force=task_force,
        **access.email_context(),
    )
    return person


@transaction.atomic
def decline_task_force_application(*, application: TaskForceApplication, user) -> None:
    _decide(application, status=Status.DECLINED, user=user)
    application.save()
    _tell_applicant(
        application, to=application.email, template="task_force_declined", task_force=application.task_force
    )


def _set_role(page: TaskForcePage, *, person: Person, role: str) -> None:
    """Give the person the role on the page's roster (in memory), appending them if they are not on it."""
    members = list(page.members.all())
    for member in members:
        if member.person_id == person.pk:
            member.role = role
            break
    else:
        members.append(TaskForceMember(person=person, role=role))
    for order, member in enumerate(members):  # explicit order: rows without one would sort after the newcomer
        member.sort_order = order
    page.members = members


def add_to_roster(task_force: TaskForcePage, *, person: Person, role: str, user) -> None:
    """The person gets the role on the page's live version (published again) and on an editor's pending
    draft, if there is one, so neither publishing that draft later nor this approval undoes the other.

    The Secretariat's approval is the decision; the page change it implies is this one roster line, so it is
    published without requiring the Secretariat to hold publish permission on the strategy pages.
    """
    pending_draft = task_force.get_latest_revision() if task_force.has_unpublished_changes else None
    _set_role(task_force, person=person, role=role)
    revision = task_force.save_revision(user=user, log_action=True)
    if task_force.live:
        revision.publish(user=user, skip_permission_checks=True)
    if pending_draft is not None and task_force.live:
        draft = pending_draft.as_object()
        _set_role(draft, person=person, role=role)
        draft.save_revision(user=user, log_action=True)


def _drop(page: TaskForcePage, *, person: Person) -> bool:
    """Take the person off the page's roster (in memory); False when they were not on it."""
    members = list(page.members.all())
    kept = [member for member in members if member.person_id != person.pk]
    if len(kept) == len(members):
        return False
    for order, member in enumerate(kept):
        member.sort_order = order
    page.members = kept
    return True


@transaction.atomic
def remove_from_roster(task_force: TaskForcePage, *, person: Person, user) -> None:
    """The person's line goes from the page's live version (published again) and from an editor's pending draft,
    as add_to_roster put it on both (a member who deleted their account: community/personal_data.py)."""
    task_force = TaskForcePage.objects.select_for_update().get(pk=task_force.pk)
    pending_draft = task_force.get_latest_revision() if task_force.has_unpublished_changes else None
    if _drop(task_force, person=person):
        revision = task_force.save_revision(user=user, log_action=True)
        if task_force.live:
            revision.publish(user=user, skip_permission_checks=True)
    if pending_draft is not None and task_force.live:
        draft = pending_draft.as_object()
        if _drop(draft, person=person):
            draft.save_revision(user=user, log_action=True)


# --- Project ideas ---------------------------------------------------------------------------------------------


def _unique_slug(parent: Page, title: str, *, fallback: str = "project-idea", reserved=()) -> str:
    base = slugify(title)[:70] or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    taken.update(reserved)
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _document_under_review(uploaded, *, title, collection, prefix: str, user):
    """A Wagtail document of the uploaded PDF in a review collection."""
    document = get_document_model()(title=str(title)[:255], collection=collection, uploaded_by_user=user)
    # An unguessable file name: the media directory itself must not reveal a document under review.
    document.file.save(f"{prefix}-{uuid.uuid4().hex}.pdf", uploaded, save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _without_admin_notifications(user) -> None:
    """Wagtail's own approval/rejection emails link to admin screens a partner or member cannot open; the
    outcome email (tell_submitter_outcome) replaces them."""
    if user is not None and not user.has_perm("wagtailadmin.access_admin"):
        profile = UserProfile.get_for_user(user)
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


@transaction.atomic
def submit_project_idea(
    *,
    user,
    index: ProjectIndexPage,
    title: str,
    summary: str,
    objectives,
    countries,
    practices,
    funding_sought: Decimal | None,
    currency: str,
    lead_organization: Organization,
    contact_name: str,
    contact_email: str,
    concept_note=None,
    language: str,
    notify: bool = True,
    submitted_at: dt.datetime | None = None,
) -> ProjectPage:
    """A draft project page (status "idea") in the catalogue, started in the "Project ideas" workflow.

    Nothing is public until the workflow's last task approves it (Wagtail then publishes the draft). The
    concept note is a Wagtail document in a collection only the reviewing groups may open; the contact stays
    in the ProjectIdeaSubmission, off the page.
    """
    setup = ensure_project_idea_workflow(index)
    document = None
    if concept_note is not None:
        document = _document_under_review(
            concept_note,
            title=_("Concept note: %(title)s") % {"title": title},
            collection=concept_note_collections()[0],
            prefix="concept-note",
            user=user,
        )
    page = ProjectPage(
        title=title,
        slug=_unique_slug(index, title),
        summary=summary,
        status=ProjectPage.Status.IDEA,
        funding_sought=funding_sought,
        currency=currency,
        lead_organization=lead_organization,
        objectives=list(objectives),
        countries=list(countries),
        practices=list(practices),
        documents=[ProjectDocument(document=document, caption=str(_("Concept note")))] if document else [],
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    submission = ProjectIdeaSubmission.objects.create(
        page=page,
        submitted_by=user,
        contact_name=contact_name,
        contact_email=contact_email,
        concept_note=document,
        language=language,
        created_at=submitted_at or timezone.now(),
    )
    _start_review(
        page,
        user=user,
        workflow=setup.workflow,
        submission=submission,
        notify=notify,
        template="project_idea_received",
    )
    logger.info("Project idea %s submitted (page %s)", submission.pk, page.pk)
    return page


def _start_review(page: Page, *, user, workflow, submission, notify: bool, template: str) -> None:
    """A submitted draft (a project idea, a member's contribution) enters its workflow; the Secretariat is told."""
    _without_admin_notifications(user)
    workflow.start(page, user)
    if notify:
        emails.to_secretariat(
            template,
            {
                "page": page,
                "submission": submission,
                "url": emails.admin_url("wagtailadmin_pages:edit", page.pk),
            },
        )


def release_concept_note(page: ProjectPage) -> None:
    """On publication of a submitted idea, its concept note moves to the public collection with it."""
    submission = ProjectIdeaSubmission.objects.filter(page_id=page.pk).select_related("concept_note").first()
    if submission is not None and submission.concept_note is not None:
        _release(submission.concept_note, concept_note_collections())


def _release(document, collections) -> None:
    review, public = collections
    if document.collection_id == review.pk:
        document.collection = public
        document.save(update_fields=["collection"])


def tell_submitter_outcome(workflow_state: WorkflowState) -> None:
    """After the workflow approved (the page is published) or requested changes, email the submitter of the
    project idea, resource or event."""
    if workflow_state.base_content_type.model_class() is not Page:
        return
    page_id = int(workflow_state.object_id)
    submission = (
        ProjectIdeaSubmission.objects.filter(page_id=page_id).select_related("page", "submitted_by").first()
    )
    template = "project_idea"
    if submission is None:
        submission = (
            ContributionSubmission.objects.filter(page_id=page_id)
            .select_related("page", "submitted_by")
            .first()
        )
        template = "contribution"
    if submission is None:
        return
    page = submission.page.specific
    approved = workflow_state.status == WorkflowState.STATUS_APPROVED
    task_state = workflow_state.current_task_state
    emails.send_after_commit(
        template=f"{template}_published" if approved else f"{template}_changes_requested",
        to=[submission.contact_email, getattr(submission.submitted_by, "email", "")],
        context={
            "page": page,
            "submission": submission,
            "url": page.full_url if approved else "",
            "comment": "" if approved or task_state is None else task_state.get_comment(),
        },
        language=submission.language,
    )


# --- Members' contributions: resources and events ---------------------------------------------------------------

# The forms' own addresses under the listings (community/urls.py): a page there would be hidden by them.
RESERVED_SLUGS = {
    ContributionSubmission.Kind.RESOURCE: {"propose"},
    ContributionSubmission.Kind.EVENT: {"announce"},
}


def _submit_contribution(
    *,
    page: Page,
    kind: str,
    user,
    index: Page,
    contact_name: str,
    contact_email: str,
    document,
    language: str,
    notify: bool,
) -> ContributionSubmission:
    """Put the draft `page` under `index` and start it in the "Member contributions" workflow."""
    setup = ensure_contribution_workflow(index)
    page.slug = _unique_slug(index, page.title, fallback=kind, reserved=RESERVED_SLUGS[kind])
    page.owner = user
    page.live = False
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    submission = ContributionSubmission.objects.create(
        page=page,
        kind=kind,
        submitted_by=user,
        contact_name=contact_name,
        contact_email=contact_email,
        document=document,
        language=language,
    )
    _start_review(
        page,
        user=user,
        workflow=setup.workflow,
        submission=submission,
        notify=notify,
        template="contribution_received",
    )
    logger.info("Member contribution %s submitted (%s page %s)", submission.pk, kind, page.pk)
    return submission


@transaction.atomic
def propose_resource(
    *,
    user,
    index: ResourceIndexPage,
    title: str,
    summary: str,
    kind: str,
    year: int,
    resource_language: str,
    authors: str,
    publisher: str,
    pdf,
    contact_name: str,
    contact_email: str,
    language: str,
    notify: bool = True,
) -> ResourcePage:
    """A draft resource page in the library with its PDF, started in the "Member contributions" workflow.

    Nothing is public until the Secretariat approves it (Wagtail then publishes the draft); the PDF waits in a
    collection only the Secretariat may open, and moves to a public one on publication
    (release_contribution_document). The contact stays in the ContributionSubmission, off the page.
    """
    document = _document_under_review(
        pdf,
        title=title,
        collection=contribution_collections()[0],
        prefix="resource",
        user=user,
    )
    page = ResourcePage(
        title=title,
        summary=summary,
        kind=kind,
        year=year,
        language=resource_language,
        authors=authors,
        publisher=publisher,
        documents=[ResourceDocument(document=document)],
    )
    _submit_contribution(
        page=page,
        kind=ContributionSubmission.Kind.RESOURCE,
        user=user,
        index=index,
        contact_name=contact_name,
        contact_email=contact_email,
        document=document,
        language=language,
        notify=notify,
    )
    return page


def _event_times(start_time: dt.time | None, time_zone: str) -> str:
    if start_time is None:
        return ""
    return str(
        _("Starts at %(time)s (%(timezone)s).") % {"time": f"{start_time:%H:%M}", "timezone": time_zone}
    )


@transaction.atomic
def announce_event(
    *,
    user,
    index: EventIndexPage,
    title: str,
    summary: str,
    start_date: dt.date,
    end_date: dt.date | None,
    start_time: dt.time | None,
    time_zone: str,
    location: str,
    online_url: str,
    organizer: Organization | None,
    organizer_name: str,
    contact_name: str,
    contact_email: str,
    language: str,
    notify: bool = True,
) -> EventPage:
    """A draft partner event in the event listing, started in the "Member contributions" workflow.

    Events are all-day pages (a first and a last day); a start time, in its time zone, and an organizer not
    in the directory are said in the page's body.
    """
    facts = [
        _event_times(start_time, time_zone),
        ""
        if organizer or not organizer_name
        else str(_("Organized by %(name)s.") % {"name": organizer_name}),
    ]
    body = [("paragraph", RichText(f"<p>{escape(fact)}</p>")) for fact in facts if fact]
    page = EventPage(
        title=title,
        summary=summary,
        kind=EventPage.Kind.PARTNER_EVENT,
        start_date=start_date,
        end_date=end_date or start_date,
        location=location,
        online=bool(online_url),
        online_url=online_url,
        organizer=organizer,
        body=body,
    )
    _submit_contribution(
        page=page,
        kind=ContributionSubmission.Kind.EVENT,
        user=user,
        index=index,
        contact_name=contact_name,
        contact_email=contact_email,
        document=None,
        language=language,
        notify=notify,
    )
    return page


def release_contribution_document(page: Page) -> None:
    """On publication of a proposed resource, its PDF moves to the public collection with it."""
    submission = ContributionSubmission.objects.filter(page_id=page.pk).select_related("document").first()
    if submission is not None and submission.document is not None:
        _release(submission.document, contribution_collections())


# --- Retention -------------------------------------------------------------------------------------------------


def _delete_files(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


def prune_declined_applications(*, days: int, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete applications declined more than `days` ago, their admin history and, once that is committed,
    their files. Returns the number deleted per kind."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    deleted: dict[str, int] = {}
    for model in (MembershipApplication, TaskForceApplication):
        with transaction.atomic():
            old = model.objects.select_for_update().filter(status=Status.DECLINED, decided_at__lt=cutoff)
            ids = list(old.values_list("pk", flat=True))
            if model is MembershipApplication:
                files = [name for name in old.values_list("declaration", flat=True) if name]
                storage = model._meta.get_field("declaration").storage
                transaction.on_commit(partial(_delete_files, storage, files))
            ModelLogEntry.objects.filter(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                object_id__in=[str(pk) for pk in ids],
            ).delete()
            deleted[str(model._meta.verbose_name_plural)] = model.objects.filter(pk__in=ids).delete()[0]
    return deleted
