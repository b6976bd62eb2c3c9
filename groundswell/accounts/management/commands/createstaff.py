"""`groundswell createstaff --email ada@example.org --role organiser`: make a staff user."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from groundswell.accounts.services import STAFF_ROLES, create_staff_user


class Command(BaseCommand):
    help = (
        "Create a staff user (hq_admin, organiser or coordinator). Without --password-stdin the "
        "user gets an invitation to sign in with an emailed code and set a password."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", required=True, choices=[str(role) for role in STAFF_ROLES])
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from the first line of standard input instead of inviting.",
        )

    def handle(self, *args, email, role, password_stdin, **options):
        password = None
        if password_stdin:
            password = options.get("stdin", sys.stdin).readline().rstrip("\r\n")
            if not password:
                raise CommandError("No password on standard input.")
        try:
            user = create_staff_user(email, role=role, password=password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {user.get_role_display()} {user.email}."))
        if password is None:
            self.stdout.write(f"An invitation to sign in was emailed to {user.email}.")
