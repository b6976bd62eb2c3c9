"""Everything `make run` needs: migrate, seed demo data on first start, run a worker, serve."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, seed demo data on first start, start a task worker and serve on 127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=2500)
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))

    def handle(self, *args, people, bind, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        from groundswell.people.models import Person

        if not Person.objects.exists():
            self.stdout.write("First start: seeding demo data…")
            call_command("seed", people=people, demo=True)
        env = {**os.environ, "GROUNDSWELL_DEMO": "1", "DEBUG": os.environ.get("DEBUG", "0")}
        worker = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [sys.executable, "-m", "groundswell.cli", "worker"], env=env
        )
        self.print_welcome(bind)
        try:
            subprocess.call(  # noqa: S603
                [sys.executable, "-m", "groundswell.cli", "serve", "--bind", bind], env=env
            )
        finally:
            worker.terminate()

    def print_welcome(self, bind):
        from groundswell.accounts.demo import DEMO_ORGANISER, DEMO_PASSWORD, DEMO_SUPPORTER

        self.stdout.write(
            self.style.SUCCESS(f"\nGroundswell is running on http://{bind}/\n")
            + f"  Organiser: {DEMO_ORGANISER} / password {DEMO_PASSWORD}  (http://{bind}/accounts/login/)\n"
            + f"  Supporter: {DEMO_SUPPORTER}, sign in with an emailed code "
            + f"(http://{bind}/accounts/login/code/); the code is printed here.\n"
        )
