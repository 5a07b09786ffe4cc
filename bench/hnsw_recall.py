"""HNSW recall on the kept 1M scale database: the plain HNSW query against the exact scan, per ef_search.

    .venv/bin/python bench/hnsw_recall.py [--ef-search 100,200,400,800,1000] [--ef-construction N] [--m M]

Runs the scale benchmark's own 20 recall queries (load_queries(100, 10)[10:30]) on .data/scale-postgres's
scale_1000000 (built by bench/scale.py) and prints the machine, then per ef_search the recall@10 (mean, min, per
query) and how much farther the ANN 10th result is than the exact 10th.

With --ef-construction and/or --m, a graph with those parameters is built first (maintenance_work_mem 4GB, a few
minutes at 1M) and measured instead of the kept one, all inside one transaction that is rolled back: the kept
database is left as it was. `--ef-construction 64` measures pgvector's default against the project's 128.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ef-search", default="100,200,400,800,1000", help="values, comma-separated")
    parser.add_argument(
        "--ef-construction", type=int, help="build and measure a graph with this ef_construction"
    )
    parser.add_argument("--m", type=int, help="build and measure a graph with this m")
    args = parser.parse_args()

    import django

    django.setup()
    from corpus import load_queries
    from machine import describe

    from config.database import start_embedded_postgres
    from knowledge.embeddings import get_embedder
    from knowledge.store import sql_literal, vector_text

    print(describe())
    socket = str(start_embedded_postgres(ROOT / ".data" / "scale-postgres"))
    conn = psycopg.connect(host=socket, user="postgres", dbname="scale_1000000")
    model, namespace = conn.execute(
        "SELECT model_name, namespace FROM knowledge_chunk GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    kept = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'knowledge_chunk' AND indexdef LIKE '%%hnsw%%'"
    ).fetchall()
    embedder = get_embedder()
    vectors = [vector_text(embedder.embed_query(q)) for q in load_queries(100, 10)[10:30]]
    distance = "embedding::halfvec(384) <=> %s::halfvec(384)"
    where = f"model_name = {sql_literal(model)} AND namespace = {sql_literal(namespace)}"

    exact = []
    for vector in vectors:
        with conn.transaction(force_rollback=True):
            conn.execute("SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off")
            sql = f"SELECT id, {distance} FROM knowledge_chunk WHERE {where} ORDER BY 2, id LIMIT 10"
            exact.append(conn.execute(sql, [vector]).fetchall())

    with conn.transaction(force_rollback=True):  # whatever is built or dropped here is undone
        if args.ef_construction or args.m:
            options = f"m = {args.m or 16}, ef_construction = {args.ef_construction or 64}"
            for name, _ in kept:
                conn.execute(f'DROP INDEX "{name}"')
            conn.execute("SET LOCAL maintenance_work_mem = '4GB'")
            started = time.perf_counter()
            conn.execute(
                f"CREATE INDEX bench_hnsw_recall ON knowledge_chunk USING hnsw "
                f"((embedding::halfvec(384)) halfvec_cosine_ops) WITH ({options}) WHERE {where}"
            )
            print(
                f"graph built with {options} in {time.perf_counter() - started:.0f} s (rolled back at the end)"
            )
        else:
            print("graph: " + "; ".join(definition for _, definition in kept))
        conn.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
        for ef_search in [int(x) for x in args.ef_search.split(",")]:
            conn.execute(f"SET LOCAL hnsw.ef_search = {ef_search}")
            recalls, gaps = [], []
            for vector, truth in zip(vectors, exact, strict=True):
                sql = f"SELECT id, {distance} FROM knowledge_chunk WHERE {where} ORDER BY {distance} LIMIT 10"
                ann = conn.execute(sql, [vector, vector]).fetchall()
                recalls.append(len({r[0] for r in truth} & {r[0] for r in ann}) / 10)
                gaps.append(ann[-1][1] - truth[-1][1])
            print(
                f"ef_search {ef_search}: recall@10 {np.mean(recalls):.3f} (min {min(recalls):.1f}); "
                f"10th distance farther by mean {np.mean(gaps):.4f}, max {max(gaps):.4f}; "
                f"per query {' '.join(f'{r:.1f}' for r in recalls)}"
            )


if __name__ == "__main__":
    main()
