"""Extractive answers: the sentence (or two adjacent sentences) of the top results that answers the query.

Nothing is generated: the answer is a sentence written by the source's author, cited with its title, heading
and PDF page. It is taken only from the passages the search already returns on its first page, so it has the
results' visibility and filters and costs no SQL statement. The sentences of those passages are embedded in one
batch (at most SEARCH_ANSWER_MAX_SENTENCES, sentence vectors remembered per process: a popular result's sentences are embedded
once) and scored against the query vector the search computed, plus the share of the query's words they
contain and a small preference for higher results. Below SEARCH_ANSWER_MIN_SCORE there is no answer: the
threshold is tuned on the demo question set (`manage.py evaluate_answers`) so that a wrong answer is rarer than
none.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from knowledge.embeddings import current_model_key, get_embedder

from .highlight import mark_terms, query_terms, term_patterns

ANSWER_RESULTS = 3  # results whose passages may answer: lower ones rarely hold the answer and cost encodes
MIN_SENTENCE_CHARS = 40
MAX_SENTENCE_CHARS = 400
LEXICAL_WEIGHT = 0.25  # weight of the share of query words a sentence contains
RANK_PENALTY = 0.03  # per result rank below the first
CACHE_SIZE = 20_000  # sentence vectors remembered (384 float32 each: about 30 MB)

# A sentence ends at . ! ? followed by space and an opening capital, digit or quote; abbreviations do not end one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|et al|etc|Fig|fig|vs|approx|No|Dr|cf|ca|St|Mr|Ms|Prof)\.$")
# A sentence opening with these refers back to the previous one: the answer shows both.
ANAPHORA = re.compile(r"^(?:This|These|That|Those|It|They|Such|Its|Their|The latter|The former)\b")


@dataclass
class Answer:
    text: str
    html: str  # escaped, with the query words in <mark>: safe to render
    score: float
    result: object  # the SearchResult it comes from (title, url, type, ids)
    passage: object  # the Passage it comes from (heading, page number, link to the page)

    @property
    def page_number(self) -> int | None:
        return self.passage.page_number

    @property
    def heading(self) -> str:
        return self.passage.heading

    @property
    def url(self) -> str:
        return self.passage.url


@dataclass
class AnswerCost:
    """The extra encode work of one query: sentences scored, and those embedded now (not remembered)."""

    sentences: int = 0
    encoded: int = 0


@dataclass
class _Sentence:
    rank: int
    result: object
    passage: object
    index: int  # position in its passage
    text: str


class _VectorCache:
    """Sentence vectors by (model, text), least recently used dropped first; shared by threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self, texts: list[str]) -> tuple[np.ndarray, int]:
        """Vectors of `texts` (rows in order) and how many had to be embedded, in one batch."""
        model = current_model_key()
        with self._lock:
            found = {text: self._items.get((model, text)) for text in texts}
        missing = [text for text, vector in found.items() if vector is None]
        if missing:
            computed = get_embedder().embed_passages(missing)
            with self._lock:
                for text, vector in zip(missing, computed, strict=True):
                    found[text] = vector
                    self._items[(model, text)] = vector
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        with self._lock:
            for text in texts:
                if (model, text) in self._items:
                    self._items.move_to_end((model, text))
        return np.array([found[text] for text in texts], dtype=np.float32), len(missing)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


sentence_vectors = _VectorCache(CACHE_SIZE)


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage, paragraph by paragraph; abbreviations such as "e.g." do not end a sentence."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        pieces = SENTENCE_END.split(" ".join(paragraph.split()))
        current = ""
        for piece in pieces:
            current = f"{current} {piece}" if current else piece
            if not ABBREVIATIONS.search(current):
                sentences.append(current)
                current = ""
        if current:
            sentences.append(current)
    return sentences


def _is_whole(sentence: str, first: bool, last: bool, passage_position: int) -> bool:
    """Passages overlap and are cut at token bounds: a first fragment starting in lower case or a last one
    without a final stop is a cut sentence, never shown as an answer."""
    if first and passage_position and not sentence[:1].isupper() and not sentence[:1].isdigit():
        return False
    if last and sentence[-1:] not in ".!?\"'”’)":
        return False
    return MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS


def candidate_sentences(results, terms: list[str]) -> list[_Sentence]:
    """Whole sentences of the passages of the first ANSWER_RESULTS results, each text once, at most
    SEARCH_ANSWER_MAX_SENTENCES: when there are more, those with the most query words (then the higher results)
    are kept."""
    limit = max(1, settings.SEARCH_ANSWER_MAX_SENTENCES)
    seen: set[str] = set()
    sentences: list[_Sentence] = []
    for rank, result in enumerate(results[:ANSWER_RESULTS]):
        for passage in result.passages:
            parts = split_sentences(passage.text)
            for index, sentence in enumerate(parts):
                if sentence in seen:
                    continue
                if _is_whole(sentence, index == 0, index == len(parts) - 1, passage.position):
                    seen.add(sentence)
                    sentences.append(_Sentence(rank, result, passage, index, sentence))
    if len(sentences) > limit:
        patterns = term_patterns(terms)
        order = sorted(
            range(len(sentences)),
            key=lambda i: (-sum(bool(p.search(sentences[i].text)) for p in patterns), i),
        )
        kept = sorted(order[:limit])
        sentences = [sentences[i] for i in kept]
    return sentences


def coverage(text: str, patterns: list[re.Pattern]) -> float:
    """Share of the query's words in the text (0 when the query has none worth counting)."""
    if not patterns:
        return 0.0
    return sum(bool(pattern.search(text)) for pattern in patterns) / len(patterns)


def find_answer(
    results, q: str, query_vector: np.ndarray | None, *, min_score: float | None = None
) -> tuple[Answer | None, AnswerCost]:
    """The best-scoring sentence of the top results if it clears `min_score` (SEARCH_ANSWER_MIN_SCORE unless
    given: the evaluation passes -inf to see every score), else None."""
    cost = AnswerCost()
    if query_vector is None or not results:
        return None, cost
    terms = query_terms(q)
    sentences = candidate_sentences(results, terms)
    cost.sentences = len(sentences)
    if not sentences:
        return None, cost
    vectors, cost.encoded = sentence_vectors.vectors([s.text for s in sentences])
    similarity = vectors @ np.asarray(query_vector, dtype=np.float32)
    patterns = term_patterns(terms)
    scores = [
        float(similarity[i]) + LEXICAL_WEIGHT * coverage(s.text, patterns) - RANK_PENALTY * s.rank
        for i, s in enumerate(sentences)
    ]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    if scores[best] < (settings.SEARCH_ANSWER_MIN_SCORE if min_score is None else min_score):
        return None, cost
    chosen = sentences[best]
    text = _with_neighbour(chosen)
    return (
        Answer(
            text=text,
            html=mark_terms(text, terms),
            score=round(scores[best], 4),
            result=chosen.result,
            passage=chosen.passage,
        ),
        cost,
    )


def _with_neighbour(sentence: _Sentence) -> str:
    """The sentence, with the previous one when it refers back to it ("This ...") or the next one when that one
    refers back to it: two adjacent sentences read as one answer."""
    parts = split_sentences(sentence.passage.text)
    index = sentence.index
    if ANAPHORA.match(sentence.text) and index > 0:
        previous = parts[index - 1]
        if _is_whole(previous, index - 1 == 0, False, sentence.passage.position):
            return f"{previous} {sentence.text}"
    if index + 1 < len(parts) and ANAPHORA.match(parts[index + 1]):
        following = parts[index + 1]
        if _is_whole(following, False, index + 1 == len(parts) - 1, 0):
            return f"{sentence.text} {following}"
    return sentence.text
