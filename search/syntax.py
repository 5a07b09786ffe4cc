"""The search box's syntax, defined once for ranking, highlighting and spelling.

Free words are alternatives (any may match), "quoted phrases" must match, and a -exclusion must not; OR is
accepted and ignored (words are OR-ed anyway). A minus starts an exclusion only before a letter or a quote:
-peat and -"peat bog" exclude, while a sign before a number is part of the words, as in "E2f-1, -2, -3 cells" or
"-5 degrees" (a visitor who writes that asks about the variants or the temperature, not for pages without "2").
"""

from __future__ import annotations

import re

TOKEN = re.compile(r'-?"[^"]*"|-?\S+')

# What a query may be, for every way in (the search page, its answer and suggestions, /api/search/, the
# ?search= of /api/v2/ listings): PostgreSQL cannot hold a NUL in text, other control characters are never typed,
# and an unbounded query costs unbounded work (Wagtail's database search recursed past Python's limit at 200
# words). The longest SciFact question has 39 words.
MAX_QUERY_LENGTH = 500
MAX_QUERY_WORDS = 48


CONTROL_CLASS = r"[\x00-\x08\x0e-\x1f\x7f-\x9f]"
CONTROL_CHARACTERS = re.compile(CONTROL_CLASS)


class QueryError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def clean_query(q: str, *, name: str = "q") -> str:
    """The query as searched, whitespace runs made one space; QueryError names what is wrong with it."""
    if CONTROL_CHARACTERS.search(q or ""):
        raise QueryError(
            f"{name} contains a control character (such as a null byte): remove it and search again."
        )
    q = " ".join((q or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError(f"{name} is longer than {MAX_QUERY_LENGTH} characters: shorten it.")
    if len(q.split()) > MAX_QUERY_WORDS:
        raise QueryError(f"{name} has more than {MAX_QUERY_WORDS} words: shorten it.")
    return q


# The same rules as a regular expression, for the API's schema (a client can check a query before sending it):
# at least one word, no control character, at most MAX_QUERY_WORDS runs of non-space characters.
QUERY_PATTERN = rf"^(?![\s\S]*{CONTROL_CLASS})\s*(?:\S+\s+){{0,{MAX_QUERY_WORDS - 1}}}\S+\s*$"


def without_control_characters(q: str) -> str:
    """For text that is only recorded or shown, never refused (a clicked result's query in the search log)."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", q or "").split())


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
