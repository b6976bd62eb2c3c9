from datetime import UTC, datetime, timedelta

import time_machine

from groundswell.journeys.models import PersonStats, StageTransition
from groundswell.journeys.services import record_activity
from groundswell.people.services import merge_people, upsert_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def test_a_new_person_gets_counters_at_the_entry_stage_with_a_joined_transition(db):
    with time_machine.travel(NOW, tick=False):
        person, created = upsert_person(email="ana@example.org", source="form")

    assert created
    stats = PersonStats.objects.get(person=person)
    assert (stats.stage.slug, stats.stage_since, stats.activities) == ("discovery", NOW, 0)
    transition = StageTransition.objects.get(person=person)
    assert (transition.from_stage, transition.to_stage.slug, transition.reason, transition.at) == (
        None,
        "discovery",
        "joined",
        NOW,
    )


def test_finding_an_existing_person_again_does_not_restart_their_journey(db):
    upsert_person(email="ana@example.org")
    upsert_person(email="ana@example.org", given_name="Ana")

    assert StageTransition.objects.count() == 1


def test_merging_two_people_recounts_the_kept_person_from_both_histories(db):
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        keep, _created = upsert_person(email="ana@example.org")
        lose, _created = upsert_person(phone="+33612345678")
        record_activity(keep, "subscribed")
        record_activity(lose, "petition_signed")
        record_activity(lose, "event_attended")

    with time_machine.travel(NOW, tick=False):
        merge_people(keep, lose)

    stats = PersonStats.objects.get(person=keep)
    assert (stats.activities, stats.actions, stats.events_attended) == (3, 1, 1)
    assert stats.counts == {"subscribed": 1, "petition_signed": 1, "event_attended": 1}
    assert stats.stage.slug == "sustaining"
    assert [
        t.to_stage.slug for t in StageTransition.objects.filter(person=keep).order_by("at", "pk")
    ] == [
        "discovery",
        "intention",
        "taking_action",
        "sustaining",
    ]
    assert not PersonStats.objects.filter(person_id=lose.pk).exists()
