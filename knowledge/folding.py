"""Accent folding, done in Python on both sides of keyword search: the embedded PostgreSQL has no `unaccent`.

Chunks are indexed in their language's text search configuration from folded text and queries are folded the
same way, so `vegetaux` finds `végétaux` and `sequia` finds `sequía`. Folding keeps one character per
character, so a match found in folded text marks the same span of the original (search/highlight.py).
"""

from __future__ import annotations

import functools
import unicodedata

# Letters that do not decompose into a base letter and a mark.
_SPECIAL = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ß": "s",
    "æ": "a",
    "Æ": "A",
    "œ": "o",
}


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed and unicodedata.combining(decomposed[0]) == 0 else char


def fold(text: str) -> str:
    """`text` without accents, one character for each character of `text`."""
    if text.isascii():
        return text
    return "".join(_fold_char(char) for char in text)
