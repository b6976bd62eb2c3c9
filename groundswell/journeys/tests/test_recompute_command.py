from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from groundswell.journeys.models import PersonStats, Stage
from groundswell.people.models import Person


def test_the_command_recomputes_and_says_how_many_people_moved(db):
    Person.objects.create(email="bare@example.org")
    Stage.objects.filter(slug="discovery").update(order=60)  # the entry rung is now the top one
    out = StringIO()

    call_command("recompute", "--now", "2026-06-15T12:00:00+00:00", stdout=out, stderr=StringIO())

    assert out.getvalue().splitlines() == [
        "1 of 1 people moved (1 up, 0 down); 1 got counters for the first time.",
        "  -> discovery: 1",
    ]
    stats = PersonStats.objects.get()
    assert (stats.stage.slug, stats.stage_since) == (
        "discovery",
        datetime(2026, 6, 15, 12, tzinfo=UTC),
    )


def test_the_command_refuses_a_time_without_an_offset(db):
    with pytest.raises(CommandError):
        call_command(
            "recompute", "--now", "2026-06-15T12:00:00", stdout=StringIO(), stderr=StringIO()
        )
