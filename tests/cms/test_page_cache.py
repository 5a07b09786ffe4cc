"""The anonymous page cache (cms/page_cache.py): repeat views are served from it, and every change that can alter
a page removes the stale copy at once; nothing private, personal or per-visitor is ever stored or served."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms import page_cache
from cms.models import (
    GoalPage,
    ObjectivePage,
    Organization,
    PartnerDirectoryPage,
    Person,
    ProjectDocument,
    ProjectPage,
    Region,
    ResourceDocument,
    ResourcePage,
    SoilPractice,
    StandardPage,
    TaskForceMember,
    TaskForcePage,
)
from search.models import SearchLogEntry
from tests.conftest import SiteTree, add_page, publish

pytestmark = pytest.mark.django_db


def view(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache"), response.content.decode()


@pytest.fixture
def page(site_tree):
    return add_page(
        site_tree.home, StandardPage, title="Soil carbon notes", intro="First version of the notes."
    )


def test_repeat_views_are_served_from_the_cache(client, page):
    assert view(client, page.url)[:2] == (200, "miss")
    status, cached, body = view(client, page.url)
    assert (status, cached) == (200, "hit")
    assert "First version of the notes." in body


@override_settings(PAGE_CACHE_SECONDS=0)
def test_zero_seconds_turns_the_cache_off(client, page):
    view(client, page.url)
    assert view(client, page.url)[1] is None


def test_an_unpublished_page_is_gone_from_the_cache_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    assert view(client, page.url)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).unpublish()
    assert view(client, page.url)[0] == 404


def test_a_restricted_page_is_gone_from_the_cache_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    assert view(client, page.url)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "First version of the notes." not in response.content.decode()


def test_a_new_version_is_shown_at_once(client, page, django_capture_on_commit_callbacks):
    view(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        fresh = StandardPage.objects.get(pk=page.pk)
        fresh.intro = "Second version of the notes."
        fresh.save_revision().publish()
    status, cached, body = view(client, page.url)
    assert (status, cached) == (200, "miss")
    assert "Second version of the notes." in body


def test_moved_and_deleted_pages_are_gone_at_once(
    client, site_tree, page, django_capture_on_commit_callbacks
):
    section = add_page(site_tree.home, StandardPage, title="Section", intro="A section.")
    old_url = page.url
    view(client, old_url)
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=page.pk).move(section, pos="last-child")
    moved = StandardPage.objects.get(pk=page.pk)
    response = client.get(old_url)  # Wagtail redirects the old address to the new one: not the cached copy
    assert response.status_code == 301 and response["Location"].endswith(moved.url)
    view(client, moved.url)
    with django_capture_on_commit_callbacks(execute=True):
        moved.delete()
    assert view(client, moved.url)[0] == 404


def test_a_signed_in_editor_is_neither_served_nor_stored(client, page):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    view(client, page.url)  # anonymous: stored
    client.force_login(editor)
    status, cached, body = view(client, page.url)
    assert status == 200 and cached is None, "an editor's view never comes from the shared cache"
    assert "wagtail-userbar" in body
    client.logout()
    status, cached, body = view(client, page.url)
    assert cached == "hit" and "wagtail-userbar" not in body, "nor is an editor's view stored for others"


def test_a_page_behind_a_password_is_never_stored(client, page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="compost"
        )
    form = client.get(page.url)
    assert form.status_code == 200 and form.get("X-Page-Cache") is None  # the password form: CSRF, restricted
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "compost", "return_url": page.url},
    )
    status, cached, body = view(client, page.url)
    assert status == 200 and "First version of the notes." in body and cached is None
    client.cookies.clear()
    response = client.get(page.url)
    assert "First version of the notes." not in response.content.decode()


def test_forms_cookies_and_private_responses_are_not_stored():
    request = RequestFactory().get("/notes/")
    assert page_cache.storable(request, HttpResponse("ok"))
    with_form = RequestFactory().get("/notes/")
    get_token(with_form)
    assert not page_cache.storable(with_form, HttpResponse("form"))
    with_cookie = HttpResponse("cookie")
    with_cookie.set_cookie("seen", "1")
    assert not page_cache.storable(request, with_cookie)
    private = HttpResponse("private")
    private["Cache-Control"] = "private, max-age=0"
    assert not page_cache.storable(request, private)
    assert not page_cache.storable(request, HttpResponse("missing", status=404))
    session = RequestFactory().get("/notes/")
    session.COOKIES["sessionid"] = "x"
    assert page_cache.request_key(session, "1") is None
    assert page_cache.request_key(RequestFactory().post("/notes/"), "1") is None


def test_a_page_rendered_before_a_change_is_not_served_after_it(page):
    """The generation is taken when the request starts: a response stored after a change that happened while it
    was being rendered is stored under the old generation, which no later request reads."""
    before = page_cache.current_generation()
    stale_key = page_cache.request_key(RequestFactory().get(page.url), before)
    page_cache.new_generation()
    page_cache._cache().set(stale_key, HttpResponse("stale"), 300)
    fresh_key = page_cache.request_key(RequestFactory().get(page.url), page_cache.current_generation())
    assert fresh_key != stale_key and page_cache._cache().get(fresh_key) is None


def test_the_search_page_and_the_api_are_not_cached(client, site_tree):
    for _ in range(2):
        response = client.get("/search/", {"q": "soil carbon"})
        assert response.status_code == 200 and response.get("X-Page-Cache") is None
    assert SearchLogEntry.objects.count() == 2, "each search runs (and is logged): none comes from a cache"
    for _ in range(2):
        response = client.get("/api/v2/pages/")
        assert response.status_code == 200 and response.get("X-Page-Cache") is None


def cached_pages() -> list[str]:
    """The body of every response in the page cache (the tests' cache is Django's local-memory one)."""
    cache = page_cache._cache()
    assert isinstance(cache, LocMemCache), "reading every entry needs the local-memory cache"
    entries = [pickle.loads(value) for value in list(cache._cache.values())]
    return [entry.content.decode() for entry in entries if isinstance(entry, HttpResponseBase)]


def test_a_preview_never_reaches_visitors(client, page):
    """An editor's preview in the admin (the edit form posted to the preview URL, then shown) is the page with the
    draft's text, rendered through the middleware at the page's own address: it must never be stored."""
    assert "First version of the notes." in view(client, page.url)[2]
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Draft text nobody may see.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(preview_url, form).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200 and "Draft text nobody may see." in preview.content.decode()
    client.logout()
    status, _, body = view(client, page.url)
    assert "Draft text nobody may see." not in body
    assert status == 200 and "First version of the notes." in body
    assert not [cached for cached in cached_pages() if "Draft text nobody may see." in cached]
    assert any("First version of the notes." in cached for cached in cached_pages())


# --- Every model whose change can alter a page (page_cache.models_shown_on_pages) --------------------------------


@dataclass
class Change:
    """A page showing a row of the model (`before` is the text that shows it) and a change to that row: the next
    anonymous view shows `after`, or, when `after` is None, no longer shows `before`."""

    url: str
    before: str
    change: Callable[[], None]
    after: str | None = None


CHANGES: dict[str, Callable[[SiteTree], Change]] = {}


def change_case(label: str):
    def register(build):
        CHANGES[label] = build
        return build

    return register


def setting(instance, field: str, value) -> Callable[[], None]:
    """The change: one field of `instance` set and saved, as an editor's edit form saves it."""

    def change() -> None:
        setattr(instance, field, value)
        instance.save()

    return change


def a_document(title: str, collection: Collection | None = None):
    """A PDF as an upload in the admin records it (its size known, so showing it writes nothing)."""
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 notes", name="notes.pdf"),
        file_size=14,
        collection=collection or Collection.get_first_root_node(),
    )


def a_project(tree: SiteTree, **fields) -> ProjectPage:
    return add_page(tree.projects, ProjectPage, title="Cover crops", summary="Cover crops.", **fields)


def a_project_with_document(tree: SiteTree, document, caption: str = "") -> ProjectPage:
    project = a_project(tree)
    ProjectDocument.objects.create(page=project, document=document, caption=caption)
    return publish(project)


def a_roster_on_a_profile(tree: SiteTree) -> tuple[str, Person, TaskForceMember]:
    """An organization's profile (/partners/<slug>/) listing its staff on a task force roster."""
    organization = Organization.objects.create(name="INRAE", kind=Organization.Kind.RESEARCH)
    directory = add_page(tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
    goal = add_page(tree.strategy, GoalPage, title="Goal A", code="A", description="<p>A.</p>")
    objective = add_page(goal, ObjectivePage, title="A1", code="A1", short_label="NDCs", description="D.")
    task_force = add_page(
        objective, TaskForcePage, title="Task Force A1", purpose="P.", how_to_join="<p>J.</p>"
    )
    person = Person.objects.create(name="Old person name", organization=organization)
    member = TaskForceMember.objects.create(
        page=task_force, person=person, role=TaskForceMember.Role.TEAM_MEMBER
    )
    publish(task_force)
    return directory.profile_url(organization), person, member


@change_case("cms.Organization")
def rename_the_lead_organization(tree):
    partner = Organization.objects.create(name="Old partner name", kind=Organization.Kind.NGO)
    project = a_project(tree, lead_organization=partner)
    return Change(
        project.url, "Old partner name", setting(partner, "name", "New partner name"), "New partner name"
    )


@change_case("cms.Region")
def rename_a_country(tree):
    country = Region.objects.create(name="Old country name")
    project = a_project(tree)
    project.countries.set([country])
    publish(project)
    return Change(
        project.url, "Old country name", setting(country, "name", "New country name"), "New country name"
    )


@change_case("cms.SoilPractice")
def rename_a_practice(tree):
    practice = SoilPractice.objects.create(name="Old practice name", slug="practice")
    project = a_project(tree)
    project.practices.set([practice])
    publish(project)
    change = setting(practice, "name", "New practice name")
    return Change(project.url, "Old practice name", change, "New practice name")


@change_case("cms.Person")
def rename_a_task_force_member(tree):
    url, person, _ = a_roster_on_a_profile(tree)
    return Change(url, "Old person name", setting(person, "name", "New person name"), "New person name")


@change_case("cms.TaskForceMember")
def make_a_member_leader(tree):
    url, _, member = a_roster_on_a_profile(tree)
    return Change(
        url, "Team Member", setting(member, "role", TaskForceMember.Role.LEADER), "Task Force Leader"
    )


@change_case("cms.ProjectDocument")
def recaption_a_project_attachment(tree):
    project = a_project_with_document(tree, a_document("Field report"), caption="Old caption")
    attachment = ProjectDocument.objects.get(page=project)
    return Change(project.url, "Old caption", setting(attachment, "caption", "New caption"), "New caption")


@change_case("cms.ResourceDocument")
def recaption_a_resource_attachment(tree):
    resource = add_page(tree.resources, ResourcePage, title="A guide", summary="A guide.", year=2024)
    attachment = ResourceDocument.objects.create(
        page=resource, document=a_document("Guide"), caption="Old caption"
    )
    publish(resource)
    return Change(resource.url, "Old caption", setting(attachment, "caption", "New caption"), "New caption")


@change_case("wagtaildocs.Document")
def retitle_a_document(tree):
    document = a_document("Old report title")
    project = a_project_with_document(tree, document)
    return Change(
        project.url, "Old report title", setting(document, "title", "New report title"), "New report title"
    )


@change_case("wagtailcore.Collection")
def move_a_collection_under_a_private_one(tree):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    reports = root.add_child(name="Field reports")
    project = a_project_with_document(tree, a_document("Field report title", collection=reports))

    def change() -> None:
        """As the admin's collection form does: the form saved, then the node moved (read again: adding a
        sorted child renumbered its siblings' paths)."""
        edited = Collection.objects.get(pk=reports.pk)
        edited.save()
        edited.move(Collection.objects.get(pk=private.pk), "sorted-child")

    return Change(project.url, "Field report title", change)


@change_case("wagtailcore.CollectionViewRestriction")
def restrict_a_collection(tree):
    reports = Collection.get_first_root_node().add_child(name="Field reports")
    project = a_project_with_document(tree, a_document("Field report title", collection=reports))
    restriction = CollectionViewRestriction(
        collection=reports, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Change(project.url, "Field report title", restriction.save)


@change_case("wagtailimages.Image")
def delete_an_image(tree):
    image = get_image_model().objects.create(title="Maize", file=get_test_image_file())
    image.get_file_size()  # as an upload in the admin records it
    body = [("image", {"image": image, "alt_text": "A field of maize", "caption": ""})]
    page = add_page(tree.home, StandardPage, title="Maize", intro="Maize.", body=body)
    return Change(page.url, 'alt="A field of maize"', image.delete)


@change_case("wagtailcore.PageViewRestriction")
def restrict_a_page(tree):
    page = add_page(tree.home, StandardPage, title="Notes", intro="Notes for members.")
    restriction = PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)
    return Change(page.url, "Notes for members.", restriction.save)


@change_case("wagtailcore.Site")
def move_the_site_to_its_own_host(tree):
    """The canonical link names the site's host (the request's host still reaches it: the default site)."""
    page = add_page(tree.home, StandardPage, title="Notes", slug="notes", intro="Notes.")
    site = Site.objects.get(is_default_site=True)
    before, after = (
        f'rel="canonical" href="http://{host}/notes/"' for host in ("testserver", "hub.example.org")
    )
    return Change(page.url, before, setting(site, "hostname", "hub.example.org"), after)


@change_case("wagtailcore.Locale")
def recode_a_language(tree):
    """The French home page is offered in the language switcher; its locale recoded, it no longer is French."""
    publish(tree.home.specific.copy_for_translation(Locale.objects.get(language_code="fr")))
    Locale.objects.filter(language_code="es").delete()
    page = add_page(tree.home, StandardPage, title="Notes", intro="Notes.")
    french = Locale.objects.get(language_code="fr")
    return Change(page.url, 'hreflang="fr"', setting(french, "language_code", "es"))


SHOWN_ON_PAGES = sorted(model._meta.label for model in page_cache.models_shown_on_pages())


def test_every_model_shown_on_pages_has_a_change_case_and_only_those():
    assert set(CHANGES) == set(SHOWN_ON_PAGES)


@pytest.mark.parametrize("label", sorted(set(SHOWN_ON_PAGES) | set(CHANGES)))
def test_a_change_to_a_model_shown_on_pages_is_shown_at_once(
    label, client, site_tree, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """For each model of the registry (and each case, so that a model dropped from the registry fails here): a
    cached page showing one of its rows, then the row changed: the next anonymous view is fresh."""
    assert label in CHANGES, f"{label} is in page_cache.models_shown_on_pages(): add its change-case here"
    case = CHANGES[label](site_tree)
    status, _, body = view(client, case.url)
    assert status == 200 and case.before in body
    with django_assert_num_queries(0):
        assert view(client, case.url)[:2] == (200, "hit")
    with django_capture_on_commit_callbacks(execute=True):
        case.change()
    status, cached, body = view(client, case.url)
    assert cached != "hit"
    assert case.before not in body
    if case.after is not None:
        assert status == 200 and case.after in body


def test_many_to_many_changes_need_no_receiver():
    """connect() has no m2m_changed receiver: pages show parental many-to-many relations (written when the page is
    published), and the view restrictions' groups never let an anonymous visitor in. Any other many-to-many
    relation of a model shown on pages needs a receiver and a change-case."""
    relations = {
        f"{model._meta.label}.{field.name}"
        for model in page_cache.models_shown_on_pages()
        for field in model._meta.many_to_many
        if not isinstance(field, ParentalManyToManyField | TaggableManager)
    }
    assert relations == {
        "wagtailcore.PageViewRestriction.groups",
        "wagtailcore.CollectionViewRestriction.groups",
    }
