from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection

from groundswell.journeys.models import Activity, PersonStats, Stage, StageTransition
from groundswell.journeys.services import record_activity
from groundswell.test import make_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def person(db):
    with time_machine.travel(NOW - timedelta(days=500), tick=False):
        return make_person("ana@example.org", given_name="Ana", country="FR")


def stats_of(person):
    return PersonStats.objects.select_related("stage").get(person=person)


def stages_of(person):
    return [
        (t.from_stage.slug if t.from_stage else None, t.to_stage.slug, t.reason)
        for t in StageTransition.objects.filter(person=person).order_by("at", "pk")
    ]


def record_at(person, kind, at, **kwargs):
    with time_machine.travel(at, tick=False):
        return record_activity(person, kind, **kwargs)


def test_an_activity_is_appended_and_counted_in_every_counter_it_belongs_to(person):
    activity = record_at(
        person, "petition_signed", NOW, object_type="action", object_id=7, channel="web"
    )

    assert Activity.objects.get() == activity
    assert (activity.kind, activity.occurred_at, activity.object_id, activity.channel) == (
        "petition_signed",
        NOW,
        7,
        "web",
    )
    stats = stats_of(person)
    assert (stats.activities, stats.actions, stats.events_attended) == (1, 1, 0)
    assert stats.counts == {"petition_signed": 1}
    assert stats.recent == {"petition_signed": {"2026-06-15": 1}}
    assert stats.first_activity_at == stats.last_activity_at == NOW


def test_counters_with_their_own_column_are_kept_for_events_recruits_and_courses(person):
    for kind in [
        "event_attended",
        "event_attended",
        "event_hosted",
        "recruited",
        "course_completed",
    ]:
        record_at(person, kind, NOW)

    stats = stats_of(person)
    assert (
        stats.events_attended,
        stats.events_hosted,
        stats.recruits,
        stats.courses_completed,
    ) == (2, 1, 1, 1)
    assert (stats.activities, stats.actions) == (5, 0)


def test_activities_of_one_utc_day_share_a_bucket_and_buckets_older_than_a_year_are_dropped(person):
    record_at(person, "shared", NOW - timedelta(days=367))
    record_at(person, "shared", NOW - timedelta(days=367, hours=1))
    assert stats_of(person).recent == {"shared": {"2025-06-13": 2}}

    record_at(person, "shared", NOW)

    stats = stats_of(person)
    assert stats.recent == {"shared": {"2026-06-15": 1}}
    assert stats.counts == {"shared": 3}


def test_a_backdated_activity_is_counted_on_its_own_day_and_keeps_first_and_last_in_order(person):
    record_at(person, "shared", NOW)
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        record_activity(person, "download", occurred_at=NOW - timedelta(days=10))

    stats = stats_of(person)
    assert stats.first_activity_at == NOW - timedelta(days=10)
    assert stats.last_activity_at == NOW
    assert stats.recent["download"] == {"2026-06-05": 1}


def test_an_unknown_kind_or_a_naive_time_is_refused_and_nothing_is_written(person):
    with pytest.raises(ValueError, match="unknown activity kind"):
        record_activity(person, "danced")
    with pytest.raises(ValueError, match="aware"):
        record_activity(person, "shared", occurred_at=datetime(2026, 1, 1))  # noqa: DTZ001
    assert not Activity.objects.exists()


def test_the_first_action_moves_a_person_straight_up_to_taking_action(person):
    record_at(person, "petition_signed", NOW)

    stats = stats_of(person)
    assert stats.stage.slug == "taking_action"
    assert stats.stage_since == NOW
    assert stages_of(person) == [
        (None, "discovery", "joined"),
        ("discovery", "taking_action", "activity"),
    ]


def test_each_rung_is_reached_when_its_rule_first_matches(person):
    record_at(person, "subscribed", NOW - timedelta(days=3))
    record_at(person, "petition_signed", NOW - timedelta(days=2))
    record_at(person, "shared", NOW - timedelta(days=1))
    assert stats_of(person).stage.slug == "taking_action"
    record_at(person, "letter_sent", NOW)
    assert stats_of(person).stage.slug == "sustaining"
    for _n in range(3):
        record_at(person, "recruited", NOW)

    assert [to for _from, to, _why in stages_of(person)] == [
        "discovery",
        "intention",
        "taking_action",
        "sustaining",
        "leader",
    ]
    transition = StageTransition.objects.filter(person=person, to_stage__slug="sustaining").get()
    assert transition.at == NOW


def test_a_person_whose_rule_lapsed_stays_on_their_stage_while_they_are_active(person):
    for days_ago in (120, 119, 118):
        record_at(person, "petition_signed", NOW - timedelta(days=days_ago))
    assert stats_of(person).stage.slug == "sustaining"

    record_at(person, "subscribed", NOW)  # three actions, but none in the last 90 days

    assert stats_of(person).stage.slug == "sustaining"


def test_a_backdated_activity_after_long_inactivity_demotes_from_a_stage_with_demote_after_days(
    person,
):
    for days_ago in (400, 399, 398):
        record_at(person, "petition_signed", NOW - timedelta(days=days_ago))
    assert stats_of(person).stage.slug == "sustaining"

    with time_machine.travel(NOW, tick=False):  # an import of something done 300 days ago
        record_activity(person, "subscribed", occurred_at=NOW - timedelta(days=300))

    assert stats_of(person).stage.slug == "taking_action"
    assert stages_of(person)[-1] == ("sustaining", "taking_action", "activity")


def test_there_is_no_demotion_from_a_stage_without_demote_after_days(person):
    Stage.objects.filter(slug="sustaining").update(demote_after_days=None)
    for days_ago in (400, 399, 398):
        record_at(person, "petition_signed", NOW - timedelta(days=days_ago))

    with time_machine.travel(NOW, tick=False):
        record_activity(person, "subscribed", occurred_at=NOW - timedelta(days=300))

    assert stats_of(person).stage.slug == "sustaining"


def test_someone_created_without_counters_gets_them_on_their_first_activity(db):
    from groundswell.people.models import Person

    person = Person.objects.create(email="raw@example.org")
    record_at(person, "event_attended", NOW)

    stats = stats_of(person)
    assert (stats.activities, stats.events_attended, stats.stage.slug) == (1, 1, "taking_action")


def test_recording_takes_the_same_few_queries_however_long_the_history(
    person, django_assert_num_queries
):
    for days_ago in range(40, 0, -1):
        record_at(person, "petition_signed", NOW - timedelta(days=days_ago, hours=1))
    # The savepoint and its release around the service; on PostgreSQL one read of the counters
    # with the ladder and one write; on SQLite (no round trips) the ladder, the activity, the
    # counters and the transition each have their own short statement.
    postgresql = connection.vendor == "postgresql"
    with time_machine.travel(NOW, tick=False):
        with django_assert_num_queries(2 + (2 if postgresql else 4)):
            record_activity(person, "shared")
        Stage.objects.filter(slug="leader").update(rule={"count": "shared", "gte": 2})
        with django_assert_num_queries(2 + (2 if postgresql else 5)):
            activity = record_activity(person, "shared")
    assert stats_of(person).stage.slug == "leader"
    assert Activity.objects.get(pk=activity.pk).kind == "shared"
