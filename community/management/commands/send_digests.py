"""Send the weekly digests: saved searches' new public content and space activity (community/digests.py)."""

from django.core.management.base import BaseCommand

from community.digests import send_digests


class Command(BaseCommand):
    help = (
        "Email each member what is new for their saved searches (public content only) and, if they chose the "
        "weekly digest, their spaces' activity. Run it weekly (cron); a second run sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send and change nothing."
        )

    def handle(self, *args, dry_run: bool, verbosity: int, **options):
        def report(digest) -> None:
            if verbosity > 1 and not digest.empty:
                self.stdout.write(f"  user {digest.user.pk}: {digest.item_count} items ({digest.language})")

        summary = send_digests(dry_run=dry_run, report=report)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {summary.sent} digests; {summary.nothing_new} members had nothing new; "
            f"{summary.failed} failed (see the log)."
        )
