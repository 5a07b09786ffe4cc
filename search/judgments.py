"""The site's own relevance judgments: which visitor queries to judge, the qrels they make, and their scores.

Editors judge the top 10 of a query as visitors see it (search.service.search: same visibility, every locale);
each verdict is a RelevanceJudgment keyed "<kind>:<object id>". A judged query counts in the score once at least
one of its results is marked relevant (a query with no relevant result has no ideal ranking: nDCG is undefined);
the metrics are those of search/evaluation.py, so the site's figures read like the dataset ones.

A configuration is a search mode plus tuning values (search.service.tuning()); comparing two runs the same judged
queries, with each query embedded once for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from knowledge.embeddings import get_embedder

from .evaluation import mrr_at, ndcg_at
from .models import RelevanceJudgment, normalize_query
from .service import SearchQuery, SearchResult, search

JUDGED_DEPTH = 10
MAX_EVALUATED_QUERIES = 500


@dataclass(frozen=True)
class Configuration:
    name: str
    label: str
    mode: str = "hybrid"
    tuning: tuple[tuple[str, float], ...] = ()


def configurations() -> dict[str, Configuration]:
    """The configurations the report and `evaluate_search --site` offer; "hybrid" is the site as it runs."""
    vector, keyword = settings.SEARCH_VECTOR_WEIGHT, settings.SEARCH_KEYWORD_WEIGHT
    options = [
        Configuration("hybrid", "Hybrid (current settings)"),
        Configuration("semantic", "Semantic only", mode="semantic"),
        Configuration("keyword", "Keyword only", mode="keyword"),
        Configuration(
            "hybrid-keyword-x2",
            f"Hybrid, keyword weight doubled ({keyword:g} -> {2 * keyword:g})",
            tuning=(("keyword_weight", 2 * keyword),),
        ),
        Configuration(
            "hybrid-vector-x2",
            f"Hybrid, vector weight doubled ({vector:g} -> {2 * vector:g})",
            tuning=(("vector_weight", 2 * vector),),
        ),
    ]
    return {option.name: option for option in options}


def result_key(result: SearchResult) -> str:
    return f"{result.kind}:{result.object_id}"


def top_results(
    q: str, configuration: Configuration | None = None, *, query_vector=None
) -> list[SearchResult]:
    """The first page a visitor gets for `q` (every locale), under `configuration` (default: the site's)."""
    configuration = configuration or configurations()["hybrid"]
    response = search(
        SearchQuery(
            q=q,
            mode=configuration.mode,
            tuning=configuration.tuning,
            page_size=JUDGED_DEPTH,
            facets=False,
        ),
        query_vector=query_vector if configuration.mode != "keyword" else None,
    )
    return response.results


def judgments_for(q: str) -> dict[str, RelevanceJudgment]:
    return {j.result_key: j for j in RelevanceJudgment.objects.filter(query=normalize_query(q))}


def save_judgments(q: str, verdicts: dict[str, bool | None], titles: dict[str, str]) -> int:
    """Store the verdicts of one query ({key: True/False}; None clears one); returns how many changed."""
    query = normalize_query(q)
    changed = 0
    for key, verdict in verdicts.items():
        if verdict is None:
            changed += RelevanceJudgment.objects.filter(query=query, result_key=key).delete()[0]
            continue
        judgment, created = RelevanceJudgment.objects.get_or_create(
            query=query, result_key=key, defaults={"relevant": verdict, "title": titles.get(key, "")[:255]}
        )
        if created:
            changed += 1
        elif judgment.relevant != verdict:
            judgment.relevant = verdict
            judgment.title = titles.get(key, judgment.title)[:255]
            judgment.judged_at = timezone.now()
            judgment.save(update_fields=["relevant", "title", "judged_at"])
            changed += 1
    return changed


def site_qrels() -> dict[str, dict[str, int]]:
    """{query: {result key: 1 or 0}} for every judged query with at least one relevant result."""
    qrels: dict[str, dict[str, int]] = {}
    for query, key, relevant in RelevanceJudgment.objects.values_list("query", "result_key", "relevant"):
        qrels.setdefault(query, {})[key] = int(relevant)
    return {query: gains for query, gains in qrels.items() if any(gains.values())}


@dataclass
class SiteScore:
    configuration: Configuration
    queries: int = 0
    ndcg: float = 0.0
    mrr: float = 0.0
    per_query: dict[str, tuple[float, float]] = field(default_factory=dict)  # query -> (nDCG@10, MRR@10)


def evaluate_site(names: list[str], qrels: dict[str, dict[str, int]] | None = None) -> list[SiteScore]:
    """nDCG@10 and MRR@10 of each named configuration over the same judged queries."""
    options = configurations()
    unknown = [name for name in names if name not in options]
    if unknown:
        raise KeyError(f"unknown configuration {unknown[0]!r}: use one of {', '.join(options)}")
    qrels = site_qrels() if qrels is None else qrels
    queries = sorted(qrels)[:MAX_EVALUATED_QUERIES]
    scores = [SiteScore(options[name]) for name in names]
    needs_vector = any(score.configuration.mode != "keyword" for score in scores)
    embedder = get_embedder() if needs_vector else None
    for query in queries:
        vector = embedder.embed_query(query) if embedder else None
        for score in scores:
            ranking = [result_key(r) for r in top_results(query, score.configuration, query_vector=vector)]
            score.per_query[query] = (
                ndcg_at(ranking, qrels[query], JUDGED_DEPTH),
                mrr_at(ranking, qrels[query], JUDGED_DEPTH),
            )
    for score in scores:
        score.queries = len(queries)
        if queries:
            score.ndcg = sum(n for n, _ in score.per_query.values()) / len(queries)
            score.mrr = sum(m for _, m in score.per_query.values()) / len(queries)
    return scores
