"""Serve Groundswell with gunicorn (static files through WhiteNoise)."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web application on HOST:PORT with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))

    def handle(self, *args, bind, workers, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable, "-m", "gunicorn", "groundswell.wsgi",
            "--bind", bind, "--workers", str(workers), "--threads", "4",
            "--access-logfile", "-", "--access-logformat", '%(m)s %(U)s %(s)s %(L)ss',
        ]  # fmt: skip
        os.execv(sys.executable, argv)  # noqa: S606 - become gunicorn
