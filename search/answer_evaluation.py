"""Measuring extractive answers: a question set (question -> expected source and sentence) and the outcome of
each answer, so the threshold can be chosen where a wrong answer is rarer than none.

Outcomes: "right" (expected source and the expected sentence in the answer), "right_source" (expected source,
another sentence), "wrong" (another source, or any answer to a question the content cannot answer) and "none".
Scores are recorded with the threshold off, so one run gives the outcomes at every threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "data" / "answer_questions.json"
OUTCOMES = ("right", "right_source", "wrong", "none")


@dataclass(frozen=True)
class Question:
    q: str
    expected: tuple[tuple[str, str], ...]  # acceptable (source title, part of the sentence); empty: no answer

    @property
    def sources(self) -> set[str]:
        return {source for source, _ in self.expected}


@dataclass(frozen=True)
class Attempt:
    question: Question
    score: float | None  # None: no sentence at all
    outcome: str  # the outcome with the threshold off ("none" only when no sentence was found)


def load_questions(path: Path = DEFAULT_QUESTIONS) -> list[Question]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    questions = []
    for number, item in enumerate(data.get("questions", []), 1):
        if not isinstance(item, dict) or not item.get("q"):
            raise ValueError(f"{path}: question {number} needs a 'q'")
        expected = item.get("expected", [])
        if not isinstance(expected, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(pair) for pair in expected
        ):
            raise ValueError(
                f"{path}: question {number}: 'expected' is a list of [source title, sentence part]"
            )
        questions.append(Question(item["q"], tuple((source, sentence) for source, sentence in expected)))
    if not questions:
        raise ValueError(f"{path}: no questions")
    return questions


def classify(question: Question, title: str | None, text: str | None) -> str:
    if title is None:
        return "none"
    if title not in question.sources:
        return "wrong"
    answer = " ".join((text or "").split()).lower()
    if any(source == title and sentence.lower() in answer for source, sentence in question.expected):
        return "right"
    return "right_source"


def outcomes_at(attempts: list[Attempt], threshold: float) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOMES, 0)
    for attempt in attempts:
        answered = attempt.score is not None and attempt.score >= threshold
        counts[attempt.outcome if answered else "none"] += 1
    return counts
