"""groundswell apikey create|list|revoke: keys for scripts; a new key is printed once."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.api.models import ApiKey
from groundswell.api.services import create_api_key, revoke_api_key


class Command(BaseCommand):
    help = "Create, list or revoke OSDI API keys."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        create = commands.add_parser("create", help="Create a key and print it once.")
        create.add_argument("--name", required=True)
        create.add_argument("--group", help="The slug of the group whose people the key sees.")
        create.add_argument("--read-only", action="store_true")
        commands.add_parser("list", help="List keys (never the keys themselves).")
        revoke = commands.add_parser("revoke", help="Revoke a key by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, *, name, group, read_only, **options):
        from groundswell.groups.models import Group

        found = None
        if group:
            found = Group.objects.filter(slug=group).first()
            if found is None:
                raise CommandError(f"No group with the slug {group!r}.")
        _key, raw = create_api_key(name=name, group=found, read_only=read_only)
        self.stdout.write(raw)
        self.stderr.write("Keep this key now: it is not stored and cannot be shown again.")

    def _list(self, **options):
        for key in ApiKey.objects.select_related("group").order_by("pk"):
            state = "revoked" if key.revoked_at else "active"
            scope = key.group.slug if key.group else "organisation"
            mode = "read-only" if key.read_only else "read-write"
            used = key.last_used_at.isoformat() if key.last_used_at else "never"
            self.stdout.write(f"{key.prefix}\t{key.name}\t{scope}\t{mode}\t{state}\tused {used}")

    def _revoke(self, *, prefix, **options):
        key = ApiKey.objects.filter(prefix=prefix).first()
        if key is None:
            raise CommandError(f"No key starts with {prefix!r}.")
        revoke_api_key(key)
        self.stdout.write(f"Revoked {key.prefix}.")
