"""Measure search quality on a BEIR-layout dataset through the real indexing pipeline and search service."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from knowledge.embeddings import get_embedder
from knowledge.indexing import BATCH_SOURCES, Indexer, IndexStats, batched, external_source
from knowledge.store import maintain_keyword_statistics
from search.evaluation import evaluate_run, iter_corpus, load_dataset, percentile
from search.service import MODES, SearchQuery, search


class Command(BaseCommand):
    help = (
        "Index a BEIR dataset (corpus.jsonl + queries + qrels) into its own namespace, apart from the site's "
        "content, and report nDCG@10, Recall@100, MRR@10 and latency per search mode."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dataset", required=True, help="Directory in BEIR layout.")
        parser.add_argument("--split", choices=["train", "test"], default="test")
        parser.add_argument("--mode", choices=[*MODES, "all"], default="all")
        parser.add_argument("--json", action="store_true", help="End with one line of JSON with the metrics.")
        parser.add_argument(
            "--limit", type=int, default=0, help="Evaluate only the first N queries (0 = all)."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, dataset: str, split: str, mode: str, limit: int, no_progress: bool, **options):
        try:
            data = load_dataset(Path(dataset), split)
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        namespace = f"eval-{data.name}"[:64]
        self._index_corpus(data, namespace, no_progress)

        query_ids = [qid for qid in data.qrels if qid in data.queries]
        missing = len(data.qrels) - len(query_ids)
        if missing:
            self.stderr.write(f"{missing} judged queries have no text in the queries file; they count as 0.")
        if limit:
            query_ids = query_ids[:limit]
            qrels = {qid: data.qrels[qid] for qid in query_ids}
        else:
            qrels = data.qrels
        embedder = get_embedder()
        vectors = dict(
            zip(query_ids, embedder.embed_passages([data.queries[q] for q in query_ids]), strict=True)
        )

        report = {}
        for current in MODES if mode == "all" else [mode]:
            run, latencies = {}, []
            for qid in tqdm(query_ids, desc=current, disable=no_progress or None, unit="query"):
                started = time.perf_counter()
                # The query embedding is computed once up front (a batch) and timed separately below, so the
                # latency here is the search itself; one query embedding on this CPU adds about 10 ms.
                response = search(
                    SearchQuery(q=data.queries[qid], mode=current, namespace=namespace, page_size=100),
                    query_vector=vectors[qid] if current != "keyword" else None,
                )
                latencies.append((time.perf_counter() - started) * 1000)
                run[qid] = [result.object_id for result in response.results]
            metrics = evaluate_run(run, qrels)
            metrics["p50_ms"] = percentile(latencies, 0.5)
            metrics["p95_ms"] = percentile(latencies, 0.95)
            report[current] = {name: round(value, 4) for name, value in metrics.items()}
            self.stdout.write(
                f"{current:9s} nDCG@10 {metrics['ndcg@10']:.4f}  Recall@100 {metrics['recall@100']:.4f}  "
                f"MRR@10 {metrics['mrr@10']:.4f}  p50 {metrics['p50_ms']:.1f} ms  p95 {metrics['p95_ms']:.1f} ms"
            )
        self.stdout.write(f"{len(qrels)} queries, split {split}, corpus {data.corpus_path}")
        if options["json"]:
            self.stdout.write(json.dumps(report))

    def _index_corpus(self, data, namespace: str, no_progress: bool) -> None:
        started = time.perf_counter()
        total = IndexStats()
        indexer = Indexer()
        items = list(iter_corpus(data.corpus_path))
        with tqdm(total=len(items), desc="index", unit="doc", disable=no_progress or None) as bar:
            batches = (
                [
                    external_source(namespace=namespace, object_id=doc_id, title=title, text=text)
                    for doc_id, title, text in batch
                ]
                for batch in batched(items, BATCH_SOURCES)
            )
            for stats in indexer.index_batches(batches):
                total.add(stats)
                bar.update(stats.indexed + stats.unchanged + stats.failed)
        maintain_keyword_statistics(namespace)
        self.stderr.write(
            f"Index {namespace}: {total.indexed} indexed, {total.unchanged} unchanged, {total.failed} failed, "
            f"{total.embeddings_computed} embeddings computed, {total.embeddings_from_cache} from cache "
            f"({time.perf_counter() - started:.0f}s)"
        )
