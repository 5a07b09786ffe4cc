"""Delete search log rows (and result clicks) older than SEARCH_LOG_RETENTION_DAYS (default 365). Run it daily, e.g. from cron."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import SearchClick, SearchLogEntry


class Command(BaseCommand):
    help = "Delete search log rows older than SEARCH_LOG_RETENTION_DAYS (default 365)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days instead of SEARCH_LOG_RETENTION_DAYS."
        )

    def handle(self, *args, days=None, **options):
        days = days if days is not None else getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 365)
        if days is None or int(days) < 1:
            raise CommandError("The retention must be at least 1 day.")
        cutoff = timezone.now() - timedelta(days=int(days))
        deleted, _ = SearchLogEntry.objects.filter(created_at__lt=cutoff).delete()
        clicks, _ = SearchClick.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} search log entr{'y' if deleted == 1 else 'ies'} older than {days} days "
            f"and {clicks} result click{'' if clicks == 1 else 's'}."
        )
