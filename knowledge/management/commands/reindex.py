"""Build or bring up to date the knowledge index of the site's pages and documents."""

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from knowledge import sync
from knowledge.embeddings import current_model_key
from knowledge.indexing import BATCH_SOURCES
from knowledge.models import SITE_NAMESPACE
from knowledge.store import maintain_keyword_statistics, rebuild_outdated_vector_indexes


class Command(BaseCommand):
    help = (
        "Index every live, public page and document: only changed content is embedded again, and what is no "
        "longer visible is removed. Safe to interrupt and run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", action="store_true", help="Only pages.")
        parser.add_argument("--documents", action="store_true", help="Only documents.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Rebuild every source even if unchanged (e.g. after renaming an organization).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SOURCES,
            help="Sources prepared, embedded and written together.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(
        self, *args, pages: bool, documents: bool, force: bool, batch_size: int, no_progress: bool, **options
    ):
        if not pages and not documents:
            pages = documents = True
        started = time.perf_counter()
        work = list(sync.iter_site_work(pages=pages, documents=documents))
        self.stdout.write(f"Indexing {len(work)} items with {current_model_key()}")
        with tqdm(total=len(work), unit="item", disable=no_progress or None, dynamic_ncols=True) as bar:

            def progress(done, stats):
                bar.update(done)
                bar.set_postfix(
                    indexed=stats.indexed,
                    unchanged=stats.unchanged,
                    failed=stats.failed,
                    embedded=stats.embeddings_computed,
                    refresh=False,
                )

            stats = sync.reindex_site(work, force=force, batch_size=batch_size, on_batch=progress)
        orphans = sync.remove_orphans() if pages and documents else 0
        for name in rebuild_outdated_vector_indexes():
            self.stdout.write(f"Vector index {name} rebuilt with the HNSW parameters of the settings.")
        if maintain_keyword_statistics(SITE_NAMESPACE):
            self.stdout.write(
                "Keyword statistics: posting weights recomputed for the new average passage length."
            )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {elapsed:.1f}s: {stats.indexed} indexed, {stats.unchanged} unchanged, "
                f"{stats.removed + orphans} removed, {stats.failed} failed; {stats.chunks_written} chunks written, "
                f"{stats.embeddings_computed} embeddings computed, {stats.embeddings_from_cache} from cache."
            )
        )
        if stats.failed:
            self.stdout.write(
                self.style.WARNING(
                    "Some items failed: see Admin > Reports > Search index for the reasons, and retry from there."
                )
            )
