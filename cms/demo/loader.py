"""Load the demo content idempotently: a second run finds everything equal and writes nothing.

Records are matched by natural keys (names, slugs, codes, document titles); a page is only saved and
published again when one of its values differs. Upcoming sample webinars and events are dated some days after
the day the demo was first loaded (the first publication of its home page), so they are upcoming after a fresh
load and a run on a later day computes the same dates. The index sync is suspended while loading and the knowledge
index is brought up to date once at the end (one batched pass instead of one per page).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import hash_filelike
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from cms.identity import SITE_NAME
from cms.models import (
    EventIndexPage,
    EventPage,
    GoalPage,
    HomePage,
    ObjectivePage,
    Organization,
    PartnerDirectoryPage,
    Person,
    ProjectIndexPage,
    ProjectPage,
    Region,
    ResourceIndexPage,
    ResourcePage,
    SoilPractice,
    StandardPage,
    StrategyPage,
    TaskForcePage,
    WebinarIndexPage,
    WebinarPage,
)

from .blocks import body_blocks, paragraphs_html
from .content import calendar, directory, documents, projects, resources, strategy, translations
from .content import home as home_content
from .pdf import build_pdf
from .translations import LocaleTranslations

logger = logging.getLogger(__name__)

PUBLIC_COLLECTION = "Reports and guidelines"
MEMBERS_COLLECTION = "Members only"


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def note(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.created[kind] += 1
        elif changed:
            self.updated[kind] += 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _stream_data(value) -> list:
    return [{"type": block.block_type, "value": block.block.get_prep_value(block.value)} for block in value]


class DemoLoader:
    def __init__(self) -> None:
        self.report = LoadReport()
        self.regions: dict[str, Region] = {}
        self.practices: dict[str, SoilPractice] = {}
        self.organizations: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        self.objectives: dict[str, ObjectivePage] = {}
        # English pages that have demo translations, by key: "home", "goal:A", "project:<title>", ...
        self.pages: dict[str, Page] = {}
        self.documents: dict[str, object] = {}
        self.first_loaded: dt.date | None = None

    # --- generic upserts ---------------------------------------------------------------------------------

    def upsert(self, model, lookup: dict, values: dict):
        obj = model.objects.filter(**lookup).first()
        created = obj is None
        if created:
            obj = model(**lookup)
        changed = False
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        if created or changed:
            obj.full_clean()
            obj.save()
        self.report.note(str(model._meta.verbose_name), created, changed)
        return obj

    def upsert_page(
        self,
        parent: Page,
        model,
        slug: str,
        values: dict,
        m2m: dict | None = None,
        children: dict | None = None,
    ):
        """Create or update a page under `parent`; publish a new revision only when something differs."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug)
        changed = self._set_values(page, values, m2m, children, created=created)
        if created:
            parent.add_child(instance=page)
        if created or changed or not page.live:
            page.save_revision().publish()
        self.report.note(str(model._meta.verbose_name), created, changed)
        return page

    def upsert_translation(self, source: Page, locale: Locale, values: dict, m2m: dict | None = None):
        """Create (Wagtail's copy_for_translation, as the admin's "Translate" does) or update `source`'s
        translation in `locale`; publish a new revision only when something differs."""
        page = source.get_translation_or_none(locale)
        created = page is None
        page = (source.copy_for_translation(locale) if created else page).specific
        changed = self._set_values(page, values, m2m, None, created=False)
        if created or changed or not page.live:
            page.save_revision().publish()
        self.report.note(f"{type(page)._meta.verbose_name} translation", created, changed)
        return page

    def _set_values(
        self, page, values: dict, m2m: dict | None, children: dict | None, *, created: bool
    ) -> bool:
        """Set the page's fields, relations and inline rows to the demo's; True when one differed."""
        changed = False
        for name, value in values.items():
            current = getattr(page, name)
            if hasattr(current, "raw_data") or name == "body":
                equal = not created and _stream_data(current) == _stream_data(
                    page._meta.get_field(name).to_python(value)
                )
            else:
                equal = current == value
            if not equal:
                setattr(page, name, value)
                changed = True
        for name, objects in (m2m or {}).items():
            wanted = sorted(obj.pk for obj in objects)
            current = [] if created else sorted(getattr(page, name).values_list("pk", flat=True))
            if wanted != current:
                getattr(page, name).set(objects)
                changed = True
        for name, rows in (children or {}).items():
            current_rows = (
                []
                if created
                else [{key: getattr(child, key) for key in rows[0]} for child in getattr(page, name).all()]
                if rows
                else []
            )
            if created or current_rows != rows:
                relation = getattr(page, name)
                relation.set([relation.model(**row) for row in rows])
                changed = True
        return changed

    # --- the content ------------------------------------------------------------------------------------

    def load(self) -> LoadReport:
        with transaction.atomic():
            self.load_directory()
            home = self.load_home()
            self.load_documents()
            self.load_strategy(home)
            self.load_projects(home)
            self.load_calendar(home)
            self.load_resources(home)
            self.load_partners(home)
            self.load_about(home)
            self.load_home_sections(home)
            self.load_translations()
            # Other apps' demo content (e.g. community's sample applications), in the same transaction.
            for load_more in hooks.get_hooks("load_demo_content"):
                load_more(self)
        return self.report

    def load_directory(self) -> None:
        for item in sorted(directory.REGIONS, key=lambda r: r["kind"] != "region"):
            self.regions[item["name"]] = self.upsert(
                Region,
                {"name": item["name"]},
                {
                    "slug": slugify(item["name"]),
                    **_translated_names(translations.REGION_NAMES.get(item["name"])),
                    "kind": item["kind"],
                    "iso_code": item.get("iso_code", ""),
                    "parent": self.regions.get(item.get("parent") or ""),
                },
            )
        for item in directory.SOIL_PRACTICES:
            self.practices[item["slug"]] = self.upsert(
                SoilPractice,
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "description": item["description"],
                    **_translated_names(translations.PRACTICE_NAMES.get(item["slug"])),
                },
            )
        for item in directory.ORGANIZATIONS:
            self.organizations[item["name"]] = self.upsert(
                Organization,
                {"name": item["name"]},
                {
                    "short_name": item.get("short_name", ""),
                    "kind": item["kind"],
                    "country": self.regions.get(item.get("country") or ""),
                    "membership": item["membership"],
                    "year_joined": item.get("year_joined"),
                    "website": item.get("website", ""),
                    "description": item.get("description", ""),
                },
            )
        for item in directory.PEOPLE:
            organization = self.organizations.get(item.get("organization") or "")
            self.people[item["name"]] = self.upsert(
                Person,
                {"name": item["name"], "organization": organization},
                {"job_title": item.get("job_title", ""), "bio": item.get("bio", "")},
            )

    def load_home(self) -> HomePage:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page (slug "home") as the site root: replace it.
        for welcome in Page.objects.child_of(root).filter(slug="home"):
            if welcome.specific_class is Page:
                welcome.delete()  # also deletes the Site pointing at it; recreated below
        home = self.upsert_page(
            root,
            HomePage,
            "home",
            {
                "title": "Soil Knowledge Hub",
                "intro": "What the 4 per 1000 Initiative knows about soils for food security and climate: "
                "strategy, task forces, projects, webinars, events and community resources, searchable in "
                "plain language.",
                # The front page's sections (load_home_sections) say what this paragraph used to.
                "body": [],
            },
        )
        self.pages["home"] = home
        first_published = Page.objects.filter(pk=home.pk).values_list("first_published_at", flat=True).get()
        self.first_loaded = timezone.localdate(first_published)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=SITE_NAME,
            )
            self.report.created["site"] += 1
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
            self.report.updated["site"] += 1
        return home

    def load_documents(self) -> None:
        document_model = get_document_model()
        root = Collection.get_first_root_node()
        public = root.get_children().filter(name=PUBLIC_COLLECTION).first() or root.add_child(
            name=PUBLIC_COLLECTION
        )
        members = root.get_children().filter(name=MEMBERS_COLLECTION).first()
        if members is None:
            members = root.add_child(name=MEMBERS_COLLECTION)
            CollectionViewRestriction.objects.create(
                collection=members, restriction_type=CollectionViewRestriction.LOGIN
            )
            self.report.created["private collection"] += 1
        for key, spec in documents.PDF_DOCUMENTS.items():
            self.documents[key] = self.upsert_document(document_model, public, spec)
        # One document for signed-in accounts only (a login restriction on its collection): anonymous visitors
        # never find it, in search or anywhere else; any signed-in partner or member does (cms/visibility.py).
        self.upsert_document(
            document_model,
            members,
            {
                "title": "Task Force leaders' internal handbook (members only, sample)",
                "filename": "task-force-leaders-internal-handbook.pdf",
                "author": "Soil Knowledge Hub editorial team (sample)",
                "year": 2024,
                "sections": [
                    {
                        "heading": "Internal coordination",
                        "paragraphs": [
                            "This members-only sample handbook describes how Task Force leaders coordinate "
                            "their monthly meetings and draft confidential project pipelines.",
                        ]
                        * 6,
                    }
                ]
                * 4,
            },
        )

    def upsert_document(self, document_model, collection, spec: dict):
        data = build_pdf(spec)
        document = document_model.objects.filter(title=spec["title"]).first()

        digest = hash_filelike(io.BytesIO(data))
        if document is not None and document.file_hash == digest and document.collection_id == collection.pk:
            return document
        created = document is None
        if created:
            document = document_model(title=spec["title"], collection=collection)
        document.collection = collection
        document.file.save(spec["filename"], ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
        self.report.note("document", created, not created)
        return document

    def load_strategy(self, home: HomePage) -> None:
        data = strategy.STRATEGY
        strategy_page = self.pages["strategy"] = self.upsert_page(
            home,
            StrategyPage,
            "strategy",
            {
                "title": data["title"],
                "vision_2050": data["vision_2050"],
                "mission_2030": data["mission_2030"],
                "intro": paragraphs_html(data.get("intro", [])),
                "show_in_menus": True,
            },
        )
        goals = {}
        for item in strategy.GOALS:
            goals[item["code"]] = self.pages[f"goal:{item['code']}"] = self.upsert_page(
                strategy_page,
                GoalPage,
                f"goal-{item['code'].lower()}",
                {
                    "title": f"Goal {item['code']}: {item['name']}",
                    "code": item["code"],
                    "description": paragraphs_html(item["description"]),
                },
            )
        for item in strategy.OBJECTIVES:
            self.objectives[item["code"]] = self.pages[f"objective:{item['code']}"] = self.upsert_page(
                goals[item["goal"]],
                ObjectivePage,
                item["code"].lower(),
                {
                    "title": item["title"][:255],
                    "code": item["code"],
                    "short_label": item["label"][:80],
                    "description": item["description"],
                    "problem_statement": item.get("problem_statement", ""),
                    "baseline_2020": item.get("baseline_2020", ""),
                    "target_2030": item.get("target_2030", ""),
                    "target_2050": item.get("target_2050", ""),
                    "is_placeholder": item.get("placeholder", False),
                },
            )
        for item in strategy.TASK_FORCES:
            objective = self.objectives[item["objective"]]
            self.pages[f"task_force:{item['objective']}"] = self.upsert_page(
                objective,
                TaskForcePage,
                "task-force",
                {
                    "title": item["title"],
                    "purpose": item["purpose"],
                    "how_to_join": paragraphs_html(item["how_to_join"]),
                },
                children={
                    "members": [
                        {"person": self.people[member["person"]], "role": member["role"], "sort_order": index}
                        for index, member in enumerate(item["members"])
                    ]
                },
            )

    def load_projects(self, home: HomePage) -> None:
        index = self.pages["index:projects"] = self.upsert_page(
            home,
            ProjectIndexPage,
            "projects",
            {
                "title": "Projects",
                "intro": paragraphs_html(
                    "Project ideas and investment opportunities developed with the Task Forces, from first idea "
                    "to completion. All projects listed here are sample data."
                ),
                "show_in_menus": True,
            },
        )
        for item in projects.PROJECTS:
            document = self.documents.get(item.get("document") or "")
            self.pages[f"project:{item['title']}"] = self.upsert_page(
                index,
                ProjectPage,
                slugify(item["title"])[:80],
                {
                    "title": item["title"],
                    "summary": item["summary"],
                    "body": body_blocks(item.get("body")),
                    "status": item["status"],
                    "funding_sought": item.get("funding_sought"),
                    "funding_secured": item.get("funding_secured"),
                    "currency": item.get("currency", "EUR"),
                    "start_date": _date(item.get("start_date")),
                    "end_date": _date(item.get("end_date")),
                    "lead_organization": self.organizations.get(item.get("lead") or ""),
                },
                m2m={
                    "countries": [self.regions[name] for name in item.get("countries", [])],
                    "practices": [self.practices[slug] for slug in item.get("practices", [])],
                    "partner_organizations": [self.organizations[name] for name in item.get("partners", [])],
                    "objectives": [self.objectives[code] for code in item.get("objectives", [])],
                },
                children={
                    "documents": [{"document": document, "caption": "", "sort_order": 0}] if document else []
                },
            )

    def load_calendar(self, home: HomePage) -> None:
        webinars = self.pages["index:webinars"] = self.upsert_page(
            home,
            WebinarIndexPage,
            "webinars",
            {
                "title": "Webinars",
                "intro": paragraphs_html("Upcoming and recorded webinars."),
                "show_in_menus": True,
            },
        )
        for item in calendar.WEBINARS:
            start = self.webinar_start(item)
            self.pages[f"webinar:{item['title']}"] = self.upsert_page(
                webinars,
                WebinarPage,
                slugify(item["title"])[:80],
                {
                    "title": item["title"],
                    "series": item.get("series", ""),
                    "start_date": start.date(),
                    "start_time": start.time(),
                    "timezone": item.get("timezone", "UTC"),
                    "duration_minutes": item.get("duration_minutes", 60),
                    "moderator": self.people.get(item.get("moderator") or ""),
                    "abstract": paragraphs_html(item["abstract"]),
                    "recording_url": item.get("recording_url", ""),
                },
                m2m={
                    "speakers": [self.people[name] for name in item.get("speakers", [])],
                    "objectives": [self.objectives[code] for code in item.get("objectives", [])],
                    "practices": [self.practices[slug] for slug in item.get("practices", [])],
                },
            )
        events = self.pages["index:events"] = self.upsert_page(
            home,
            EventIndexPage,
            "events",
            {
                "title": "Events",
                "intro": paragraphs_html(
                    "Initiative Days, partner events and community-of-practice meetings."
                ),
                "show_in_menus": True,
            },
        )
        for item in calendar.EVENTS:
            self.upsert_page(
                events,
                EventPage,
                slugify(item["title"])[:80],
                {
                    "title": item["title"],
                    "kind": item["kind"],
                    **self.event_dates(item),
                    "location": item.get("location", ""),
                    "online": item.get("online", False),
                    "organizer": self.organizations.get(item.get("organizer") or ""),
                    "summary": (item["description"][0] if item.get("description") else "")[:600],
                    "body": body_blocks(item.get("description", [])[1:]),
                },
                m2m={
                    "objectives": [self.objectives[code] for code in item.get("objectives", [])],
                    "regions": [self.regions[name] for name in item.get("regions", [])],
                },
            )

    def webinar_start(self, item: dict) -> dt.datetime:
        if "starts_in_days" not in item:
            return dt.datetime.fromisoformat(item["start"])
        day = self.first_loaded + dt.timedelta(days=item["starts_in_days"])
        return dt.datetime.combine(day, dt.time.fromisoformat(item["start_time"]))

    def event_dates(self, item: dict) -> dict:
        if "starts_in_days" not in item:
            return {"start_date": _date(item["start_date"]), "end_date": _date(item["end_date"])}
        start = self.first_loaded + dt.timedelta(days=item["starts_in_days"])
        return {"start_date": start, "end_date": start + dt.timedelta(days=item["days"] - 1)}

    def load_resources(self, home: HomePage) -> None:
        index = self.pages["index:resources"] = self.upsert_page(
            home,
            ResourceIndexPage,
            "resources",
            {
                "title": "Resources",
                "intro": paragraphs_html("Reports, guidelines, tools, datasets, videos and articles."),
                "show_in_menus": True,
            },
        )
        for item in resources.RESOURCES:
            if item.get("language", "en") in translations.TRANSLATIONS:
                continue  # written in French or Spanish: in its own locale (load_native_resources)
            self.pages[f"resource:{item['title']}"] = self.upsert_resource(index, item)

    def upsert_resource(
        self, index: ResourceIndexPage, item: dict, objectives: dict | None = None
    ) -> ResourcePage:
        objectives = self.objectives if objectives is None else objectives
        document = self.documents.get(item.get("document") or "")
        return self.upsert_page(
            index,
            ResourcePage,
            slugify(item["title"])[:80],
            {
                "title": item["title"],
                "kind": item["kind"],
                "authors": "; ".join(item.get("authors", [])),
                "year": item["year"],
                "language": item.get("language", "en"),
                "summary": item["summary"],
                "body": body_blocks(item.get("body")),
                "external_url": item.get("external_url", ""),
                "doi": item.get("doi", ""),
            },
            m2m={
                "objectives": [objectives[code] for code in item.get("objectives", []) if code in objectives],
                "practices": [self.practices[slug] for slug in item.get("practices", [])],
                "regions": [self.regions[name] for name in item.get("regions", [])],
                "organizations": self.authoring_organizations(item.get("authors", [])),
            },
            children={
                "documents": [{"document": document, "caption": "", "sort_order": 0}] if document else []
            },
        )

    def authoring_organizations(self, authors: list[str]) -> list[Organization]:
        """The directory organizations among a resource's authors (named by full or short name)."""
        by_name = {org.name: org for org in self.organizations.values()}
        by_name.update({org.short_name: org for org in self.organizations.values() if org.short_name})
        return list({by_name[name].pk: by_name[name] for name in authors if name in by_name}.values())

    def load_partners(self, home: HomePage) -> None:
        self.directory_page = self.upsert_page(
            home,
            PartnerDirectoryPage,
            "partners",
            {
                "title": "Partners",
                "intro": paragraphs_html(home_content.DIRECTORY_INTRO),
                "show_in_menus": True,
            },
        )

    def load_home_sections(self, home: HomePage) -> None:
        """The front page's sections, once the pages they point at exist."""
        data = home_content
        self.community_page = self.upsert_page(
            home,
            StandardPage,
            "community-of-practice",
            {
                "title": data.COMMUNITY_PAGE["title"],
                "intro": data.COMMUNITY_PAGE["intro"],
                "body": body_blocks(data.COMMUNITY_PAGE["body"]),
            },
        )
        self.upsert_page(
            Page.get_first_root_node(),
            HomePage,
            "home",
            {
                **data.HOME_SECTIONS,
                "network_text": paragraphs_html(data.HOME_TEXTS["network"]),
                "task_forces_text": paragraphs_html(data.HOME_TEXTS["task_forces"]),
                "community_text": paragraphs_html(data.HOME_TEXTS["community"]),
                "cycle_steps": [("step", step) for step in data.CYCLE_STEPS],
                "directory_page": self.directory_page,
                "strategy_page": StrategyPage.objects.child_of(home).first(),
                "community_page": self.community_page,
                "resource_library": ResourceIndexPage.objects.child_of(home).first(),
            },
        )

    def load_about(self, home: HomePage) -> None:
        self.pages["about"] = self.upsert_page(
            home,
            StandardPage,
            "about",
            {
                "title": "About this hub",
                "intro": "The 4 per 1000 Initiative and what this knowledge hub holds.",
                "body": body_blocks(
                    [
                        ("heading", "The Initiative"),
                        "The international 4 per 1000 Initiative, Soils for Food Security and Climate, was launched "
                        "by France at COP21 in Paris in December 2015. Its name comes from a thought experiment: a "
                        "yearly increase of 0.4 percent in the carbon stock of the top 30 to 40 cm of the world's "
                        "soils would be of the same order as the yearly rise of carbon dioxide in the atmosphere.",
                        ("heading", "About the demo content"),
                        "Facts about the Initiative are paraphrased from public sources. Items marked as sample "
                        "data (projects, most people, task force rosters, placeholder objectives, several "
                        "webinars, events and reports) are invented to show how the hub works.",
                    ]
                ),
                "show_in_menus": True,
            },
        )

    # --- French and Spanish -----------------------------------------------------------------------------

    def load_translations(self) -> None:
        """The French and Spanish demo pages, as Wagtail translations of the English ones (top-down: each
        translation is made under its parent's), then the resources written in those languages."""
        for code, data in translations.TRANSLATIONS.items():
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.report.note("locale", created, False)
            LocaleTranslations(self, locale, data).load()


def _translated_names(names: tuple[str, str] | None) -> dict[str, str]:
    """{"name_fr": ..., "name_es": ...} of a place or practice (empty: shown in English everywhere)."""
    french, spanish = names or ("", "")
    return {"name_fr": french, "name_es": spanish}


def _date(value) -> dt.date | None:
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
