"""Did you mean: query words the index has never seen, corrected from the index's own vocabulary.

The vocabulary is knowledge.models.WordStat: the surface words of the indexed chunks with the number of chunks
holding each, kept exact on the write path (lexemes are stems such as "sequestr", which cannot be shown). A
query word of letters only, at least MIN_WORD long and absent from the vocabulary, is compared with the words
of about its length that share its first letter or its last two (the usual typo keeps one end), by optimal
string alignment distance (a swap of two letters counts one), at most 1 for words up to 5 letters and 2 beyond;
the closest wins (see rank_candidates for ties), weighted by frequency among equals. A correction is offered only
if a chunk that is visible now contains it: the index may hold a source for a moment after it was hidden, and no
word may come from one. Per language: the vocabulary is counted per locale, so a search of one locale takes as
misspelled the words its locale's pages never use ("climat" on the English pages) and corrects them only into
words of that locale (a French query is never "corrected" into an English word); a word that differs from a
known one by its accents only ("vegetaux" for "végétaux") is not a misspelling: search folds accents already.

The vocabulary holds the words of public content only (knowledge/store.py counts public chunks), so an anonymous
visitor is never offered, nor told apart by, a word only members' content contains. A signed-in member's words
that their own spaces hold are not misspellings either: for them (`keep_seen_words`) the words typed are checked
against the chunks they may see in the same statement that checks the corrections.

Costs: one statement when every word is known (the common case); two when a correction is offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA, Indel

from cms.replica import read_connection
from knowledge.folding import fold

from . import syntax
from .highlight import STOP_WORDS

MIN_WORD = 4
CANDIDATES_PER_WORD = 3000  # vocabulary rows read per unknown word at most (the most frequent first)
VERIFIED_PER_WORD = 5  # closest candidates checked for visibility (and locale) per word
LETTERS = re.compile(r"^[^\W\d_]+$", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

CANDIDATES_SQL = """
    WITH asked(word) AS (SELECT DISTINCT unnest(%(words)s::text[])),
    unknown AS (
        SELECT a.word FROM asked a
        WHERE NOT EXISTS (
            SELECT 1 FROM knowledge_wordstat k
            WHERE k.namespace = %(namespace)s AND k.locale = %(locale)s AND k.word = a.word AND k.ndoc > 0
        )
    )
    SELECT u.word, c.word, c.ndoc
    FROM unknown u CROSS JOIN LATERAL (
        SELECT k.word, k.ndoc FROM knowledge_wordstat k
        WHERE k.namespace = %(namespace)s AND k.locale = %(locale)s AND k.ndoc > 0
          AND length(k.word) BETWEEN length(u.word) - 2 AND length(u.word) + 2
          AND (left(k.word, 1) = left(u.word, 1) OR right(k.word, 2) = right(u.word, 2))
        ORDER BY k.ndoc DESC, k.word
        LIMIT %(limit)s
    ) c
"""


@dataclass(frozen=True)
class Spelling:
    suggestion: str  # the query with its unknown words corrected
    corrections: tuple[tuple[str, str], ...]  # (word typed, word suggested)
    applied: bool = False  # True: the results shown are those of the suggestion


def checked_words(q: str) -> list[str]:
    """The free words of a query worth checking: letters only, long enough, not stop words; phrases and
    -exclusions are the visitor's exact wording and are left alone."""
    words = []
    for token in syntax.tokens(q):
        if syntax.is_exclusion(token) or syntax.is_phrase(token) or syntax.is_operator(token):
            continue
        for word in WORD.findall(token.lower()):
            if len(word) >= MIN_WORD and LETTERS.match(word) and word not in STOP_WORDS and word not in words:
                words.append(word)
    return words


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def rank_candidates(word: str, rows) -> list[str]:
    """Candidates within the word's distance, closest first; among equals the one reached with fewer inserted
    and deleted letters (a substitution counts two: typing drops and doubles letters more often than it
    replaces them, so "fertilizr" is "fertiliser" rather than "fertility"), then the most frequent."""
    limit = max_distance(word)
    scored = []
    for candidate, ndoc in rows:
        distance = OSA.distance(word, candidate, score_cutoff=limit)
        if distance <= limit:
            scored.append((distance, Indel.distance(word, candidate), -ndoc, candidate))
    return [candidate for *_, candidate in sorted(scored)]


def suggest(
    q: str,
    namespace: str,
    visible_sql: str,
    visible_params: list,
    locale: str = "",
    *,
    keep_seen_words: bool = False,
) -> Spelling | None:
    """A corrected query, or None when every word is known or nothing close and visible exists; `locale` (a site
    locale, "" for every one) is the searched locale, whose visible chunks must contain the correction. With
    `keep_seen_words`, a word typed that a visible chunk contains (a member's own content) is left alone."""
    words = checked_words(q)
    if not words:
        return None
    with read_connection().cursor() as cursor:
        cursor.execute(
            CANDIDATES_SQL,
            {"words": words, "namespace": namespace, "locale": locale, "limit": CANDIDATES_PER_WORD},
        )
        rows = cursor.fetchall()
        candidates: dict[str, list[tuple[str, int]]] = {}
        for word, candidate, ndoc in rows:
            candidates.setdefault(word, []).append((candidate, ndoc))
        ranked = {
            word: found[:VERIFIED_PER_WORD]
            for word in words
            if word in candidates
            and (found := rank_candidates(word, candidates[word]))
            and not any(fold(candidate) == fold(word) for candidate in found)  # only its accents differ
        }
        if not ranked:
            return None
        typed = set(ranked) if keep_seen_words else set()
        visible = _visible_words(
            cursor,
            sorted({c for found in ranked.values() for c in found} | typed),
            namespace,
            visible_sql,
            visible_params,
            locale,
        )
    corrections = []
    for word in words:
        if word in typed and word in visible:
            continue
        chosen = next((candidate for candidate in ranked.get(word, []) if candidate in visible), None)
        if chosen:
            corrections.append((word, chosen))
    if not corrections:
        return None
    return Spelling(suggestion=corrected_query(q, dict(corrections)), corrections=tuple(corrections))


def _visible_words(
    cursor, words: list[str], namespace: str, visible_sql: str, visible_params: list, locale: str = ""
) -> set[str]:
    """The words that a chunk of a visible source (of `locale`, when given) contains as written (its stem found
    through the full-text index, then the surface word in the chunk's own words)."""
    cursor.execute(
        f"""
        SELECT w.word FROM unnest(%s::text[]) AS w(word)
        WHERE EXISTS (
            SELECT 1 FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.namespace = %s AND c.search_vector @@ plainto_tsquery('english', w.word)
              AND to_tsvector('simple', c.heading || ' ' || c.text) @@ plainto_tsquery('simple', w.word)
              AND (%s = '' OR %s = ANY(c.locales))
              AND {visible_sql}
        )
        """,
        [words, namespace, locale, locale, *visible_params],
    )
    return {row[0] for row in cursor.fetchall()}


def corrected_query(q: str, corrections: dict[str, str]) -> str:
    """The query with each corrected word replaced where it stands as a free word (not in phrases or
    -exclusions)."""
    tokens = []
    for token in syntax.tokens(q):
        if not (syntax.is_exclusion(token) or syntax.is_phrase(token)):
            token = WORD.sub(lambda match: corrections.get(match.group(0).lower(), match.group(0)), token)
        tokens.append(token)
    return " ".join(tokens)
