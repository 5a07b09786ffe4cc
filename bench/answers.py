"""Answer benchmark: the search's latency with and without its extractive answer, in one run on the same queries.

Rows (every query runs every row, in a rotating order, for --rounds rounds):
  * search: search.service.search() as the search page calls it (facets, passages), without the answer step;
  * answer, cold: the same with the answer step, its remembered sentence vectors cleared first, so every
    sentence of the top passages is embedded (the cost of a query whose results nobody asked about before);
  * answer, warm: the same again right after, the sentence vectors remembered (a popular query).
The query vector is computed once per query and given to every row: the rows differ by the answer step only.

    .venv/bin/python bench/answers.py [--rounds 3]

Reads the development database (it needs the demo content: `make run`, or `manage.py load_demo_content` then
`manage.py reindex`) and writes nothing to it. Queries: the questions of search/data/answer_questions.json.
Prints the CPU model and its SIMD flags: the encode cost depends on them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from machine import describe  # bench/machine.py, next to this script

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    from knowledge.embeddings import get_embedder
    from search.answer_evaluation import load_questions
    from search.answers import sentence_vectors
    from search.service import SearchQuery, search

    settings.DEBUG = False
    questions = [question.q for question in load_questions()]
    embedder = get_embedder()
    vectors = {q: embedder.embed_query(q) for q in questions}
    print(f"Machine: {describe()}")
    print(
        f"Embedding: {embedder.name} ({embedder.dtype}), queries on {embedder.query_backend}; "
        f"sentences per answer at most {settings.SEARCH_ANSWER_MAX_SENTENCES}"
    )

    def plain(q):
        return search(SearchQuery(q=q), query_vector=vectors[q])

    def cold(q):
        sentence_vectors.clear()
        return search(SearchQuery(q=q, answer=True), query_vector=vectors[q])

    def warm(q):
        return search(SearchQuery(q=q, answer=True), query_vector=vectors[q])

    for q in questions:  # warm-up: connections, caches, the model's first batches
        plain(q)
        cold(q)
    times: dict[str, list[float]] = {"search": [], "answer, cold": [], "answer, warm": []}
    sentences, encoded = [], []

    def timed(name, run, q):
        started = time.perf_counter()
        response = run(q)
        times[name].append((time.perf_counter() - started) * 1000)
        return response

    for round_number in range(args.rounds):
        for index, q in enumerate(questions):
            first = (index + round_number) % 2 == 0  # the plain search before or after the answer runs
            if first:
                timed("search", plain, q)
            response = timed("answer, cold", cold, q)
            timed("answer, warm", warm, q)  # right after the cold run: its sentences are remembered
            if not first:
                timed("search", plain, q)
            sentences.append(response.answer_cost.sentences)
            encoded.append(response.answer_cost.encoded)
    base = percentile(times["search"], 0.95)
    print(f"{len(questions)} queries x {args.rounds} rounds")
    for name, values in times.items():
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        extra = "" if name == "search" else f"  (+{p95 - base:.1f} ms p95 over search)"
        print(f"{name:13s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms{extra}")
    print(
        f"sentences scored per query: mean {sum(sentences) / len(sentences):.1f}, max {max(sentences)}; "
        f"embedded on a cold run: mean {sum(encoded) / len(encoded):.1f}"
    )


if __name__ == "__main__":
    main()
