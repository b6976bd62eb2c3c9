"""`groundswell recompute`: put everyone on the stage the ladder's current rules give them."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from groundswell.journeys.services import recompute_stages


class Command(BaseCommand):
    help = "Recompute every person's ladder stage (after changing rules; also runs nightly)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="evaluate as of this ISO 8601 time (with a UTC offset)")

    def handle(self, *args, now=None, **options):
        at = self._parse_now(now)
        labels = {
            "counters": "Counters for people without any",
            "ladder": "Evaluating the ladder",
            "update": "Moving people",
            "done": "Done",
        }
        with tqdm(total=3, unit="step", file=self.stderr, disable=options["verbosity"] == 0) as bar:

            def progress(step, total, label):
                bar.set_description(labels.get(label, label))
                bar.update(step - bar.n)

            summary = recompute_stages(now=at, progress=progress)
        self.stdout.write(
            f"{summary['moved']} of {summary['people']} people moved "
            f"({summary['up']} up, {summary['down']} down); "
            f"{summary['created']} got counters for the first time."
        )
        for slug, count in sorted(summary["by_stage"].items()):
            self.stdout.write(f"  -> {slug}: {count}")

    def _parse_now(self, value):
        if not value:
            return None
        at = parse_datetime(value)
        if not isinstance(at, datetime) or at.tzinfo is None:
            raise CommandError(
                "--now must be an ISO 8601 time with a UTC offset, e.g. 2026-06-01T00:00:00+00:00"
            )
        return at
