from datetime import timedelta

from django.urls import reverse

from .conftest import NOW

URL = reverse("events:list")


def test_the_list_shows_upcoming_events_without_javascript_needed(client, event):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dakar clean-up" in html
    assert "<script>" not in html and "style=" not in html


def test_near_a_known_locality_finds_events_in_it_and_leaves_far_ones_out(client, make_event):
    make_event(
        locality="Abidjan",
        country="CI",
        latitude=5.36,
        longitude=-4.01,
        title={"en": "Abidjan march"},
    )
    make_event(title={"en": "Dakar picnic"})

    html = client.get(
        URL, {"place": "SN:Dakar", "radius": "25", "mode": "in_person"}
    ).content.decode()

    assert "Dakar picnic" in html and "Abidjan march" not in html
    assert "km away" in html


def test_near_the_browsers_position_works_too(client, event):
    html = client.get(
        URL, {"latitude": "14.70", "longitude": "-17.45", "radius": "10"}
    ).content.decode()

    assert "Dakar clean-up" in html


def test_impossible_coordinates_give_a_clear_error_and_keep_what_was_typed(client, event):
    response = client.get(URL, {"latitude": "123", "longitude": "-17.45", "language": "fr"})

    html = response.content.decode()
    assert "Latitude must be between -90 and 90" in html
    assert '<option value="fr" selected>' in html


def test_the_list_is_paginated(client, make_event):
    for i in range(23):
        make_event(
            title={"en": f"Meeting {i:02d}"},
            starts_at=NOW + timedelta(days=1, hours=i),
            ends_at=NOW + timedelta(days=1, hours=i + 1),
        )

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert "Meeting 00" in first and "Meeting 22" not in first
    assert "Meeting 22" in second and "Page 2 of 2" in second


def test_the_page_reads_in_spanish(client, event):
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert '<html lang="es">' in html
