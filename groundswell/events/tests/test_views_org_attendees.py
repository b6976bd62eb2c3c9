import pytest
from django.urls import reverse

from groundswell.events import services
from groundswell.journeys.models import Activity


@pytest.fixture
def going(event, guest):
    return services.rsvp(event, person=guest("ana@example.org", family_name="Diop"))[0]


def url(event):
    return reverse("events:org-attendees", args=[event.slug])


def test_the_host_sees_attendees_the_code_and_its_qr(client_for, going, event, world):
    html = client_for(world.coord_a).get(url(event)).content.decode()

    assert "Ana Diop" in html
    assert event.check_in_code in html
    assert reverse("amplification:qr") in html


def test_the_host_checks_an_attendee_in_from_the_list(client_for, going, event, world):
    client_for(world.coord_a).post(url(event), {"rsvp": going.pk})

    going.refresh_from_db()
    assert going.attended_at is not None
    assert Activity.objects.filter(kind="event_attended", person=going.person).exists()


def test_a_supporter_hosting_an_approved_event_manages_its_attendees(client_for, world, guest, now):
    from .conftest import event_values

    event = services.propose_event(
        person=world.supporter.person, group=world.group_a, **event_values()
    )
    services.approve_event(event, actor=world.coord_a)
    found, _ = services.rsvp(event, person=guest("bo@example.org"))

    client = client_for(world.supporter)
    assert client.get(url(event)).status_code == 200
    client.post(url(event), {"rsvp": found.pk})
    found.refresh_from_db()
    assert found.attended_at is not None


def test_an_rsvp_of_another_event_cannot_be_checked_in_through_this_one(
    client_for, make_event, world, guest
):
    mine = make_event()
    theirs = make_event(group=world.group_b)
    found, _ = services.rsvp(theirs, person=guest("x@example.org"))

    response = client_for(world.coord_a).post(url(mine), {"rsvp": found.pk})

    assert response.status_code == 404
    found.refresh_from_db()
    assert found.attended_at is None


def test_cancelling_the_event_from_its_page(client_for, event, world):
    client_for(world.coord_a).post(
        reverse("events:org-cancel", args=[event.slug]), {"reason": "Rain"}
    )

    event.refresh_from_db()
    assert (event.status, event.status_note) == ("cancelled", "Rain")
