"""Every operator of the criteria language on four people whose facts are known, checked in SQL
(over people and over counters) and in Python."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from groundswell.journeys.criteria import parse_criteria
from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.models import PersonStats
from groundswell.journeys.services import record_activity
from groundswell.people.models import Person
from groundswell.people.services import tag_person
from groundswell.test import make_person

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def people(db):
    def joined(days_ago, email, **fields):
        with time_machine.travel(NOW - timedelta(days=days_ago), tick=False):
            return make_person(email, **fields)

    ana = joined(
        500, "ana@example.org", country="FR", language="fr", gender="woman", region="Bretagne"
    )
    bob = joined(
        450, "bob@example.org", country="SN", language="en", gender="man", locality="Dakar"
    )
    cyd = joined(0, "cyd@example.org", country="GB", language="es")
    with time_machine.travel(NOW - timedelta(days=30), tick=False):
        dee = Person.objects.create(email="dee@example.org", source="import")  # no counters at all
    tag_person(ana, "volunteer")
    tag_person(bob, "donor")
    for person, kind, days_ago in [
        (ana, "event_attended", 100),
        (ana, "shared", 10),
        (ana, "petition_signed", 0),
        (bob, "subscribed", 400),
        (bob, "recruited", 89),
        (bob, "recruited", 90),
    ]:
        with time_machine.travel(NOW - timedelta(days=days_ago), tick=False):
            record_activity(person, kind)
    return {"ana": ana, "bob": bob, "cyd": cyd, "dee": dee}


CASES = [
    ({}, "ana bob cyd dee"),
    ({"any": []}, ""),
    ({"all": []}, "ana bob cyd dee"),
    ({"not": {}}, ""),
    # lifetime counts: a column, a kind kept in JSON, zero for someone without counters
    ({"count": "actions", "gte": 2}, "ana"),
    ({"count": "actions", "gt": 1}, "ana"),
    ({"count": "actions", "lte": 1}, "bob cyd dee"),
    ({"count": "actions", "lt": 1}, "bob cyd dee"),
    ({"count": "actions", "eq": 0}, "bob cyd dee"),
    ({"count": "actions", "eq": 2}, "ana"),
    ({"count": "actions", "gte": 0}, "ana bob cyd dee"),
    ({"count": "actions", "lt": 0}, ""),
    ({"count": "subscribed", "gte": 1}, "bob"),
    ({"count": "subscribed", "eq": 0}, "ana cyd dee"),
    ({"count": "recruited", "eq": 2}, "bob"),
    # windows in whole UTC days: 1 is today, 90 reaches back to 89 days ago
    ({"count": "actions", "gte": 1, "within_days": 1}, "ana"),
    ({"count": "actions", "gte": 2, "within_days": 10}, ""),
    ({"count": "actions", "gte": 2, "within_days": 11}, "ana"),
    ({"count": "recruited", "eq": 1, "within_days": 90}, "bob"),
    ({"count": "recruited", "eq": 2, "within_days": 91}, "bob"),
    ({"count": "recruited", "lt": 1, "within_days": 89}, "ana bob cyd dee"),
    ({"count": "activities", "lte": 1, "within_days": 365}, "cyd dee"),
    ({"count": "event_attended", "eq": 0, "within_days": 100}, "ana bob cyd dee"),
    ({"count": "event_attended", "gt": 0, "within_days": 101}, "ana"),
    # fields
    ({"field": "country", "eq": "FR"}, "ana"),
    ({"field": "country", "ne": "FR"}, "bob cyd dee"),
    ({"field": "country", "in": ["FR", "SN"]}, "ana bob"),
    ({"field": "country", "not_in": ["FR", "SN"]}, "cyd dee"),
    ({"field": "country", "in": []}, ""),
    ({"field": "country", "not_in": []}, "ana bob cyd dee"),
    ({"field": "country", "empty": True}, "dee"),
    ({"field": "language", "eq": "es"}, "cyd"),
    ({"field": "gender", "empty": False}, "ana bob"),
    ({"field": "region", "eq": "Bretagne"}, "ana"),
    ({"field": "locality", "ne": "Dakar"}, "ana cyd dee"),
    ({"field": "source", "eq": "import"}, "dee"),
    ({"field": "stage", "eq": "taking_action"}, "ana"),
    ({"field": "stage", "ne": "taking_action"}, "bob cyd dee"),
    ({"field": "stage", "in": ["intention", "discovery"]}, "bob cyd"),
    ({"field": "stage", "not_in": ["intention", "discovery"]}, "ana dee"),
    ({"field": "stage", "empty": True}, "dee"),
    # stage, tags
    ({"stage_at_least": "intention"}, "ana bob"),
    ({"stage_at_least": "discovery"}, "ana bob cyd"),
    ({"not": {"stage_at_least": "taking_action"}}, "bob cyd dee"),
    ({"tag": "volunteer"}, "ana"),
    ({"not": {"tag": "volunteer"}}, "bob cyd dee"),
    # days since: whole UTC days, a missing date is infinitely long ago
    ({"days_since": "last_activity", "gte": 89}, "bob cyd dee"),
    ({"days_since": "last_activity", "gt": 89}, "cyd dee"),
    ({"days_since": "last_activity", "lte": 0}, "ana"),
    ({"days_since": "last_activity", "lt": 89}, "ana"),
    ({"days_since": "last_activity", "eq": 89}, "bob"),
    ({"days_since": "first_activity", "gte": 400}, "bob cyd dee"),
    ({"days_since": "created", "eq": 30}, "dee"),
    ({"days_since": "created", "lt": 31}, "cyd dee"),
    ({"days_since": "stage_since", "lte": 0}, "cyd"),
    ({"days_since": "stage_since", "eq": 100}, "ana"),
    # combinations and negation pushed through them
    (
        {
            "all": [
                {"field": "country", "eq": "FR"},
                {"count": "actions", "gte": 2, "within_days": 90},
            ]
        },
        "ana",
    ),
    ({"any": [{"tag": "donor"}, {"field": "country", "eq": "GB"}, {"any": []}]}, "bob cyd"),
    ({"not": {"any": [{"tag": "donor"}, {"count": "actions", "gte": 1}]}}, "cyd dee"),
    ({"not": {"all": [{"tag": "donor"}, {"count": "recruited", "gte": 2}]}}, "ana cyd dee"),
    ({"not": {"not": {"count": "subscribed", "lte": 0}}}, "ana cyd dee"),
]


@pytest.mark.parametrize(("data", "expected"), CASES)
def test_each_operator_selects_the_same_people_in_sql_and_in_python(people, data, expected):
    node = parse_criteria(data)
    names = {person.pk: name for name, person in people.items()}

    in_sql = {
        names[pk] for pk in Person.objects.filter(node.to_q(NOW)).values_list("pk", flat=True)
    }
    on_stats = {
        names[pk]
        for pk in PersonStats.objects.filter(node.to_stats_q(NOW)).values_list("pk", flat=True)
    }
    in_python = {
        name for name, person in people.items() if node.matches(PersonFacts.load(person.pk), NOW)
    }

    assert in_sql == in_python == set(expected.split())
    assert on_stats == in_python - {"dee"}


def test_facts_count_as_the_criteria_do(people):
    facts = PersonFacts.load(people["bob"].pk)

    assert facts.count("recruited", now=NOW) == 2
    assert facts.count("recruited", within_days=90, now=NOW) == 1
    assert facts.count("activities", within_days=365, now=NOW) == 2
