"""Delete declined applications some days after the decision (personal data is kept no longer than needed)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.services import prune_declined_applications


class Command(BaseCommand):
    help = (
        "Delete applications (to join the Initiative, to join a task force) declined more than "
        "COMMUNITY_DECLINED_RETENTION_DAYS days ago, with their files and admin history. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep declined applications this many days (default: COMMUNITY_DECLINED_RETENTION_DAYS).",
        )

    def handle(self, *args, days: int | None, **options):
        days = settings.COMMUNITY_DECLINED_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        deleted = prune_declined_applications(days=days)
        summary = ", ".join(f"{count} {kind}" for kind, count in deleted.items())
        self.stdout.write(f"Deleted applications declined more than {days} days ago: {summary}.")
