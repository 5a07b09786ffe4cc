"""Sample applications of every kind, loaded by `load_demo_content` (the cms demo loader calls the
"load_demo_content" hook inside its transaction).

Each sample is created once, found again by a natural key, and then left alone: what an editor does with it
(accepting, declining, notes) is kept by later runs, and a second run writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale

from cms.demo.pdf import build_pdf
from cms.models import ObjectivePage, ProjectIndexPage, TaskForcePage

from ..access import ensure_project_idea_workflow
from ..models import MembershipApplication, TaskForceApplication
from ..services import submit_project_idea
from . import data


def _ago(days: int | None) -> dt.datetime | None:
    return None if days is None else timezone.now() - dt.timedelta(days=days)


def _sample_pdf(title: str, text: str) -> ContentFile:
    return ContentFile(
        build_pdf(
            {
                "title": title,
                "author": "Soil Knowledge Hub demo (sample data)",
                "year": timezone.now().year,
                "sample": True,
                "sections": [{"heading": title, "paragraphs": [text]}],
            }
        )
    )


def load_sample_applications(loader) -> None:
    load_membership_applications(loader)
    load_task_force_applications(loader)
    load_project_ideas(loader)


def load_membership_applications(loader) -> None:
    for item in data.MEMBERSHIP_APPLICATIONS:
        if MembershipApplication.objects.filter(
            organization_name=item["organization_name"], contact_email=item["contact_email"]
        ).exists():
            continue
        application = MembershipApplication(
            organization_name=item["organization_name"],
            kind=item["kind"],
            country=loader.regions[item["country"]],
            website=item["website"],
            contact_name=item["contact_name"],
            contact_email=item["contact_email"],
            motivation=item["motivation"],
            status=item["status"],
            note=item.get("note", data.SAMPLE_NOTE),
            membership=item.get("membership", ""),
            year_joined=item.get("year_joined"),
            organization=loader.organizations.get(item.get("organization") or ""),
            created_at=_ago(item["days_ago"]),
            decided_at=_ago(item.get("decided_days_ago")),
        )
        application.declaration.save(
            "declaration.pdf",
            _sample_pdf(
                "Declaration of intent (sample)",
                f"Sample data. {item['organization_name']} declares its intent to join the 4 per 1000 "
                "Initiative. This is not a real declaration.",
            ),
            save=False,
        )
        application.full_clean()
        application.save()
        loader.report.note("sample application to join", created=True, changed=True)


def _task_force(code: str) -> TaskForcePage:
    objective = ObjectivePage.objects.filter(locale=Locale.get_default()).get(code=code)
    return TaskForcePage.objects.child_of(objective).get()


def load_task_force_applications(loader) -> None:
    for item in data.TASK_FORCE_APPLICATIONS:
        task_force = _task_force(item["objective"])
        if TaskForceApplication.objects.filter(task_force=task_force, email=item["email"]).exists():
            continue
        person = loader.people.get(item.get("person") or "")
        organization = (
            person.organization if person else loader.organizations.get(item.get("organization") or "")
        )
        application = TaskForceApplication(
            task_force=task_force,
            name=person.name if person else item["name"],
            email=item["email"],
            organization=organization,
            organization_name=item.get("organization_name", ""),
            role=item["role"],
            world_region=loader.regions.get(item.get("world_region") or ""),
            motivation=item["motivation"],
            status=item["status"],
            note=item.get("note", data.SAMPLE_NOTE),
            person=person,
            created_at=_ago(item["days_ago"]),
            decided_at=_ago(item.get("decided_days_ago")),
        )
        application.full_clean()
        application.save()
        loader.report.note("sample task force application", created=True, changed=True)


def load_project_ideas(loader) -> None:
    index = ProjectIndexPage.objects.first()
    if index is None:
        return
    setup = ensure_project_idea_workflow(index)
    for kind in setup.created:
        loader.report.note(kind, created=True, changed=True)
    for item in data.PROJECT_IDEAS:
        if index.get_children().filter(title=item["title"]).exists():
            continue
        page = submit_project_idea(
            user=None,
            index=index,
            title=item["title"],
            summary=item["summary"],
            objectives=[loader.objectives[code] for code in item["objectives"]],
            countries=[loader.regions[name] for name in item["countries"]],
            practices=[loader.practices[slug] for slug in item["practices"]],
            funding_sought=item["funding_sought"],
            currency=item["currency"],
            lead_organization=loader.organizations[item["lead"]],
            contact_name=item["contact_name"],
            contact_email=item["contact_email"],
            concept_note=_sample_pdf(f"Concept note: {item['title']}", item["summary"])
            if item["concept_note"]
            else None,
            language="en",
            notify=False,
            submitted_at=_ago(item["days_ago"]),
        )
        if item["stage"] == "secretariat approval":
            page.current_workflow_task_state.approve(
                user=None, comment="Sample data: approved by the task force."
            )
        loader.report.note("sample project idea", created=True, changed=True)
