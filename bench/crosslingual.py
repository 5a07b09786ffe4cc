"""Cross-language retrieval over the demo (issue 24): for questions asked in one language about a page that exists
in another language only (bench/data/crosslingual_questions.json: French and Spanish questions about English-only
pages, English questions about French-only and Spanish-only ones), the rank of the expected page in the visitor's
own search, per approach:

    a  own locale            what /fr/search/ searched before issue 24
    b  + untranslated        also the items that have no version in the visitor's language (search/crosslingual.py)
    c  + glossary            and the glossary's equivalents on the keyword side (the site's search now)
    all                      "Search all languages" (?locale=all), without and with the glossary

    .venv/bin/python bench/crosslingual.py [--mode hybrid] > bench/results/crosslingual.md
    .venv/bin/python bench/crosslingual.py --export /tmp/xlang.json   # for bench/crosslingual_e5.py (approach d)

Needs the demo loaded and indexed (`load_demo_content`, which also loads the sample glossary). Reads the
development database (the embedded server of this checkout, or DATABASE_URL) and writes nothing. A quality
figure; the median time per search is printed as an indication only (shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from bench.machine import describe  # noqa: E402
from knowledge.models import Chunk, Source, source_visible_sql  # noqa: E402
from search import crosslingual  # noqa: E402
from search.models import GlossaryTerm  # noqa: E402
from search.retrieval import filter_sql  # noqa: E402
from search.service import SearchFilters, SearchQuery, search  # noqa: E402

QUESTIONS = ROOT / "bench" / "data" / "crosslingual_questions.json"
DEPTH = 50
# name -> (searched locale: the visitor's or "" for all, untranslated items too, glossary on)
APPROACHES = {
    "a own locale": ("own", False, False),
    "b + untranslated": ("own", True, False),
    "c + glossary": ("own", True, True),
    "all languages": ("", False, False),
    "all + glossary": ("", False, True),
}


def rank(
    question: dict, mode: str, scope: str, untranslated: bool, glossary: bool
) -> tuple[int | None, float]:
    language = question["direction"].split("-")[0]
    query = SearchQuery(
        q=question["q"],
        mode=mode,
        filters=SearchFilters(locale=language if scope == "own" else "", untranslated=untranslated),
        page_size=DEPTH,
        language=language,
        facets=False,
    )
    if glossary:
        response = search(query)
    else:
        with mock.patch.object(crosslingual, "glossary", return_value=[]):
            response = search(query)
    titles = [result.title for result in response.results]
    found = [titles.index(title) + 1 for title in question["expected"] if title in titles]
    return (min(found) if found else None), response.took_ms


def export(path: str, questions: list[dict], mode: str) -> None:
    """What bench/crosslingual_e5.py needs, as JSON: the sources each locale's own search covers (approach c's
    scope, visible to an anonymous visitor), their title and first passage, and approach c's ranking per
    question (source ids)."""
    from django.db import connection

    visible_sql, visible_params = source_visible_sql("s")
    scope = {}
    for locale in ("en", "fr", "es"):
        conditions, params = filter_sql(SearchFilters(locale=locale, untranslated=True), alias="s")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s.id FROM knowledge_source s WHERE s.namespace = 'site' AND s.status = 'indexed'"
                f" {conditions} AND {visible_sql}",
                [*params, *visible_params],
            )
            scope[locale] = [row[0] for row in cursor.fetchall()]
    ids = set().union(*scope.values())
    first = dict(Chunk.objects.filter(source_id__in=ids, position=0).values_list("source_id", "text"))
    sources = {pk: {"title": title, "text": first.get(pk, "")[:400]} for pk, title in Source.objects.filter(
        id__in=ids).values_list("id", "title")}  # fmt: skip
    rankings = []
    for question in questions:
        language = question["direction"].split("-")[0]
        response = search(
            SearchQuery(
                q=question["q"],
                mode=mode,
                filters=SearchFilters(locale=language, untranslated=True),
                page_size=DEPTH,
                language=language,
                facets=False,
            )
        )
        rankings.append([result.source_id for result in response.results])
    Path(path).write_text(json.dumps({"scope": scope, "sources": sources, "rankings": rankings}))
    print(f"wrote {path}: {len(sources)} sources, {len(rankings)} rankings")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="hybrid", choices=["hybrid", "semantic", "keyword"])
    parser.add_argument("--export", metavar="PATH", help="Write the data of approach d (crosslingual_e5.py).")
    args = parser.parse_args()
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    if args.export:
        export(args.export, questions, args.mode)
        return 0
    search(SearchQuery(q="warm up", facets=False))

    print("# Cross-language retrieval over the demo\n")
    print(f"- machine: {describe()}")
    print(
        f"- model: {settings.EMBEDDING_MODEL}; mode: {args.mode}; glossary: {GlossaryTerm.objects.count()} terms"
    )
    print(f"- {len(questions)} questions ({QUESTIONS.relative_to(ROOT)}); rank of the first expected page, - : not in the top {DEPTH}\n")  # fmt: skip
    print("| direction | question | " + " | ".join(APPROACHES) + " |")
    print("|---|---|" + "---|" * len(APPROACHES))
    ranks: dict[tuple[str, str], list[int | None]] = {}
    times: dict[str, list[float]] = {}
    for question in questions:
        cells = []
        for name, (scope, untranslated, glossary) in APPROACHES.items():
            found, took_ms = rank(question, args.mode, scope, untranslated, glossary)
            direction = question["direction"]
            group = direction if direction in ("fr-en", "es-en") else "en-fr/es"
            ranks.setdefault((group, name), []).append(found)
            ranks.setdefault(("all", name), []).append(found)
            times.setdefault(name, []).append(took_ms)
            cells.append(str(found) if found else "-")
        print(f"| {question['direction']} | {question['q']} | " + " | ".join(cells) + " |")

    print("\n## Top 3 and MRR@50 per direction\n")
    print("| direction | n | " + " | ".join(f"{name}: top 3 / MRR" for name in APPROACHES) + " |")
    print("|---|---|" + "---|" * len(APPROACHES))
    for group in ("fr-en", "es-en", "en-fr/es", "all"):
        cells = []
        for name in APPROACHES:
            found = ranks[(group, name)]
            top3 = sum(1 for r in found if r and r <= 3)
            mrr = sum(1 / r for r in found if r) / len(found)
            cells.append(f"{top3}/{len(found)} / {mrr:.3f}")
        print(f"| {group} | {len(ranks[(group, 'c + glossary')])} | " + " | ".join(cells) + " |")
    print("\nMedian time per search (ms, indication only): " + ", ".join(
        f"{name} {statistics.median(values):.0f}" for name, values in times.items()
    ))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
