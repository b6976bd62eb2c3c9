from datetime import timedelta

import pytest
from django.urls import reverse

from groundswell.events import services
from groundswell.events.models import RSVP

GUEST = {"given_name": "Fatou", "email": "fatou@example.org", "consent": "on"}


def page(event):
    return reverse("events:detail", args=[event.slug])


@pytest.fixture
def online(make_event):
    return make_event(
        online=True,
        join_url="https://meet.example.org/secret-room",
        venue="",
        address="",
        locality="",
        latitude=None,
        longitude=None,
    )


def test_the_page_shows_when_in_the_events_time_zone_where_a_map_link_and_calendar(
    client, make_event
):
    event = make_event(time_zone="Europe/Paris")  # 09:00 UTC is 11:00 in Paris in June

    html = client.get(page(event)).content.decode()

    assert "Dakar clean-up" in html
    assert "11:00" in html and "Europe/Paris" in html
    assert "openstreetmap.org/?mlat=14.692800&amp;mlon=-17.446700" in html
    assert reverse("events:ics", args=[event.slug]) in html


def test_a_guest_rsvps_with_the_form_and_then_sees_they_are_going(client, event):
    response = client.post(reverse("events:rsvp", args=[event.slug]), GUEST, follow=True)

    html = response.content.decode()
    assert "You are going." in html
    assert RSVP.objects.get(event=event).person.email == "fatou@example.org"


def test_the_joining_link_is_shown_only_after_an_rsvp(client, online):
    assert "secret-room" not in client.get(page(online)).content.decode()

    client.post(reverse("events:rsvp", args=[online.slug]), GUEST)

    assert "https://meet.example.org/secret-room" in client.get(page(online)).content.decode()


def test_a_signed_in_supporter_rsvps_with_one_click(client_for, world, event):
    client = client_for(world.supporter)

    client.post(reverse("events:rsvp", args=[event.slug]))

    assert RSVP.objects.get(event=event).person == world.supporter.person


def test_a_bad_email_keeps_what_was_typed_and_saves_nothing(client, event):
    response = client.post(reverse("events:rsvp", args=[event.slug]), {**GUEST, "email": "fatou@"})

    assert response.status_code == 400
    assert 'value="Fatou"' in response.content.decode()
    assert not RSVP.objects.exists()


def test_a_full_event_puts_the_guest_on_the_waitlist_and_says_so(client, make_event, guest):
    event = make_event(capacity=1)
    services.rsvp(event, person=guest("first@example.org"))

    assert "Join the waitlist" in client.get(page(event)).content.decode()
    html = client.post(
        reverse("events:rsvp", args=[event.slug]), GUEST, follow=True
    ).content.decode()

    assert "number 1 on the waitlist" in html


def test_cancelling_from_the_page_frees_the_seat(client, event):
    client.post(reverse("events:rsvp", args=[event.slug]), GUEST)

    client.post(reverse("events:cancel-rsvp", args=[event.slug]))

    assert RSVP.objects.get().status == RSVP.Status.CANCELLED


def test_the_link_in_a_mail_shows_the_rsvp_and_can_cancel_it(client, event, guest):
    found, _ = services.rsvp(event, person=guest("mail@example.org"))
    url = reverse("events:rsvp-manage", args=[services.rsvp_token(found)])

    assert "You are going." in client.get(url, follow=True).content.decode()
    client.post(url)

    found.refresh_from_db()
    assert found.status == RSVP.Status.CANCELLED


def test_a_forged_mail_link_is_a_404(client):
    assert client.get(reverse("events:rsvp-manage", args=["nope"])).status_code == 404


def test_a_proposal_is_not_public(client, world, now):
    from .conftest import event_values

    proposal = services.propose_event(person=world.supporter.person, **event_values())

    assert client.get(page(proposal)).status_code == 404
    assert client.get(reverse("events:ics", args=[proposal.slug])).status_code == 404
    assert client.post(reverse("events:rsvp", args=[proposal.slug]), GUEST).status_code == 404


def test_an_rsvp_after_the_event_ended_is_refused_with_a_message(client, event, now):
    now.move_to(event.ends_at + timedelta(hours=1))

    html = client.post(
        reverse("events:rsvp", args=[event.slug]), GUEST, follow=True
    ).content.decode()

    assert "This event is over." in html
    assert not RSVP.objects.exists()


def test_someone_on_the_waitlist_does_not_get_the_joining_link_yet(client, make_event, guest):
    event = make_event(
        online=True,
        join_url="https://meet.example.org/secret-room",
        capacity=1,
        venue="",
        address="",
        locality="",
        latitude=None,
        longitude=None,
    )
    services.rsvp(event, person=guest("first@example.org"))

    client.post(reverse("events:rsvp", args=[event.slug]), GUEST)

    assert "secret-room" not in client.get(page(event)).content.decode()
