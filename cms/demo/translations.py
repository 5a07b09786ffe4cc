"""The French and Spanish demo pages: one locale's translations of the English pages the loader made
(cms/demo/data/translations.<code>.json), and the resources written in its language."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.models import Locale, Page

from cms.models import HomePage, ObjectivePage, ResourcePage

from .blocks import body_blocks, paragraphs_html
from .content import resources, translations


class LocaleTranslations:
    """One locale's demo translations (cms/demo/data/translations.<code>.json), made by `loader`'s upserts under
    the English pages it loaded (a DemoLoader: not imported here, since it imports this module)."""

    def __init__(self, loader, locale: Locale, data: dict) -> None:
        self.loader = loader
        self.locale = locale
        self.data = data
        self.code = locale.language_code
        self.objectives: dict[str, ObjectivePage] = {}

    def translate(self, key: str, values: dict, m2m: dict | None = None):
        return self.loader.upsert_translation(self.loader.pages[key], self.locale, values, m2m)

    def note(self) -> str:
        return translations.TRANSLATION_NOTE[self.code]

    def noted_html(self, paragraphs) -> str:
        """Translated paragraphs followed by the note saying they are a translation."""
        paragraphs = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        return paragraphs_html([*paragraphs, self.note()])

    def load(self) -> None:
        data, pages = self.data, self.loader.pages
        self.translate("home", {**data["home"], "body": body_blocks([self.note()])})
        self.translate("about", {**data["about"], "body": body_blocks(data["about"]["body"])})
        strategy_data = data["strategy"]
        self.translate(
            "strategy",
            {
                "title": strategy_data["title"],
                "vision_2050": strategy_data["vision_2050"],
                "mission_2030": strategy_data["mission_2030"],
                "intro": self.noted_html(strategy_data["intro"]),
            },
        )
        for code, (name, description) in data["goals"].items():
            goal_word = {"fr": "But", "es": "Meta"}.get(self.code, "Goal")
            self.translate(
                f"goal:{code}",
                {
                    "title": f"{goal_word} {code} : {name}"
                    if self.code == "fr"
                    else f"{goal_word} {code}: {name}",
                    "description": self.noted_html(description),
                },
            )
        not_published = translations.NOT_PUBLISHED[self.code]
        for code, values in data["objectives"].items():
            fields = {
                name: values.get(name, not_published)
                for name in (
                    "description",
                    "problem_statement",
                    "baseline_2020",
                    "target_2030",
                    "target_2050",
                )
            }
            fields["description"] = f"{fields['description']} {self.note()}"
            self.objectives[code] = self.translate(
                f"objective:{code}",
                {"title": values["title"][:255], "short_label": values["short_label"][:80], **fields},
            )
        for code, purpose in data["task_forces"].items():
            label = data["objectives"][code]["short_label"]
            self.translate(
                f"task_force:{code}",
                {
                    "title": data["task_force_title"].format(code=code, label=label),
                    "purpose": f"{purpose} {self.note()}",
                },
            )
        for name, values in data["indexes"].items():
            self.translate(
                f"index:{name}", {"title": values["title"], "intro": self.noted_html(values["intro"])}
            )
        for title, (translated, summary) in data["projects"].items():
            self.translate(
                f"project:{title}",
                {"title": translated, "summary": summary, "body": body_blocks([self.note()])},
                m2m={"objectives": self.localized_objectives(pages[f"project:{title}"])},
            )
        for title, (translated, summary) in data["resources"].items():
            self.translate(
                f"resource:{title}",
                {
                    "title": translated,
                    "summary": summary,
                    "body": body_blocks([self.note()]),
                    "language": self.code,
                },
                m2m={"objectives": self.localized_objectives(pages[f"resource:{title}"])},
            )
        for title, (translated, abstract) in data["webinars"].items():
            self.translate(
                f"webinar:{title}",
                {"title": translated, "abstract": self.noted_html(abstract)},
                m2m={"objectives": self.localized_objectives(pages[f"webinar:{title}"])},
            )
        self.load_native_resources()
        self.translate_home_sections()

    def translate_home_sections(self) -> None:
        """The front page's sections in this locale, pointing at this locale's pages where they are translated
        (last: the strategy and the resource library are translated by then)."""
        data = self.data["home_sections"]
        directory = data["directory"]
        self.loader.upsert_translation(
            self.loader.directory_page,
            self.locale,
            {"title": directory["title"], "intro": paragraphs_html(directory["intro"])},
        )
        english = HomePage.objects.get(pk=self.loader.pages["home"].pk)
        links = {
            name: getattr(english, name) and self.in_locale(getattr(english, name))
            for name in ("directory_page", "strategy_page", "community_page", "resource_library")
        }
        self.translate(
            "home",
            {
                **data["sections"],
                "network_text": paragraphs_html(data["texts"]["network"]),
                "task_forces_text": paragraphs_html(data["texts"]["task_forces"]),
                "community_text": paragraphs_html(data["texts"]["community"]),
                "cycle_steps": [
                    ("step", {"title": title, "text": text}) for title, text in data["cycle_steps"]
                ],
                **links,
            },
        )

    def in_locale(self, page: Page) -> Page:
        """`page`'s translation in this locale, or `page` itself when it has none."""
        return page.get_translation_or_none(self.locale) or page

    def localized_objectives(self, page) -> list:
        """The page's objectives in this locale where translated (the English objective otherwise)."""
        return [self.objectives.get(objective.code, objective) for objective in page.objectives.all()]

    def load_native_resources(self) -> None:
        """Resources written in this locale's language live in its tree, under its resource listing; a copy
        left in the English tree by an older demo is removed."""
        index = self.loader.pages["index:resources"]
        translated_index = index.get_translation(self.locale)
        objectives = {**self.loader.objectives, **self.objectives}
        for item in resources.RESOURCES:
            if item.get("language", "en") != self.code:
                continue
            slug = slugify(item["title"])[:80]
            for stale in ResourcePage.objects.child_of(index).filter(slug=slug):
                stale.delete()
                self.loader.report.note("resource moved to its locale", False, True)
            self.loader.upsert_resource(translated_index, item, objectives)
