"""Hot path: journeys.services.record_activity against a raw INSERT of the same Activity row.

Both go through the same Django connection, each call in its own transaction, alternated call
by call (ABBA) so neither gets a warmer cache or a quieter machine. Figure: raw time / record
time; 1.0 would mean record_activity costs no more than writing the bare row.
"""

import argparse
import time

from common import log, report, setup

TARGET = 0.25
HOT_SOURCE = "bench-hot"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--people", type=int, default=500, help="people the calls rotate over")
    args = parser.parse_args()
    setup(args.db)
    people, campaign = prepare(args.people)
    try:
        record, raw = measure(people, campaign, args.calls)
    finally:
        cleanup()
    ratio = raw / record
    name = f"hot path ({'SQLite' if args.db == 'sqlite' else 'PostgreSQL'})"
    report(
        name,
        ratio=ratio,
        label="raw/record",
        target=f">= {TARGET}",
        ok=ratio >= TARGET,
        detail=(
            f"record_activity {record / args.calls * 1000:.2f} ms, raw INSERT "
            f"{raw / args.calls * 1000:.2f} ms per call, {args.calls:,} calls each"
        ),
        record_ms=record / args.calls * 1000,
        raw_ms=raw / args.calls * 1000,
    )


def prepare(count):
    """Fresh people of our own (any left by an interrupted run go first) and one campaign."""
    from groundswell.campaigns.models import Campaign
    from groundswell.people.models import Person

    cleanup()
    campaign, _created = Campaign.objects.get_or_create(
        slug="bench-hot-path", defaults={"title": {"en": "Hot path"}, "status": "live"}
    )
    people = Person.objects.bulk_create(
        Person(email=f"hot{i}@bench.example.org", source=HOT_SOURCE, country="FR", language="fr")
        for i in range(count)
    )
    return people, campaign


def cleanup():
    from groundswell.people.models import Person

    Person.objects.filter(source=HOT_SOURCE).delete()


def measure(people, campaign, calls):
    """(seconds in record_activity, seconds in raw INSERTs) over `calls` calls each."""
    from django.db import connection, transaction
    from django.utils import timezone
    from groundswell.journeys.services import record_activity

    from groundswell.journeys.models import Activity

    table = connection.ops.quote_name(Activity._meta.db_table)
    sql = (
        f"INSERT INTO {table} (person_id, kind, occurred_at, object_type, object_id,"
        " campaign_id, channel, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    )
    adapt = connection.ops.adapt_datetimefield_value

    def recorded(person):
        record_activity(
            person, "petition_signed", object_type="petition", object_id=1,
            campaign=campaign, channel="web",
        )  # fmt: skip

    def raw(person):
        with transaction.atomic(), connection.cursor() as cursor:
            params = [person.pk, "petition_signed", adapt(timezone.now()), "petition", 1]
            cursor.execute(sql, [*params, campaign.pk, "web", "{}"])

    def timed(func, person):
        started = time.perf_counter()
        func(person)
        return time.perf_counter() - started

    for i in range(len(people)):  # warm both paths: statement caches, stats rows, pages
        recorded(people[i % len(people)])
        raw(people[i % len(people)])
    log(f"Timing {calls:,} calls of each…")
    totals = {recorded: 0.0, raw: 0.0}
    for i in range(calls):
        person = people[i % len(people)]
        order = (recorded, raw) if i % 4 in (0, 3) else (raw, recorded)
        for func in order:
            totals[func] += timed(func, person)
    return totals[recorded], totals[raw]


if __name__ == "__main__":
    main()
