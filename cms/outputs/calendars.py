"""iCalendar (RFC 5545) files of webinars and events, written with the `icalendar` package.

- A webinar is a timed event: DTSTART and DTEND carry the webinar's own time zone (TZID, with its VTIMEZONE in
  the file), so a calendar shows the right instant wherever its owner lives.
- An event has dates only (the page has no times): an all-day entry, DTSTART;VALUE=DATE to the day after the
  last day (DTEND is exclusive in RFC 5545), the same days in every time zone.
- The UID is the page's `translation_key` (a UUID that no edit, move or rename changes, shared by the
  translations of a page, which are the same happening) at the site's host: a calendar that imported the file,
  or subscribed to a feed, updates its entry after an edit instead of adding a second one (LAST-MODIFIED says
  when).

Files are built from pages the caller has checked (a page being served, or `visible_pages` for the feeds).
"""

from __future__ import annotations

import datetime as dt
import html

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.timezone import now
from icalendar import Calendar, Event
from wagtail.models import Site

from cms.identity import PUBLISHER, SITE_NAME

PRODUCT_ID = f"-//{PUBLISHER}//{SITE_NAME}//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def plain_text(value: str) -> str:
    """Rich text or HTML as plain text (an iCalendar DESCRIPTION, a page's meta description): sanitised first, so
    the content of a <script> or <style> stored outside the editor is dropped, not kept as words."""
    from cms.rich_text import sanitize_rich_text

    return html.unescape(strip_tags(sanitize_rich_text(value or ""))).strip()


def site_host(request) -> str:
    """The host of the request's Wagtail site (stable whatever host name or port the request came by)."""
    site = Site.find_for_request(request)
    return site.hostname if site is not None else request.get_host().split(":")[0]


def event_uid(page, host: str) -> str:
    return f"{page.translation_key}@{host}"


def _common(page, request, host: str, summary_text: str) -> Event:
    entry = Event()
    entry.add("uid", event_uid(page, host))
    entry.add("summary", page.title)
    entry.add("dtstamp", now())
    if page.last_published_at:
        entry.add("last-modified", page.last_published_at)
    entry.add("url", page.get_full_url(request))
    entry.add("description", summary_text)
    return entry


def webinar_entry(webinar, request, host: str) -> Event:
    """A webinar as a timed VEVENT in its own time zone."""
    link = webinar.registration_url if webinar.is_upcoming else webinar.recording_url
    lines = [plain_text(webinar.abstract)]
    if webinar.registration_url and webinar.is_upcoming:
        lines.append(f"Register: {webinar.registration_url}")
    if webinar.recording_url:
        lines.append(f"Recording: {webinar.recording_url}")
    lines.append(webinar.get_full_url(request))
    entry = _common(webinar, request, host, "\n\n".join(line for line in lines if line))
    entry.add("dtstart", webinar.compute_starts_at())
    entry.add("dtend", webinar.ends_at)
    entry.add("location", link or "Online")
    if webinar.series:
        entry.add("categories", [webinar.series])
    return entry


def event_entry(event, request, host: str) -> Event:
    """An event as an all-day VEVENT from its first to its last day."""
    lines = [event.summary]
    if event.organizer_id:
        lines.append(f"Organized by {event.organizer.name}.")
    if event.online_url:
        lines.append(f"Online: {event.online_url}")
    lines.append(event.get_full_url(request))
    entry = _common(event, request, host, "\n\n".join(line for line in lines if line))
    entry.add("dtstart", event.start_date)
    entry.add("dtend", event.end_date + dt.timedelta(days=1))
    entry.add("transp", "TRANSPARENT")  # a conference day does not block the whole day in a calendar
    places = [event.location] if event.location else []
    if event.online:
        places.append(event.online_url or "Online")
    entry.add("location", "; ".join(places) or "Online")
    return entry


def meeting_entry(meeting, request, host: str) -> Event:
    """A members' space meeting as a timed VEVENT in its own time zone (agenda as the description)."""
    lines = [plain_text(meeting.agenda), meeting.online_url, meeting.get_full_url(request)]
    entry = _common(meeting, request, host, "\n\n".join(line for line in lines if line))
    entry.add("dtstart", meeting.starts_at)
    entry.add("dtend", meeting.ends_at)
    entry.add(
        "location", "; ".join(place for place in (meeting.location, meeting.online_url) if place) or "Online"
    )
    entry.add("class", "PRIVATE")
    return entry


def calendar(entries, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in entries:
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal


def ics_response(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def page_calendar(page, request) -> HttpResponse:
    """The .ics file of one webinar or event page."""
    host = site_host(request)
    build = webinar_entry if page.content_type_label == "webinar" else event_entry
    return ics_response(calendar([build(page, request, host)], page.title), f"{page.slug}.ics")


def private_page_calendar(page, request) -> HttpResponse:
    """The .ics file of a meeting of a members' space: served like its page (Wagtail's view restriction checked
    first), and marked private so no shared cache keeps it."""
    response = ics_response(
        calendar([meeting_entry(page, request, site_host(request))], page.title), f"{page.slug}.ics"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def feed_calendar(pages, request, name: str, filename: str) -> HttpResponse:
    """A subscribable calendar of many webinars or events (the caller chose which, and checked visibility)."""
    host = site_host(request)
    entries = []
    for page in pages:
        build = webinar_entry if page.content_type_label == "webinar" else event_entry
        entries.append(build(page, request, host))
    return ics_response(calendar(entries, name), filename)
