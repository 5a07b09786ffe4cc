"""Calendar files (cms/outputs/calendars.py) parsed back with `icalendar`: the instant and zone of a webinar, the
days of an event, a UID that survives an edit and a publish, the subscribable feeds of upcoming items, and the page
cache serving them as they are."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.test import override_settings
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from cms.models import EventPage, Organization, WebinarPage
from tests.conftest import add_page, days_from_today, publish

pytestmark = pytest.mark.django_db


def events_of(response) -> list:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def webinar(tree, **fields):
    values = {
        "title": "Soil carbon in drylands",
        "start_date": days_from_today(10),
        "start_time": dt.time(14, 30),
        "timezone": "America/Sao_Paulo",
        "duration_minutes": 90,
        "abstract": "<p>Cover crops &amp; <b>water</b> in drylands.</p>",
        "registration_url": "https://example.org/register",
    }
    return add_page(tree.webinars, WebinarPage, **{**values, **fields})


def test_a_webinar_file_has_its_instant_zone_and_links(client, site_tree):
    page = webinar(site_tree)
    response = client.get(page.url + "calendar.ics")
    (entry,) = events_of(response)
    start, end = entry.decoded("dtstart"), entry.decoded("dtend")
    zone = zoneinfo.ZoneInfo("America/Sao_Paulo")
    assert start == dt.datetime.combine(days_from_today(10), dt.time(14, 30), tzinfo=zone)
    assert str(start.tzinfo) == "America/Sao_Paulo" and entry["dtstart"].params["TZID"] == "America/Sao_Paulo"
    assert end - start == dt.timedelta(minutes=90)
    assert start.astimezone(dt.UTC).hour == 17  # 14:30 in Sao Paulo (UTC-3) is 17:30 UTC
    assert str(entry["summary"]) == "Soil carbon in drylands"
    assert str(entry["url"]) == "http://testserver" + page.url
    assert str(entry["location"]) == "https://example.org/register"
    assert "Cover crops & water in drylands." in str(entry["description"])
    assert "<" not in str(entry["description"])
    assert str(entry["uid"]) == f"{page.translation_key}@testserver"
    # The zone's definition travels with the file.
    (timezone,) = Calendar.from_ical(response.content).walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "America/Sao_Paulo"


def test_the_uid_is_stable_across_an_edit_and_a_publish(client, site_tree):
    page = webinar(site_tree)
    (before,) = events_of(client.get(page.url + "calendar.ics"))
    page.title = "Soil carbon in drylands (new date)"
    page.start_time = dt.time(9, 0)
    page.slug = "moved-webinar"
    publish(page)
    (after,) = events_of(client.get(page.url + "calendar.ics"))
    assert str(after["summary"]) == "Soil carbon in drylands (new date)"
    assert after.decoded("dtstart").time() == dt.time(9, 0)
    assert str(after["uid"]) == str(before["uid"])


def test_an_event_is_whole_days_from_first_to_last(client, site_tree):
    organizer = Organization.objects.create(name="Sample Soil Network", kind=Organization.Kind.NGO)
    page = add_page(
        site_tree.events,
        EventPage,
        title="Initiative day",
        start_date=dt.date(2031, 3, 4),
        end_date=dt.date(2031, 3, 6),
        location="Dakar, Senegal",
        online=True,
        online_url="https://example.org/stream",
        summary="A day on soils.",
        organizer=organizer,
    )
    (entry,) = events_of(client.get(page.url + "calendar.ics"))
    assert entry.decoded("dtstart") == dt.date(2031, 3, 4)
    assert entry.decoded("dtend") == dt.date(2031, 3, 7)  # exclusive end: through the 6th
    assert entry["dtstart"].params.get("VALUE") == "DATE"
    assert str(entry["location"]) == "Dakar, Senegal; https://example.org/stream"
    assert "Organized by Sample Soil Network." in str(entry["description"])
    assert str(entry["uid"]) == f"{page.translation_key}@testserver"


def test_subscribable_feeds_list_upcoming_visible_items_only(client, site_tree):
    soon = webinar(site_tree, title="Soon", start_date=days_from_today(3))
    later = webinar(site_tree, title="Later", start_date=days_from_today(30))
    webinar(site_tree, title="Past", start_date=days_from_today(-3))
    webinar(site_tree, title="Draft", live=False)
    private = webinar(site_tree, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    entries = events_of(client.get(site_tree.webinars.url + "calendar.ics"))
    assert [str(e["summary"]) for e in entries] == ["Soon", "Later"]
    assert {str(e["uid"]) for e in entries} == {f"{p.translation_key}@testserver" for p in (soon, later)}

    add_page(
        site_tree.events,
        EventPage,
        title="Ongoing",
        start_date=days_from_today(-1),
        end_date=days_from_today(1),
        location="Rome",
    )
    add_page(
        site_tree.events,
        EventPage,
        title="Over",
        start_date=days_from_today(-5),
        end_date=days_from_today(-4),
        location="Rome",
    )
    entries = events_of(client.get(site_tree.events.url + "calendar.ics"))
    assert [str(e["summary"]) for e in entries] == ["Ongoing"]


def test_a_restricted_webinar_has_no_public_file(client, site_tree):
    page = webinar(site_tree)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    response = client.get(page.url + "calendar.ics")
    assert response.status_code == 200 and b"BEGIN:VCALENDAR" not in response.content  # the password form
    assert client.get(site_tree.projects.url + "calendar.ics").status_code == 404


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_stores_the_file_as_a_calendar_and_forgets_it_on_publish(client, site_tree):
    page = webinar(site_tree)
    first = client.get(page.url + "calendar.ics")
    second = client.get(page.url + "calendar.ics")
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Type"] == first["Content-Type"] == "text/calendar; charset=utf-8"
    assert second.content == first.content
    page.title = "Renamed webinar"
    publish(page)
    (entry,) = events_of(client.get(page.url + "calendar.ics"))
    assert str(entry["summary"]) == "Renamed webinar"


def test_the_page_links_its_file_and_shows_the_time_in_its_zone(client, site_tree):
    page = webinar(site_tree)
    text = client.get(page.url).content.decode()
    assert f'href="{page.url}calendar.ics"' in text
    assert 'type="text/calendar"' in text
    assert "14:30</time>" in text and "America/Sao_Paulo; 17:30 UTC" in text
    assert 'data-local-time data-zone="America/Sao_Paulo"' in text
    assert "js/local-time.js" in text
    listing = client.get(site_tree.webinars.url).content.decode()
    assert f'href="{site_tree.webinars.url}calendar.ics"' in listing


def test_a_past_webinar_keeps_its_recording_and_its_calendar_file(client, site_tree):
    page = webinar(site_tree, start_date=days_from_today(-20), recording_url="https://example.org/recording")
    text = client.get(page.url).content.decode()
    assert 'href="https://example.org/recording"' in text
    assert "Register for this webinar" not in text
    (entry,) = events_of(client.get(page.url + "calendar.ics"))
    assert str(entry["location"]) == "https://example.org/recording"
    assert "Recording: https://example.org/recording" in str(entry["description"])
