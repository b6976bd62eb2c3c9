"""Recompute: journeys.services.recompute_stages against one hand-written set-based statement.

Over the big data set, everyone starts at the first stage (transitions cleared), then each side
puts everyone on the stage the default ladder gives them now and records a transition for each
move. Both must leave every person on the same stage. Two rounds, alternated; best of each.
"""

import time
from datetime import UTC, datetime, timedelta
from importlib import import_module

from common import big_dataset, log, report

RATIO_TARGET = 2.0
SECONDS_TARGET = 60.0
ROUNDS = 2

# The default ladder (journeys/migrations/0002_default_stages.py) as a competent engineer would
# write it by hand: lifetime counters from the stats row, the 90-day window from one grouped
# pass over the activities, then the ladder's rule: move up freely, move down only after the
# current stage's inactivity period.
HAND_SQL = """
WITH recent AS (
    SELECT person_id,
           count(*) FILTER (WHERE kind = ANY(%(actions)s)) AS actions,
           count(*) FILTER (WHERE kind = 'event_attended') AS attended
    FROM journeys_activity
    WHERE occurred_at >= %(since_90)s AND kind = ANY(%(window_kinds)s)
    GROUP BY person_id
),
matched AS (
    SELECT s.person_id, s.stage_id, s.last_activity_at,
           CASE
             WHEN s.events_hosted >= 1 OR s.recruits >= 3
                  OR coalesce((s.counts ->> 'group_led')::bigint, 0) >= 1 THEN 50
             WHEN coalesce(r.actions, 0) >= 3 OR coalesce(r.attended, 0) >= 2
                  OR (coalesce(r.actions, 0) >= 1 AND coalesce(r.attended, 0) >= 1) THEN 40
             WHEN s.actions >= 1 OR s.events_attended >= 1 THEN 30
             WHEN coalesce((s.counts ->> 'subscribed')::bigint, 0) >= 1
                  OR coalesce((s.counts ->> 'event_rsvp')::bigint, 0) >= 1
                  OR coalesce((s.counts ->> 'course_enrolled')::bigint, 0) >= 1
                  OR coalesce((s.counts ->> 'group_joined')::bigint, 0) >= 1 THEN 20
             ELSE 10
           END AS matched_order
    FROM journeys_personstats AS s
    LEFT JOIN recent AS r USING (person_id)
),
ladder AS (
    SELECT m.person_id, m.stage_id AS from_stage,
           CASE
             WHEN cur.id IS NULL OR new."order" >= cur."order" THEN new.id
             WHEN cur.demote_after_days IS NOT NULL
                  AND (m.last_activity_at IS NULL OR m.last_activity_at
                       < %(today)s - (cur.demote_after_days - 1) * interval '1 day') THEN new.id
             ELSE cur.id
           END AS to_stage
    FROM matched AS m
    JOIN journeys_stage AS new ON new."order" = m.matched_order
    LEFT JOIN journeys_stage AS cur ON cur.id = m.stage_id
),
moves AS (
    INSERT INTO journeys_stagetransition (person_id, from_stage_id, to_stage_id, at, reason)
    SELECT person_id, from_stage, to_stage, %(now)s, 'recompute'
    FROM ladder
    WHERE from_stage IS DISTINCT FROM to_stage
    RETURNING person_id, to_stage_id
)
UPDATE journeys_personstats AS s
SET stage_id = moves.to_stage_id, stage_since = %(now)s
FROM moves
WHERE s.person_id = moves.person_id
"""


def main():
    data = big_dataset(__doc__)
    check_default_ladder()
    service_times, hand_times = [], []
    for round_ in range(1, ROUNDS + 1):
        reset(data.now)
        service_times.append(timed(f"round {round_}: recompute_stages", run_service, data.now))
        snapshot()
        reset(data.now)
        hand_times.append(timed(f"round {round_}: hand-written SQL", run_hand, data.now))
        differences, moved = compare()
        assert differences == 0, f"{differences:,} people end on another stage than the service's"
    service, hand = min(service_times), min(hand_times)
    ratio = service / hand
    report(
        "recompute (PostgreSQL)",
        ratio=ratio,
        label="service/hand",
        target=f"<= {RATIO_TARGET:.0f}, service < {SECONDS_TARGET:.0f} s",
        ok=ratio <= RATIO_TARGET and service < SECONDS_TARGET,
        detail=(
            f"recompute_stages {service:.1f} s, hand {hand:.1f} s, {moved:,} people moved; "
            f"{data.people:,} people, {data.activities:,} activities"
        ),
        service_seconds=service,
        hand_seconds=hand,
        moved=moved,
    )


def check_default_ladder():
    """The hand-written SQL encodes the default ladder: refuse to compare against another one."""
    from groundswell.journeys.models import Stage

    default = import_module("groundswell.journeys.migrations.0002_default_stages").STAGES
    expected = [(s["order"], s["rule"], s.get("demote_after_days")) for s in default]
    actual = list(Stage.objects.order_by("order").values_list("order", "rule", "demote_after_days"))
    if actual != expected:
        raise SystemExit("The benchmark database's ladder is not the default one the SQL encodes.")


def reset(now):
    """Everyone at the first stage since a year ago, no transitions, tables vacuumed."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE journeys_stagetransition")
        cursor.execute(
            "UPDATE journeys_personstats SET stage_id = (SELECT id FROM journeys_stage"
            ' ORDER BY "order" LIMIT 1), stage_since = %s',
            [now - timedelta(days=365)],
        )
        for table in ("journeys_personstats", "journeys_stagetransition"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def timed(label, func, now):
    log(f"{label}…")
    started = time.perf_counter()
    func(now)
    seconds = time.perf_counter() - started
    log(f"  {seconds:.1f} s")
    return seconds


def run_service(now):
    from groundswell.journeys.services import recompute_stages

    recompute_stages(now=now)


def run_hand(now):
    from django.db import connection, transaction

    from groundswell.journeys.kinds import ACTION_KINDS

    today = datetime.combine(now.astimezone(UTC).date(), datetime.min.time(), UTC)
    actions = sorted(ACTION_KINDS)
    params = {
        "actions": actions,
        "window_kinds": [*actions, "event_attended"],
        "since_90": today - timedelta(days=89),
        "today": today,
        "now": now,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")  # as recompute_stages does
        cursor.execute(HAND_SQL, params)


def snapshot():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_recompute_result")
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_recompute_result AS"
            " SELECT person_id, stage_id FROM journeys_personstats"
        )


def compare():
    """(people whose stage differs from the service's, transitions written by the hand SQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM journeys_personstats AS s"
            " FULL JOIN bench_recompute_result AS r USING (person_id)"
            " WHERE s.stage_id IS DISTINCT FROM r.stage_id"
        )
        differences = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM journeys_stagetransition")
        return differences, cursor.fetchone()[0]


if __name__ == "__main__":
    main()
