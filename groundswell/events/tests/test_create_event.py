from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from groundswell.core.models import AuditEntry
from groundswell.events import services
from groundswell.events.models import RSVP, Event

from .conftest import NOW, event_values


def errors_of(excinfo):
    return {field: [e.code for e in errs] for field, errs in excinfo.value.error_dict.items()}


def test_an_event_is_created_published_with_a_slug_a_check_in_code_and_an_audit_row(world, now):
    event = services.create_event(actor=world.hq, group=world.group_a, **event_values())

    assert event.status == Event.Status.PUBLISHED
    assert event.slug.startswith("dakar-clean-up-")
    assert len(event.check_in_code) == 6
    assert AuditEntry.objects.filter(verb="event.created", object_id=str(event.pk)).exists()


def test_two_events_get_different_check_in_codes_and_slugs(world, now):
    one = services.create_event(**event_values())
    two = services.create_event(**event_values())

    assert one.check_in_code != two.check_in_code
    assert one.slug != two.slug


def test_a_supporter_proposal_waits_for_approval_with_the_supporter_as_host(world, now):
    person = world.supporter.person
    event = services.propose_event(person=person, group=world.group_a, **event_values())

    assert event.status == Event.Status.PROPOSED
    assert event.host == person


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        (
            {"starts_at": NOW - timedelta(hours=1), "ends_at": NOW + timedelta(hours=1)},
            "starts_at",
            "past",
        ),
        ({"ends_at": NOW + timedelta(days=3, hours=-1)}, "ends_at", "end_before_start"),
        ({"time_zone": "Africa/Atlantis"}, "time_zone", "time_zone"),
        ({"time_zone": "../../etc/passwd"}, "time_zone", "time_zone"),
        ({"latitude": 91.0}, "latitude", "coordinates"),
        ({"longitude": -200.0}, "latitude", "coordinates"),
        ({"latitude": 14.0, "longitude": None}, "latitude", "coordinates"),
        ({"latitude": float("nan")}, "latitude", "coordinates"),
        ({"capacity": 0}, "capacity", "capacity_zero"),
        ({"languages": []}, "languages", "languages"),
        ({"languages": ["xx"]}, "languages", "language"),
        ({"title": {"en": "  "}}, "__all__", "title"),
        ({"online": True, "join_url": "javascript:alert(1)"}, "join_url", "join_url"),
        ({"venue": "", "address": "", "locality": ""}, "address", "place"),
    ],
)
def test_bad_input_is_refused_with_an_error_on_its_field_and_nothing_saved(
    world, now, fields, field, code
):
    with pytest.raises(ValidationError) as excinfo:
        services.create_event(actor=world.hq, **event_values(**fields))

    assert code in errors_of(excinfo)[field]
    assert Event.objects.count() == 0
    assert not AuditEntry.objects.filter(verb="event.created").exists()


def test_the_time_zone_error_names_the_value_typed(world, now):
    with translation.override("fr"), pytest.raises(ValidationError) as excinfo:
        services.create_event(**event_values(time_zone="Mars/Olympus"))

    assert "Mars/Olympus" in excinfo.value.message_dict["time_zone"][0]


def test_an_online_event_needs_no_place(world, now):
    event = services.create_event(
        **event_values(
            online=True,
            venue="",
            address="",
            locality="",
            latitude=None,
            longitude=None,
            join_url="https://meet.example.org/abc",
        )
    )

    assert event.online and event.join_url == "https://meet.example.org/abc"


def test_the_capacity_cannot_go_below_the_people_already_going(event, guest):
    for i in range(3):
        services.rsvp(event, person=guest(f"g{i}@example.org"))

    with pytest.raises(ValidationError) as excinfo:
        services.update_event(event, capacity=2)

    assert errors_of(excinfo) == {"capacity": ["capacity_low"]}
    event.refresh_from_db()
    assert event.capacity is None


def test_raising_the_capacity_moves_people_up_from_the_waitlist(make_event, guest):
    event = make_event(capacity=1)
    first, _ = services.rsvp(event, person=guest("a@example.org"))
    second, _ = services.rsvp(event, person=guest("b@example.org"))

    services.update_event(event, capacity=2)

    second.refresh_from_db()
    assert (first.status, second.status) == (RSVP.Status.GOING, RSVP.Status.GOING)


def test_an_event_already_under_way_can_be_changed_without_moving_its_start(event, now):
    now.move_to(event.starts_at + timedelta(minutes=30))

    services.update_event(event, capacity=40)

    event.refresh_from_db()
    assert event.capacity == 40
