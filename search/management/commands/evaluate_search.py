"""Measure search quality on a BEIR-layout dataset through the real indexing pipeline and search service."""

import json
import math
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from knowledge.embeddings import get_embedder
from knowledge.indexing import BATCH_SOURCES, Indexer, IndexStats, batched, external_source
from knowledge.store import maintain_keyword_statistics
from search.answers import find_answer
from search.evaluation import evaluate_run, iter_corpus, load_dataset, percentile
from search.judgments import configurations, evaluate_site
from search.service import MODES, SearchQuery, search


def identical_top10(run: dict[str, list[str]], previous: dict[str, list[str]]) -> float:
    """Share of the queries of `run` whose first 10 results are those of `previous`, in the same order."""
    return sum(ranking[:10] == previous.get(qid, [])[:10] for qid, ranking in run.items()) / max(len(run), 1)


class Command(BaseCommand):
    help = (
        "Index a BEIR dataset (corpus.jsonl + queries + qrels) into its own namespace, apart from the site's "
        "content, and report nDCG@10, Recall@100, MRR@10 and latency per search mode; or, with --site, report "
        "nDCG@10 and MRR@10 over the site's own judged queries (Reports > Search relevance)."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--dataset", help="Directory in BEIR layout.")
        source.add_argument(
            "--site",
            action="store_true",
            help="Score the site's content on the editors' relevance judgments, with the current settings.",
        )
        parser.add_argument(
            "--config",
            action="append",
            choices=list(configurations()),
            help="With --site: a configuration to score (repeatable; default: all of them).",
        )
        parser.add_argument("--split", choices=["train", "test"], default="test")
        parser.add_argument("--mode", choices=[*MODES, "all"], default="all")
        parser.add_argument("--json", action="store_true", help="End with one line of JSON with the metrics.")
        parser.add_argument(
            "--limit", type=int, default=0, help="Evaluate only the first N queries (0 = all)."
        )
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--save-run", metavar="FILE", help="Write the ranked object ids of every query and mode (JSON)."
        )
        parser.add_argument(
            "--answers",
            action="store_true",
            help="Also look for an extractive answer to each query (modes with a query vector) and report the "
            "share of answers taken from a relevant document, at SEARCH_ANSWER_MIN_SCORE and with no threshold.",
        )
        parser.add_argument(
            "--compare-run",
            metavar="FILE",
            help="A file written by --save-run: report the share of queries whose top-10 is identical to it.",
        )

    def handle(self, *args, dataset: str, split: str, mode: str, limit: int, no_progress: bool, **options):
        if options["site"]:
            return self._evaluate_site(options["config"] or list(configurations()), options["json"])
        try:
            data = load_dataset(Path(dataset), split)
            previous = (
                json.loads(Path(options["compare_run"]).read_text()) if options["compare_run"] else None
            )
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
        # One query at a time, through the search-time path (EMBEDDING_QUERY_BACKEND), timed apart from the search.
        vectors, embed_ms = {}, []
        for qid in tqdm(query_ids, desc="embed", disable=no_progress or None, unit="query"):
            started = time.perf_counter()
            vectors[qid] = embedder.embed_query(data.queries[qid])
            embed_ms.append((time.perf_counter() - started) * 1000)
        self.stdout.write(
            f"query embedding ({embedder.query_backend}): p50 {percentile(embed_ms, 0.5):.1f} ms, "
            f"p95 {percentile(embed_ms, 0.95):.1f} ms"
        )

        report, runs = {}, {}
        for current in MODES if mode == "all" else [mode]:
            run, latencies, answers = {}, [], []
            for qid in tqdm(query_ids, desc=current, disable=no_progress or None, unit="query"):
                started = time.perf_counter()
                # The query embedding was computed above: the latency here is the search itself.
                response = search(
                    SearchQuery(q=data.queries[qid], mode=current, namespace=namespace, page_size=100),
                    query_vector=vectors[qid] if current != "keyword" else None,
                )
                latencies.append((time.perf_counter() - started) * 1000)
                run[qid] = [result.object_id for result in response.results]
                if options["answers"] and current != "keyword":
                    # The first page, as a visitor sees it: answers come from its passages only.
                    answer, cost = find_answer(
                        response.results[:10],
                        data.queries[qid],
                        vectors[qid],
                        min_score=-math.inf,
                        namespace=namespace,
                    )
                    if answer is not None:
                        relevant = qrels[qid].get(answer.result.object_id, 0) > 0
                        answers.append((answer.score, relevant, cost.sentences))
            runs[current] = run
            metrics = evaluate_run(run, qrels)
            metrics["p50_ms"] = percentile(latencies, 0.5)
            metrics["p95_ms"] = percentile(latencies, 0.95)
            line = (
                f"{current:9s} nDCG@10 {metrics['ndcg@10']:.4f}  Recall@100 {metrics['recall@100']:.4f}  "
                f"MRR@10 {metrics['mrr@10']:.4f}  p50 {metrics['p50_ms']:.1f} ms  p95 {metrics['p95_ms']:.1f} ms"
            )
            if previous is not None:
                metrics["identical_top10"] = identical_top10(run, previous.get(current, {}))
                line += f"  identical top-10 {metrics['identical_top10']:.3f}"
            if answers:
                metrics.update(self._answer_metrics(answers, len(query_ids)))
                line += (
                    f"\n          answers: {metrics['answered']:.3f} of queries answered, "
                    f"{metrics['answer_relevant']:.3f} of them from a relevant document "
                    f"(no threshold: {metrics['answer_relevant_all']:.3f}); "
                    f"{metrics['answer_sentences']:.1f} sentences scored per query"
                )
            report[current] = {name: round(value, 4) for name, value in metrics.items()}
            self.stdout.write(line)
        self.stdout.write(f"{len(qrels)} queries, split {split}, corpus {data.corpus_path}")
        if options["save_run"]:
            Path(options["save_run"]).write_text(json.dumps(runs))
        if options["json"]:
            self.stdout.write(json.dumps(report))

    def _evaluate_site(self, names: list[str], as_json: bool) -> None:
        scores = evaluate_site(names)
        if not scores[0].queries:
            raise CommandError(
                "No judged query has a relevant result yet: judge some in the admin (Reports > Search relevance)."
            )
        for score in scores:
            self.stdout.write(
                f"{score.configuration.name:18s} nDCG@10 {score.ndcg:.4f}  MRR@10 {score.mrr:.4f}  "
                f"({score.configuration.label})"
            )
        self.stdout.write(f"{scores[0].queries} judged queries with at least one relevant result")
        if as_json:
            report = {
                s.configuration.name: {"ndcg@10": round(s.ndcg, 4), "mrr@10": round(s.mrr, 4)} for s in scores
            }
            self.stdout.write(json.dumps(report))

    @staticmethod
    def _answer_metrics(answers: list[tuple[float, bool, int]], queries: int) -> dict[str, float]:
        kept = [relevant for score, relevant, _ in answers if score >= settings.SEARCH_ANSWER_MIN_SCORE]
        return {
            "answered": len(kept) / max(queries, 1),
            "answer_relevant": sum(kept) / max(len(kept), 1),
            "answer_relevant_all": sum(relevant for _, relevant, _ in answers) / len(answers),
            "answer_sentences": sum(count for _, _, count in answers) / len(answers),
        }

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
