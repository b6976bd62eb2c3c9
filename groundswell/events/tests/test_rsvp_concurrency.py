"""Two people taking the last seat at once, from real threads with their own connections."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.core.testing import run_together
from groundswell.events import services
from groundswell.events.models import RSVP
from groundswell.test import make_person

from .conftest import event_values

pytestmark = pytest.mark.django_db(transaction=True)


def make_open_event(capacity):
    starts = timezone.now() + timedelta(days=2)
    return services.create_event(
        **event_values(capacity=capacity, starts_at=starts, ends_at=starts + timedelta(hours=2))
    )


def test_two_people_taking_the_last_seat_make_one_going_and_one_waitlisted():
    event = make_open_event(capacity=1)
    people = [make_person(f"rush{i}@example.org") for i in range(2)]

    results = run_together(lambda i: services.rsvp(event, person=people[i])[0].status, threads=2)

    assert sorted(results) == ["going", "waitlisted"]
    assert RSVP.objects.filter(status="going").count() == 1


def test_many_people_at_once_never_overfill_the_event():
    event = make_open_event(capacity=3)
    people = [make_person(f"crowd{i}@example.org") for i in range(8)]

    run_together(lambda i: services.rsvp(event, person=people[i]), threads=8)

    assert RSVP.objects.filter(status="going").count() == 3
    positions = sorted(RSVP.objects.filter(status="waitlisted").values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5]


def test_a_double_click_rsvp_is_one_rsvp():
    event = make_open_event(capacity=None)
    person = make_person("double@example.org")

    run_together(lambda i: services.rsvp(event, person=person), threads=4)

    assert RSVP.objects.filter(person=person).count() == 1
