"""The big PostgreSQL data set for the segment and recompute benchmarks, generated in SQL.

People, a year of activities and PersonStats counters computed from those activities, all
set-based (generate_series, INSERT … SELECT, GROUP BY): never through the ORM. Generated once
and reused while the marker table bench_dataset says the sizes match.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from common import log

# Shares out of 100, so a row's value is ARRAY[...][1 + hash % 100].
COUNTRY_SHARES = {
    "GB": 14, "IE": 4, "FR": 12, "SN": 8, "CI": 6, "CM": 5, "ES": 9, "MX": 10, "CO": 7,
    "AR": 6, "KE": 7, "NG": 7, "IN": 5,
}  # fmt: skip
LANGUAGE = {"FR": "fr", "SN": "fr", "CI": "fr", "CM": "fr", "ES": "es", "MX": "es", "CO": "es"}
LANGUAGE |= {"AR": "es"}
KIND_SHARES = {
    "petition_signed": 22, "shared": 10, "letter_sent": 6, "pledge_made": 5, "download": 5,
    "form_submitted": 4, "subscribed": 6, "event_rsvp": 9, "event_attended": 6,
    "lesson_completed": 6, "course_enrolled": 3, "course_completed": 1, "feedback_given": 3,
    "message_replied": 5, "group_joined": 2, "recruited": 2, "event_hosted": 1,
    "outreach_sent": 3, "mentor_checkin": 1,
}  # fmt: skip
CHANNELS = ("web", "web", "web", "email", "whatsapp", "whatsapp", "sms", "")
CHUNK = 1_000_000
VERSION = 2  # of the generator: a data set made by another version is made again
YEAR = timedelta(days=365)


@dataclass
class Dataset:
    people: int
    activities: int
    now: object  # the end of the year of history; every query of the benchmarks uses it


def expand(shares):
    assert sum(shares.values()) == 100, shares
    return [key for key, share in shares.items() for _n in range(share)]


def sql_array(values):
    return "(ARRAY[" + ", ".join(f"'{value}'" for value in values) + "])"


def ensure(people, activities):
    """The data set with these sizes, generated now unless the marker says it is there."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_dataset (people bigint NOT NULL,"
            " activities bigint NOT NULL, generated_at timestamptz NOT NULL)"
        )
        cursor.execute(
            "ALTER TABLE bench_dataset ADD COLUMN IF NOT EXISTS version int NOT NULL DEFAULT 1"
        )
        cursor.execute("SELECT people, activities, generated_at, version FROM bench_dataset")
        row = cursor.fetchone()
    if row and tuple(row[:2]) == (people, activities) and row[3] == VERSION:
        log(f"Reusing the data set: {people:,} people, {activities:,} activities.")
        return Dataset(people, activities, row[2])
    refuse_foreign_data(row)
    return generate(people, activities)


def refuse_foreign_data(marker):
    """Never wipe a database we did not fill: people without our marker are someone's data."""
    from groundswell.people.models import Person

    # The hot path benchmark's own people (source "bench-hot") may be left by an interrupted run.
    if marker is None and Person.objects.exclude(source="bench-hot").exists():
        raise SystemExit(
            "The benchmark database has people but no bench_dataset marker: it is not ours to "
            "wipe. Point BENCH_DATABASE_URL at a database of its own."
        )


def generate(people, activities):
    from django.db import connection, transaction
    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    started = time.monotonic()
    log(f"Generating {people:,} people and {activities:,} activities (once; reused after)…")
    # Campaigns first, in their own transaction: a table with pending trigger events (rows
    # written in this transaction) could not have its foreign keys dropped for the bulk load.
    with transaction.atomic(), connection.cursor() as cursor:
        campaigns = ensure_campaigns(cursor)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("DELETE FROM bench_dataset")
        cursor.execute(
            "TRUNCATE people_person, journeys_activity, journeys_personstats,"
            " journeys_stagetransition RESTART IDENTITY CASCADE"
        )
        cursor.execute("SELECT setseed(0.2026)")
        with without_indexes(cursor, "people_person"):
            insert_people(cursor, people, now)
        with without_indexes(cursor, "journeys_activity"):
            insert_activities(cursor, people, activities, now, campaigns)
        with without_indexes(cursor, "journeys_personstats"):
            insert_stats(cursor, now)
        cursor.execute(
            "INSERT INTO bench_dataset (people, activities, generated_at, version)"
            " VALUES (%s, %s, %s, %s)",
            [people, activities, now, VERSION],
        )
    log("VACUUM ANALYZE…")
    with connection.cursor() as cursor:
        for table in ("people_person", "journeys_activity", "journeys_personstats"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    log(f"Generated in {time.monotonic() - started:.0f} s.")
    return Dataset(people, activities, now)


class without_indexes:  # noqa: N801 - used as a statement: `with without_indexes(...)`
    """Drop a table's secondary indexes and foreign keys for a bulk load, then rebuild them:
    one sort per index and one join per key instead of a million little updates."""

    def __init__(self, cursor, table):
        self.cursor, self.table = cursor, table

    def __enter__(self):
        cursor, table = self.cursor, self.table
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s"
            " AND i.indexname NOT IN (SELECT conname FROM pg_constraint)",
            [table],
        )
        self.indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        self.keys = cursor.fetchall()
        for name, _definition in self.keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in self.indexes:
            cursor.execute(f'DROP INDEX "{name}"')

    def __exit__(self, *exc):
        if exc[0] is not None:
            return False
        log(f"  rebuilding {len(self.indexes)} indexes and {len(self.keys)} keys of {self.table}")
        for _name, definition in self.indexes:
            self.cursor.execute(definition)
        for name, definition in self.keys:
            self.cursor.execute(f'ALTER TABLE {self.table} ADD CONSTRAINT "{name}" {definition}')
        return False


def ensure_campaigns(cursor):
    from groundswell.campaigns.models import Campaign

    ids = []
    for slug in ("clean-air", "water-is-a-right", "fair-pay-for-care", "girls-in-school"):
        campaign, _created = Campaign.objects.get_or_create(
            slug=slug, defaults={"title": {"en": slug}, "status": "live"}
        )
        ids.append(campaign.pk)
    return ids


# People join evenly over the year in id order, so "who had joined by time t" is ids 1..k(t)
# and activities can follow sign-ups without a join.
CREATED = "(%(start)s::timestamptz + (({id} - 0.5) / %(people)s) * interval '365 days')"
BUSY_EVERY, BUSY_SHARE = 10, 0.3  # every 10th person also gets 30% of all activity on top


def created(id_expression):
    return CREATED.format(id=id_expression)


def insert_people(cursor, people, now):
    log(f"  people: {people:,}")
    countries = sql_array(expand(COUNTRY_SHARES))
    language = "CASE c " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in LANGUAGE.items())
    cursor.execute(
        f"""
        INSERT INTO people_person (
            uuid, given_name, family_name, email, phone, language, country, region, locality,
            postal_code, latitude, longitude, gender, gender_self_described, source,
            custom_fields, referral_code, created_at, modified_at)
        SELECT md5('bench' || i)::uuid, 'Given' || (i %% 997), 'Family' || (i %% 1009),
               'p' || i || '@bench.example.org', NULL, {language} ELSE 'en' END, c, '', '',
               '', NULL, NULL, (ARRAY['woman', 'man', ''])[1 + i %% 3], '', 'bench', '{{}}',
               'b' || i, {created("i")}, {created("i")}
        FROM (SELECT i, ({countries})[1 + (i * 31) %% 100] AS c
              FROM generate_series(1, %(people)s) AS i) AS s
        """,
        {"start": now - YEAR, "people": people},
    )


def insert_activities(cursor, people, activities, now, campaigns):
    """One sign-up per person, then the rest evenly over the year, each by someone who had
    joined by then: the longer someone has been here the more they did, and a busy tenth of
    people do far more than the rest."""
    from tqdm import tqdm

    kinds = sql_array(expand(KIND_SHARES))
    channels = sql_array(CHANNELS)
    campaign_ids = "(ARRAY[" + ", ".join(map(str, campaigns)) + "]::bigint[])"
    params = {"start": now - YEAR, "people": people}
    cursor.execute(
        f"""
        INSERT INTO journeys_activity (person_id, kind, occurred_at, object_type, object_id,
                                       campaign_id, channel, data)
        SELECT i, 'signed_up', {created("i")}, '', NULL,
               {campaign_ids}[1 + i %% {len(campaigns)}], {channels}[1 + i %% 8], '{{}}'
        FROM generate_series(1, %(people)s) AS i
        """,
        params,
    )
    rest = activities - people
    with tqdm(total=rest, desc="  activities", unit=" rows", unit_scale=True) as bar:
        for low in range(0, rest, CHUNK):
            high = min(low + CHUNK, rest)
            cursor.execute(
                f"""
                INSERT INTO journeys_activity (person_id, kind, occurred_at, object_type,
                                               object_id, campaign_id, channel, data)
                SELECT CASE WHEN k >= {BUSY_EVERY} AND random() < {BUSY_SHARE}
                            THEN {BUSY_EVERY} * (1 + floor((k / {BUSY_EVERY}) * random()))::bigint
                            ELSE 1 + floor(k * random())::bigint END,
                       ({kinds})[1 + floor(random() * 100)::int], t, '', NULL,
                       CASE WHEN random() < 0.3 THEN NULL
                            ELSE {campaign_ids}[1 + floor(random() * {len(campaigns)})::int] END,
                       {channels}[1 + floor(random() * 8)::int], '{{}}'
                FROM (SELECT t, greatest(1, floor(%(people)s * extract(epoch FROM t - %(start)s)
                                                  / extract(epoch FROM interval '365 days'))
                                            )::bigint AS k
                      FROM (SELECT %(start)s::timestamptz + interval '365 days'
                                   * (1 + random() * (%(people)s - 1)) / %(people)s AS t
                            FROM generate_series(%(low)s, %(high)s - 1)) AS times) AS s
                """,
                {**params, "low": low, "high": high},
            )
            bar.update(high - low)


def insert_stats(cursor, now):
    """PersonStats from the activities, set-based, exactly as the counters would have counted."""
    from groundswell.journeys.kinds import ACTION_KINDS

    log("  person stats from the activities")
    actions = sql_array(sorted(ACTION_KINDS))
    cursor.execute(
        f"""
        WITH per_kind AS (
            SELECT person_id, kind, count(*) AS n, min(occurred_at) AS first_at,
                   max(occurred_at) AS last_at
            FROM journeys_activity GROUP BY person_id, kind
        ),
        per_day AS (
            SELECT person_id, kind, jsonb_object_agg(day, n) AS days
            FROM (SELECT person_id, kind,
                         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS n
                  FROM journeys_activity
                  WHERE occurred_at >= (((%(now)s::timestamptz AT TIME ZONE 'UTC')::date - 366)
                                        ::timestamp AT TIME ZONE 'UTC')
                  GROUP BY 1, 2, 3) AS d
            GROUP BY person_id, kind
        ),
        recent AS (
            SELECT person_id, jsonb_object_agg(kind, days) AS recent FROM per_day GROUP BY person_id
        )
        INSERT INTO journeys_personstats (
            person_id, stage_id, stage_since, first_activity_at, last_activity_at, activities,
            actions, events_attended, events_hosted, recruits, courses_completed, counts, recent,
            goal_marks)
        SELECT k.person_id, NULL, NULL, min(k.first_at), max(k.last_at), sum(k.n),
               coalesce(sum(k.n) FILTER (WHERE k.kind = ANY({actions})), 0),
               coalesce(sum(k.n) FILTER (WHERE k.kind = 'event_attended'), 0),
               coalesce(sum(k.n) FILTER (WHERE k.kind = 'event_hosted'), 0),
               coalesce(sum(k.n) FILTER (WHERE k.kind = 'recruited'), 0),
               coalesce(sum(k.n) FILTER (WHERE k.kind = 'course_completed'), 0),
               jsonb_object_agg(k.kind, k.n), coalesce(r.recent, '{{}}'), '{{}}'
        FROM per_kind AS k LEFT JOIN recent AS r USING (person_id)
        GROUP BY k.person_id, r.recent
        """,
        {"now": now},
    )
