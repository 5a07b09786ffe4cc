"""Listing pages and related content as a visitor gets them: HTTP requests to the rendered site, read as HTML
(the code behind both is free to change; what a visitor sees is what is tested).

- a listing is paginated: following its "next" links shows every public project once, and no page lists them
  all; pages under a view restriction (password or login) and drafts never appear in it;
- a page shows related content: pages close in topic link to each other, never to a private or draft page.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from cms.models import ProjectPage, WebinarPage
from knowledge import sync
from knowledge.tasks import index_sync_suspended
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

PROJECTS = 30  # more than one listing page holds


def links(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]


def test_project_listing_pages_through_every_public_project_once(client, site_tree):
    with index_sync_suspended():  # listings do not need the search index
        public = [
            add_page(site_tree.projects, ProjectPage, title=f"Soil project {n:02d}", summary=f"Sample {n}.")
            for n in range(PROJECTS)
        ]
        by_password = add_page(site_tree.projects, ProjectPage, title="Password project", summary="Hidden.")
        by_login = add_page(site_tree.projects, ProjectPage, title="Login project", summary="Hidden.")
        draft = add_page(
            site_tree.projects, ProjectPage, title="Draft project", summary="Hidden.", live=False
        )
    PageViewRestriction.objects.create(page=by_password, restriction_type="password", password="pass-w0rd")
    PageViewRestriction.objects.create(page=by_login, restriction_type="login")
    public_urls = {page.url for page in public}
    hidden_urls = {page.url for page in (by_password, by_login)} | {f"/projects/{draft.slug}/"}

    seen: list[str] = []
    url, pages_read = site_tree.projects.url, 0
    while url and pages_read < PROJECTS:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for hidden in ("Password project", "Login project", "Draft project"):
            assert hidden not in html, (hidden, url)
        on_page = [href for href in links(html) if href in public_urls | hidden_urls]
        seen.extend(dict.fromkeys(on_page))  # a card may link its title and its image
        pages_read += 1
        following = BeautifulSoup(html, "html.parser").find("a", rel="next")
        url = urljoin(url, following["href"]) if following else None

    assert pages_read > 1, "one page listed every project: no pagination"
    assert sorted(seen) == sorted(public_urls)  # each public project once, none hidden
    beyond = client.get(site_tree.projects.url, {"page": "9999"})
    assert beyond.status_code in {200, 404}  # the last page, or not found: never an error


@pytest.mark.slow
def test_pages_show_related_content_but_never_private_or_draft_pages(client, site_tree):
    def project(title, summary, **kwargs):
        return add_page(site_tree.projects, ProjectPage, title=title, summary=summary, **kwargs)

    benin = project(
        "Biochar in the sandy soils of Benin", "Biochar from crop residues raises soil carbon in Benin."
    )
    togo = project(
        "Biochar trials on sandy fields in Togo", "Biochar made from maize stalks adds carbon to Togo soils."
    )
    webinar = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Biochar for sandy West African soils",
        start_date=days_from_today(20),
        start_time=dt.time(14, 0),
        abstract="<p>How biochar from crop residues builds soil carbon in sandy West African fields.</p>",
    )
    unrelated = project(
        "Peatland rewetting in Finland", "Blocking drains keeps peat wet and its carbon stored."
    )
    private = project(
        "Biochar in sandy Beninese soils (members)", "Biochar from crop residues in Benin's sands."
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = project(
        "Biochar on sandy soils of Benin, draft", "Biochar from crop residues on Benin's sands.", live=False
    )
    for page in (benin, togo, webinar, unrelated, private, draft):
        sync.sync_page(page.pk)

    html = client.get(benin.url).content.decode()

    hrefs = links(html)
    assert togo.url in hrefs and webinar.url in hrefs  # close in topic: offered to the visitor
    assert private.url not in hrefs and "(members)" not in html
    assert draft.title not in html and f"/projects/{draft.slug}/" not in hrefs
    back = links(client.get(togo.url).content.decode())
    assert benin.url in back  # relatedness goes both ways
