from django.urls import reverse

from groundswell.events.models import Event

URL = reverse("events:propose")
FORM = {
    "title_en": "Street stall",
    "title_fr": "Stand dans la rue",
    "languages": ["fr"],
    "starts_at": "2026-06-10T18:00",
    "ends_at": "2026-06-10T20:00",
    "time_zone": "Africa/Dakar",
    "locality": "Dakar",
    "country": "SN",
    "latitude": "14.7",
    "longitude": "-17.4",
}


def test_a_signed_in_supporter_proposes_an_event_that_waits_for_approval(client_for, world, now):
    client = client_for(world.supporter)

    response = client.post(URL, {**FORM, "group": world.group_a.pk}, follow=True)

    event = Event.objects.get()
    assert (event.status, event.host, event.group) == (
        "proposed",
        world.supporter.person,
        world.group_a,
    )
    assert "waits for a coordinator" in response.content.decode()
    assert event.starts_at.isoformat() == "2026-06-10T18:00:00+00:00"


def test_times_are_read_in_the_time_zone_given(client_for, world, now):
    client_for(world.supporter).post(URL, {**FORM, "time_zone": "America/Bogota"})

    assert Event.objects.get().starts_at.isoformat() == "2026-06-10T23:00:00+00:00"


def test_a_supporter_cannot_propose_for_a_group_they_are_not_in(client_for, world, now):
    response = client_for(world.supporter).post(URL, {**FORM, "group": world.group_b.pk})

    assert response.status_code == 200
    assert not Event.objects.exists()


def test_bad_input_shows_every_error_keeps_the_values_and_saves_nothing(client_for, world, now):
    bad = {
        **FORM,
        "starts_at": "2026-05-01T10:00",
        "ends_at": "2026-04-30T10:00",
        "time_zone": "Europe/Atlantis",
        "latitude": "95",
    }

    html = client_for(world.supporter).post(URL, bad).content.decode()

    assert "is not a time zone we know" in html
    assert "Latitude must be between -90 and 90" in html
    assert 'value="Street stall"' in html and 'value="Europe/Atlantis"' in html
    assert not Event.objects.exists()


def test_past_and_inverted_times_are_refused_with_a_clear_message(client_for, world, now):
    bad = {**FORM, "starts_at": "2026-05-01T10:00", "ends_at": "2026-04-30T10:00"}

    html = client_for(world.supporter).post(URL, bad).content.decode()

    assert "The event cannot start in the past." in html
    assert "The event must end after it starts." in html


def test_the_host_sees_their_proposals_on_the_page(client_for, world, now):
    client = client_for(world.supporter)
    client.post(URL, FORM)

    assert "Street stall" in client.get(URL).content.decode()


def test_anonymous_visitors_are_asked_to_sign_in(client, db):
    assert client.get(URL).status_code == 302
