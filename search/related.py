"""Related content from stored vectors: no embedding work at request time, one query per page.

Each source stores its profile (the normalised mean of its chunk vectors, computed at index time); its neighbours
are the sources with the closest profiles, from the HNSW index on knowledge_source (filtered by type, visible
to the viewer only, never itself: a member reading a page also sees their spaces' neighbours; such a page is never
in the shared page cache, which serves visitors without a session only). A page asks for several types at once ("related projects, webinars and resources"): one
statement returns the top few of each type, with their first passage and their page's current URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from cms.visibility import ANONYMOUS, Viewer, page_visible_sql
from knowledge.embeddings import current_model_key
from knowledge.models import SITE_NAMESPACE, Source, source_visible_sql
from knowledge.store import sql_literal, stored_dimension

from .retrieval import run_with_hnsw_settings
from .service import url_for_path

LINKS_GROUP = "see-also"


@dataclass(frozen=True)
class Links:
    """Where a page's explicit links are stored: the many-to-many table, its owner and target columns (from the
    model's `_meta`, never from input) and the owner page's id."""

    table: str
    owner_column: str
    target_column: str
    owner_id: int


def links_of(page, field_name: str = "related_pages") -> Links | None:
    field = next((f for f in page._meta.many_to_many if f.name == field_name), None)
    if field is None:
        return None
    through = field.remote_field.through._meta
    return Links(
        table=through.db_table,
        owner_column=field.m2m_column_name(),
        target_column=field.m2m_reverse_name(),
        owner_id=page.pk,
    )


def _links_sql(links: Links, viewer: Viewer) -> tuple[str, list]:
    visible, params = page_visible_sql("p.id", viewer)
    qn = connection.ops.quote_name
    return (
        f"""
        UNION ALL
        SELECT {sql_literal(LINKS_GROUP)}, NULL::bigint, 'page', p.id::text, p.id, NULL::integer, p.title, '', '',
               0::float8, NULL::text, p.url_path
        FROM {qn(links.table)} t JOIN wagtailcore_page p ON p.id = t.{qn(links.target_column)}
        WHERE t.{qn(links.owner_column)} = %s AND {visible}
        """,
        [links.owner_id, *params],
    )


@dataclass
class RelatedItem:
    source_id: int
    kind: str
    object_id: str
    page_id: int | None
    document_id: int | None
    title: str
    url: str
    type: str
    score: float
    snippet: str


def related_sources(
    namespace: str,
    where: str,
    where_params: list,
    *,
    types: tuple[str, ...] = (),
    limit: int = 5,
    request=None,
    links: Links | None = None,
    viewer: Viewer = ANONYMOUS,
) -> dict[str, list[RelatedItem]]:
    """Neighbours of the source selected by `where` (on knowledge_source, alias me), grouped by type, in its
    locales (a French page's related content is French pages and the documents they use).

    With `types`, up to `limit` of each type ({type: items}); without, the `limit` closest of any type
    ({"": items}). With `links`, the same statement also returns the page's own visible "See also" links, under
    LINKS_GROUP, in title order (no extra query on the page view)."""
    model_key = current_model_key()
    dimension = stored_dimension(model_key)
    groups = list(types) or [""]
    if dimension is None and links is None:  # nothing indexed with this model yet
        return {group: [] for group in groups}
    if dimension is None:
        dimension = 1  # no profile matches: the neighbour part finds nothing, the links part still runs
    visible_sql, visible_params = source_visible_sql("s", viewer)
    links_sql, links_params = _links_sql(links, viewer) if links is not None else ("", [])
    # Model, namespace and dimension are literals so the planner matches the partial HNSW index on profiles.
    model, namespace_sql, dim = sql_literal(model_key), sql_literal(namespace), int(dimension)
    rows = run_with_hnsw_settings(
        f"""
        WITH me AS MATERIALIZED (
            SELECT me.id, me.namespace, me.profile, me.locales FROM knowledge_source me
            WHERE {where} AND me.namespace = {namespace_sql} AND me.profile IS NOT NULL AND me.model_name = {model}
            LIMIT 1
        )
        SELECT g.type, n.id, n.kind, n.object_id, n.page_id, n.document_id, n.title, n.url, n.content_type, n.distance,
               (SELECT c.text FROM knowledge_chunk c WHERE c.source_id = n.id ORDER BY c.position LIMIT 1),
               (SELECT p.url_path FROM wagtailcore_page p WHERE p.id = n.page_id)
        FROM me CROSS JOIN unnest(%s::varchar[]) AS g(type)
        CROSS JOIN LATERAL (
            SELECT s.id, s.kind, s.object_id, s.page_id, s.document_id, s.title, s.url, s.content_type,
                   s.profile::halfvec({dim}) <=> me.profile::halfvec({dim}) AS distance
            FROM knowledge_source s
            WHERE s.model_name = {model} AND s.namespace = {namespace_sql} AND s.id <> me.id
              AND s.profile IS NOT NULL AND (g.type = '' OR s.content_type = g.type) AND {visible_sql}
              AND s.locales && me.locales
            ORDER BY s.profile::halfvec({dim}) <=> me.profile::halfvec({dim})
            LIMIT %s
        ) n
        {links_sql}
        ORDER BY 1, 10, 7
        """,
        [*where_params, groups, *visible_params, limit, *links_params],
    )
    grouped: dict[str, list[RelatedItem]] = {group: [] for group in groups}
    if links is not None:
        grouped[LINKS_GROUP] = []
    for (
        group,
        pk,
        kind,
        object_id,
        page_id,
        document_id,
        title,
        url,
        content_type,
        distance,
        text,
        url_path,
    ) in rows:
        grouped[group].append(
            RelatedItem(
                source_id=pk,
                kind=kind,
                object_id=object_id,
                page_id=page_id,
                document_id=document_id,
                title=title,
                url=(url_for_path(page_id, url_path, request) or "") if page_id else url,
                type=content_type,
                score=round(1.0 - float(distance), 4),
                snippet=_shorten(text or ""),
            )
        )
    return grouped


def related_to_source(
    source: Source, *, types: tuple[str, ...] = (), limit: int = 5, viewer: Viewer = ANONYMOUS
) -> list[RelatedItem]:
    """The `limit` closest sources of the given types (any type when empty), closest first."""
    groups = related_sources(
        source.namespace, "me.id = %s", [source.pk], types=types, limit=limit, viewer=viewer
    )
    items = [item for group in groups.values() for item in group]
    return sorted(items, key=lambda item: -item.score)[:limit]


def related_to_page(
    page_id: int,
    *,
    types: tuple[str, ...] = (),
    limit: int = 5,
    request=None,
    links: Links | None = None,
    viewer: Viewer = ANONYMOUS,
) -> dict[str, list[RelatedItem]]:
    """Related content of a page, per type: {type: items} (or {"": items} without types); with `links`, its
    visible "See also" links too, under LINKS_GROUP; all of it what `viewer` may see."""
    return related_sources(
        SITE_NAMESPACE,
        "me.kind = 'page' AND me.object_id = %s",
        [str(page_id)],
        types=types,
        limit=limit,
        request=request,
        links=links,
        viewer=viewer,
    )


def _shorten(text: str, length: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: text.rfind(" ", 0, length)] + " …"
