"""A French and a Spanish visitor read every public page type, and the pages around them (search with results and
filters, the joining forms, sign-in, the partner directory and a profile), in Chromium after the scripts ran: no
sentence of the English interface (a msgid of the catalogues, 3 words or more, that the translation changes) is
left on any of them.

The pages' own content is English (a translation copied from English, as an editor starts one): only the
interface is checked, so the page text is short and never one of the catalogue's sentences."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db.models import CharField
from wagtail.models import Locale

from cms.models import Organization, PartnerDirectoryPage, Region, TaskForcePage
from knowledge.models import Source
from tests.conftest import FIELDS, add_page
from tests.surfaces import public_page_types

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("fr", "es")
LITERAL = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]*>|\{\{.*?\}\}|[“”«»\"]")


def english_sentences(code: str) -> set[str]:
    """The catalogues' English fragments between placeholders and tags, of 3 words or more, that the translation
    does not keep as they are (a name, say)."""
    sentences: set[str] = set()
    for domain in ("django", "djangojs"):
        po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / f"{domain}.po"))
        for entry in po.translated_entries():
            translations = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
            for source in filter(None, (entry.msgid, entry.msgid_plural)):
                for fragment in LITERAL.split(source):
                    fragment = " ".join(fragment.split()).strip(" :;,.()!?—-")
                    if len(fragment.split()) >= 3 and fragment not in translations:
                        sentences.add(fragment)
    return sentences


def translate(page, code: str):
    """The page's translation as an editor starts one: its text copied, and the short texts the model gives English
    defaults to (the home page's headings and link labels, content an editor translates) filled in."""
    translation = page.specific.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    for field in translation._meta.get_fields():
        if (
            isinstance(field, CharField)
            and isinstance(field.default, str)
            and field.default
            and not field.choices
        ):
            setattr(translation, field.name, f"{field.name} ({code})")
    translation.save_revision().publish()
    return translation.specific


@pytest.fixture
def every_page(site_tree):
    """One page of each public type (the site tree's once-per-site types and one of every other), each with its
    French and Spanish translation; an organization with a profile."""
    tree = site_tree
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, iso_code="KE")
    organization = Organization.objects.create(
        name="Kenya Soil Alliance", slug="kenya-soil-alliance", kind="farmers_organization", country=kenya
    )
    directory = add_page(tree.home, PartnerDirectoryPage, title="Partners", slug="partners")
    parents = {
        "GoalPage": tree.strategy,
        "ProjectPage": tree.projects,
        "WebinarPage": tree.webinars,
        "EventPage": tree.events,
        "ResourcePage": tree.resources,
        "StandardPage": tree.home,
    }
    pages = [tree.home, tree.strategy, tree.projects, tree.webinars, tree.events, tree.resources, directory]
    made = {}
    for name in ("GoalPage", "ObjectivePage", "TaskForcePage", *parents.keys() - {"GoalPage"}):
        parent = parents.get(name) or (made["GoalPage"] if name == "ObjectivePage" else made["ObjectivePage"])
        made[name] = add_page(parent, public_type(name), title=f"Sample {name}", **FIELDS[name]("loam"))
    pages += made.values()
    assert {type(page.specific) for page in pages} == set(public_page_types()), "a page type is not read"
    translated = {code: [translate(page, code) for page in pages] for code in LANGUAGES}
    assert Source.objects.filter(kind="page").exists(), "the pages were indexed (search shows results)"
    return translated, organization, made["TaskForcePage"]


def public_type(name: str):
    return next(model for model in public_page_types() if model.__name__ == name)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_sentence_is_left_on_a_french_or_spanish_page(live_server, page, every_page, code):
    translated, organization, task_force = every_page
    sentences = english_sentences(code)
    assert len(sentences) > 200, "the catalogue's sentences were read"
    pages = translated[code]
    task_force_page = next(p for p in pages if isinstance(p, TaskForcePage))
    directory = next(p for p in pages if isinstance(p, PartnerDirectoryPage))
    addresses = [p.url for p in pages] + [
        f"/{code}/search/?q=loam",
        f"/{code}/search/?q=loam&type=project",
        f"/{code}/search/?q=zzzznothing",
        f"/{code}/join/",
        f"/{code}/accounts/login/",
        f"{task_force_page.url}join/",
        f"{directory.url}{organization.slug}/",
        f"/{code}/no-such-page/",
    ]
    left = []
    for address in addresses:
        page.goto(live_server.url + address)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == code, address
        text = " ".join(page.locator("body").inner_text().split())
        left += [(address, sentence) for sentence in sorted(sentences) if sentence in text]
    assert not left, f"{len(left)} English sentences on {code} pages: {left[:20]}"
