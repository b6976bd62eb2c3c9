"""Enqueue periodic tasks when they are due (nightly ladder recompute, ...)."""

import time

from django.core.management.base import BaseCommand

from groundswell.core.scheduler import run_due_jobs


class Command(BaseCommand):
    help = "Run forever, enqueueing periodic tasks when due. Safe to run on several machines."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between checks.")
        parser.add_argument("--once", action="store_true", help="Check once and exit.")

    def handle(self, *args, interval, once, **options):
        while True:
            for name in run_due_jobs():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(interval)
