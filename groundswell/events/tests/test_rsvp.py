from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from groundswell.events import services
from groundswell.events.models import RSVP
from groundswell.journeys.models import Activity
from groundswell.people.models import ConsentRecord, Person


def test_a_repeat_rsvp_is_the_same_rsvp_and_one_activity(event, guest):
    person = guest("ana@example.org")

    first, created = services.rsvp(event, person=person)
    again, created_again = services.rsvp(event, person=person)

    assert (created, created_again) == (True, False)
    assert first.pk == again.pk and again.status == RSVP.Status.GOING
    assert Activity.objects.filter(person=person, kind="event_rsvp").count() == 1


def test_the_rsvp_activity_carries_the_event_and_its_campaign(make_event, campaign, guest):
    event = make_event(campaign=campaign)
    person = guest("ana@example.org")

    services.rsvp(event, person=person)

    activity = Activity.objects.get(person=person, kind="event_rsvp")
    assert (activity.object_type, activity.object_id, activity.campaign_id) == (
        "events.event",
        event.pk,
        campaign.pk,
    )


def test_past_capacity_people_join_the_waitlist_in_order(make_event, guest):
    event = make_event(capacity=2)

    statuses = [services.rsvp(event, person=guest(f"p{i}@example.org"))[0] for i in range(4)]

    assert [(r.status, r.position) for r in statuses] == [
        ("going", None),
        ("going", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]


def test_rsvping_again_after_cancelling_takes_a_seat_again_without_a_second_activity(event, guest):
    person = guest("ana@example.org")
    found, _ = services.rsvp(event, person=person)
    services.cancel_rsvp(found)

    again, created = services.rsvp(event, person=person)

    assert (again.pk, again.status, created) == (found.pk, RSVP.Status.GOING, False)
    assert Activity.objects.filter(person=person, kind="event_rsvp").count() == 1


def test_a_guest_rsvp_finds_or_creates_the_person_with_consent_and_language(event):
    found, _ = services.rsvp_as_guest(
        event, given_name="Fatou", email="Fatou@Example.org", consent=True, language="fr"
    )

    person = Person.objects.get(email="fatou@example.org")
    assert found.person == person and person.language == "fr"
    assert ConsentRecord.objects.filter(person=person, granted=True).exists()
    again, created = services.rsvp_as_guest(event, given_name="Fatou", email="fatou@example.org")
    assert again.pk == found.pk and not created
    assert Person.objects.filter(email="fatou@example.org").count() == 1


def test_a_guest_rsvp_with_a_bad_email_saves_nobody(event):
    with pytest.raises(ValidationError):
        services.rsvp_as_guest(event, given_name="X", email="not-an-email")

    assert not RSVP.objects.exists()
    assert not Person.objects.filter(given_name="X").exists()


def test_an_event_that_is_over_takes_no_rsvp(event, now, guest):
    now.move_to(event.ends_at + timedelta(minutes=1))

    with pytest.raises(ValidationError) as excinfo:
        services.rsvp(event, person=guest("late@example.org"))

    assert excinfo.value.code == "over"


def test_a_cancelled_event_takes_no_rsvp(event, guest):
    services.cancel_event(event)

    with pytest.raises(ValidationError) as excinfo:
        services.rsvp(event, person=guest("late@example.org"))

    assert excinfo.value.code == "not_open"
