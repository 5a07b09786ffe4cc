"""Measure extractive answers on a question set over the site's content (default: the demo question set)."""

import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from knowledge.embeddings import get_embedder
from search.answer_evaluation import (
    DEFAULT_QUESTIONS,
    OUTCOMES,
    Attempt,
    classify,
    load_questions,
    outcomes_at,
)
from search.answers import find_answer
from search.service import SearchQuery, search

THRESHOLDS = (0.5, 0.55, 0.6, 0.62, 0.65, 0.7, 0.75, 0.8)


class Command(BaseCommand):
    help = (
        "Ask every question of a question set (question -> expected source and sentence) through the search and "
        "its answer step; report right answers, right source with another sentence, wrong answers and no answers "
        "at the current threshold (SEARCH_ANSWER_MIN_SCORE) and at others, and the sentences embedded per query."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", default=str(DEFAULT_QUESTIONS), help="A question set in JSON.")
        parser.add_argument("--verbose-answers", action="store_true", help="Print each question's answer.")

    def handle(self, *args, questions: str, verbose_answers: bool, **options):
        try:
            question_set = load_questions(Path(questions))
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        embedder = get_embedder()
        attempts, sentences, encoded = [], [], []
        for question in question_set:
            vector = embedder.embed_query(question.q)
            response = search(SearchQuery(q=question.q, facets=False), query_vector=vector)
            answer, cost = find_answer(response.results, question.q, vector, min_score=-math.inf)
            sentences.append(cost.sentences)
            encoded.append(cost.encoded)
            title = answer.result.title if answer else None
            outcome = classify(question, title, answer.text if answer else None)
            attempts.append(Attempt(question, answer.score if answer else None, outcome))
            if verbose_answers:
                score = f"{answer.score:.3f}" if answer else "-"
                self.stdout.write(
                    f"[{outcome:12s} {score}] {question.q}\n    {title}: {answer.text if answer else ''}"
                )
        answerable = sum(bool(a.question.sources) for a in attempts)
        self.stdout.write(
            f"{len(attempts)} questions ({answerable} answerable, {len(attempts) - answerable} not answerable "
            f"by the content)"
        )
        self.stdout.write("threshold  " + "  ".join(f"{name:>12s}" for name in OUTCOMES))
        current = settings.SEARCH_ANSWER_MIN_SCORE
        for threshold in sorted({*THRESHOLDS, current}):
            counts = outcomes_at(attempts, threshold)
            marker = " <- SEARCH_ANSWER_MIN_SCORE" if threshold == current else ""
            self.stdout.write(
                f"{threshold:9.2f}  " + "  ".join(f"{counts[name]:12d}" for name in OUTCOMES) + marker
            )
        self.stdout.write(
            f"sentences scored per query: mean {sum(sentences) / len(sentences):.1f}, max {max(sentences)}; "
            f"embedded (not remembered) per query: mean {sum(encoded) / len(encoded):.1f}, max {max(encoded)}"
        )
