"""Ranking quality in French and Spanish over the demo: for 10 French and 10 Spanish questions of our own, the rank
of the page each one is about, in keyword, semantic and hybrid mode, searching that locale (as /fr/search/ and
/es/search/ do) and every locale (?locale=all). A quality figure, not a timing: no clock is read.

    .venv/bin/python bench/language_ranks.py      # after `make setup` (demo loaded and indexed)

Reads the development database (the embedded server of this checkout, or DATABASE_URL) and writes nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from search.service import SearchFilters, SearchQuery, search  # noqa: E402

DEPTH = 50
QUERIES = [
    ("fr", "zaï et compost sur un plateau dégradé", "Zaï et compost pour les sols dégradés du plateau"),
    ("fr", "compostage par des groupements de femmes au Bénin", "Plateformes villageoises de compostage au nord du Bénin"),
    ("fr", "régénération naturelle de Faidherbia dans les champs d'arachide", "Parcs à Faidherbia pour le bassin arachidier"),
    ("fr", "le compostage dans les villages du Sahel", "Le compostage villageois au Sahel : retours d'expérience"),
    ("fr", "les sols peuvent-ils stocker du carbone sans limite", "Le stockage de carbone organique dans les sols a-t-il une limite ?"),
    ("fr", "couverts vegetaux en zone seche", "Couverts végétaux en zone sèche : quand sont-ils rentables ?"),
    ("fr", "mesure notification et vérification du carbone des sols", "Introduction à la mesure, la notification et la vérification du carbone organique des sols"),
    ("fr", "intégrer le carbone des sols dans les CDN", "Faire de la santé des sols et du carbone organique des sols des composantes essentielles des contributions déterminées au niveau national (CDN)"),
    ("fr", "guide pratique des couverts en grandes cultures", "Guide pratique des couverts végétaux en grandes cultures"),
    ("fr", "arbres dans les champs et carbone organique", "Des arbres dans les champs : agroforesterie et carbone organique des sols"),
    ("es", "hoyos zai y compost en la meseta", "Hoyos zaï y compost para los suelos degradados de la meseta"),
    ("es", "compostaje comunitario de mujeres en Benín", "Centros comunitarios de compostaje en el norte de Benín"),
    ("es", "planificar el pastoreo en aldeas de Zimbabue", "Planes comunitarios de pastoreo para pastizales comunales"),
    ("es", "préstamos para árboles forrajeros en Kenia", "Fondo de préstamos agroforestales para pequeños productores lecheros"),
    ("es", "límite del secuestro de carbono en el suelo", "¿Tiene un límite el secuestro de carbono orgánico en el suelo?"),
    ("es", "pastoreo regenerativo y medios de vida", "El pastoreo regenerativo como solución para el suelo, el clima y los medios de vida"),
    ("es", "agroforesteria en fincas de cafe", "Agroforestería y carbono del suelo en fincas cafetaleras"),
    ("es", "preguntas sobre mercados de carbono del suelo", "Mercados de carbono para el suelo: preguntas frecuentes"),
    ("es", "densidad aparente y muestreo de suelos", "Diseñar el muestreo de suelos para medir cambios en el carbono"),
    ("es", "cultivos de cobertura en climas secos", "Cultivos de cobertura en zonas secas: ¿cuándo compensan?"),
]  # fmt: skip
MODES = ("keyword", "semantic", "hybrid")


def rank(q: str, mode: str, locale: str, language: str, expected: str) -> int | None:
    """1-based rank of `expected` searching `locale` ("" = every locale), the query analysed in `language`."""
    response = search(
        SearchQuery(
            q=q,
            mode=mode,
            filters=SearchFilters(locale=locale),
            page_size=DEPTH,
            language=language,
            facets=False,
        )
    )
    titles = [result.title for result in response.results]
    return titles.index(expected) + 1 if expected in titles else None


def main() -> int:
    print(f"model: {settings.EMBEDDING_MODEL}; rank of the expected page (- : not in the top {DEPTH})")
    print("| lang | query | " + " | ".join(f"{m} (locale)" for m in MODES) + " | " + " | ".join(f"{m} (all)" for m in MODES) + " |")  # fmt: skip
    print("|---|---|" + "---|" * (2 * len(MODES)))
    totals: dict[tuple[str, str], list[int | None]] = {}
    for code, q, expected in QUERIES:
        cells = []
        for scope in (code, ""):
            for mode in MODES:
                found = rank(q, mode, scope, code, expected)
                totals.setdefault((scope or "all", mode), []).append(found)
                cells.append(str(found) if found else "-")
        print(f"| {code} | {q} | " + " | ".join(cells) + " |")
    print()
    for (scope, mode), ranks in totals.items():
        found = [r for r in ranks if r]
        mrr = sum(1 / r for r in found) / len(ranks)
        top1 = sum(1 for r in found if r == 1)
        print(f"{scope:>3} {mode:>8}: first {top1}/{len(ranks)}, MRR {mrr:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
