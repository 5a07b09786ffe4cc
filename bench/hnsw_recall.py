"""HNSW recall on the kept 1M scale database: the plain HNSW query against the exact scan, per ef_search.

    [EF_SEARCH_VALUES=100,200,400,1000] .venv/bin/python bench/hnsw_recall.py [INDEX_TO_DROP]

Runs the scale benchmark's 20 recall queries (the same ones: load_queries(100, 10)[10:30]) on .data/scale-postgres's scale_1000000 (built by bench/scale.py).
With INDEX_TO_DROP, that index is dropped inside a rolled-back transaction, so another HNSW index built beside it
(e.g. with a larger ef_construction) is the one measured. Prints recall@10 (mean, min) per ef_search, and how much
farther the ANN 10th result is than the exact 10th.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main() -> None:
    import django

    django.setup()
    from corpus import load_queries
    from machine import describe

    from config.database import start_embedded_postgres
    from knowledge.embeddings import get_embedder

    print(describe())
    drop = sys.argv[1] if len(sys.argv) > 1 else None
    socket = str(start_embedded_postgres(ROOT / ".data" / "scale-postgres"))
    conn = psycopg.connect(host=socket, user="postgres", dbname="scale_1000000", autocommit=True)
    model, namespace = conn.execute(
        "SELECT model_name, namespace FROM knowledge_chunk GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    embedder = get_embedder()
    vectors = [
        "[" + ",".join(f"{x:.6f}" for x in embedder.embed_query(q)) + "]"
        for q in load_queries(100, 10)[10:30]
    ]
    distance = "embedding::halfvec(384) <=> %s::halfvec(384)"
    where = "model_name = %s AND namespace = %s"
    for ef_search in [int(x) for x in os.environ.get("EF_SEARCH_VALUES", "100,200,400,1000").split(",")]:
        recalls, gaps = [], []
        for vector in vectors:
            with conn.transaction(force_rollback=True):
                conn.execute("SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off")
                sql = f"SELECT id, {distance} FROM knowledge_chunk WHERE {where} ORDER BY 2, id LIMIT 10"
                exact = conn.execute(sql, [vector, model, namespace]).fetchall()
            with conn.transaction(force_rollback=True):
                if drop:
                    conn.execute(f'DROP INDEX "{drop}"')
                conn.execute(
                    f"SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = {ef_search}"
                )
                sql = f"SELECT id, {distance} FROM knowledge_chunk WHERE {where} ORDER BY {distance} LIMIT 10"
                ann = conn.execute(sql, [vector, model, namespace, vector]).fetchall()
            recalls.append(len({r[0] for r in exact} & {r[0] for r in ann}) / 10)
            gaps.append(ann[-1][1] - exact[-1][1])
        print(
            f"ef_search {ef_search}: recall@10 {np.mean(recalls):.3f} (min {min(recalls):.1f}); "
            f"10th distance farther by mean {np.mean(gaps):.4f}, max {max(gaps):.4f}; "
            f"per query {' '.join(f'{r:.1f}' for r in recalls)}"
        )


if __name__ == "__main__":
    main()
