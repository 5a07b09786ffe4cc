"""A small hub for the community tests: a directory, one objective with its task force (one leader on the
roster), the groups of migration 0002, and real PDFs to upload."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from cms.models import (
    GoalPage,
    ObjectivePage,
    Organization,
    Person,
    Region,
    SoilPractice,
    TaskForceMember,
    TaskForcePage,
)
from community.access import PARTNERS, SECRETARIAT, TASK_FORCE_REVIEWERS
from tests.conftest import SiteTree, add_page

FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def pdf_bytes(text: str = "Declaration of intent. We commit to soil health.", pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)  # the same text gives the same bytes
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, f"{text} Page {number + 1}.")
    return bytes(pdf.output())


def pdf_upload(name: str = "declaration.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes() if data is None else data, content_type="application/pdf")


def fake_pdf_upload() -> SimpleUploadedFile:
    """Text with a PDF's name and content type: refused by content, whatever the name says."""
    return SimpleUploadedFile(
        "declaration.pdf", b"Just some text pretending.\n" * 50, content_type="application/pdf"
    )


def private_files() -> list[Path]:
    return [path for path in Path(settings.COMMUNITY_PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()]


@dataclass
class Community:
    tree: SiteTree
    africa: Region
    kenya: Region
    member: Organization
    partner: Organization
    practice: SoilPractice
    leader: Person
    objective: ObjectivePage
    task_force: TaskForcePage


def build_community() -> Community:
    tree = SiteTree()
    africa = Region.objects.create(name="Africa", kind=Region.Kind.REGION)
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, parent=africa, iso_code="KE")
    member = Organization.objects.create(
        name="Rift Valley Soil Institute", kind=Organization.Kind.RESEARCH, membership="member", country=kenya
    )
    partner = Organization.objects.create(
        name="Volta Inputs Ltd", kind=Organization.Kind.COMPANY, membership="partner", country=kenya
    )
    practice = SoilPractice.objects.create(name="Agroforestry", slug="agroforestry")
    leader = Person.objects.create(name="Wanjiru Kamau", organization=member)
    goal = add_page(
        tree.strategy, GoalPage, title="Goal A: Inception", code="A", description="<p>Policies.</p>"
    )
    objective = add_page(
        goal,
        ObjectivePage,
        title="Soil carbon in national climate plans",
        code="A1",
        short_label="NDCs",
        description="Countries count soil carbon in their climate plans.",
    )
    task_force = add_page(
        objective,
        TaskForcePage,
        title="Task Force A1: NDCs",
        slug="task-force",
        purpose="Bring soil carbon into NDCs.",
        how_to_join="<p>Fill in the form below.</p>",
        members=[TaskForceMember(person=leader, role="leader")],
    )
    return Community(tree, africa, kenya, member, partner, practice, leader, objective, task_force)


@pytest.fixture
def community(db) -> Community:
    return build_community()


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    """Each test its own private root, so `private_files()` sees only what that test stored."""
    settings.COMMUNITY_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    caches[settings.COMMUNITY_FORM_CACHE].clear()
    yield
    caches[settings.COMMUNITY_FORM_CACHE].clear()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser, then run what the view queued for after its commit (the emails)."""

    def send(url: str, data: dict, *, using=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return (using or client).post(url, data, **extra)

    return send


def make_user(username: str, *groups: str, **fields):
    user = get_user_model().objects.create_user(username=username, password="pw-" + username, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def secretariat(db):
    return make_user("sec", SECRETARIAT, email="sec@example.org")


@pytest.fixture
def reviewer(db):
    return make_user("rev", TASK_FORCE_REVIEWERS, email="rev@example.org")


@pytest.fixture
def partner_user(db):
    return make_user("partner", PARTNERS, email="partner@example.org", first_name="Ama", last_name="Owusu")


@pytest.fixture
def editor(db):
    """A Wagtail editor (the default Editors group): edits pages, must not see applications."""
    return make_user("ed", "Editors")
