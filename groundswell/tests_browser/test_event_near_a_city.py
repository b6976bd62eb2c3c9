"""Distributed events on a phone, in French: find an event near a city, RSVP, add it to a
calendar, check in with the code shown at the event."""

import re
from datetime import timedelta

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from groundswell.events import services
from groundswell.events.models import RSVP
from groundswell.test import make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"locale": "fr-FR", "viewport": {"width": 390, "height": 844}, "is_mobile": True,
         "has_touch": True}  # fmt: skip


def event_in(locality, country, lat, lon, title, *, days=3):
    starts = (timezone.now() + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    host = make_person(f"host-{locality.lower()}@example.org", given_name="Awa", country=country)
    return services.create_event(
        host=host, title={"en": title, "fr": title}, description={"fr": "Apportez des gants."},
        languages=["fr"], online=False, venue="Maison des jeunes", address="Rue 10",
        locality=locality, country=country, latitude=lat, longitude=lon, starts_at=starts,
        ends_at=starts + timedelta(hours=2), time_zone="Africa/Dakar", capacity=30,
    )  # fmt: skip


def test_a_supporter_finds_an_event_near_dakar_rsvps_adds_it_to_a_calendar_and_checks_in(
    browser, live_server, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    cache.clear()  # the list of known places is cached
    dakar = event_in("Dakar", "SN", 14.6928, -17.4467, "Nettoyage de la plage de Dakar")
    event_in("Abidjan", "CI", 5.3600, -4.0083, "Marche pour l'eau à Abidjan")
    context = browser.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(15_000)
    tab = context.new_page()

    tab.goto("/events/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Trouver un événement"
    dakar_place = tab.locator("select[name=place] option", has_text="Dakar").get_attribute("value")
    tab.select_option("select[name=place]", dakar_place)
    tab.get_by_role("button", name="Rechercher").tap()
    tab.wait_for_url(re.compile(r"place="))
    listed = tab.locator("ul.events").inner_text()
    assert "Nettoyage de la plage de Dakar" in listed
    assert "Abidjan" not in listed  # 1,800 km away

    tab.get_by_role("link", name="Nettoyage de la plage de Dakar").first.tap()
    tab.fill("input[name=given_name]", "Fatou")
    tab.fill("input[name=email]", "fatou@example.org")
    tab.get_by_role("button", name="Je participe").tap()
    tab.get_by_text("Vous participez.", exact=True).wait_for()
    rsvp = RSVP.objects.get(person__email="fatou@example.org")
    assert rsvp.status == RSVP.Status.GOING

    ics = tab.request.get(
        tab.get_by_role("link", name="Ajouter à mon agenda").get_attribute("href")
    )
    assert ics.headers["content-type"].startswith("text/calendar")
    (vevent,) = icalendar.Calendar.from_ical(ics.body()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Nettoyage de la plage de Dakar"
    assert vevent.decoded("DTSTART") == dakar.starts_at

    # Three days later, at the event (the live server runs in this process, on this clock).
    with time_machine.travel(dakar.starts_at + timedelta(minutes=10)):
        tab.get_by_role("link", name="Vous êtes à l'événement ? Enregistrez votre présence").tap()
        tab.fill("input[name=code]", dakar.check_in_code)
        if tab.locator("input[name=email]").count():  # not signed in: say who you are
            tab.fill("input[name=email]", "fatou@example.org")
        tab.locator("main form button[type=submit]").tap()
        heading = tab.get_by_role("heading", level=1, name="Votre présence est enregistrée.")
        heading.wait_for()  # the page after the POST, not the form it came from
        assert "Dakar" in tab.inner_text("main")
        rsvp.refresh_from_db()
        assert rsvp.attended_at is not None
        assert rsvp.person.stats.events_attended == 1
    context.close()
