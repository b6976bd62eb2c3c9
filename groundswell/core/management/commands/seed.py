"""`groundswell seed`: realistic, multilingual demo data."""

import time
from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


def aware(value):
    moment = datetime.fromisoformat(value)
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo people, a year of their activity, groups and referrals."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=2500, help="how many people (0: none)")
        parser.add_argument("--demo", action="store_true", help="also create the demo log-ins")
        parser.add_argument(
            "--seed", type=int, default=2026, help="random seed: same seed, same data"
        )
        parser.add_argument("--now", type=aware, help="end of the year of history (ISO 8601)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bars")

    def handle(self, *args, people, demo, seed, now, no_progress, **options):
        from groundswell.core.seeding.plan import make_plan
        from groundswell.core.seeding.write import write_plan
        from groundswell.people.models import Person

        now = now or timezone.now().replace(second=0, microsecond=0)
        if people and Person.objects.exists():
            raise CommandError(
                "The database already has people: seed only an empty one "
                "(--people 0 --demo makes just the demo log-ins)."
            )
        started = time.monotonic()
        if people:
            plan = make_plan(people=people, seed=seed, now=now)
            summary = write_plan(plan, progress=False if no_progress else None)
            self.stdout.write(
                f"Seeded {summary.people:,} people in {summary.countries} countries, "
                f"{summary.activities:,} activities, {summary.referrals:,} referrals and "
                f"{summary.groups} groups in {time.monotonic() - started:.1f} s."
            )
        if demo:
            from groundswell.core.seeding.demo import ensure_demo_accounts

            ensure_demo_accounts(now=now)
            self.stdout.write("Demo log-ins are ready.")
            self.stdout.write(seed_demo_content(now=now, seed=seed))


def seed_demo_content(*, now, seed):
    """The team tree, events, actions of every kind and a campaign in preview; each step is
    safe to run again. Returns a one-line summary."""
    import random

    from groundswell.actions.demo import seed_demo_actions
    from groundswell.campaigns.demo import ensure_preview_campaign
    from groundswell.core.seeding.write import ensure_campaigns
    from groundswell.events.demo import create_demo_events
    from groundswell.groups.demo import ensure_demo_groups
    from groundswell.people.models import Person

    ensure_demo_groups(now=now)
    events = create_demo_events(now=now)
    people = list(Person.objects.exclude(email=None).exclude(email="").order_by("pk")[:200])
    actions = seed_demo_actions(ensure_campaigns(now), people, random.Random(seed))
    ensure_preview_campaign()
    return (
        f"Demo content: the team tree, {events} events, {len(actions)} actions of every kind "
        "and a campaign in preview."
    )
