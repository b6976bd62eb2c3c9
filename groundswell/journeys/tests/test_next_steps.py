from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from groundswell.journeys import next_steps
from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.kinds import COLUMN_COUNTERS, COUNTERS
from groundswell.journeys.models import Stage
from groundswell.journeys.next_steps import (
    Suggestion,
    next_best_actions,
    register_provider,
    stage_progress,
)
from groundswell.test import make_person

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def own_providers(monkeypatch):
    """Providers registered by a test go away with it."""
    monkeypatch.setattr(next_steps, "_PROVIDERS", list(next_steps._PROVIDERS))


def days_ago(n):
    return (TODAY - timedelta(days=n)).isoformat()


def facts(person=None, **recent):
    """Facts with `recent` per-day activity buckets, e.g. petition_signed={3: 1, 200: 1}."""
    buckets = {
        kind: {days_ago(n): count for n, count in days.items()} for kind, days in recent.items()
    }
    counts = {kind: sum(days.values()) for kind, days in recent.items()}
    columns = {
        column: sum(counts.get(kind, 0) for kind in COUNTERS[counter][0])
        for counter, column in COLUMN_COUNTERS.items()
    }
    return PersonFacts(
        person_id=person.pk if person else None,
        counts=counts,
        recent=buckets,
        tag_names=frozenset(),
        **columns,
    )


@pytest.fixture
def ladder():
    Stage.objects.all().delete()  # our own three rungs instead of the default five
    supporter = Stage.objects.create(slug="supporter", order=1, name={"en": "Supporter"})
    campaigner = Stage.objects.create(
        slug="campaigner",
        order=2,
        name={"en": "Campaigner", "fr": "Militant·e"},
        description={"en": "Campaigners act every month.", "fr": "Chaque mois, on agit."},
        rule={"count": "actions", "gte": 3, "within_days": 90},
    )
    leader = Stage.objects.create(
        slug="leader",
        order=3,
        name={"en": "Leader"},
        rule={
            "all": [
                {"count": "recruited", "gte": 2},
                {
                    "any": [
                        {"count": "event_hosted", "gte": 1},
                        {"count": "event_attended", "gte": 4},
                    ]
                },
                {"not": {"tag": "paused"}},
                {"count": "message_replied", "lte": 10},
            ]
        },
    )
    return supporter, campaigner, leader


def test_progress_counts_only_actions_inside_the_window(ladder):
    _supporter, campaigner, _leader = ladder
    person_facts = facts(petition_signed={3: 1, 200: 1}, letter_sent={89: 1})

    (req,) = stage_progress(campaigner, person_facts)

    assert (req.have, req.need, req.within_days, req.met) == (2, 3, 90, False)
    assert req.label == "Actions taken"


def test_progress_shows_the_nearest_branch_of_an_any_and_skips_limits_and_negations(ladder):
    leader = ladder[2]
    person_facts = facts(recruited={10: 1}, event_attended={5: 3})

    reqs = stage_progress(leader, person_facts)

    assert [(r.counter, r.have, r.need) for r in reqs] == [
        ("recruited", 1, 2),
        ("event_attended", 3, 4),
    ]


def test_a_stage_without_a_rule_needs_nothing(ladder):
    assert stage_progress(ladder[0], facts()) == []


def test_conditions_that_are_not_counts_say_whether_they_are_met(db):
    stage = Stage.objects.create(
        slug="member", order=1, name={"en": "Member"}, rule={"tag": "member"}
    )
    person_facts = facts()
    person_facts.tag_names = frozenset({"member"})

    (req,) = stage_progress(stage, person_facts)

    assert req.need is None and req.met
    assert "member" in req.label


def test_the_next_step_is_what_the_rule_still_needs(ladder):
    person = make_person("sam@example.org")

    (step, about) = next_best_actions(
        person, facts=facts(person, petition_signed={1: 1, 2: 1}), next_stage=ladder[1]
    )

    assert step.title == "Take one more action"
    assert "2 of 3" in step.why and "Campaigner" in step.why
    assert about == Suggestion(
        title="Become: Campaigner", why="Campaigners act every month.", priority=10
    )


def test_suggestions_follow_the_active_language(ladder):
    from django.utils import translation

    person = make_person("sam@example.org")
    with translation.override("fr"):
        suggestions = next_best_actions(person, facts=facts(person), next_stage=ladder[1])

    assert suggestions[-1].why == "Chaque mois, on agit."
    assert "Militant·e" in suggestions[-1].title


def test_inviting_friends_links_to_the_persons_referral_link(ladder):
    person = make_person("sam@example.org")

    suggestions = next_best_actions(person, facts=facts(person), next_stage=ladder[2])

    invite = next(s for s in suggestions if "friends" in s.title)
    assert invite.title == "Invite 2 more friends with your link"
    assert invite.url.endswith(f"/?r={person.referral_code}")


def test_nearer_goals_come_first(ladder):
    person = make_person("sam@example.org")

    titles = [
        s.title
        for s in next_best_actions(
            person, facts=facts(person, event_attended={1: 3}), next_stage=ladder[2]
        )
    ]

    assert titles == ["Attend an event", "Invite 2 more friends with your link"]


def test_at_the_top_of_the_ladder_the_rule_has_nothing_more_to_ask(ladder):
    person = make_person("sam@example.org")

    assert next_best_actions(person, facts=facts(person), next_stage=None) == []


def test_without_a_stage_yet_the_first_rung_is_next(ladder):
    ladder[0].rule = {"count": "petition_signed", "gte": 1}
    ladder[0].save()
    person = make_person("sam@example.org")

    (step,) = next_best_actions(person)

    assert step.title == "Sign a petition"


def test_other_apps_plug_in_providers_ranked_by_priority_and_limited(ladder):
    person = make_person("sam@example.org")

    @register_provider
    def events_nearby(person, facts, next_stage):
        return [
            Suggestion("Dakar climate march", url="/events/1/", priority=95),
            Suggestion("Take 3 more actions", priority=1),  # a repeat is shown once
        ]

    register_provider(events_nearby)
    suggestions = next_best_actions(person, limit=2, facts=facts(person), next_stage=ladder[1])

    assert [s.title for s in suggestions] == ["Dakar climate march", "Take 3 more actions"]
    assert suggestions[1].priority > 1


def test_a_broken_provider_does_not_hide_the_others(ladder, caplog):
    person = make_person("sam@example.org")

    @register_provider
    def broken(person, facts, next_stage):
        raise RuntimeError("boom")

    suggestions = next_best_actions(person, facts=facts(person), next_stage=ladder[1])

    assert suggestions[0].title == "Take 3 more actions"
    assert "broken" in caplog.text
