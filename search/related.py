"""Related content from stored vectors: no embedding work at request time.

A source's profile is the normalised mean of its chunk vectors; its neighbours come from the same HNSW index
as search (filtered by type, visible only, never itself), grouped so each page appears once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from knowledge.embeddings import current_model_key
from knowledge.models import SITE_NAMESPACE, Chunk, Source
from knowledge.store import sql_literal, vector_text
from knowledge.visibility import visible_source_sql

from .service import live_urls


@dataclass
class RelatedItem:
    source_id: int
    page_id: int | None
    title: str
    url: str
    type: str
    score: float
    snippet: str


def source_profile(source: Source) -> list[float] | None:
    """Mean of the source's vectors (cosine neighbours of the mean = closest overall topic)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT avg(embedding::vector)::text, count(*) FROM knowledge_chunk "
            "WHERE source_id = %s AND model_name = %s",
            [source.pk, current_model_key()],
        )
        text, count = cursor.fetchone()
    if not count:
        return None
    return [float(x) for x in text.strip("[]").split(",")]


def related_to_source(source: Source, *, types: tuple[str, ...] = (), limit: int = 5) -> list[RelatedItem]:
    profile = source_profile(source)
    if profile is None:
        return []
    dimension = len(profile)
    literal = vector_text(profile)
    visible_sql, visible_params = visible_source_sql("s")
    type_sql = "AND c.content_type = ANY(%s::varchar[])" if types else ""
    type_params = [list(types)] if types else []
    sql = f"""
        WITH nearest AS MATERIALIZED (
            SELECT c.source_id, c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension}) AS distance
            FROM knowledge_chunk c JOIN knowledge_source s ON s.id = c.source_id
            WHERE c.model_name = {sql_literal(current_model_key())} AND c.namespace = {sql_literal(source.namespace)}
              AND c.source_id <> %s {type_sql} AND {visible_sql}
            ORDER BY c.embedding::halfvec({dimension}) <=> %s::halfvec({dimension})
            LIMIT %s
        )
        SELECT source_id, min(distance) AS distance FROM nearest GROUP BY source_id ORDER BY distance LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute("SET hnsw.iterative_scan = relaxed_order")
        cursor.execute(sql, [literal, source.pk, *type_params, *visible_params, literal, limit * 8, limit])
        rows = cursor.fetchall()
    sources = Source.objects.in_bulk([source_id for source_id, _ in rows])
    urls = live_urls(sources.values())
    first_chunks = {
        chunk.source_id: chunk.text
        for chunk in Chunk.objects.filter(source_id__in=list(sources), position=0).only("source_id", "text")
    }
    items = []
    for source_id, distance in rows:
        related = sources.get(source_id)
        if related is None:
            continue
        items.append(
            RelatedItem(
                source_id=source_id,
                page_id=related.page_id,
                title=related.title,
                url=urls.get(source_id, related.url),
                type=related.content_type,
                score=round(1.0 - float(distance), 4),
                snippet=_shorten(first_chunks.get(source_id, "")),
            )
        )
    return items


def related_to_page(page_id: int, *, types: tuple[str, ...] = (), limit: int = 5) -> list[RelatedItem]:
    source = Source.objects.filter(
        namespace=SITE_NAMESPACE, kind=Source.Kind.PAGE, object_id=str(page_id)
    ).first()
    if source is None:
        return []
    return related_to_source(source, types=types, limit=limit)


def _shorten(text: str, length: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: text.rfind(" ", 0, length)] + " …"
