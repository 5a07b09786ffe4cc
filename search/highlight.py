"""Highlighting query words in passages. Content and queries are untrusted: every piece of text is escaped,
and the only markup added is <mark>."""

from __future__ import annotations

import re

from django.utils.html import escape

from knowledge.folding import fold

from . import syntax

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "about",
        "over",
        "under",
        "than",
        "then",
    ]
)
# French and Spanish ones too (accents folded, as terms are): a French query must not mark every "les".
STOP_WORDS |= frozenset(
    [
        "au",
        "aux",
        "ce",
        "ces",
        "comment",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "mais",
        "ou",
        "par",
        "pas",
        "plus",
        "pour",
        "quel",
        "quelle",
        "quels",
        "qui",
        "que",
        "quoi",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "un",
        "une",
    ]
)
STOP_WORDS |= frozenset(
    [
        "al",
        "como",
        "con",
        "cual",
        "cuales",
        "de",
        "del",
        "donde",
        "el",
        "ella",
        "en",
        "es",
        "esta",
        "este",
        "hay",
        "la",
        "las",
        "lo",
        "los",
        "mas",
        "no",
        "o",
        "para",
        "pero",
        "por",
        "que",
        "se",
        "sin",
        "sobre",
        "son",
        "su",
        "sus",
        "un",
        "una",
        "y",
    ]
)
WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(q: str) -> list[str]:
    """Words worth highlighting: no stop words, none the visitor excluded with -word, no operators."""
    terms: list[str] = []
    for token in syntax.tokens(q):
        if syntax.is_exclusion(token) or syntax.is_operator(token):
            continue
        for word in WORD.findall(fold(token.lower())):
            if (len(word) > 1 or word.isdigit()) and word not in STOP_WORDS and word not in terms:
                terms.append(word)
    return terms


def _alternative(term: str) -> str:
    # A light stem: "crops" also marks "crop" and "cropping"; short words must match whole.
    stem = term[: max(4, len(term) - 2)] if len(term) >= 5 else term
    return re.escape(stem) + (r"\w*" if len(term) >= 5 else "")


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = [_alternative(term) for term in sorted(terms, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE | re.UNICODE)


def term_patterns(terms: list[str]) -> list[re.Pattern]:
    """One pattern per query word, matching as highlighting does: which words a text contains."""
    return [re.compile(r"\b" + _alternative(term) + r"\b", re.IGNORECASE | re.UNICODE) for term in terms]


def mark_terms(text: str, terms: list[str]) -> str:
    """The whole text escaped, with the query words wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight_passage(text: str, terms: list[str], *, max_chars: int = 420) -> str:
    """Escaped passage around the first match, with matches wrapped in <mark>. Matching ignores accents
    (terms are folded, and so is the text, character for character): `vegetaux` marks `végétaux`."""
    pattern = _pattern([fold(term) for term in terms])
    matches = list(pattern.finditer(fold(text))) if pattern else []
    start = 0
    if matches and matches[0].start() > max_chars // 3:
        start = text.rfind(" ", 0, matches[0].start() - max_chars // 4) + 1
    end = min(len(text), start + max_chars)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + max_chars // 2)
    parts: list[str] = ["&hellip; " if start > 0 else ""]
    position = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" &hellip;")
    return "".join(parts)
