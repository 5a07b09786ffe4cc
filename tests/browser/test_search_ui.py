"""The search experience in a real browser: visitors, editors in the Wagtail admin, phones, hostile content.

Content is created in the test database, which the live server serves; every save commits, so the index sync
tasks run after the commit exactly as after an editor's request.
"""

from __future__ import annotations

import re
from urllib.parse import quote_plus

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from cms.models import ProjectPage, StandardPage
from knowledge.models import Source
from tests.conftest import add_page

from .conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

PAYLOAD = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'


def indexed(page) -> bool:
    return Source.objects.filter(kind="page", object_id=str(page.pk), status="indexed").exists()


def result_titles(page) -> list[str]:
    return [title.strip() for title in page.locator("ol.results .result__title a").all_inner_texts()]


@pytest.fixture
def soil_content(site_tree):
    """Two biochar sources of different types, one unrelated project; indexed on commit."""
    biochar_project = add_page(
        site_tree.projects,
        ProjectPage,
        title="Biochar trials on sandy soils in Benin",
        summary="Charred crop residues mixed into sandy fields kept more water in the root zone "
        "and raised maize yields during dry spells.",
    )
    biochar_page = add_page(
        site_tree.home,
        StandardPage,
        title="Why biochar holds water",
        intro="Biochar is porous charcoal: its pores store rain water and nutrients in sandy soils.",
    )
    terraces = add_page(
        site_tree.projects,
        ProjectPage,
        title="Stone terraces in Ethiopia",
        summary="Farmers build stone terraces on steep slopes to stop erosion of the topsoil.",
    )
    for item in (biochar_project, biochar_page, terraces):
        assert indexed(item), f"{item.title} was not indexed after commit"
    return site_tree, biochar_project, biochar_page, terraces


def test_visitor_searches_filters_and_opens_a_result(live_server, page, soil_content):
    tree, biochar_project, biochar_page, _ = soil_content
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_have_text("Soil Knowledge Hub")

    # A paraphrase: none of "biochar", "water retention" or "maize" is typed.
    page.locator("#hero-q").fill("does charcoal help sandy ground keep moisture")
    page.locator("#hero-q").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=does\+charcoal"))
    expect(page.locator("#results-heading")).to_contain_text(
        "for “does charcoal help sandy ground keep moisture”"
    )
    titles = result_titles(page)
    assert biochar_project.title in titles[:3] and biochar_page.title in titles[:3], titles
    # Highlighted passages: the query's words are marked inside the passages (escaped HTML + <mark>).
    marks = page.locator(".passage mark")
    assert marks.count() >= 1
    assert {text.lower() for text in marks.all_inner_texts()} & {"sandy", "charcoal", "moisture"}
    total_before = len(titles)

    # Refine by type: Project.
    type_group = page.locator("fieldset", has=page.locator("legend", has_text="Type"))
    type_group.locator("li", has=page.get_by_text("Project", exact=True)).locator(
        "input[type=checkbox]"
    ).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"type=project"))
    expect(page.locator(".active-filters")).to_contain_text("Type: Project")
    narrowed = result_titles(page)
    assert biochar_project.title in narrowed
    assert biochar_page.title not in narrowed
    assert 0 < len(narrowed) < total_before
    badges = page.locator("ol.results .result__meta .badge:not(.badge--exact)").all_inner_texts()
    assert badges and all(badge.strip() == "Project" for badge in badges), badges

    # Open the source of the passage: the project page itself.
    result = page.locator("li.result", has=page.get_by_role("link", name=biochar_project.title, exact=True))
    expect(result.locator(".passage")).not_to_have_count(0)
    result.get_by_role("link", name=biochar_project.title, exact=True).click()
    page.wait_for_url(live_server.url + biochar_project.url)
    expect(page.locator("h1")).to_have_text(biochar_project.title)
    expect(page.locator("main")).to_contain_text("raised maize yields")


def admin_login(page, base_url: str, username: str, password: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")


def visitor_search_titles(page, base_url: str, q: str) -> list[str]:
    page.goto(f"{base_url}/search/?q={quote_plus(q)}")
    expect(page.locator("#results-heading")).to_be_visible()
    return result_titles(page)


def test_editor_publishes_and_unpublishes_in_the_admin(live_server, new_page, site_tree):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    admin, visitor = new_page(), new_page()
    base = live_server.url
    admin_login(admin, base, "editor", "correct horse battery")

    title = "Kelp compost for coastal allotments"
    admin.goto(f"{base}/admin/pages/add/cms/projectpage/{site_tree.projects.pk}/")
    admin.locator("#id_title").fill(title)
    admin.locator("#id_summary").fill(
        "Seaweed washed up on beaches is composted and spread on allotment beds."
    )
    # Publish sits in the save button's dropdown.
    admin.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()
    admin.get_by_role("button", name="Publish").click()
    expect(admin.locator(".messages")).to_contain_text("published")

    created = ProjectPage.objects.get(title=title)
    assert created.live and indexed(created)
    assert title in visitor_search_titles(visitor, base, "seaweed compost for garden beds by the sea")

    # Unpublish from the page's edit screen.
    admin.goto(f"{base}/admin/pages/{created.pk}/edit/")
    admin.locator("header [data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
    admin.get_by_role("link", name="Unpublish").first.click()
    admin.wait_for_url(re.compile(rf"/admin/pages/{created.pk}/unpublish/"))
    admin.get_by_role("button", name=re.compile("Yes, unpublish", re.I)).click()
    expect(admin.locator(".messages")).to_contain_text("unpublished")

    created.refresh_from_db()
    assert not created.live and not indexed(created)
    assert title not in visitor_search_titles(visitor, base, "seaweed compost for garden beds by the sea")
    response = visitor.goto(base + created.url)
    assert response.status == 404


WIDEST = """() => [...document.querySelectorAll('body *')]
    .map(e => [e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''),
               Math.round(e.getBoundingClientRect().right)])
    .filter(([, right]) => right > document.documentElement.clientWidth).slice(0, 8)"""


def assert_no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, (
        f"{page.url} scrolls sideways: {width}px wide on a {PHONE['width']}px screen; "
        f"elements past the right edge: {page.evaluate(WIDEST)}"
    )


def test_search_page_on_a_phone(live_server, new_page, soil_content):
    _, biochar_project, biochar_page, _ = soil_content
    page = new_page(viewport=PHONE)
    page.goto(live_server.url + "/search/?q=biochar+in+sandy+soils")
    query_box = page.locator("#q")
    expect(query_box).to_be_visible()
    expect(page.locator("ol.results .result").first).to_be_visible()
    assert {biochar_project.title, biochar_page.title} <= set(result_titles(page))
    for locator in (query_box, page.locator("ol.results .result__title").first):
        box = locator.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1

    # Autocomplete while typing; the keyboard chooses a suggestion.
    query_box.fill("")
    query_box.press_sequentially("bioch", delay=60)
    listbox = page.get_by_role("listbox", name="Suggested titles")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options).not_to_have_count(0)
    suggested = [text.strip() for text in options.locator(".suggestions__title").all_inner_texts()]
    assert set(suggested) == {biochar_project.title, biochar_page.title}, suggested
    expect(query_box).to_have_attribute("aria-expanded", "true")
    box = listbox.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1

    query_box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(query_box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    query_box.press("ArrowDown")
    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    chosen = second.locator(".suggestions__title").inner_text().strip()
    query_box.press("Enter")
    page.wait_for_url(re.compile(r"^(?!.*/search/)"))
    expect(page.locator("h1")).to_have_text(chosen)


def test_no_sideways_scroll_on_a_phone(live_server, new_page, soil_content):
    _, biochar_project, _, _ = soil_content
    page = new_page(viewport=PHONE)
    for path in ("/search/?q=biochar+in+sandy+soils", "/search/", "/", biochar_project.url):
        page.goto(live_server.url + path)
        assert_no_sideways_scroll(page)


def assert_not_pwned(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # an <img onerror> fires after the failed load
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_no_script_from_content_or_query_runs(live_server, page, site_tree):
    hostile = add_page(
        site_tree.home,
        StandardPage,
        title=f"Xerisol notes {PAYLOAD}",
        slug="xerisol-notes",
        intro=f"Xerisol intro {PAYLOAD}",
        body=[("paragraph", RichText("<p>Xerisol body &lt;script&gt;window.__pwned=1&lt;/script&gt;</p>"))],
    )
    assert indexed(hostile)
    base = live_server.url
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # The page itself: the markup is shown as text.
    page.goto(base + hostile.url)
    assert_not_pwned(page)
    expect(page.locator("h1")).to_contain_text("<script>window.__pwned=1</script>")

    # Search results for the content (title, passages) and for the payload itself as the query.
    for q in ("xerisol notes", PAYLOAD, "Xerisol " + PAYLOAD):
        page.goto(f"{base}/search/?q={quote_plus(q)}")
        assert_not_pwned(page)
        expect(page.locator("#q")).to_have_value(q)
    page.goto(f"{base}/search/?q={quote_plus('xerisol notes')}")
    result = page.locator("li.result", has=page.locator(".result__title", has_text="Xerisol notes"))
    expect(result.locator(".result__title")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(result.locator(".passage").first).to_contain_text("window.__pwned=1")
    assert result.locator(".passage script, .passage img, .result__title img").count() == 0

    # Typed into the search box: the suggestion shows the title as text.
    page.goto(base + "/search/")
    page.locator("#q").press_sequentially("xerisol no", delay=50)
    option = page.get_by_role("listbox").get_by_role("option").first
    expect(option).to_contain_text("<script>window.__pwned=1</script>")
    page.locator("#q").press("ArrowDown")
    assert_not_pwned(page)
    page.locator("#q").press("Escape")  # close the list: Enter must search, not open the highlighted title
    page.locator("#q").fill(PAYLOAD)
    page.locator("#q").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert_not_pwned(page)
    expect(page.locator("#results-heading")).to_contain_text(PAYLOAD)
    assert not dialogs


def test_the_answer_arrives_after_the_results(live_server, page, soil_content):
    """The results are on the page at once; the script then fetches the extractive answer into its slot (the
    slot holds only the link for visitors without JavaScript before)."""
    _, _, biochar_page, _ = soil_content
    page.goto(
        f"{live_server.url}/search/?q={quote_plus('What do the pores of biochar store in sandy soils?')}"
    )
    expect(page.locator("ol.results")).to_be_visible()
    answer = page.locator(".answer-slot section.answer")
    expect(answer).to_be_visible()
    expect(answer.locator(".answer__text")).to_contain_text("store rain water and nutrients")
    expect(answer.locator(".answer__source a").first).to_have_attribute("href", biochar_page.url)
