"""Head metadata (cms/outputs/seo.py, templates/includes/head_meta.html): canonical URL, OpenGraph and Twitter tags,
JSON-LD of webinars, events, resources and the Initiative, with text typed into a page unable to end the
script element."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import EventPage, Organization, Person, ResourcePage, StandardPage, WebinarPage
from tests.conftest import add_page, days_from_today

pytestmark = pytest.mark.django_db

HOSTILE = 'Soil </script><script>alert("x")</script> & carbon'


def head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, key) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(soup) -> list[dict]:
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def test_a_resource_has_canonical_og_twitter_and_a_report(client, site_tree):
    page = add_page(
        site_tree.resources,
        ResourcePage,
        title="Soil carbon MRV primer",
        kind="report",
        year=2024,
        authors="Rumpel, C.; FAO",
        summary="An introduction to measuring soil carbon.",
        external_url="https://example.org/primer",
        doi="10.3389/fsufs.2020.00037",
        publisher="Sample Press",
    )
    soup = head(client, page)
    url = "http://testserver" + page.url
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, "og:title") == "Soil carbon MRV primer"
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:description") == "An introduction to measuring soil carbon."
    assert meta(soup, "description") == "An introduction to measuring soil carbon."
    assert meta(soup, "twitter:card") == "summary" and meta(soup, "og:image") is None
    assert meta(soup, "twitter:title") == "Soil carbon MRV primer"
    (data,) = json_ld(soup)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert data["name"] == "Soil carbon MRV primer" and data["url"] == url
    assert data["datePublished"] == "2024" and data["inLanguage"] == "en"
    assert data["author"] == [
        {"@type": "Person", "familyName": "Rumpel", "givenName": "C.", "name": "Rumpel, C."},
        {"@type": "Organization", "name": "FAO"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Sample Press"}
    assert data["identifier"]["value"] == "10.3389/fsufs.2020.00037"
    assert "https://doi.org/10.3389/fsufs.2020.00037" in data["sameAs"]


def test_webinars_and_events_are_schema_org_events(client, site_tree):
    speaker = Person.objects.create(
        name="Sample Speaker",
        organization=Organization.objects.create(name="Sample Institute", kind="research"),
    )
    webinar = add_page(
        site_tree.webinars,
        WebinarPage,
        title="Webinar on soil carbon",
        start_date=dt.date(2031, 5, 6),
        start_time=dt.time(15, 0),
        timezone="Europe/Paris",
        duration_minutes=60,
        abstract="<p>Soil carbon.</p>",
        registration_url="https://example.org/register",
    )
    webinar.speakers.set([speaker])
    webinar.save_revision().publish()
    (data,) = json_ld(head(client, webinar))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2031-05-06T15:00:00+02:00" and data["endDate"] == "2031-05-06T16:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/register"}
    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "Sample Speaker",
            "affiliation": {"@type": "Organization", "name": "Sample Institute"},
        }
    ]
    event = add_page(
        site_tree.events,
        EventPage,
        title="Initiative day",
        start_date=days_from_today(3),
        end_date=days_from_today(4),
        location="Dakar",
        organizer=Organization.objects.create(
            name="Sample Network", kind="ngo", website="https://example.org/n"
        ),
    )
    (data,) = json_ld(head(client, event))
    assert data["@type"] == "Event"
    assert (
        data["startDate"] == days_from_today(3).isoformat()
        and data["endDate"] == days_from_today(4).isoformat()
    )
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {"@type": "Place", "name": "Dakar", "address": "Dakar"}
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Sample Network",
        "url": "https://example.org/n",
    }


def test_the_home_page_describes_the_initiative(client, site_tree):
    soup = head(client, site_tree.home)
    (data,) = json_ld(soup)
    assert data["@type"] == "Organization" and data["name"] == "4 per 1000 Initiative"
    assert meta(soup, "og:type") == "website"


def test_text_typed_into_a_page_cannot_end_the_script_element(client, site_tree):
    page = add_page(
        site_tree.resources,
        ResourcePage,
        title=HOSTILE,
        kind="report",
        year=2024,
        summary=HOSTILE,
        external_url="https://example.org/x",
    )
    text = client.get(page.url).content.decode()
    head_html = text[: text.index("</head>")]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head_html, re.S)
    assert len(scripts) == 1
    assert "<" not in scripts[0] and ">" not in scripts[0] and "\\u003C/script\\u003E" in scripts[0]
    assert json.loads(scripts[0])["name"] == HOSTILE
    assert '<script>alert("x")' not in head_html
    soup = BeautifulSoup(text, "html.parser")
    assert meta(soup.head, "og:title") == HOSTILE


def test_an_image_in_the_body_is_the_preview_image_unless_private(client, site_tree):
    image = get_image_model().objects.create(title="Field", file=get_test_image_file())
    page = add_page(
        site_tree.home,
        StandardPage,
        title="About",
        intro="About the hub.",
        body=[("image", {"image": image, "alt_text": "A field", "caption": ""})],
    )
    soup = head(client, page)
    assert meta(soup, "og:image").startswith("http://testserver/media/images/")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image.collection = private
    image.save()
    assert meta(head(client, page), "og:image") is None


def test_the_title_names_the_site_once(client, site_tree):
    assert head(client, site_tree.home).title.string == "Soil Knowledge Hub"
    assert head(client, site_tree.projects).title.string == "Projects | Soil Knowledge Hub"
    page = add_page(site_tree.home, StandardPage, title="Soil & water", slug="soil-water")
    assert "Soil &amp; water | Soil Knowledge Hub" in client.get(page.url).content.decode()
