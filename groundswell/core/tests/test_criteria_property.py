"""The two evaluators of the criteria language agree: for random people with random histories and
random criteria, the SQL (`to_q` over people, `to_stats_q` over counters) selects exactly the
people `matches` accepts in Python."""

import os
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groundswell.journeys.criteria import parse_criteria
from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.kinds import KINDS
from groundswell.journeys.models import Activity, PersonStats, Stage
from groundswell.journeys.services import rebuild_stats, record_activity, start_journey
from groundswell.people.models import Person, Tag, Tagging

NOW = datetime(2026, 6, 15, 13, 30, tzinfo=UTC)
TODAY = datetime.combine(NOW.date(), time.min, tzinfo=UTC)
KIND_POOL = [
    "petition_signed",
    "shared",
    "event_attended",
    "event_hosted",
    "subscribed",
    "recruited",
    "group_led",
]
COUNTER_POOL = [
    "actions",
    "activities",
    "event_attended",
    "recruited",
    "subscribed",
    "petition_signed",
    "group_led",
]
VALUES = {
    "country": ["FR", "SN", "GB"],
    "language": ["en", "es", "fr"],
    "region": ["Île-de-France", "Dakar", "dakar"],
    "locality": ["Paris", "Thiès"],
    "postal_code": ["75001", "10000"],
    "gender": ["woman", "man", "non_binary"],
    "source": ["form", "import"],
    "stage": ["discovery", "intention", "taking_action", "sustaining", "leader"],
}
TAGS = ["volunteer", "donor", "Volunteer"]
DAYS = st.one_of(
    st.sampled_from([0, 1, 2, 29, 30, 89, 90, 179, 180, 364, 365]), st.integers(0, 400)
)
OPS = st.sampled_from(["gte", "gt", "lte", "lt", "eq"])


def moment(days_ago, seconds):
    return TODAY - timedelta(days=days_ago) + timedelta(seconds=seconds)


SECONDS = st.one_of(st.sampled_from([0, 86399]), st.integers(0, 86399))
people_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "fields": st.fixed_dictionaries(
                {
                    name: st.sampled_from(["", *values])
                    for name, values in VALUES.items()
                    if name != "stage"
                }
            ),
            "created_days_ago": DAYS,
            "tags": st.sets(st.sampled_from(TAGS), max_size=2),
            "history": st.lists(st.tuples(st.sampled_from(KIND_POOL), DAYS, SECONDS), max_size=8),
            "load": st.sampled_from(["record", "replay", "no_stats", "odd_stage"]),
        }
    ),
    min_size=1,
    max_size=6,
)


def leaf():
    return st.one_of(
        st.just({}),
        st.builds(
            lambda counter, op, n, days: {
                "count": counter,
                op: n,
                **({"within_days": days} if days else {}),
            },
            st.sampled_from(COUNTER_POOL),
            OPS,
            st.integers(0, 4),
            st.one_of(st.none(), st.sampled_from([1, 2, 30, 90, 365]), st.integers(1, 365)),
        ),
        st.sampled_from(list(VALUES)).flatmap(
            lambda name: st.one_of(
                st.builds(
                    lambda op, v: {"field": name, op: v},
                    st.sampled_from(["eq", "ne"]),
                    st.sampled_from(VALUES[name]),
                ),
                st.builds(
                    lambda op, vs: {"field": name, op: vs},
                    st.sampled_from(["in", "not_in"]),
                    st.lists(st.sampled_from(VALUES[name]), max_size=3),
                ),
                st.builds(lambda empty: {"field": name, "empty": empty}, st.booleans()),
            )
        ),
        st.builds(lambda slug: {"stage_at_least": slug}, st.sampled_from(VALUES["stage"])),
        st.builds(lambda tag: {"tag": tag}, st.sampled_from(TAGS)),
        st.builds(
            lambda date, op, n: {"days_since": date, op: n},
            st.sampled_from(["last_activity", "first_activity", "created", "stage_since"]),
            OPS,
            DAYS,
        ),
    )


criteria_strategy = st.recursive(
    leaf(),
    lambda children: st.one_of(
        st.builds(lambda items: {"all": items}, st.lists(children, max_size=3)),
        st.builds(lambda items: {"any": items}, st.lists(children, max_size=3)),
        st.builds(lambda item: {"not": item}, children),
    ),
    max_leaves=6,
)


def load(spec, index, stages):
    created = moment(spec["created_days_ago"], 3600)
    person = Person.objects.create(email=f"p{index}@example.org", **spec["fields"])
    Person.objects.filter(pk=person.pk).update(created_at=created)
    person.refresh_from_db()
    for name in spec["tags"]:
        Tagging.objects.create(person=person, tag=Tag.objects.get_or_create(name=name)[0])
    history = sorted(spec["history"], key=lambda item: (-item[1], item[2]))
    if spec["load"] == "no_stats":
        # Counters always reflect activities (record_activity and rebuild_stats keep them so):
        # only someone with no history can be without a stats row.
        history = []
    if spec["load"] == "record" or spec["load"] == "no_stats":
        start_journey(person)
        for kind, days_ago, seconds in history:
            record_activity(person, kind, occurred_at=moment(days_ago, seconds))
    else:
        Activity.objects.bulk_create(
            Activity(person=person, kind=kind, occurred_at=moment(days_ago, seconds))
            for kind, days_ago, seconds in history
        )
        rebuild_stats([person.pk])
    if spec["load"] == "no_stats":
        PersonStats.objects.filter(person=person).delete()
    elif spec["load"] == "odd_stage":  # a stage set by hand, or none, from any time
        stage = [None, *stages][index % (len(stages) + 1)]
        PersonStats.objects.filter(person=person).update(
            stage=stage, stage_since=created if stage else None
        )
    return person


def selected_by_python(people, node, now):
    return {person.pk for person in people if node.matches(PersonFacts.load(person.pk), now)}


@pytest.mark.django_db
@settings(
    max_examples=int(os.environ.get("H1_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    people=people_strategy,
    criteria=st.lists(criteria_strategy, min_size=1, max_size=6),
    later=st.integers(0, 40),
)
def test_sql_and_python_select_the_same_people(people, criteria, later):
    assert set(KIND_POOL) <= set(KINDS)
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        stages = list(Stage.objects.order_by("order"))
        loaded = [load(spec, index, stages) for index, spec in enumerate(people)]
        ids = {person.pk for person in loaded}
        # Evaluate now and some days later, when windows have moved on.
        for now in (NOW, NOW + timedelta(days=later, hours=later)):
            for data in criteria:
                node = parse_criteria(data)
                expected = selected_by_python(loaded, node, now)
                in_sql = set(
                    Person.objects.filter(node.to_q(now), pk__in=ids).values_list("pk", flat=True)
                )
                assert in_sql == expected, (data, now)
                with_stats = set(
                    PersonStats.objects.filter(person__in=ids).values_list("pk", flat=True)
                )
                on_stats = set(
                    PersonStats.objects.filter(node.to_stats_q(now), person__in=ids).values_list(
                        "pk", flat=True
                    )
                )
                assert on_stats == expected & with_stats, (data, now)
        transaction.set_rollback(True)
