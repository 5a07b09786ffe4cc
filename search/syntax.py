"""The search box's syntax, defined once for ranking, highlighting and spelling.

Free words are alternatives (any may match), "quoted phrases" must match, and a -exclusion must not; OR is
accepted and ignored (words are OR-ed anyway). A minus starts an exclusion only before a letter or a quote:
-peat and -"peat bog" exclude, while a sign before a number is part of the words, as in "E2f-1, -2, -3 cells" or
"-5 degrees" (a visitor who writes that asks about the variants or the temperature, not for pages without "2").
"""

from __future__ import annotations

import re

TOKEN = re.compile(r'-?"[^"]*"|-?\S+')


def tokens(q: str) -> list[str]:
    return TOKEN.findall(q or "")


def is_exclusion(token: str) -> bool:
    return len(token) > 1 and token[0] == "-" and (token[1] == '"' or token[1].isalpha())


def is_phrase(token: str) -> bool:
    return token.startswith('"')


def is_operator(token: str) -> bool:
    return token.upper() == "OR"


def parse(q: str) -> tuple[str, list[str], list[str]]:
    """Split a query into free words (one string), "quoted phrases" (required) and -exclusions (forbidden)."""
    words, phrases, excluded = [], [], []
    for token in tokens(q):
        negated = is_exclusion(token)
        body = token[1:] if negated else token
        phrase = is_phrase(body)
        body = body.strip('"').strip()
        if not body or is_operator(body):
            continue
        if negated:
            excluded.append(body)
        elif phrase:
            phrases.append(body)
        else:
            words.append(body)
    return " ".join(words), phrases, excluded
