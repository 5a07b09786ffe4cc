"""Extractive answers: the sentence (or two adjacent sentences) of the top results that answers the query.

Nothing is generated: the answer is a sentence written by the source's author, cited with its title, heading
and PDF page. It is taken only from the passages of the first ANSWER_RESULTS results the search already returns, so
it has the results' visibility and filters. The sentences of those passages are embedded in one batch (at most
SEARCH_ANSWER_MAX_SENTENCES, sentence vectors remembered per process: a popular result's sentences are embedded
once) and scored against the query vector the search computed, plus the share of the query's words they contain
and a small preference for the first result.

A wrong quoted answer is worse than none, so a sentence must also pass three checks before it may answer:
  * it is a sentence, not a "Label: value" line of a page's facts;
  * it carries what the question asks for (question_kind): a number for "how much" / "combien" / "cuánto" (digits,
    "a third", "three metres"), a count for "how many", a year or month for "when", a name for "who" (or it is a
    partner's profile, whose title is the name);
  * with its neighbour, its passage's heading and its source's title, it holds at least
    SEARCH_ANSWER_MIN_TERM_COVERAGE of the question's words weighted by their IDF in the index (the keyword
    search's own statistics, one SQL statement): a sentence that misses the rare words of the question ("coconut",
    "Kenya", "active") is about something else, however close its meaning.
Below SEARCH_ANSWER_MIN_SCORE there is no answer either. Both thresholds and the checks were chosen on the demo
question sets (`manage.py evaluate_answers`, README "Measured figures") so that a wrong answer is rarer than none.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from cms.replica import read_connection
from knowledge.embeddings import current_model_key, get_embedder
from knowledge.folding import fold
from knowledge.models import SITE_NAMESPACE

from .highlight import mark_terms, query_terms, term_patterns
from .retrieval import TERMS_SQL

# Results whose passages may answer: the answer names its source, which should be one the visitor sees first. Two,
# not three: with the other checks on, letting the third result answer added 3 wrong answers and lost 2 right ones
# on the 32 questions of search/data/answer_questions.json (evaluate_answers, 2026-12-05).
ANSWER_RESULTS = 2
MIN_SENTENCE_CHARS = 40
MAX_SENTENCE_CHARS = 400
LEXICAL_WEIGHT = 0.25  # weight of the share of query words a sentence contains
RANK_PENALTY = 0.03  # per result rank below the first
CACHE_SIZE = 20_000  # sentence vectors remembered (384 float32 each: about 30 MB)

# A sentence ends at . ! ? followed by space and an opening capital, digit or quote; abbreviations do not end one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|et al|etc|Fig|fig|vs|approx|No|Dr|cf|ca|St|Mr|Ms|Prof)\.$")
# A line of a page's facts ("Country: Australia, Asia and the Pacific."): a label and its value, not a sentence
# anybody wrote to answer a question.
FACT_LINE = re.compile(r"^[A-Z][\w()/'-]*(?: [\w()/'-]+){0,2}:\s")  # at most three words before the colon

# What a question asks for, from its first words (English, French, Spanish; accents folded, lower case), and what
# an answer to it must contain. Questions of no listed kind ("what", "why", "which") need no particular cue.
QUESTION_KINDS = (
    ("count", re.compile(r"^(?:how many|what number of|combien d(?:e|')|cuantos|cuantas)\b")),
    (
        "quantity",
        re.compile(
            r"^(?:how (?:much|large|big|deep|long|often|far|high|old|fast|wide|heavy)|by how much|at what rate"
            r"|what (?:share|percentage|proportion|rate|amount|size|area|price|cost|density|depth|length|duration"
            r"|content)|what (?:does|do|did) (?=.+ cost\b)|(?:de )?combien|quel(?:le)? (?:quantite|part|proportion|surface"
            r"|pourcentage|taux|cout|prix|profondeur|duree)|cuanto|cuanta|(?:que|cual es el|cual es la) "
            r"(?:porcentaje|cantidad|proporcion|superficie|tasa|costo|coste|precio|profundidad|duracion))\b"
        ),
    ),
    (
        "date",
        re.compile(
            r"^(?:when|since when|in (?:what|which) year|what year|quand|depuis quand|en quelle annee|cuando"
            r"|desde cuando|en que ano)\b"
        ),
    ),
    ("name", re.compile(r"^(?:who|whom|whose|qui|quien|quienes)\b")),
)
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|vingt|trente|quarante"
    r"|cinquante|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|treinta|cuarenta|cincuenta"
)
MAGNITUDE_WORDS = (
    r"half|halves|third|thirds|quarter|quarters|fifth|fifths|per ?cent|percent|twice|double|doubled|tripled"
    r"|hundreds?|thousands?|millions?|billions?|dozens?|moitie|tiers|quart|pour ?cent|centaines?|milliers?"
    r"|milliards?|mitad|tercio|cuarto|por ?ciento|cientos|miles|millones|miles de millones"
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars"
    r"|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio"
    r"|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
# Units after a number word make a quantity ("three metres"); "all three principles" is a count, not one.
UNITS = (
    r"metres?|meters?|centimetres?|centimeters?|millimetres?|kilometres?|kilometers?|tonnes?|tons?|kilograms?"
    r"|kilos?|grams?|hectares?|acres?|litres?|liters?|years?|months?|weeks?|days?|hours?|minutes?|times|degrees?"
    r"|euros?|dollars?|metros?|toneladas?|hectareas?|ans|annees?|mois|semaines?|jours?|heures?|fois|degres?|anos"
    r"|meses|semanas?|dias?|horas?|veces|grados?|dolares?"
)
ANSWER_CUES = {
    "count": re.compile(rf"\d|\b(?:{NUMBER_WORDS}|{MAGNITUDE_WORDS}|several|plusieurs|varios|varias)\b"),
    "quantity": re.compile(
        rf"\d|\b(?:{MAGNITUDE_WORDS})\b|\b(?:{NUMBER_WORDS}|a few|quelques|unos|unas)\s+(?:{UNITS})\b"
    ),
    "date": re.compile(rf"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:{MONTHS})\b"),
}
# A capitalised word inside the sentence (its first word does not count): a person, an organisation, a place.
# A profile's own title is a name too: its sentences answer "who" (find_answer).
PROFILE_TYPES = frozenset({"organization", "person"})
NAME = re.compile(r"(?<=[\s(])[A-Z][\w'-]+")

# Words that say what kind of answer is wanted, not what it is about: they weigh nothing in the term overlap.
QUESTION_WORDS = frozenset(
    [
        "much",
        "many",
        "each",
        "most",
        "should",
        "would",
        "could",
        "did",
        "does",
        "main",
        "example",
        "take",
        "took",
        "part",
        "per",
        "one",
        "kind",
        "type",
        "way",
        "ways",
        "all",
        "any",
        "some",
        "more",
        "less",
        "very",
        "also",
        "whom",
        "whose",
        "combien",
        "quand",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "pourquoi",
        "quoi",
        "est-ce",
        "exemple",
        "cuanto",
        "cuanta",
        "cuantos",
        "cuantas",
        "cuando",
        "quien",
        "quienes",
        "que",
        "cual",
        "cuales",
        "por",
        "porque",
        "ejemplo",
    ]
)

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


def _question_start(q: str) -> str:
    return fold(" ".join(q.lower().lstrip("¿¡ ").split()))


def question_kind(q: str) -> str | None:
    """The kind of answer a question asks for ("count", "quantity", "date", "name"), from its first words; None
    for a question that needs no particular cue."""
    start = _question_start(q)
    return next((kind for kind, pattern in QUESTION_KINDS if pattern.match(start)), None)


def has_cue(kind: str | None, text: str, q: str = "") -> bool:
    """Whether the text holds what a question of this kind asks for. A name must be one the question does not
    already give ("Who chaired the Committee?" is not answered by "the Committee")."""
    if kind is None:
        return True
    if kind == "name":
        asked = {word.lower() for word in re.findall(r"[\w'-]+", q)}
        return any(name.lower() not in asked for name in NAME.findall(text))
    return bool(ANSWER_CUES[kind].search(fold(text.lower())))


def focus_words(q: str) -> str:
    """The question's words that say what it is about, for the overlap: no stop words, no question words, and
    not the words of its kind ("how big", "how often", "quelle part")."""
    start = _question_start(q)
    for _, pattern in QUESTION_KINDS:
        if match := pattern.match(start):
            start = start[match.end() :]
            break
    return " ".join(term for term in query_terms(start) if term not in QUESTION_WORDS)


COVERAGE_SQL = f"""
    WITH {TERMS_SQL},
    weights AS (SELECT DISTINCT lexeme, idf FROM terms),
    texts AS (
        SELECT ord, tsvector_to_array(to_tsvector('english', t) || to_tsvector(%s::regconfig, f)) AS lexemes
        FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS x(t, f, ord)
    )
    SELECT texts.ord,
           coalesce(sum(weights.idf) FILTER (WHERE weights.lexeme = ANY(texts.lexemes)), 0)
           / nullif((SELECT sum(idf) FROM weights), 0)
    FROM texts CROSS JOIN weights
    GROUP BY texts.ord
"""


def term_coverage(q: str, texts: list[str], *, namespace: str, config: str) -> list[float]:
    """For each text, the share of the question's focus words it contains, each weighted by its IDF in the
    namespace's index and stemmed as the keyword search stems (English, and the query language on folded text).
    One SQL statement; 0 for every text when the question has no focus word."""
    words = focus_words(q)
    if not words or not texts:
        return [0.0] * len(texts)
    params = [words, config, fold(words), namespace, namespace, config, texts, [fold(text) for text in texts]]
    with read_connection().cursor() as cursor:
        cursor.execute(COVERAGE_SQL, params)
        found = {int(ordinal): float(share or 0.0) for ordinal, share in cursor.fetchall()}
    return [found.get(index + 1, 0.0) for index in range(len(texts))]


def coverage(text: str, patterns: list[re.Pattern]) -> float:
    """Share of the query's words in the text (0 when the query has none worth counting)."""
    if not patterns:
        return 0.0
    return sum(bool(pattern.search(text)) for pattern in patterns) / len(patterns)


def find_answer(
    results,
    q: str,
    query_vector: np.ndarray | None,
    *,
    min_score: float | None = None,
    namespace: str = SITE_NAMESPACE,
    config: str = "english",
) -> tuple[Answer | None, AnswerCost]:
    """The best-scoring sentence of the top results that passes the checks of the module's docstring, if it clears
    `min_score` (SEARCH_ANSWER_MIN_SCORE unless given: the evaluation passes -inf to see every score), else None.
    `namespace` and `config` (the query's text search configuration) are those the search used."""
    cost = AnswerCost()
    if query_vector is None or not results:
        return None, cost
    terms = query_terms(q)
    sentences = [s for s in candidate_sentences(results, terms) if not FACT_LINE.match(s.text)]
    cost.sentences = len(sentences)
    if not sentences:
        return None, cost
    kind = question_kind(q)
    texts = [_with_neighbour(s) for s in sentences]
    # A profile answers "who" by its title: "Rift Valley Pollinator Trust: Beekeepers who plant hedgerows ...".
    answering = [
        i
        for i, text in enumerate(texts)
        if has_cue(kind, text, q) or (kind == "name" and sentences[i].result.content_type in PROFILE_TYPES)
    ]
    if not answering:
        return None, cost
    vectors, cost.encoded = sentence_vectors.vectors([s.text for s in sentences])
    similarity = vectors @ np.asarray(query_vector, dtype=np.float32)
    patterns = term_patterns(terms)
    scores = {
        i: float(similarity[i])
        + LEXICAL_WEIGHT * coverage(sentences[i].text, patterns)
        - RANK_PENALTY * sentences[i].rank
        for i in answering
    }
    contexts = [
        " ".join(filter(None, (texts[i], sentences[i].passage.heading, sentences[i].result.title)))
        for i in answering
    ]
    covered = term_coverage(q, contexts, namespace=namespace, config=config)
    answering = [
        i
        for i, share in zip(answering, covered, strict=True)
        if share >= settings.SEARCH_ANSWER_MIN_TERM_COVERAGE
    ]
    if not answering:
        return None, cost
    best = max(answering, key=lambda i: (scores[i], -i))
    if scores[best] < (settings.SEARCH_ANSWER_MIN_SCORE if min_score is None else min_score):
        return None, cost
    chosen = sentences[best]
    text = texts[best]
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
