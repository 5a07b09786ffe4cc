"""Measure "did you mean" on a set of misspellings over the site's content (default: search/data/misspellings.json)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from knowledge.models import SITE_NAMESPACE, source_visible_sql
from search.spelling import suggest

DEFAULT_SET = Path(__file__).resolve().parents[2] / "data" / "misspellings.json"


class Command(BaseCommand):
    help = (
        "Correct every misspelled query of a set and report how many get the expected correction, another one or "
        "none, and whether correctly spelled queries are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="path", default=str(DEFAULT_SET), help="Misspellings in JSON.")
        parser.add_argument("--namespace", default=SITE_NAMESPACE)

    def handle(self, *args, path: str, namespace: str, **options):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            # [typed, expected] searches the default language's pages, as the site's search page does;
            # [typed, expected, locale] that locale's ("" every locale).
            cases = [
                (str(item[0]), str(item[1]), str(item[2]) if len(item) > 2 else settings.LANGUAGE_CODE)
                for item in data["queries"]
            ]
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise CommandError(
                f"{path}: expected {{'queries': [[typed, expected] or [typed, expected, locale], ...]}} ({exc})"
            ) from exc
        visible_sql, visible_params = source_visible_sql("s")
        counts = {"right": 0, "other": 0, "none": 0}
        for typed, expected, locale in cases:
            spelling = suggest(typed, namespace, visible_sql, visible_params, locale)
            got = spelling.suggestion if spelling else None
            outcome = "right" if got == expected else ("none" if got is None else "other")
            counts[outcome] += 1
            self.stdout.write(
                f"[{outcome:5s}] {typed}{f' ({locale})' if locale else ''} -> {got or '-'}"
                + ("" if got == expected else f" (expected {expected})")
            )
        untouched = [
            q
            for q in data.get("correct", [])
            if suggest(q, namespace, visible_sql, visible_params, settings.LANGUAGE_CODE) is None
        ]
        self.stdout.write(
            f"{len(cases)} misspelled queries: {counts['right']} corrected as expected, {counts['other']} otherwise, "
            f"{counts['none']} not corrected; {len(untouched)} of {len(data.get('correct', []))} correctly spelled "
            "queries left alone"
        )
