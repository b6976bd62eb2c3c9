from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection

from groundswell.core.models import AuditEntry
from groundswell.journeys.models import Activity, Goal, PersonStats
from groundswell.journeys.queries import goal_progress
from groundswell.journeys.services import (
    abandon_goal,
    create_goal,
    rebuild_stats,
    record_activity,
)
from groundswell.test import make_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def person(db):
    with time_machine.travel(NOW - timedelta(days=100), tick=False):
        return make_person("ana@example.org", given_name="Ana")


def record(person, kind, *, days_ago=0):
    with time_machine.travel(NOW - timedelta(days=days_ago), tick=False):
        return record_activity(person, kind)


def goal_at(person, **fields):
    with time_machine.travel(NOW - timedelta(days=50), tick=False):
        return create_goal(person, **{"title": "Attend three meetings", **fields})


def marks_of(person):
    return PersonStats.objects.get(person=person).goal_marks


def test_a_goal_is_reached_by_the_activities_it_counts(person):
    goal = goal_at(person, counter="event_attended", target=3)

    for days_ago in (30, 20):
        record(person, "event_attended", days_ago=days_ago)
    record(person, "petition_signed", days_ago=15)  # not what the goal counts
    goal.refresh_from_db()
    assert goal.reached_at is None
    record(person, "event_attended", days_ago=10)

    goal.refresh_from_db()
    assert goal.reached_at == NOW - timedelta(days=10)
    assert (
        Activity.objects.filter(person=person, kind="goal_reached", object_id=goal.pk).count() == 1
    )
    assert AuditEntry.objects.filter(verb="journeys.goal_reached", object_id=str(goal.pk)).exists()
    assert marks_of(person) == {}
    record(person, "event_attended", days_ago=5)
    assert Activity.objects.filter(kind="goal_reached").count() == 1  # reached once only


def test_activity_before_the_goal_was_set_does_not_count(person):
    for days_ago in (90, 80, 70):
        record(person, "event_attended", days_ago=days_ago)

    goal = goal_at(person, counter="event_attended", target=2)
    assert (goal.baseline, goal.mark) == (3, 5)
    assert marks_of(person) == {"event_attended": 5}
    record(person, "event_attended", days_ago=40)
    goal.refresh_from_db()
    assert goal.reached_at is None
    record(person, "event_attended", days_ago=30)
    goal.refresh_from_db()
    assert goal.reached_at is not None


def test_two_goals_on_one_counter_are_reached_each_at_its_own_mark(person):
    small = goal_at(person, counter="actions", target=1, title="One action")
    big = goal_at(person, counter="actions", target=3, title="Three actions")
    assert marks_of(person) == {"actions": 1}

    record(person, "petition_signed", days_ago=30)
    small.refresh_from_db()
    big.refresh_from_db()
    assert small.reached_at is not None and big.reached_at is None
    assert marks_of(person) == {"actions": 3}

    record(person, "letter_sent", days_ago=20)
    record(person, "shared", days_ago=10)
    big.refresh_from_db()
    assert big.reached_at is not None
    assert Activity.objects.filter(kind="goal_reached").count() == 2


def test_reaching_a_goal_can_reach_a_goal_on_any_activity(person):
    goal_at(person, counter="petition_signed", target=1, title="Sign")
    anything = goal_at(person, counter="activities", target=2, title="Do two things")

    record(person, "petition_signed", days_ago=10)  # the signature and its goal_reached

    anything.refresh_from_db()
    assert anything.reached_at is not None
    assert Activity.objects.filter(kind="goal_reached").count() == 2
    assert marks_of(person) == {}


def test_recording_costs_no_extra_query_while_a_goal_is_open_but_not_reached(
    person, django_assert_num_queries
):
    goal_at(person, counter="shared", target=10)
    for days_ago in range(45, 40, -1):  # enough history that the next ones move no stage
        record(person, "shared", days_ago=days_ago)
    postgresql = connection.vendor == "postgresql"
    with time_machine.travel(NOW, tick=False):
        with django_assert_num_queries(2 + (2 if postgresql else 4)):
            record_activity(person, "shared")
        with django_assert_num_queries(2 + (2 if postgresql else 4)):
            record_activity(person, "petition_signed")  # a counter without a goal
    assert Goal.objects.get().reached_at is None


def test_an_abandoned_goal_is_never_reached(person):
    goal = goal_at(person, counter="event_attended", target=1)

    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        abandon_goal(goal)
        abandon_goal(goal)  # twice changes nothing
    record(person, "event_attended", days_ago=30)

    goal.refresh_from_db()
    assert goal.abandoned_at == NOW - timedelta(days=40) and goal.reached_at is None
    assert marks_of(person) == {}
    assert AuditEntry.objects.filter(verb="journeys.goal_abandoned").count() == 1


def test_a_goal_must_count_something_we_know_and_at_least_once(person):
    with pytest.raises(ValidationError) as bad_counter:
        create_goal(person, title="Fly", counter="flights_taken", target=2)
    with pytest.raises(ValidationError) as bad_target:
        create_goal(person, title="Nothing", counter="actions", target=0)

    assert set(bad_counter.value.message_dict) == {"counter"}
    assert bad_target.value.message_dict == {"target": ["The number must be at least 1."]}
    assert not Goal.objects.exists()


def test_a_goal_can_be_set_before_any_activity_and_with_a_date(person):
    PersonStats.objects.filter(person=person).delete()
    with time_machine.travel(NOW, tick=False):
        goal = create_goal(
            person,
            title="Host an event",
            counter="event_hosted",
            target=1,
            source="pledge:host-one",
            due_at=NOW + timedelta(days=30),
        )

    assert (goal.baseline, goal.source) == (0, "pledge:host-one")
    assert marks_of(person) == {"event_hosted": 1}
    record(person, "event_hosted", days_ago=-1)
    goal.refresh_from_db()
    assert goal.reached_at is not None


def test_progress_counts_from_the_baseline_up_to_the_target(person):
    record(person, "petition_signed", days_ago=90)
    goal = goal_at(person, counter="actions", target=4)
    record(person, "petition_signed", days_ago=40)

    progress = goal_progress(goal, PersonStats.objects.get(person=person))

    assert (progress.done, progress.target, progress.fraction) == (1, 4, 0.25)
    assert goal_progress(goal, None).done == 0


def test_rebuilding_the_stats_keeps_the_marks_of_open_goals(person):
    record(person, "petition_signed", days_ago=90)
    goal_at(person, counter="actions", target=2)
    reached = goal_at(person, counter="shared", target=1, title="Share once")
    record(person, "shared", days_ago=40)
    reached.refresh_from_db()
    assert reached.reached_at is not None
    PersonStats.objects.filter(person=person).update(goal_marks={"wrong": 1})

    with time_machine.travel(NOW, tick=False):
        rebuild_stats([person.pk])

    assert marks_of(person) == {"actions": 3}
    record(person, "letter_sent", days_ago=1)
    assert Goal.objects.filter(reached_at__isnull=False).count() == 2
