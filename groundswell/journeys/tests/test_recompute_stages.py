import random
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.kinds import KINDS
from groundswell.journeys.models import Activity, PersonStats, Stage, StageTransition
from groundswell.journeys.services import load_ladder, recompute_stages, record_activity
from groundswell.people.models import Person
from groundswell.test import make_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def stage_of(person):
    return PersonStats.objects.get(person=person).stage.slug


def join(email, at=NOW - timedelta(days=500)):
    with time_machine.travel(at, tick=False):
        return make_person(email)


def record_at(person, kind, at):
    with time_machine.travel(at, tick=False):
        record_activity(person, kind)


@pytest.fixture
def crowd(db):
    """Forty people with random histories, each recorded when it happened."""
    rng = random.Random(20260615)
    people = []
    for n in range(40):
        person = join(f"p{n}@example.org")
        events = sorted(
            (
                NOW - timedelta(days=rng.randint(0, 400), seconds=rng.randint(0, 86399)),
                rng.choice(list(KINDS)),
            )
            for _i in range(rng.randint(0, 9))
        )
        for at, kind in events:
            record_at(person, kind, at)
        people.append(person)
    return people


def test_recompute_puts_everyone_where_the_ladder_in_python_would(crowd):
    later = NOW + timedelta(days=200)  # windows lapse, inactivity grows
    ladder = load_ladder()
    expected = {}
    for person in crowd:
        facts = PersonFacts.load(person.pk)
        stats = PersonStats.objects.get(person=person)
        expected[person.pk] = ladder.step(stats.stage_id, facts, later).slug

    summary = recompute_stages(now=later)

    assert {p.pk: stage_of(p) for p in crowd} == expected
    moved = sum(
        1
        for person in crowd
        if StageTransition.objects.filter(person=person, reason="recompute").exists()
    )
    assert summary["moved"] == moved > 0
    assert summary["down"] > 0


def test_recompute_right_after_recording_moves_no_one(crowd):
    with time_machine.travel(NOW, tick=False):
        summary = recompute_stages()

    assert summary["moved"] == 0
    assert not StageTransition.objects.filter(reason="recompute").exists()


def test_after_a_rule_change_recompute_moves_people_and_says_why(db):
    subscriber, bystander = join("sub@example.org"), join("by@example.org")
    record_at(subscriber, "subscribed", NOW - timedelta(days=1))
    assert stage_of(subscriber) == "intention"
    Stage.objects.filter(slug="taking_action").update(rule={"count": "subscribed", "gte": 1})

    summary = recompute_stages(now=NOW)

    assert (stage_of(subscriber), stage_of(bystander)) == ("taking_action", "discovery")
    transition = StageTransition.objects.get(reason="recompute")
    assert (
        transition.person,
        transition.from_stage.slug,
        transition.to_stage.slug,
        transition.at,
    ) == (
        subscriber,
        "intention",
        "taking_action",
        NOW,
    )
    assert PersonStats.objects.get(person=subscriber).stage_since == NOW
    assert summary == {
        "people": 2,
        "created": 0,
        "moved": 1,
        "up": 1,
        "down": 0,
        "by_stage": {"taking_action": 1},
    }
    assert recompute_stages(now=NOW)["moved"] == 0


def test_recompute_demotes_only_people_inactive_for_the_stage_s_demote_after_days(db):
    lapsed, resting = join("lapsed@example.org"), join("resting@example.org")
    for person, last in ((lapsed, NOW - timedelta(days=181)), (resting, NOW - timedelta(days=170))):
        for hours in (2, 1, 0):
            record_at(person, "petition_signed", last - timedelta(hours=hours))
    assert stage_of(lapsed) == stage_of(resting) == "sustaining"

    recompute_stages(now=NOW)

    assert (stage_of(lapsed), stage_of(resting)) == ("taking_action", "sustaining")


def test_people_without_counters_get_them_and_a_stage(db):
    bare = Person.objects.create(email="bare@example.org")
    imported = Person.objects.create(email="imported@example.org")
    Activity.objects.create(
        person=imported, kind="event_attended", occurred_at=NOW - timedelta(days=3)
    )

    summary = recompute_stages(now=NOW)

    assert summary["created"] == 2
    assert (stage_of(bare), stage_of(imported)) == ("discovery", "taking_action")
    assert PersonStats.objects.get(person=imported).events_attended == 1


def test_recompute_reports_its_progress(db):
    steps = []

    recompute_stages(now=NOW, progress=lambda step, total, label: steps.append((step, total)))

    assert steps[0] == (0, 3) and steps[-1] == (3, 3)
