"""An editor judges search results in a real browser: Reports > Search relevance, a query, one result marked
relevant, saved, and the score shown (Debian's Chromium, the live server, the real model)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cms.models import ResourcePage
from knowledge.sync import sync_page
from search.models import RelevanceJudgment
from tests.conftest import add_page

from .test_search_ui import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_an_editor_marks_a_result_relevant_and_sees_the_score(live_server, page, site_tree):
    for title, summary in (
        ("Biochar field trials", "Charred residues raised water retention on sandy soils."),
        ("Grazing calendar", "When to move herds between paddocks."),
    ):
        sync_page(add_page(site_tree.resources, ResourcePage, title=title, summary=summary, year=2022).pk)
    editor = get_user_model().objects.create_user(username="ines", password="pw-ines")
    editor.groups.add(Group.objects.get(name="Editors"))
    base = live_server.url

    admin_login(page, base, "ines", "pw-ines")
    page.goto(base + "/admin/reports/search-relevance/")
    expect(page.get_by_text("No score yet")).to_be_visible()
    page.get_by_label("Or judge any query").fill("biochar on sandy soils")
    page.get_by_role("button", name="Judge").click()

    row = page.locator("tr[data-result]").filter(has_text="Biochar field trials")
    expect(row).to_be_visible()
    row.get_by_label("Relevant", exact=True).check()
    page.get_by_role("button", name="Save judgments").click()
    expect(page.get_by_text("1 judgment saved")).to_be_visible()
    assert RelevanceJudgment.objects.get().relevant is True

    page.get_by_role("link", name="Back to search relevance").click()
    hybrid = page.locator("[data-testid=score-table] tr[data-config=hybrid]")
    expect(hybrid.locator("td").first).to_have_text("1.000")
