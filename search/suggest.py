"""Title suggestions while typing: word-prefix matches on titles of visible site content.

Used by the search page's autocomplete (/search/suggest/) and by the API. Only what the viewer may see is
suggested (the same SQL predicate as search: live, public pages and visible documents for an anonymous visitor,
with their spaces' for a member), page URLs are resolved now. Nothing is escaped
here: the result is data (JSON), and the page inserts it with textContent.
"""

from __future__ import annotations

import re

from cms.replica import read_connection
from cms.visibility import ANONYMOUS, Viewer
from knowledge.models import SITE_NAMESPACE, source_visible_sql

from .params import content_type_label
from .service import page_urls

MIN_CHARS = 2
MAX_WORDS = 8
WORD = re.compile(r"\w+", re.UNICODE)


def _tsquery(words: list[str]) -> str:
    """'cover' & 'crop':* -- every word quoted (no operator can slip in), the last one a prefix."""
    return " & ".join(
        f"'{word}'" + (":*" if index == len(words) - 1 else "") for index, word in enumerate(words)
    )


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def suggest_titles(q: str, *, limit: int = 8, locale: str = "", viewer: Viewer = ANONYMOUS) -> list[dict]:
    """Up to `limit` {"title", "url", "type"} for titles whose words start with the words typed, in `locale`'s
    pages and the documents they use ("" = every locale).

    Ranked: titles that start with the text typed, then titles whose first word matches, then by text rank,
    shorter titles first. Titles are deduplicated (case-insensitively).
    """
    text = " ".join((q or "").split())
    if len(text) < MIN_CHARS or limit < 1:
        return []
    words = [word.lower() for word in WORD.findall(text)][:MAX_WORDS]
    if not words:
        return []
    visible_sql, visible_params = source_visible_sql("s", viewer)
    sql = f"""
        SELECT s.id, s.title, s.url, s.content_type, s.page_id
        FROM knowledge_source s, to_tsquery('simple', %s) query
        WHERE s.namespace = %s
          AND (to_tsvector('simple', s.title) @@ query OR s.title ILIKE %s)
          AND {visible_sql}
          AND (%s = '' OR %s = ANY(s.locales))
        ORDER BY (s.title ILIKE %s) DESC,
                 (lower(s.title) LIKE %s) DESC,
                 ts_rank(to_tsvector('simple', s.title), query) DESC,
                 length(s.title), s.title, s.id
        LIMIT %s
    """
    prefix = _like_prefix(text)
    first_word = _like_prefix(words[0])
    with read_connection().cursor() as cursor:
        cursor.execute(
            sql,
            [
                _tsquery(words),
                SITE_NAMESPACE,
                prefix,
                *visible_params,
                locale,
                locale,
                prefix,
                first_word,
                4 * limit,
            ],
        )
        rows = cursor.fetchall()

    live = page_urls([page_id for *_, page_id in rows if page_id])
    suggestions: list[dict] = []
    seen: set[str] = set()
    for _pk, title, url, content_type, page_id in rows:
        key = " ".join(title.lower().split())
        if key in seen:
            continue
        url = live.get(page_id, "") if page_id else url
        if not url:
            continue  # a page without a URL (not routable in any site): nothing to link to
        seen.add(key)
        suggestions.append(
            {
                "title": title,
                "url": url,
                "type": content_type,
                "type_label": content_type_label(content_type),
            }
        )
        if len(suggestions) >= limit:
            break
    return suggestions
