"""Related-content suggestions in the page editor (cms/panels.py filled by search/editor.py) and the "See also"
links they add: real Wagtail admin, database and embedding model."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ObjectivePage, ProjectPage, ResourcePage, WebinarPage
from cms.panels import RelatedSuggestionsPanel
from knowledge.sync import sync_page
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="chief", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def pages(site_tree):
    def resource(title, summary, **kwargs):
        page = add_page(site_tree.resources, ResourcePage, title=title, summary=summary, year=2023, **kwargs)
        sync_page(page.pk)
        return page

    project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Cover crops on Kenyan smallholder farms",
        summary="Legume cover crops grown between maize harvests to build soil carbon in western Kenya.",
    )
    sync_page(project.pk)
    found = {
        "project": project,
        "close": resource("Cover crop guide for maize farmers", "Legume cover crops between maize seasons."),
        "also": resource("Soil carbon from cover crops", "How cover crops build soil organic carbon."),
        "draft": resource("Draft cover crops note", "Legume cover crops between maize harvests.", live=False),
        "private": resource("Private cover crops study", "Legume cover crops grown between maize harvests."),
    }
    PageViewRestriction.objects.create(page=found["private"], restriction_type="password", password="secret")
    sync_page(found["private"].pk)
    return found


def suggestion_ids(client, page) -> list[int]:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-testid=related-suggestions]")
    assert panel is not None
    return [int(box["value"]) for box in panel.select("input[type=checkbox][name=related_pages]")]


def project_form(project, **extra) -> dict:
    data = nested_form_data(
        {
            "title": project.title,
            "slug": project.slug,
            "summary": project.summary,
            "status": project.status,
            "currency": project.currency,
            "body": streamfield([("paragraph", rich_text("<p>Maize and cowpea rotations.</p>"))]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )
    return data


def test_the_panel_suggests_only_visible_related_pages(editor_client, pages):
    ids = suggestion_ids(editor_client, pages["project"])
    assert pages["close"].pk in ids and pages["also"].pk in ids
    assert pages["draft"].pk not in ids and pages["private"].pk not in ids
    assert pages["project"].pk not in ids


def test_one_tick_adds_a_see_also_link_shown_before_the_automatic_related_content(editor_client, pages):
    project, close = pages["project"], pages["close"]
    assert close.pk in suggestion_ids(editor_client, project)
    data = project_form(project, **{"action-publish": "action-publish"})
    data["related_pages"] = [close.pk]  # what the ticked suggestion's checkbox sends
    response = editor_client.post(f"/admin/pages/{project.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    project = ProjectPage.objects.get(pk=project.pk)
    assert list(project.related_pages.values_list("pk", flat=True)) == [close.pk]
    # Linked now: no longer suggested; the field shows it selected.
    assert close.pk not in suggestion_ids(editor_client, project)

    soup = BeautifulSoup(editor_client.get(project.url).content, "html.parser")
    groups = soup.select(".related .related__group")
    assert groups[0].h2.get_text(strip=True) == "See also"
    assert [a["href"] for a in groups[0].select("a")] == [close.url]
    # The automatic lists after it do not repeat the linked page.
    assert all(close.url not in [a["href"] for a in group.select("a")] for group in groups[1:])


def test_a_see_also_link_to_a_page_that_became_private_is_not_shown(editor_client, pages):
    project, close = pages["project"], pages["close"]
    project.related_pages.set([close])
    project.save_revision().publish()
    PageViewRestriction.objects.create(page=close, restriction_type="password", password="secret")
    html = editor_client.get(ProjectPage.objects.get(pk=project.pk).url).content.decode()
    assert close.title not in html


@pytest.mark.parametrize("model", [ProjectPage, WebinarPage, ResourcePage, ObjectivePage])
def test_the_edit_view_of_each_linking_page_type_has_the_panel_and_the_field(model):
    handler = model.get_edit_handler()
    panels, pending = [], [handler]
    while pending:
        panel = pending.pop()
        panels.append(panel)
        pending.extend(getattr(panel, "children", []))
    assert any(isinstance(panel, RelatedSuggestionsPanel) for panel in panels)
    assert "related_pages" in handler.get_form_class()().fields


@pytest.mark.parametrize("hide", ["unpublish", "login", "groups", "parent"])
def test_an_anonymous_visitor_never_sees_a_see_also_link_to_a_hidden_page(client, pages, hide):
    """The "See also" list is checked against visibility when it is shown (search/related.py `_links_sql`), not
    when the editor made the link: a linked page unpublished, restricted or under a restricted section since then
    is not listed, title or address."""
    project, close, also = pages["project"], pages["close"], pages["also"]
    project.related_pages.set([close, also])
    project.save_revision().publish()
    if hide == "unpublish":
        close.unpublish()
    elif hide == "parent":
        PageViewRestriction.objects.create(page=close.get_parent(), restriction_type="login")
    else:
        restriction = PageViewRestriction.objects.create(page=close, restriction_type=hide)
        if hide == "groups":
            restriction.groups.set([Group.objects.get(name="Editors")])
    cache.clear()
    soup = BeautifulSoup(client.get(ProjectPage.objects.get(pk=project.pk).url).content, "html.parser")
    see_also = [g for g in soup.select(".related .related__group") if g.h2.get_text(strip=True) == "See also"]
    # Under a restricted section both linked resources are hidden: no "See also" at all.
    assert [a["href"] for group in see_also for a in group.select("a")] == (
        [] if hide == "parent" else [also.url]
    )
    assert close.title not in str(soup) and close.url not in str(soup)
