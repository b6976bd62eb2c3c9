from datetime import timedelta

import pytest
from django.urls import reverse

from groundswell.events import services


@pytest.fixture
def going(event, guest, now):
    found = services.rsvp(event, person=guest("ana@example.org"))[0]
    now.move_to(event.starts_at - timedelta(minutes=10))
    return found


def url(event):
    return reverse("events:check-in", args=[event.slug])


def test_an_attendee_who_rsvped_in_this_browser_types_the_code_and_is_checked_in(
    client, event, now
):
    client.post(
        reverse("events:rsvp", args=[event.slug]), {"given_name": "Ana", "email": "ana@example.org"}
    )
    now.move_to(event.starts_at)

    response = client.post(url(event), {"code": event.check_in_code})

    assert "You are checked in" in response.content.decode()
    assert event.rsvps.get().attended_at is not None


def test_on_another_phone_the_attendee_gives_the_email_they_rsvped_with(client, going, event):
    response = client.post(url(event), {"code": event.check_in_code, "email": "ANA@example.org"})

    assert "You are checked in" in response.content.decode()
    going.refresh_from_db()
    assert going.attended_at is not None


def test_the_qr_code_link_fills_the_code_in(client, going, event):
    html = client.get(url(event), {"code": event.check_in_code}).content.decode()

    assert f'value="{event.check_in_code}"' in html


def test_a_wrong_code_says_so_and_keeps_what_was_typed(client, going, event):
    html = client.post(url(event), {"code": "wrong1", "email": "ana@example.org"}).content.decode()

    assert "That is not the code of this event" in html
    assert 'value="ana@example.org"' in html
    going.refresh_from_db()
    assert going.attended_at is None


def test_an_unknown_email_is_told_there_is_no_rsvp(client, going, event):
    html = client.post(
        url(event), {"code": event.check_in_code, "email": "x@example.org"}
    ).content.decode()

    assert "We have no RSVP from you" in html
