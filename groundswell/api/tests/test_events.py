import datetime as dt

import pytest
from django.utils import timezone

from groundswell.api.hal import derived_uuid
from groundswell.events.models import RSVP, Event
from groundswell.journeys.models import Activity


@pytest.fixture
def event(world):
    start = timezone.now() + dt.timedelta(days=3)
    return Event.objects.create(
        slug="town-hall",
        title={"en": "Town hall"},
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        time_zone="Africa/Dakar",
        locality="Dakar",
        country="SN",
    )


def attendances(event):
    return f"events/{derived_uuid('events', event.pk)}/attendances"


ATTENDEE = {"person": {"given_name": "Ana", "email_addresses": [{"address": "ana@example.org"}]}}


def test_events_are_listed_in_osdi_shape(api, event):
    listing = api.get("events").json()

    item = listing["_embedded"]["osdi:events"][0]
    assert item["title"] == "Town hall"
    assert item["status"] == "confirmed"
    assert item["location"]["locality"] == "Dakar"


def test_recording_an_attendance_rsvps_through_the_events_service(api, event):
    response = api.post(attendances(event), ATTENDEE)

    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    rsvp = RSVP.objects.get()
    assert (rsvp.person.email, rsvp.status, rsvp.channel) == ("ana@example.org", "going", "api")
    assert Activity.objects.filter(kind="event_rsvp").count() == 1
    assert api.get(attendances(event)).json()["total_records"] == 1


def test_an_attendance_with_status_attended_checks_the_person_in(api, event):
    response = api.post(attendances(event), {**ATTENDEE, "status": "attended"})

    assert response.json()["status"] == "attended"
    assert RSVP.objects.get().attended_at is not None
    assert Activity.objects.filter(kind="event_attended").count() == 1


def test_a_bad_attendance_status_is_a_400(api, event):
    response = api.post(attendances(event), {**ATTENDEE, "status": "maybe"})

    assert response.status_code == 400
    assert not RSVP.objects.exists()
