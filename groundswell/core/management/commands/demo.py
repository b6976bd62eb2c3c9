"""Everything `make run` needs: migrate, seed demo data on first start, run a task worker and
the scheduler, serve."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, seed demo data on first start, start a worker and the scheduler, and serve."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=2500)
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))

    def handle(self, *args, people, bind, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        from groundswell.people.models import Person

        if Person.objects.exists():
            people = 0  # seeded before: only make sure the demo log-ins are there
        else:
            self.stdout.write("First start: seeding demo data…")
        call_command("seed", people=people, demo=True)
        env = {**os.environ, "GROUNDSWELL_DEMO": "1", "DEBUG": os.environ.get("DEBUG", "0")}
        cli = [sys.executable, "-m", "groundswell.cli"]
        # Our own interpreter and commands: nothing from outside reaches these argument lists.
        helpers = [
            subprocess.Popen([*cli, command], env=env)  # noqa: S603
            for command in ("worker", "scheduler")
        ]
        self.print_welcome(bind)
        try:
            subprocess.call([*cli, "serve", "--bind", bind], env=env)  # noqa: S603
        finally:
            for helper in helpers:
                helper.terminate()

    def print_welcome(self, bind):
        from groundswell.accounts.demo import DEMO_ORGANISER, DEMO_PASSWORD, DEMO_SUPPORTER
        from groundswell.core.seeding.demo import DEMO_ADMIN, DEMO_COORDINATOR

        site = f"http://{bind}"
        self.stdout.write(
            self.style.SUCCESS(f"\nGroundswell is running on {site}/\n")
            + f"  Sign in at {site}/accounts/login/ with password {DEMO_PASSWORD} as\n"
            + f"    {DEMO_ORGANISER}  (organiser: people, segments, the ladder)\n"
            + f"    {DEMO_ADMIN}  (HQ admin, also {site}/admin/)\n"
            + f"    {DEMO_COORDINATOR}  (coordinator of the Dakar group)\n"
            + f"  Supporter: {DEMO_SUPPORTER} signs in with an emailed code at\n"
            + f"    {site}/accounts/login/code/ (mail is printed here) and sees {site}/me/\n"
        )
