"""The search box's syntax (search/syntax.py), shared by ranking, highlighting and spelling."""

from __future__ import annotations

import pytest

from search import syntax
from search.highlight import query_terms
from search.spelling import checked_words


@pytest.mark.parametrize(
    ("q", "parsed"),
    [
        ("cover crops -vineyards", ("cover crops", [], ["vineyards"])),
        ('"soil organic carbon" -"peat bog" OR biochar', ("biochar", ["soil organic carbon"], ["peat bog"])),
        # A sign before a number is part of the words: variants and temperatures, not exclusions.
        ("Differentiated E2f-1, -2, -3 TKO cells", ("Differentiated E2f-1, -2, -3 TKO cells", [], [])),
        ("yields at -5 degrees", ("yields at -5 degrees", [], [])),
        ("- alone -", ("- alone -", [], [])),
    ],
)
def test_parse(q, parsed):
    assert syntax.parse(q) == parsed


def test_highlighting_and_spelling_read_the_same_exclusions():
    q = 'agroforesty "soil carbon" -grazing E2f-1, -2'
    assert "grazing" not in query_terms(q) and "2" in query_terms(q)  # -2 is a word to show, -grazing is not
    assert checked_words(q) == ["agroforesty"]  # phrases and exclusions are left as typed
