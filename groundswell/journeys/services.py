"""State changes of the engagement ladder: recording activities, keeping counters, moving people.

One ladder semantics, in Python (`Ladder.step`, on the hot path and in replays) and in SQL
(`recompute_stages`, for everyone at once): stages are ordered by Stage.order and the matched
stage is the highest whose rule matches. A person moves up (or stays) when matched >= current;
when matched < current they move down only if the current stage has demote_after_days and they
have been inactive at least that long ({"days_since": "last_activity", "gte": d}); else they stay.
"""

import json
import logging
from collections import defaultdict
from datetime import UTC, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import BigIntegerField, Case, Count, F, Max, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.core.bulk import bulk_insert
from groundswell.core.criteria import DaysSinceNode
from groundswell.people.models import Person, Tagging

from .criteria import VOCABULARY, CriteriaError, parse_criteria
from .facts import STAT_COLUMNS, PersonFacts
from .kinds import COLUMN_COUNTERS, COUNTERS, KINDS, counters_for_kind
from .models import Activity, Goal, PersonStats, Stage, StageTransition
from .signals import stage_changed

logger = logging.getLogger(__name__)

BUCKET_DAYS = 366  # day buckets kept in PersonStats.recent; windows reach back at most 365 days
KIND_COLUMNS = {
    kind: tuple(
        COLUMN_COUNTERS[name] for name in counters_for_kind(kind) if name in COLUMN_COUNTERS
    )
    for kind in KINDS
}
STATS_FIELDS = [
    *STAT_COLUMNS,
    "counts",
    "recent",
    "first_activity_at",
    "last_activity_at",
    "stage",
    "stage_since",
]
REPLAY_CHUNK = 500
RECOMPUTE_WORK_MEM = "256MB"  # PostgreSQL hashes each rule's set of people in memory, once
GOAL_ERRORS = {
    "title": _("Give your goal a name."),
    "counter": _("Choose what counts towards your goal from the list."),
    "target": _("The number must be at least 1."),
    "due_at": _("The date must be in the future."),
}


# --- The ladder ------------------------------------------------------------------------------


class Ladder:
    """The stages in order with their parsed rules; `step` is the one ladder semantics."""

    def __init__(self, rows):
        self.stages, self.rules, self.inactive = [], [], []
        for pk, slug, order, demote_after_days, rule in rows:
            stage = Stage(pk=pk, slug=slug, order=order, demote_after_days=demote_after_days)
            self.stages.append(stage)
            self.rules.append(_parse_rule(stage, rule))
            days = demote_after_days
            self.inactive.append(
                DaysSinceNode(VOCABULARY, "last_activity", "gte", days) if days else None
            )
        self.index = {stage.pk: i for i, stage in enumerate(self.stages)}
        self.orders = {stage.slug: stage.order for stage in self.stages}
        self.by_id = {stage.pk: stage for stage in self.stages}

    def facts(self, stats, person):
        """The facts of `person` with counters `stats`, knowing the stages without a query."""
        facts = PersonFacts.from_person(person)
        facts.stage_orders, facts.stages_by_id = self.orders, self.by_id
        facts.update_from(stats)
        return facts

    def matched(self, facts, now):
        """The index of the highest stage whose rule matches, or None."""
        for i in range(len(self.stages) - 1, -1, -1):
            if self.rules[i].matches(facts, now):
                return i
        return None

    def step(self, current_id, facts, now):
        """The stage the person should be at now, given their current stage id (or None)."""
        matched, current = self.matched(facts, now), self.index.get(current_id)
        if matched is None:
            return None if current is None else self.stages[current]
        if current is None or matched >= current:
            return self.stages[matched]
        inactive = self.inactive[current]
        if inactive is not None and inactive.matches(facts, now):
            return self.stages[matched]
        return self.stages[current]

    def case(self, now):
        """The same step as one SQL CASE over PersonStats rows: the new stage id."""
        whens = []
        for i in range(len(self.stages) - 1, -1, -1):
            rule = self.rules[i].to_stats_q(now)
            may_take = Q(stage__isnull=True) | Q(stage_id__in=[s.pk for s in self.stages[: i + 1]])
            for above in range(i + 1, len(self.stages)):
                if self.inactive[above] is not None:
                    inactive = self.inactive[above].to_stats_q(now)
                    may_take |= Q(stage_id=self.stages[above].pk) & inactive
            whens.append(When(rule & may_take, then=Value(self.stages[i].pk)))
        return Case(*whens, default=F("stage_id"), output_field=BigIntegerField())


def _parse_rule(stage, rule):
    try:
        return parse_criteria(rule)
    except CriteriaError as exc:
        # One broken rule must not stop every activity from being recorded: it matches no one.
        logger.error("stage %s has an invalid rule, matching no one: %s", stage.slug, exc)
        return parse_criteria({"any": []})


_LADDERS = {}


def _ladder_sql(aggregated=False):
    """The stages as rows (id, slug, order, demote_after_days, rule text) in order; or, for
    PostgreSQL, as a scalar expression giving them as one JSON text, to ride along another query."""
    qn = connection.ops.quote_name
    stages, order = qn(Stage._meta.db_table), qn("order")
    columns = f"id, slug, {order}, demote_after_days"
    if aggregated:
        rows = f"json_agg(json_build_array({columns}, rule) ORDER BY {order})::text"
        return f"COALESCE((SELECT {rows} FROM {stages}), '[]')"  # noqa: S608 - names from _meta
    return f"SELECT {columns}, CAST(rule AS TEXT) FROM {stages} ORDER BY {order}"  # noqa: S608


def load_ladder(cursor=None):
    """The ladder as the database has it now, in one small query; rules parse once per version."""
    if cursor is None:
        with connection.cursor() as cursor:
            return load_ladder(cursor)
    cursor.execute(_ladder_sql())
    rows = tuple(cursor.fetchall())
    ladder = _LADDERS.get(rows)
    if ladder is None:
        ladder = _remember(rows, Ladder([(*row[:4], json.loads(row[4])) for row in rows]))
    return ladder


def _ladder_from_json(text):
    ladder = _LADDERS.get(text)
    if ladder is None:
        ladder = _remember(text, Ladder(json.loads(text)))
    return ladder


def _remember(key, ladder):
    if len(_LADDERS) > 16:
        _LADDERS.clear()
    _LADDERS[key] = ladder
    return ladder


# --- Stages ----------------------------------------------------------------------------------


@transaction.atomic
def save_stage(stage, *, actor=None):
    """Create or change a stage; its rule must be valid criteria (CriteriaError otherwise)."""
    parse_criteria(stage.rule)
    created = stage.pk is None
    stage.save()
    verb = "journeys.stage_created" if created else "journeys.stage_changed"
    audit(verb, stage, actor=actor, rule=stage.rule, demote_after_days=stage.demote_after_days)
    return stage


@transaction.atomic
def delete_stage(stage, *, actor=None):
    """Remove a stage from the ladder (people on it have no stage until they next move)."""
    audit("journeys.stage_deleted", stage, actor=actor, slug=stage.slug)
    stage.delete()


# --- Counters --------------------------------------------------------------------------------


def _day(moment):
    return moment.astimezone(UTC).date()


def bucket_floor(now):
    """The oldest day (ISO) whose bucket is kept at `now`."""
    return (_day(now) - timedelta(days=BUCKET_DAYS)).isoformat()


def count_activity(stats, kind, at, *, keep_from=None):
    """Add one `kind` activity at `at` to `stats` in memory: lifetime counts, the day bucket,
    first and last activity; drop buckets older than `keep_from` (ISO day) when given."""
    for column in KIND_COLUMNS[kind]:
        setattr(stats, column, getattr(stats, column) + 1)
    stats.counts[kind] = stats.counts.get(kind, 0) + 1
    day = _day(at).isoformat()
    if keep_from is None or day >= keep_from:
        buckets = stats.recent.setdefault(kind, {})
        buckets[day] = buckets.get(day, 0) + 1
    if keep_from is not None:
        prune_buckets(stats.recent, keep_from)
    if stats.first_activity_at is None or at < stats.first_activity_at:
        stats.first_activity_at = at
    if stats.last_activity_at is None or at > stats.last_activity_at:
        stats.last_activity_at = at


def prune_buckets(recent, keep_from):
    for kind in list(recent):
        buckets = recent[kind]
        for day in [day for day in buckets if day < keep_from]:
            del buckets[day]
        if not buckets:
            del recent[kind]


def _move(stats, stage, at, reason, transitions=None):
    """Put `stats` on `stage` from `at`, writing (or collecting) the transition."""
    transition = StageTransition(
        person_id=stats.person_id,
        from_stage_id=stats.stage_id,
        to_stage=stage,
        at=at,
        reason=reason,
    )
    if transitions is None:
        transition.save(force_insert=True)
    else:
        transitions.append(transition)
    stats.stage, stats.stage_id, stats.stage_since = stage, stage.pk, at


# --- The hot path ----------------------------------------------------------------------------
# record_activity runs on every signature, so it speaks SQL directly, without model machinery in
# between (the ORM's own overhead would be most of its time): one read of the counters together
# with the ladder, then the writes (PostgreSQL takes them as one statement).

_COUNTER_COLUMNS = (
    "stage_id",
    "stage_since",
    "first_activity_at",
    "last_activity_at",
    *STAT_COLUMNS,
)
_WRITTEN = (*_COUNTER_COLUMNS, "counts", "recent")
_ACTIVITY_COLUMNS = (
    "person_id",
    "kind",
    "occurred_at",
    "object_type",
    "object_id",
    "campaign_id",
    "channel",
    "data",
)
_TRANSITION_COLUMNS = ("person_id", "from_stage_id", "to_stage_id", "at", "reason")
_SQL = {}


class _Counters:
    """The PersonStats columns record_activity reads and writes, without a model instance."""

    __slots__ = ("person_id", "stage", "goal_marks", *_WRITTEN)

    def __init__(self, person_id, row):
        self.person_id, self.stage = person_id, None
        for name, value in zip(_COUNTER_COLUMNS, row, strict=False):
            if value is not None and name.endswith(("_at", "_since")) and value.tzinfo is None:
                value = value.replace(tzinfo=UTC)  # SQLite hands back naive UTC
            setattr(self, name, value)
        self.counts, self.recent, self.goal_marks = (
            json.loads(row[len(_COUNTER_COLUMNS)]),
            json.loads(row[len(_COUNTER_COLUMNS) + 1]),
            json.loads(row[len(_COUNTER_COLUMNS) + 2] or "{}"),  # read only: goals keep it
        )


def _sql():
    """The hot path's statements for this database, built once per vendor."""
    sql = _SQL.get(connection.vendor)
    if sql is None:
        qn = connection.ops.quote_name
        stats, activity = qn(PersonStats._meta.db_table), qn(Activity._meta.db_table)
        transition = qn(StageTransition._meta.db_table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        read = ", ".join(
            [
                *(qn(c) for c in _COUNTER_COLUMNS),
                "CAST(counts AS TEXT)",
                "CAST(recent AS TEXT)",
                "CAST(goal_marks AS TEXT)",
            ]
        )
        insert = _insert_sql(activity, _ACTIVITY_COLUMNS)
        assignments = ", ".join(f"{qn(c)} = %s" for c in _WRITTEN)
        update = f"UPDATE {stats} SET {assignments} WHERE person_id = %s"  # noqa: S608
        move = _insert_sql(transition, _TRANSITION_COLUMNS)
        if connection.vendor == "postgresql":  # the ladder rides along: one round trip fewer
            read = f"{read}, {_ladder_sql(aggregated=True)}"
        sql = _SQL[connection.vendor] = {
            "read": f"SELECT {read} FROM {stats} WHERE person_id = %s{lock}",  # noqa: S608
            "insert": insert,
            "update": update,
            "move": move,
            # PostgreSQL: the activity, the counters and the transition in one round trip.
            "write": f"WITH counters AS ({update}) {insert} RETURNING id",
            "write_move": f"WITH counters AS ({update}), moved AS ({move}) {insert} RETURNING id",
        }
    return sql


def _insert_sql(table, columns):
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - names from _meta


@transaction.atomic
def record_activity(
    person,
    kind,
    *,
    occurred_at=None,
    object_type="",
    object_id=None,
    campaign=None,
    channel="",
    data=None,
):
    """Append one Activity, bump the person's counters and move them on the ladder if need be."""
    if kind not in KINDS:
        raise ValueError(f"unknown activity kind {kind!r}")
    now = timezone.now()
    occurred_at = occurred_at or now
    if timezone.is_naive(occurred_at):
        raise ValueError("occurred_at must be an aware datetime")
    sql, ops, data = _sql(), connection.ops, data or {}
    with connection.cursor() as cursor:
        cursor.execute(sql["read"], (person.pk,))
        row = cursor.fetchone()
        if row is None:  # someone created without upsert_person: give them counters now
            PersonStats.objects.get_or_create(person_id=person.pk)
            cursor.execute(sql["read"], (person.pk,))
            row = cursor.fetchone()
        stats = _Counters(person.pk, row)
        postgresql = connection.vendor == "postgresql"
        ladder = _ladder_from_json(row[-1]) if postgresql else load_ladder(cursor)
        count_activity(stats, kind, occurred_at, keep_from=bucket_floor(now))
        stage = ladder.step(stats.stage_id, ladder.facts(stats, person), now)
        moved = None
        if stage is not None and stage.pk != stats.stage_id:
            moved = (
                person.pk,
                stats.stage_id,
                stage.pk,
                ops.adapt_datetimefield_value(now),
                "activity",
            )
            stats.stage, stats.stage_id, stats.stage_since = stage, stage.pk, now
        counters = (*_written(stats, ops), person.pk)
        campaign_id = campaign.pk if campaign is not None else None
        activity = (
            person.pk,
            kind,
            ops.adapt_datetimefield_value(occurred_at),
            object_type,
            object_id,
        )
        activity = (*activity, campaign_id, channel, ops.adapt_json_value(data, None))
        if postgresql:
            cursor.execute(
                sql["write_move" if moved else "write"], (*counters, *(moved or ()), *activity)
            )
            activity_id = cursor.fetchone()[0]
        else:
            cursor.execute(sql["insert"], activity)
            activity_id = cursor.lastrowid
            cursor.execute(sql["update"], counters)
            if moved:
                cursor.execute(sql["move"], moved)
    if moved:  # receivers (webhooks) cost no query when nobody subscribed
        stage_changed.send(
            StageTransition, person=person, from_stage_id=moved[1], to_stage=stage, at=now
        )
    reached = _reached_counters(stats, kind)
    if reached:  # rare: only then do goals cost queries
        _reach_goals(person, reached, stats, now)
    return Activity(
        id=activity_id,
        person=person,
        kind=kind,
        occurred_at=occurred_at,
        object_type=object_type,
        object_id=object_id,
        campaign=campaign,
        channel=channel,
        data=data,
    )


def _written(stats, ops):
    values = []
    for name in _WRITTEN:
        value = getattr(stats, name)
        if name in ("counts", "recent"):
            value = ops.adapt_json_value(value, None)
        elif name.endswith(("_at", "_since")):
            value = ops.adapt_datetimefield_value(value)
        values.append(value)
    return values


@transaction.atomic(savepoint=False)  # inside its callers' transaction; none goes on after an error
def start_journey(person, *, now=None, new=False):
    """Give a new person their counters and the ladder's entry stage ("joined"). `new`: the
    person was created in this transaction, so they cannot have counters yet (no look)."""
    now = now or timezone.now()
    if not new and PersonStats.objects.filter(person_id=person.pk).exists():
        return None
    ladder = load_ladder()
    stats = PersonStats(person=person)
    stage = ladder.step(None, ladder.facts(stats, person), now)
    if stage is not None:
        _move(stats, stage, now, "joined")
    stats.save(force_insert=True)
    return stats


def start_journeys(people, *, now=None):
    """start_journey for many people created together in this transaction (an import), in bulk."""
    now = now or timezone.now()
    ladder = load_ladder()
    stats_rows, transitions = [], []
    for person in people:
        stats = PersonStats(person=person)
        stage = ladder.step(None, ladder.facts(stats, person), now)
        if stage is not None:
            _move(stats, stage, now, "joined", transitions)
        stats_rows.append(stats)
    bulk_insert(PersonStats, stats_rows)
    bulk_insert(StageTransition, transitions)


# --- Replaying history -----------------------------------------------------------------------


@transaction.atomic
def rebuild_stats(person_ids, *, now=None):
    """Recount the stats of `person_ids` from their activities and rewrite their stage history as
    the ladder would have made it, replaying activities in time order (reason "replay")."""
    now = now or timezone.now()
    ladder = load_ladder()
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), REPLAY_CHUNK):
        chunk = ids[start : start + REPLAY_CHUNK]
        people = Person.objects.in_bulk(chunk)
        history, tags = defaultdict(list), defaultdict(set)
        rows = Activity.objects.filter(person_id__in=chunk).order_by(
            "person_id", "occurred_at", "pk"
        )
        for person_id, kind, at in rows.values_list("person_id", "kind", "occurred_at"):
            history[person_id].append((kind, at))
        for person_id, name in Tagging.objects.filter(person_id__in=chunk).values_list(
            "person_id", "tag__name"
        ):
            tags[person_id].add(name)
        stats_rows, transitions, marks = [], [], goal_marks(chunk)
        for person_id, person in people.items():
            facts_tags = frozenset(tags[person_id])
            stats = _replay(person, history[person_id], facts_tags, ladder, now, transitions)
            stats.goal_marks = marks.get(person_id, {})
            stats_rows.append(stats)
        PersonStats.objects.filter(person_id__in=chunk).delete()
        StageTransition.objects.filter(person_id__in=chunk).delete()
        PersonStats.objects.bulk_create(stats_rows)
        StageTransition.objects.bulk_create(transitions)
    if ids:
        audit("journeys.stats_rebuilt", object_type="people.person", people=len(ids))


def _replay(person, history, tags, ladder, now, transitions):
    """The stats `person` would have if each activity had been recorded when it happened."""
    stats = PersonStats(person=person)
    facts = ladder.facts(stats, person)
    facts.tag_names = tags

    def step(at, reason):
        facts.update_from(stats)
        stage = ladder.step(stats.stage_id, facts, at)
        if stage is not None and stage.pk != stats.stage_id:
            _move(stats, stage, at, reason, transitions)
            facts.update_from(stats)
            return True
        return False

    step(min([person.created_at, *(at for _kind, at in history[:1])]), "joined")
    for kind, at in history:
        _fall_back(stats, ladder, step, until=at)
        count_activity(stats, kind, at)
        step(at, "replay")
    _fall_back(stats, ladder, step, until=now)
    step(now, "replay")
    prune_buckets(stats.recent, bucket_floor(now))
    return stats


def _fall_back(stats, ladder, step, *, until):
    """Demotions the nightly recompute would have made during a gap in activity before `until`."""
    for _attempt in ladder.stages:
        current = ladder.index.get(stats.stage_id)
        days = current is not None and ladder.stages[current].demote_after_days
        if not days or stats.last_activity_at is None:
            return
        at = datetime.combine(
            _day(stats.last_activity_at) + timedelta(days=days), time.min, tzinfo=UTC
        )
        if at > until or not step(at, "replay"):
            return


# --- Everyone at once ------------------------------------------------------------------------


@transaction.atomic
def recompute_stages(*, now=None, progress=None):
    """Put everyone on the stage the ladder gives them now, in a few set-based statements: one
    CASE per person from each stage's rule, transitions by INSERT..SELECT, then one UPDATE."""
    now = now or timezone.now()
    report = progress or (lambda step, total, label: None)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{RECOMPUTE_WORK_MEM}'")
    list(Stage.objects.select_for_update().order_by("order"))  # one recompute at a time
    ladder = load_ladder()
    report(0, 3, "counters")
    created = _create_missing_stats(now)
    report(1, 3, "ladder")
    last = StageTransition.objects.aggregate(last=Max("pk"))["last"] or 0
    if ladder.stages:
        _move_everyone(ladder, now, last)
    report(2, 3, "update")
    moves = StageTransition.objects.filter(pk__gt=last, reason="recompute")
    moved = moves.count()
    report(3, 3, "done")
    up = moves.filter(
        Q(from_stage__isnull=True) | Q(to_stage__order__gt=F("from_stage__order"))
    ).count()
    summary = {
        "people": PersonStats.objects.count(),
        "created": created,
        "moved": moved,
        "up": up,
        "down": moved - up,
        "by_stage": dict(moves.values_list("to_stage__slug").annotate(n=Count("pk")).order_by()),
    }
    audit("journeys.stages_recomputed", object_type="journeys.stage", **summary)
    return summary


def _create_missing_stats(now):
    """Counters for people who have none (created around the services): replayed when they
    have activities, else zero rows inserted in one statement. Returns how many were created."""
    missing = Person.objects.filter(stats__isnull=True)
    if not missing.exists():
        return 0
    before = PersonStats.objects.count()
    with_history = list(
        missing.filter(activities__isnull=False).values_list("pk", flat=True).distinct()
    )
    if with_history:
        rebuild_stats(with_history, now=now)
    sql, params = missing.values_list("pk").order_by().query.sql_with_params()
    empty = "'{}'::jsonb" if connection.vendor == "postgresql" else "'{}'"
    qn = connection.ops.quote_name
    columns = ["person_id", *STAT_COLUMNS, "counts", "recent", "goal_marks"]
    values = ["person_id", *["0"] * len(STAT_COLUMNS), empty, empty, empty]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH missing (person_id) AS ({sql}) "  # noqa: S608 - names from _meta
            f"INSERT INTO {qn(PersonStats._meta.db_table)} ({', '.join(qn(c) for c in columns)}) "
            f"SELECT {', '.join(values)} FROM missing",
            params,
        )
    return PersonStats.objects.count() - before


def _move_everyone(ladder, now, last):
    """Write a transition and the new stage for everyone whose stage the ladder changes: each
    person's CASE evaluated once, then one INSERT..SELECT and one joined UPDATE (PostgreSQL
    does both in one statement)."""
    rows = PersonStats.objects.annotate(new_stage=ladder.case(now)).values_list(
        "person_id", "stage_id", "new_stage"
    )
    sql, params = rows.order_by().query.sql_with_params()
    qn = connection.ops.quote_name
    stats, transitions = qn(PersonStats._meta.db_table), qn(StageTransition._meta.db_table)
    columns = ", ".join(
        qn(c) for c in ("person_id", "from_stage_id", "to_stage_id", "at", "reason")
    )
    # MATERIALIZED: evaluate each person's CASE once, not again in the WHERE.
    ladder_cte = f"WITH ladder (person_id, from_stage, to_stage) AS MATERIALIZED ({sql}) "
    changed = (
        "ladder.to_stage IS NOT NULL "
        "AND (ladder.from_stage IS NULL OR ladder.from_stage <> ladder.to_stage)"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"{ladder_cte}, moved AS ("  # noqa: S608
                f"UPDATE {stats} SET stage_id = ladder.to_stage, stage_since = %s FROM ladder "
                f"WHERE {stats}.person_id = ladder.person_id AND {changed} "
                "RETURNING ladder.person_id, ladder.from_stage, ladder.to_stage) "
                f"INSERT INTO {transitions} ({columns}) "
                "SELECT person_id, from_stage, to_stage, %s, %s FROM moved",
                (*params, now, now, "recompute"),
            )
            return
        cursor.execute(
            f"{ladder_cte} INSERT INTO {transitions} ({columns}) "  # noqa: S608
            f"SELECT person_id, from_stage, to_stage, %s, %s FROM ladder WHERE {changed}",
            (*params, now, "recompute"),
        )
        cursor.execute(
            f"UPDATE {stats} SET stage_id = moved.to_stage_id, stage_since = %s "  # noqa: S608
            f"FROM {transitions} AS moved WHERE moved.person_id = {stats}.person_id "
            "AND moved.id > %s AND moved.reason = %s",
            (now, last, "recompute"),
        )


# --- Personal goals --------------------------------------------------------------------------
# A goal is reached when a lifetime counter reaches baseline + target. PersonStats.goal_marks
# holds the lowest such mark per counter among the person's open goals, so record_activity
# notices a reached goal from the row it reads anyway, without a query of its own.


def lifetime_count(stats, counter):
    """The lifetime value of `counter` in `stats` (a PersonStats or the hot path's counters)."""
    column = COLUMN_COUNTERS.get(counter)
    return getattr(stats, column) if column else stats.counts.get(counter, 0)


def goal_marks(person_ids):
    """{person id: {counter: lowest mark}} over the open goals of `person_ids`, in one query."""
    marks = defaultdict(dict)
    for person_id, counter, baseline, target in Goal.objects.filter(
        person_id__in=person_ids, reached_at__isnull=True, abandoned_at__isnull=True
    ).values_list("person_id", "counter", "baseline", "target"):
        mark = baseline + target
        marks[person_id][counter] = min(marks[person_id].get(counter, mark), mark)
    return marks


def _save_goal_marks(person_id):
    marks = goal_marks([person_id]).get(person_id, {})
    PersonStats.objects.filter(person_id=person_id).update(goal_marks=marks)


def _locked_stats(person):
    """The person's counters, locked against a concurrent record_activity; created if missing."""
    stats = PersonStats.objects.select_for_update().filter(person_id=person.pk).first()
    if stats is None:
        start_journey(person)
        stats = PersonStats.objects.select_for_update().get(person_id=person.pk)
    return stats


def _check_goal(title, counter, target, due_at):
    errors = {}
    if not (title or "").strip():
        errors["title"] = GOAL_ERRORS["title"]
    if counter not in COUNTERS:
        errors["counter"] = GOAL_ERRORS["counter"]
    if not isinstance(target, int) or isinstance(target, bool) or target < 1:
        errors["target"] = GOAL_ERRORS["target"]
    if due_at is not None and (timezone.is_naive(due_at) or due_at <= timezone.now()):
        errors["due_at"] = GOAL_ERRORS["due_at"]
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code=field) for field, message in errors.items()}
        )


@transaction.atomic
def create_goal(person, *, title, counter, target, source="", due_at=None, actor=None):
    """Set `person` a goal: raise lifetime `counter` by `target` from its value now (the
    baseline: past activity does not count). ValidationError names the field at fault."""
    _check_goal(title, counter, target, due_at)
    stats = _locked_stats(person)
    goal = Goal.objects.create(
        person=person,
        title=title.strip()[: Goal._meta.get_field("title").max_length],
        counter=counter,
        target=target,
        baseline=lifetime_count(stats, counter),
        source=source,
        due_at=due_at,
    )
    _save_goal_marks(person.pk)
    audit("journeys.goal_created", goal, actor=actor, counter=counter, target=target, source=source)
    return goal


@transaction.atomic
def abandon_goal(goal, *, actor=None):
    """The person gives up an open goal; a reached or already abandoned goal stays as it is."""
    _locked_stats(goal.person)
    changed = Goal.objects.filter(
        pk=goal.pk, reached_at__isnull=True, abandoned_at__isnull=True
    ).update(abandoned_at=timezone.now())
    goal.refresh_from_db(fields=["reached_at", "abandoned_at"])
    if changed:
        _save_goal_marks(goal.person_id)
        audit("journeys.goal_abandoned", goal, actor=actor)
    return goal


def _reached_counters(stats, kind):
    """The counters just bumped by one `kind` activity that reached one of the person's marks."""
    marks = stats.goal_marks
    if not marks:
        return ()
    return [
        counter
        for counter in counters_for_kind(kind)
        if counter in marks and lifetime_count(stats, counter) >= marks[counter]
    ]


def _reach_goals(person, counters, stats, now):
    """Mark reached the open goals on `counters` that `stats` now meets, refresh the marks, and
    record a goal_reached activity for each (which may in turn reach an "activities" goal)."""
    goals = Goal.objects.select_for_update().filter(
        person_id=person.pk,
        counter__in=counters,
        reached_at__isnull=True,
        abandoned_at__isnull=True,
    )
    reached = [goal for goal in goals if lifetime_count(stats, goal.counter) >= goal.mark]
    for goal in reached:
        goal.reached_at = now
        goal.save(update_fields=["reached_at"])
        audit("journeys.goal_reached", goal, counter=goal.counter, target=goal.target)
    _save_goal_marks(person.pk)
    for goal in reached:
        record_activity(person, "goal_reached", object_type="goal", object_id=goal.pk)
