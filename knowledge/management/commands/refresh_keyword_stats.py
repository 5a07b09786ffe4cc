"""Maintain the keyword side's statistics: posting weights for the current average passage length."""

from django.core.management.base import BaseCommand

from knowledge.models import SITE_NAMESPACE, CorpusStat
from knowledge.store import impacts_are_stale, maintain_keyword_statistics, recount_keyword_statistics


class Command(BaseCommand):
    help = (
        "Recompute the stored BM25 posting weights of a namespace when the average passage length has drifted by "
        "more than 5% or SEARCH_BM25_K1/B changed (reindex and the background worker do this too). --recount "
        "rebuilds the document frequencies from the postings first (a repair: every write keeps them exact)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--namespace", default=SITE_NAMESPACE, help="Index namespace (default: site).")
        parser.add_argument("--force", action="store_true", help="Recompute the weights even if not drifted.")
        parser.add_argument("--recount", action="store_true", help="Recount document frequencies first.")

    def handle(self, *args, namespace: str, force: bool, recount: bool, **options):
        if recount:
            lexemes = recount_keyword_statistics(namespace)
            self.stdout.write(f"Recounted {lexemes} lexemes of namespace {namespace!r}.")
        stale = impacts_are_stale(namespace)
        if maintain_keyword_statistics(namespace, force=force):
            stat = CorpusStat.objects.get(namespace=namespace)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Posting weights recomputed for {stat.chunks} passages (average length "
                    f"{stat.average_length:.1f}){'' if stale else ', forced'}."
                )
            )
        else:
            self.stdout.write("Posting weights are up to date: nothing to do.")
