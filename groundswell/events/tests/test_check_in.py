from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from groundswell.events import services
from groundswell.journeys.models import Activity


@pytest.fixture
def going(event, guest):
    return services.rsvp(event, person=guest("ana@example.org"))[0]


def test_the_host_checks_someone_in_once_and_attendance_is_recorded_once(going, world, now):
    now.move_to(going.event.starts_at)

    assert services.check_in(going, actor=world.coord_a) is True
    assert services.check_in(going, actor=world.coord_a) is False

    going.refresh_from_db()
    assert going.attended_at is not None
    assert Activity.objects.filter(person=going.person, kind="event_attended").count() == 1


def test_the_first_check_in_records_the_hosting_for_the_host_once(going, event, guest, world, now):
    now.move_to(event.starts_at)
    other, _ = services.rsvp(event, person=guest("bo@example.org"))

    services.check_in(going)
    services.check_in(other)

    hosted = Activity.objects.filter(kind="event_hosted")
    assert [a.person_id for a in hosted] == [world.coord_a.person_id]


def test_an_attendee_checks_in_with_the_code_shown_at_the_event(going, event, now):
    now.move_to(event.starts_at - timedelta(minutes=20))

    services.check_in_with_code(event, person=going.person, code=f" {event.check_in_code.upper()} ")

    going.refresh_from_db()
    assert going.attended_at is not None
    assert Activity.objects.get(person=going.person, kind="event_attended").channel == "code"


def test_a_wrong_code_checks_nobody_in(going, event, now):
    now.move_to(event.starts_at)

    with pytest.raises(ValidationError) as excinfo:
        services.check_in_with_code(event, person=going.person, code="zzzzzz")

    assert excinfo.value.code == "wrong_code"
    going.refresh_from_db()
    assert going.attended_at is None


def test_the_code_does_not_work_the_day_before(going, event):
    with pytest.raises(ValidationError) as excinfo:
        services.check_in_with_code(event, person=going.person, code=event.check_in_code)

    assert excinfo.value.code == "closed"


def test_someone_without_an_rsvp_is_told_so(event, guest, now):
    now.move_to(event.starts_at)

    with pytest.raises(ValidationError) as excinfo:
        services.check_in_with_code(
            event, person=guest("walkin@example.org"), code=event.check_in_code
        )

    assert excinfo.value.code == "no_rsvp"
