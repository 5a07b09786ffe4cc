"""Admin registration of the snippets, grouped under one 'Directory' menu; the page cache's and the documents'
serving hooks."""

from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .media import may_serve_document
from .models import Organization, Person, Region, SoilPractice
from .page_cache import forbid_restricted_pages


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "short_name", "kind", "country", "membership", "year_joined"]
    list_filter = ["kind", "membership"]
    search_fields = ["name", "short_name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "organization", "job_title"]
    search_fields = ["name", "job_title"]


class SoilPracticeViewSet(SnippetViewSet):
    model = SoilPractice
    icon = "tag"
    list_display = ["name", "slug"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kind", "parent", "iso_code"]
    list_filter = ["kind"]
    search_fields = ["name"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (OrganizationViewSet, PersonViewSet, SoilPracticeViewSet, RegionViewSet)


register_snippet(DirectoryGroup)


hooks.register("before_serve_page", forbid_restricted_pages)


@hooks.register("before_serve_document", order=1)  # after Wagtail's collection restrictions (order 0)
def hide_documents_of_hidden_pages(document, request):
    """/documents/<id>/<name>: a document used only by drafts or private pages is not served (cms/media.py)."""
    if not may_serve_document(document, request):
        raise Http404("No document matches the given query.")
