"""What a page's head tells search engines and link previews: canonical URL, description, OpenGraph and Twitter
metadata, and JSON-LD (schema.org Event for webinars and events, Report / CreativeWork for resources,
Organization for the Initiative on the home page). templates/includes/head_meta.html renders it.

Built from what the page view already loaded (cms/routing.py's `view_select_related` / `view_prefetch_related`):
no statement except, on a page whose body has an image, the image's rendition. JSON-LD is escaped as Django's
`json_script` escapes (<, > and & as \\u escapes), so no text typed into a page can close the script element.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from cms.identity import PUBLISHER, PUBLISHER_SHORT_NAME, PUBLISHER_URL, SITE_NAME
from cms.visibility import in_public_collection

from .calendars import plain_text
from .citations import doi_url, parse_name, publisher

INITIATIVE = {
    "@type": "Organization",
    "name": PUBLISHER,
    "alternateName": PUBLISHER_SHORT_NAME,
    "url": PUBLISHER_URL,
}
DESCRIPTION_FIELDS = ("summary", "intro", "abstract", "description", "purpose", "mission_2030")
DESCRIPTION_LENGTH = 300
IMAGE_SPEC = "fill-1200x630"
RESOURCE_TYPES = {
    "report": "Report",
    "dataset": "Dataset",
    "article": "ScholarlyArticle",
    "video": "VideoObject",
}

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element whose content cannot end the element early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def description(page) -> str:
    text = page.search_description
    for field in DESCRIPTION_FIELDS:
        if text:
            break
        text = plain_text(str(getattr(page, field, "") or ""))
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def image_url(page, request) -> str:
    """The first image of the page's body, as a 1200x630 rendition; empty when there is none (or only images of
    private collections)."""
    body = getattr(page, "body", None)
    if not body:
        return ""
    for block in body:
        if block.block_type == "image" and block.value.get("image") is not None:
            image = block.value["image"]
            if in_public_collection(image):
                return request.build_absolute_uri(image.get_rendition(IMAGE_SPEC).url)
            return ""
    return ""


def _person(person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.organization_id:
        data["affiliation"] = {"@type": "Organization", "name": person.organization.name}
    return data


def webinar_ld(page, request) -> dict | None:
    if page.compute_starts_at() is None:  # a preview of a webinar without its date yet
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": description(page),
        "startDate": page.compute_starts_at().isoformat(),
        "endDate": page.ends_at.isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": page.registration_url or page.get_full_url(request)},
        "organizer": INITIATIVE,
        "performer": [_person(person) for person in page.speakers.all()],
    }
    if page.recording_url:
        data["recordedIn"] = {"@type": "VideoObject", "name": page.title, "contentUrl": page.recording_url}
    return data


def event_ld(page, request) -> dict:
    places = []
    if page.location:
        places.append({"@type": "Place", "name": page.location, "address": page.location})
    if page.online:
        places.append({"@type": "VirtualLocation", "url": page.online_url or page.get_full_url(request)})
    mode = "Mixed" if page.location and page.online else ("Online" if page.online else "Offline")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": description(page),
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": places[0] if len(places) == 1 else places,
    }
    if page.organizer_id:
        organizer = {"@type": "Organization", "name": page.organizer.name}
        if page.organizer.website:
            organizer["url"] = page.organizer.website
        data["organizer"] = organizer
    return data


def resource_ld(page, request) -> dict:
    authors = []
    for name in page.author_list:
        parsed = parse_name(name)
        if name.lower().startswith("et al"):
            continue
        if "literal" in parsed:
            authors.append({"@type": "Organization", "name": parsed["literal"]})
        else:
            authors.append(
                {
                    "@type": "Person",
                    "familyName": parsed["family"],
                    "givenName": parsed["given"],
                    "name": name,
                }
            )
    data = {
        "@context": "https://schema.org",
        "@type": RESOURCE_TYPES.get(page.kind, "CreativeWork"),
        "name": page.title,
        "url": page.get_full_url(request),
        "description": description(page),
        "datePublished": str(page.year),
        "inLanguage": page.language,
        "author": authors,
    }
    if publisher(page):
        data["publisher"] = {"@type": "Organization", "name": publisher(page)}
    if page.external_url:
        data["sameAs"] = [page.external_url]
    if page.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi}
        data.setdefault("sameAs", []).append(doi_url(page.doi))
    return data


def organization_ld(page, request) -> dict:
    return {
        "@context": "https://schema.org",
        **INITIATIVE,
        "description": "Soils for food security and climate: the international initiative launched at COP21 in 2015.",
        "subjectOf": {"@type": "WebSite", "name": SITE_NAME, "url": page.get_full_url(request)},
    }


JSON_LD = {"webinar": webinar_ld, "event": event_ld, "resource": resource_ld}


def page_metadata(page, request) -> dict:
    label = getattr(page, "content_type_label", "")
    if label in JSON_LD:
        data = JSON_LD[label](page, request)
    elif page.depth == 2:  # the site's home page
        data = organization_ld(page, request)
    else:
        data = None
    image = image_url(page, request)
    return {
        "title": page.seo_title or page.title,
        "description": description(page),
        "canonical": page.get_full_url(request),
        "type": "website" if page.depth == 2 else "article",
        "image": image,
        "json_ld": json_ld_script(data) if data else "",
    }
