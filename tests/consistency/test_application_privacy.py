"""Nothing an applicant typed is public before approval, and after it only what the approval publishes.

A Hypothesis state machine applies random sequences of what visitors, partners and the Secretariat do:
applications to join the Initiative and to join a task force (through the public forms), project ideas
(through /projects/submit/, with a concept note), acceptances, declines, workflow approvals and requests for
changes, and the retention pruning. Every typed value carries its own marker word. After each step, every
public surface of a site with a partner directory (tests/surfaces.py: derived from the URL configuration, the
sitemap and the pages' routes, each read for its status) is read as an anonymous visitor, the search surfaces
with every marker, and the knowledge index itself. A marker may appear there only if the decision so far published
it (the test's own model, not the product's code): the roster fields (name, organization, role) of an
approved task force member, the directory fields of an accepted organization, the content of an approved
project idea. Contacts, emails, motivations, typed organization names and declarations never. What was approved
must be out there: an accepted organization in the directory, on its profile and in the organization search.
"""

from __future__ import annotations

import itertools
import string
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from wagtail.models import Page

from cms.models import PartnerDirectoryPage, ProjectPage
from community import services
from community.models import MembershipApplication, ProjectIdeaSubmission, TaskForceApplication
from knowledge.models import Chunk, Source
from tests.community.conftest import build_community, make_user, pdf_bytes
from tests.conftest import add_page
from tests.surfaces import API_LIMIT, public_surfaces, read_all

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Examples and steps: the Hypothesis profile (tests/conftest.py: "local", or "ci" under CI=true).
PRIVACY_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SEARCH_QUERY_LENGTH = 500  # the search box's maxlength
_numbers = itertools.count(1)


def marker(field_name: str) -> str:
    """A word found nowhere else: letters only, so every tokenizer keeps it whole."""
    number, letters = next(_numbers), ""
    while number:
        number, digit = divmod(number, 26)
        letters += string.ascii_lowercase[digit]
    return f"zq{letters}{field_name}"


@dataclass
class Typed:
    """What one application carried: marker words that stay private, and those its approval publishes."""

    kind: str
    pk: int
    private: set[str]
    published_on_approval: set[str]
    approved: bool = False
    decided: bool = False
    extra: dict = field(default_factory=dict)


class ApplicationPrivacy(RuleBasedStateMachine):
    community = None
    directory = None
    partner = None
    secretariat = None
    capture = None

    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.applications: list[Typed] = []
        self.visitor = Client()
        self.partner_client = Client()
        self.partner_client.force_login(self.partner)
        self.log: list[str] = []

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def step(self):
        return self.capture(execute=True)

    def pending(self, kind: str) -> list[Typed]:
        return [a for a in self.applications if a.kind == kind and not a.decided]

    # --- visitors and partners apply ---------------------------------------------------------------------

    @initialize()
    def start(self):
        self.log.append("start")

    @rule()
    def apply_to_join(self):
        words = {
            name: marker(name) for name in ("org", "site", "contact", "email", "motivation", "declaration")
        }
        data = {
            "organization_name": f"Org {words['org']}",
            "kind": "ngo",
            "country": self.community.kenya.pk,
            "website": f"https://{words['site']}.example.org",
            "contact_name": f"Contact {words['contact']}",
            "contact_email": f"{words['email']}@example.org",
            "motivation": f"Motivation {words['motivation']}",
            "declaration": SimpleUploadedFile("d.pdf", pdf_bytes(f"Declaration {words['declaration']}")),
        }
        with self.step():
            response = self.visitor.post("/join/", data)
        assert response.status_code == 302, response.content[:300]
        application = MembershipApplication.objects.latest("pk")
        published = {words["org"], words["site"]}
        self.applications.append(
            Typed("membership", application.pk, set(words.values()) - published, published, extra=words)
        )
        self.log.append(f"membership application {application.pk}")

    @rule(listed=st.booleans(), role=st.sampled_from(["team_member", "regional_representative"]))
    def apply_to_task_force(self, listed, role):
        if not listed:
            role = "team_member"  # the form refuses the others without an organization (tested elsewhere)
        words = {name: marker(name) for name in ("name", "email", "typedorg", "motivation")}
        data = {
            "name": f"Person {words['name']}",
            "email": f"{words['email']}@example.org",
            "organization": self.community.member.pk if listed else "",
            "organization_name": "" if listed else f"Typed {words['typedorg']}",
            "role": role,
            "world_region": self.community.africa.pk if role == "regional_representative" else "",
            "motivation": f"Motivation {words['motivation']}",
        }
        with self.step():
            response = self.visitor.post(self.community.task_force.url + "join/", data)
        assert response.status_code == 302, response.content[:300]
        application = TaskForceApplication.objects.latest("pk")
        published = {words["name"]}
        self.applications.append(
            Typed("task_force", application.pk, set(words.values()) - published, published)
        )
        self.log.append(f"task force application {application.pk} listed={listed} {role}")

    @rule(with_note=st.booleans())
    def submit_idea(self, with_note):
        words = {name: marker(name) for name in ("title", "summary", "contact", "email", "note")}
        data = {
            "title": f"Idea {words['title']}",
            "summary": f"Summary {words['summary']} on soil carbon.",
            "objectives": [self.community.objective.pk],
            "countries": [self.community.kenya.pk],
            "practices": [self.community.practice.pk],
            "funding_sought": "1000",
            "currency": "EUR",
            "lead_organization": self.community.member.pk,
            "contact_name": f"Contact {words['contact']}",
            "contact_email": f"{words['email']}@example.org",
        }
        if with_note:
            data["concept_note"] = SimpleUploadedFile("note.pdf", pdf_bytes(f"Concept {words['note']}"))
        with self.step():
            response = self.partner_client.post("/projects/submit/", data)
        assert response.status_code == 302, response.content[:300]
        submission = ProjectIdeaSubmission.objects.latest("pk")
        published = {words["title"], words["summary"]} | ({words["note"]} if with_note else set())
        private = {words["contact"], words["email"]} | (set() if with_note else {words["note"]})
        typed = Typed("idea", submission.page_id, private, published)
        self.applications.append(typed)
        self.log.append(f"project idea {submission.page_id} note={with_note}")

    # --- the Secretariat and the reviewers decide --------------------------------------------------------

    @precondition(lambda self: self.pending("membership"))
    @rule(index=st.integers(0, 9), accept=st.booleans())
    def decide_membership(self, index, accept):
        typed = self.pending("membership")[index % len(self.pending("membership"))]
        application = MembershipApplication.objects.get(pk=typed.pk)
        with self.step():
            if accept:
                services.accept_membership_application(
                    application=application, user=self.secretariat, membership="member", year_joined=2026
                )
            else:
                services.decline_membership_application(application=application, user=self.secretariat)
        typed.decided, typed.approved = True, accept
        self.log.append(f"membership {typed.pk} {'accepted' if accept else 'declined'}")

    @precondition(lambda self: self.pending("task_force"))
    @rule(index=st.integers(0, 9), accept=st.booleans())
    def decide_task_force(self, index, accept):
        typed = self.pending("task_force")[index % len(self.pending("task_force"))]
        application = TaskForceApplication.objects.get(pk=typed.pk)
        with self.step():
            if accept:
                services.approve_task_force_application(application=application, user=self.secretariat)
            else:
                services.decline_task_force_application(application=application, user=self.secretariat)
        typed.decided, typed.approved = True, accept
        self.log.append(f"task force {typed.pk} {'approved' if accept else 'declined'}")

    @precondition(lambda self: self.pending("idea"))
    @rule(index=st.integers(0, 9), approve=st.booleans())
    def review_idea(self, index, approve):
        typed = self.pending("idea")[index % len(self.pending("idea"))]
        state = ProjectPage.objects.get(pk=typed.pk).current_workflow_task_state
        with self.step():
            if approve:
                state.approve(user=self.secretariat)
            else:
                state.reject(user=self.secretariat, comment="Please give more detail.")
        page = ProjectPage.objects.get(pk=typed.pk)
        typed.approved = page.live
        typed.decided = page.live or not approve
        self.log.append(f"idea {typed.pk} {'approved a task' if approve else 'changes requested'}")

    @rule()
    def prune(self):
        with self.step():
            services.prune_declined_applications(days=0)
        self.applications = [a for a in self.applications if a.kind == "idea" or not a.decided or a.approved]
        self.log.append("pruned declined applications")

    # --- what an anonymous visitor can read --------------------------------------------------------------

    def public_bodies(self) -> dict[str, str]:
        """Every public surface (tests/surfaces.py), each checked for its status, searched for every marker: one
        query per application (the word its approval would publish) and one with all the markers at once."""
        cache.clear()  # the search API's anonymous throttle counts in the cache
        markers = sorted(set().union(*(a.private | a.published_on_approval for a in self.applications)))
        # The word each check below looks up: an organization's name, or else the first word approval publishes.
        queries = [typed.extra.get("org") or min(typed.published_on_approval) for typed in self.applications]
        queries.append(" ".join(markers)[:SEARCH_QUERY_LENGTH].rsplit(" ", 1)[0])
        bodies = {
            f"{surface.family} {surface.url}": body
            for surface, body in read_all(
                self.visitor, public_surfaces(self.visitor, queries=queries)
            ).items()
        }
        # What the form pages echo back is the visitor's own; the index itself may hold nothing unpublished.
        index_text = list(Chunk.objects.values_list("text", flat=True)) + list(
            Source.objects.values_list("title", flat=True)
        )
        bodies["knowledge index"] = "\n".join(index_text)
        return bodies

    def body(self, bodies: dict[str, str], url: str) -> str:
        matches = [body for where, body in bodies.items() if where.split(" ")[-1] == url]
        assert matches, f"{url} is not a public surface; surfaces: {sorted(bodies)}"
        return matches[0]

    @invariant()
    def nothing_typed_is_public_before_its_approval(self):
        if not self.applications:
            return
        public = set()
        for typed in self.applications:
            if typed.approved:
                public |= typed.published_on_approval
        hidden = (
            set().union(*(typed.private | typed.published_on_approval for typed in self.applications))
            - public
        )
        bodies = self.public_bodies()
        history = "; ".join(self.log)
        for where, body in bodies.items():
            leaked = sorted(word for word in hidden if word in body)
            assert not leaked, f"{leaked} public in {where}\nafter: {history}"
        # And what was approved is really out there (the check above can see).
        directory = self.directory.url
        for typed in self.applications:
            if typed.approved and typed.kind == "task_force":
                (name,) = typed.published_on_approval
                assert name in self.body(bodies, self.community.task_force.url), (
                    f"{name} missing from the roster\n{history}"
                )
            if typed.approved and typed.kind == "membership":
                organization = MembershipApplication.objects.get(pk=typed.pk).organization
                word = typed.extra["org"]
                places = {
                    "API organizations": self.body(
                        bodies, f"/api/v2/organizations/?fields=*&limit={API_LIMIT}"
                    ),
                    "the directory": self.body(bodies, directory),
                    "its profile": self.body(bodies, f"{directory}{organization.slug}/"),
                    "organization search": self.body(bodies, f"/search/?q={word}&type=organization"),
                }
                for place, body in places.items():
                    assert word in body, (
                        f"accepted organization {word} missing from {place}\n{history}\n{visible_text(body)[:3000]}"
                    )
                assert typed.extra["site"] in places["its profile"], f"website missing\n{history}"
            if typed.approved and typed.kind == "idea":
                word = min(typed.published_on_approval)
                found = self.body(bodies, f"/api/search/?q={word}&mode=keyword&page_size={API_LIMIT}")
                assert "/projects/" in found and word in found, f"approved idea ({word}) not found\n{history}"
                assert word in self.body(bodies, ProjectPage.objects.get(pk=typed.pk).url), history


def visible_text(body: str) -> str:
    from bs4 import BeautifulSoup

    main = BeautifulSoup(body, "html.parser").find("main")
    return main.get_text(" ", strip=True) if main else body


def test_applications_stay_private_until_approved(
    community_for_privacy, django_capture_on_commit_callbacks, settings
):
    settings.COMMUNITY_FORM_RATE = "10000/h"
    (
        ApplicationPrivacy.community,
        ApplicationPrivacy.directory,
        ApplicationPrivacy.partner,
        ApplicationPrivacy.secretariat,
    ) = community_for_privacy
    ApplicationPrivacy.capture = django_capture_on_commit_callbacks
    run_state_machine_as_test(ApplicationPrivacy, settings=PRIVACY_SETTINGS)


@pytest.fixture
def community_for_privacy(db, django_capture_on_commit_callbacks, settings, tmp_path):
    from community.access import PARTNERS, SECRETARIAT

    settings.COMMUNITY_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    with django_capture_on_commit_callbacks(execute=True):  # the public pages are indexed
        community = build_community()
        directory = add_page(community.tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
    assert Page.objects.filter(pk=community.task_force.pk, live=True).exists()
    partner = make_user("privacy-partner", PARTNERS, email="partner@example.org")
    secretariat = make_user("privacy-secretariat", SECRETARIAT, email="sec@example.org")
    return community, directory, partner, secretariat
