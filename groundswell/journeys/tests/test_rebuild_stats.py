from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from groundswell.journeys.models import Activity, PersonStats, StageTransition
from groundswell.journeys.services import rebuild_stats, record_activity
from groundswell.test import make_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
JOINED = NOW - timedelta(days=500)
HISTORY = [
    ("subscribed", 420),
    ("petition_signed", 400),
    ("shared", 399),
    ("letter_sent", 398),
    ("event_rsvp", 30),
    ("event_attended", 29),
    ("petition_signed", 2),
]
COUNTERS = [
    "activities",
    "actions",
    "events_attended",
    "events_hosted",
    "recruits",
    "courses_completed",
    "counts",
    "recent",
    "first_activity_at",
    "last_activity_at",
    "stage_id",
]


@pytest.fixture
def person(db):
    with time_machine.travel(JOINED, tick=False):
        return make_person("ana@example.org")


def snapshot(person):
    stats = PersonStats.objects.get(person=person)
    return {name: getattr(stats, name) for name in COUNTERS}


def journey(person):
    return [
        (t.to_stage.slug, t.at)
        for t in StageTransition.objects.filter(person=person).order_by("at", "pk")
    ]


def test_a_replay_gives_the_counters_and_stages_that_recording_each_activity_gave(person):
    # No gap long enough for a demotion, which only the nightly recompute would have made.
    recent = [(kind, days_ago % 100) for kind, days_ago in HISTORY]
    for kind, days_ago in sorted(recent, key=lambda item: -item[1]):
        with time_machine.travel(NOW - timedelta(days=days_ago), tick=False):
            record_activity(person, kind)
    recorded, recorded_journey = snapshot(person), journey(person)

    rebuild_stats([person.pk], now=NOW - timedelta(days=2))

    assert snapshot(person) == recorded
    assert journey(person) == recorded_journey
    assert set(StageTransition.objects.values_list("reason", flat=True)) == {"joined", "replay"}


def test_a_backdated_import_is_replayed_with_transitions_when_they_would_have_happened(person):
    Activity.objects.bulk_create(
        Activity(person=person, kind=kind, occurred_at=NOW - timedelta(days=days_ago))
        for kind, days_ago in HISTORY
    )

    rebuild_stats([person.pk], now=NOW)

    stats = PersonStats.objects.get(person=person)
    assert (stats.activities, stats.actions, stats.events_attended) == (7, 4, 1)
    assert stats.counts == {
        "subscribed": 1,
        "petition_signed": 2,
        "shared": 1,
        "letter_sent": 1,
        "event_rsvp": 1,
        "event_attended": 1,
    }
    # The last year only: 420 and 400 days ago are counted for life but not bucketed.
    assert set(stats.recent) == {"event_rsvp", "event_attended", "petition_signed"}
    assert journey(person) == [
        ("discovery", JOINED),
        ("intention", NOW - timedelta(days=420)),
        ("taking_action", NOW - timedelta(days=400)),
        ("sustaining", NOW - timedelta(days=398)),
        # 180 days without activity after 2025-05-13: the nightly recompute moved them down.
        ("taking_action", datetime(2025, 11, 9, tzinfo=UTC)),
        # An action and an event within 90 days.
        ("sustaining", NOW - timedelta(days=2)),
    ]
    assert stats.stage.slug == "sustaining"
    assert stats.stage_since == NOW - timedelta(days=2)


def test_a_replay_replaces_the_old_counters_and_history(person):
    with time_machine.travel(NOW, tick=False):
        record_activity(person, "petition_signed")
    Activity.objects.all().delete()

    rebuild_stats([person.pk], now=NOW)

    assert snapshot(person)["activities"] == 0
    assert journey(person) == [("discovery", JOINED)]


def test_replaying_people_who_do_not_exist_does_nothing(db):
    rebuild_stats([123456], now=NOW)

    assert not PersonStats.objects.exists()
