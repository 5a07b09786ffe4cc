"""`manage.py evaluate_search` on a tiny BEIR-layout dataset built here: metrics equal the ones computed by hand."""

from __future__ import annotations

import io
import json
import math

import pytest
from django.core.management import CommandError, call_command

from search.evaluation import evaluate_run
from search.service import SearchQuery, search

pytestmark = pytest.mark.django_db

CORPUS = [
    {"_id": "d1", "title": "Fungi", "text": "Zorblax fungi colonise the roots of wheat."},
    {"_id": "d2", "title": "Networks", "text": "Mycorrhizal networks share nutrients between plants."},
    {"_id": "d3", "title": "Minerals", "text": "Quexil minerals hold carbon in deep horizons of clay soils."},
    {"_id": "d4", "title": "Clay", "text": "Quexil quexil quexil."},
    {"_id": "d5", "title": "Grassland", "text": "Plovnik grasslands store carbon under grazing."},
    {"_id": "d6", "title": "Meadow", "text": "Plovnik plovnik plovnik meadows."},
]
QUERIES = [
    {"_id": "q1", "text": "zorblax"},
    {"_id": "q2", "text": "quexil"},
    # BEIR convention: a document with the query's own id is never counted (d6 would rank first).
    {"_id": "d6", "text": "plovnik"},
]
QRELS = [("q1", "d1", 1), ("q1", "d2", 1), ("q2", "d3", 1), ("d6", "d5", 2), ("q4", "d2", 1)]


def write_dataset(directory) -> None:
    directory.mkdir()
    (directory / "corpus.jsonl").write_text("\n".join(json.dumps(d) for d in CORPUS) + "\n")
    (directory / "queries.train.jsonl").write_text("\n".join(json.dumps(q) for q in QUERIES) + "\n")
    (directory / "qrels.train.tsv").write_text(
        "query-id\tcorpus-id\tscore\n" + "".join(f"{q}\t{d}\t{s}\n" for q, d, s in QRELS)
    )


def test_metrics_equal_the_hand_computed_ones(tmp_path, settings):
    settings.SEARCH_MIN_SIMILARITY = 0.0  # no floor: the vectors rank every document of this tiny corpus
    dataset = tmp_path / "tiny"
    write_dataset(dataset)
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "evaluate_search",
        dataset=str(dataset),
        split="train",
        mode="keyword",
        json=True,
        no_progress=True,
        stdout=out,
        stderr=err,
    )
    report = json.loads(out.getvalue().strip().splitlines()[-1])
    # Keyword rankings: q1 -> [d1] (d2 has no query word), q2 -> [d4, d3] (three occurrences in a short text
    # beat one), d6 -> [d6, d5] minus d6 itself = [d5]; q4 is judged but has no query text: it scores 0.
    ndcg = {
        "q1": 1 / (1 + 1 / math.log2(3)),  # relevant d1 at rank 1, relevant d2 never retrieved
        "q2": (1 / math.log2(3)) / 1,  # the only relevant document at rank 2
        "d6": 1.0,  # graded gain 2 at rank 1 over an ideal of the same
        "q4": 0.0,
    }
    recall = {"q1": 0.5, "q2": 1.0, "d6": 1.0, "q4": 0.0}
    mrr = {"q1": 1.0, "q2": 0.5, "d6": 1.0, "q4": 0.0}
    keyword = report["keyword"]
    assert set(report) == {"keyword"}
    assert keyword["ndcg@10"] == pytest.approx(sum(ndcg.values()) / 4, abs=1e-4)
    assert keyword["recall@100"] == pytest.approx(sum(recall.values()) / 4, abs=1e-4)
    assert keyword["mrr@10"] == pytest.approx(sum(mrr.values()) / 4, abs=1e-4)
    assert keyword["p95_ms"] >= keyword["p50_ms"] > 0
    assert "1 judged queries have no text" in err.getvalue()
    assert "Index eval-tiny: 6 indexed" in err.getvalue()

    # The evaluation index is kept apart: the site's search never sees it.
    assert search(SearchQuery("zorblax", "keyword")).total == 0
    assert search(SearchQuery("zorblax", "keyword", namespace="eval-tiny")).total == 1

    # A second run reuses everything and prints every mode with the same keyword figures.
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "evaluate_search",
        dataset=str(dataset),
        split="train",
        json=True,
        no_progress=True,
        stdout=out,
        stderr=err,
    )
    again = json.loads(out.getvalue().strip().splitlines()[-1])
    assert set(again) == {"hybrid", "semantic", "keyword"}
    assert {k: again["keyword"][k] for k in ("ndcg@10", "recall@100", "mrr@10")} == {
        k: keyword[k] for k in ("ndcg@10", "recall@100", "mrr@10")
    }
    assert "0 indexed, 6 unchanged" in err.getvalue() and "0 embeddings computed" in err.getvalue()
    assert "nDCG@10" in out.getvalue()

    # Semantic and hybrid figures are those of the rankings the search service gives for each query in that
    # mode (the real model), scored as above; they are not the keyword figures under another name.
    qrels = {}
    for query_id, doc_id, gain in QRELS:
        qrels.setdefault(query_id, {})[doc_id] = gain
    texts = {query["_id"]: query["text"] for query in QUERIES}
    for mode in ("semantic", "hybrid"):
        run = {
            query_id: [
                result.object_id
                for result in search(SearchQuery(text, mode, namespace="eval-tiny", page_size=100)).results
            ]
            for query_id, text in texts.items()
        }
        expected = evaluate_run(run, qrels)
        assert {k: again[mode][k] for k in expected} == pytest.approx(expected, abs=1e-4), mode
        assert again[mode]["p95_ms"] >= again[mode]["p50_ms"] > 0
    # Vectors rank every document: d2, which shares no word with "zorblax", is found; keyword search cannot.
    assert again["semantic"]["recall@100"] == pytest.approx(0.75) and again["hybrid"][
        "recall@100"
    ] == pytest.approx(0.75)
    assert keyword["recall@100"] == pytest.approx(0.625)


def test_a_dataset_without_its_split_files_names_the_missing_file(tmp_path):
    dataset = tmp_path / "broken"
    write_dataset(dataset)
    (dataset / "qrels.train.tsv").unlink()
    with pytest.raises(CommandError, match="qrels.train.tsv is missing"):
        call_command("evaluate_search", dataset=str(dataset), split="train", no_progress=True)
    with pytest.raises(CommandError, match="queries.jsonl is missing"):
        call_command("evaluate_search", dataset=str(dataset), split="test", no_progress=True)


def test_a_saved_run_is_compared_query_by_query(tmp_path):
    """--save-run then --compare-run: the share of queries with the same top-10, to compare two query backends."""
    dataset = tmp_path / "tiny"
    write_dataset(dataset)
    saved = tmp_path / "run.json"
    options = {"dataset": str(dataset), "split": "train", "mode": "semantic", "no_progress": True}
    call_command(
        "evaluate_search", save_run=str(saved), stdout=io.StringIO(), stderr=io.StringIO(), **options
    )
    run = json.loads(saved.read_text())["semantic"]
    assert set(run) == {"q1", "q2", "d6"} and all(run.values())

    def compare() -> float:
        out = io.StringIO()
        call_command(
            "evaluate_search", compare_run=str(saved), json=True, stdout=out, stderr=io.StringIO(), **options
        )
        assert "identical top-10" in out.getvalue()
        return json.loads(out.getvalue().strip().splitlines()[-1])["semantic"]["identical_top10"]

    assert compare() == 1.0
    saved.write_text(json.dumps({"semantic": {**run, "q2": list(reversed(run["q2"]))}}))
    assert compare() == pytest.approx(2 / 3, abs=1e-4)

    saved.write_text("not json")
    with pytest.raises(CommandError):
        call_command("evaluate_search", compare_run=str(saved), **options)
