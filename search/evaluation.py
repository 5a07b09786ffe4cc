"""Retrieval evaluation on BEIR-layout datasets, with trec_eval semantics.

nDCG@k uses graded gains as given in the qrels and the log2(rank + 1) discount, over the ideal ordering of
the judged documents; Recall@k divides by the number of relevant documents; MRR@k is the reciprocal rank of
the first relevant document within the top k (0 beyond). Every query of the qrels counts (a query with no
result scores 0), as `trec_eval -c`. A document whose id equals the query id is dropped (BEIR convention).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Dataset:
    name: str
    corpus_path: Path
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_dataset(directory: Path, split: str) -> Dataset:
    directory = Path(directory)
    if split == "train":
        queries_path, qrels_path = directory / "queries.train.jsonl", directory / "qrels.train.tsv"
    elif split == "test":
        queries_path, qrels_path = directory / "queries.jsonl", directory / "qrels.tsv"
    else:
        raise ValueError(f"unknown split {split!r}: use train or test")
    corpus_path = directory / "corpus.jsonl"
    for path in (corpus_path, queries_path, qrels_path):
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing (expected BEIR layout for the {split} split)")
    qrels: dict[str, dict[str, int]] = {}
    with qrels_path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            parts = line.rstrip("\n").split("\t")
            if line_number == 1 and parts[0] == "query-id":
                continue
            if len(parts) != 3:
                raise ValueError(f"{qrels_path}:{line_number}: expected 'query-id<TAB>corpus-id<TAB>score'")
            query_id, doc_id, score = parts
            qrels.setdefault(query_id, {})[doc_id] = int(score)
    queries = {}
    for line_number, record in _read_jsonl(queries_path):
        if "_id" not in record or "text" not in record:
            raise ValueError(f"{queries_path}:{line_number}: a query needs '_id' and 'text'")
        queries[str(record["_id"])] = record["text"]
    return Dataset(name=directory.name, corpus_path=corpus_path, queries=queries, qrels=qrels)


def iter_corpus(path: Path) -> Iterator[tuple[str, str, str]]:
    for line_number, record in _read_jsonl(path):
        if "_id" not in record:
            raise ValueError(f"{path}:{line_number}: a corpus document needs an '_id'")
        yield str(record["_id"]), record.get("title") or "", record.get("text") or ""


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield line_number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{line_number}: not valid JSON ({exc.msg})") from exc


def ndcg_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    dcg = sum(relevant.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranking[:k]))
    ideal = sorted((gain for gain in relevant.values() if gain > 0), reverse=True)[:k]
    idcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    positives = {doc for doc, gain in relevant.items() if gain > 0}
    return len(positives & set(ranking[:k])) / len(positives) if positives else 0.0


def mrr_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    for rank, doc in enumerate(ranking[:k]):
        if relevant.get(doc, 0) > 0:
            return 1.0 / (rank + 1)
    return 0.0


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def evaluate_run(run: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict[str, float]:
    """Mean metrics over every query of the qrels (missing runs count as empty)."""
    totals = {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    for query_id, relevant in qrels.items():
        ranking = [doc for doc in run.get(query_id, []) if doc != query_id]
        totals["ndcg@10"] += ndcg_at(ranking, relevant, 10)
        totals["recall@100"] += recall_at(ranking, relevant, 100)
        totals["mrr@10"] += mrr_at(ranking, relevant, 10)
    count = len(qrels) or 1
    return {name: value / count for name, value in totals.items()}
