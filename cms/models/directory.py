"""The partner directory: every organization of the Initiative at /partners/, and a profile per organization at
/partners/<slug>/, both served by one routable page whose intro editors own.

The directory lists the Organization snippets (public records: an organization exists only once the Secretariat
accepted it) with the shared listing filters (cms/filters.py: kind, member or partner, country or world region,
year joined), a name search and A-Z. A profile shows what the hub knows about the organization, taken only from
visible pages (cms/visibility.py): projects it leads or partners, its people's places on task force rosters,
resources it wrote and events it organized, each page once (in the visitor's language, else in the default one:
cms.locales.localized).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Substr, Upper
from django.http import Http404
from wagtail.contrib.routable_page.models import path

from cms.locales import in_active_language, localized
from cms.visibility import visible_pages

from .base import ListingPage
from .events import EventPage
from .projects import ProjectPage
from .resources import ResourcePage
from .snippets import Organization
from .strategy import TaskForceMember, TaskForcePage

# The A-Z bar: one link per initial letter; names that start with a digit or a sign are under "#".
OTHER_INITIAL = "#"
INITIALS = (*string.ascii_uppercase, OTHER_INITIAL)
SEARCH_MAX_LENGTH = 100


@dataclass
class Initial:
    letter: str
    present: bool
    selected: bool


class PartnerDirectoryPage(ListingPage):
    """The partner directory (one per site, usually at /partners/) and the organization profiles under it."""

    page_size = 24
    subpage_types: list[str] = []
    template = "cms/partner_directory_page.html"
    profile_template = "cms/organization_profile.html"

    class Meta:
        verbose_name = "partner directory"

    # The listings' export.csv / export.json route exports child pages; the directory has none (its rows are
    # organizations, in the API's /api/v2/organizations/), so it does not offer one.
    export = None

    # --- the directory ----------------------------------------------------------------------------------

    @path("", name="directory")
    def directory(self, request):
        organizations = Organization.objects.select_related("country").order_by("name")
        total = organizations.count()
        query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH].replace("\x00", "")
        if query:
            organizations = organizations.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
        letter = request.GET.get("letter", "").strip().upper()
        if letter not in INITIALS:
            letter = ""
        if letter == OTHER_INITIAL:
            organizations = organizations.exclude(name__regex=r"^[A-Za-z]")
        elif letter:
            organizations = organizations.filter(name__istartswith=letter)
        organizations, filters = self.filtered_children(request, Organization, organizations)
        return self.render(
            request,
            context_overrides={
                "organizations": self.paginate(request, organizations),
                "filters": filters,
                "query": query,
                "letter": letter,
                "initials": self.initials(letter),
                "total": total,
                "narrowed": bool(query or letter or filters["active"]),
            },
        )

    @staticmethod
    def initials(selected: str) -> list[Initial]:
        """The A-Z bar: which initials have organizations (one query)."""
        found = set(
            Organization.objects.annotate(initial=Upper(Substr("name", 1, 1)))
            .order_by()
            .values_list("initial", flat=True)
            .distinct()
        )
        present = {letter if letter in string.ascii_uppercase else OTHER_INITIAL for letter in found}
        return [Initial(letter, letter in present, letter == selected) for letter in INITIALS]

    # --- a profile ----------------------------------------------------------------------------------------

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        organization = Organization.objects.select_related("country__parent").filter(slug=slug).first()
        if organization is None:
            raise Http404("No organization with this address.")
        return self.render(
            request,
            template=self.profile_template,
            context_overrides={"organization": organization, **profile_facts(organization)},
        )

    def profile_url(self, organization: Organization, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("profile", kwargs={"slug": organization.slug})


def profile_facts(organization: Organization) -> dict:
    """What the hub knows about an organization, from visible pages only: four queries whatever its size."""
    project_ids = ProjectPage.objects.filter(
        Q(lead_organization=organization) | Q(partner_organizations=organization)
    ).values("pk")
    projects = list(
        localized(visible_pages(ProjectPage.objects.filter(pk__in=project_ids)))
        .order_by("title")
        .only("title", "url_path", "summary", "status", "lead_organization_id", "path", "depth")
    )
    for project in projects:
        project.led = project.lead_organization_id == organization.pk
    roles = list(
        TaskForceMember.objects.filter(
            person__organization=organization,
            page__in=in_active_language(visible_pages(TaskForcePage.objects.all())).values("pk"),
        )
        .select_related("person", "page")
        .order_by("page__path", "sort_order", "pk")
    )
    resources = list(
        localized(visible_pages(ResourcePage.objects.filter(organizations=organization)))
        .order_by("-year", "title")
        .only("title", "url_path", "year", "kind", "path", "depth")
    )
    events = list(
        localized(visible_pages(EventPage.objects.filter(organizer=organization)))
        .order_by("-start_date")
        .only("title", "url_path", "start_date", "end_date", "kind", "path", "depth")
    )
    return {
        "led_projects": [project for project in projects if project.led],
        "partner_projects": [project for project in projects if not project.led],
        "roles": roles,
        "resources": resources,
        "events": events,
    }


def public_directory(request=None) -> PartnerDirectoryPage | None:
    """The site's visible partner directory page, if any (one query)."""
    return visible_pages(PartnerDirectoryPage.objects.all()).order_by("path").first()


def profile_urls(request=None) -> list[tuple[str, object]]:
    """(URL, last modified) of every public organization profile, for a sitemap: none when no directory page is
    visible (the profiles are its routes). Two queries."""
    directory = public_directory(request)
    if directory is None:
        return []
    base = directory.get_url(request)
    rows = Organization.objects.order_by("name").values_list("slug", "updated_at")
    return [
        (base + directory.reverse_subpage("profile", kwargs={"slug": slug}), updated)
        for slug, updated in rows
    ]
