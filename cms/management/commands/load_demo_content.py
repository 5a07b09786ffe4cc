"""Load the demo content (idempotent), then bring the knowledge index up to date."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.demo.loader import DemoLoader
from cms.signals import bulk_load


class Command(BaseCommand):
    help = (
        "Load the Initiative's demo content; a second run changes nothing. Ends by updating the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-index", action="store_true", help="Do not update the knowledge index.")

    def handle(self, *args, skip_index: bool, **options):
        # Every run renders the demo PDFs and replaces a stored one only when its bytes differ, so an edited text
        # is picked up without an option.
        with bulk_load():
            report = DemoLoader().load()
        if report.changed:
            created = (
                ", ".join(f"{count} {kind}" for kind, count in sorted(report.created.items())) or "nothing"
            )
            updated = (
                ", ".join(f"{count} {kind}" for kind, count in sorted(report.updated.items())) or "nothing"
            )
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {created}; updated: {updated}."))
        else:
            self.stdout.write("Demo content already up to date: nothing changed.")
        if not skip_index:
            call_command("reindex", stdout=self.stdout, stderr=self.stderr)
