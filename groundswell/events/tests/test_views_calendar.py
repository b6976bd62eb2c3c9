import icalendar
from django.urls import reverse

from groundswell.groups.services import create_group


def test_the_event_ics_downloads_a_valid_calendar(client, event):
    response = client.get(reverse("events:ics", args=[event.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    [vevent] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert vevent.decoded("dtstart") == event.starts_at


def test_a_group_feed_holds_its_events_and_those_of_groups_below_it(client, make_event, world):
    make_event(title={"en": "In Dakar"})
    make_event(title={"en": "In Abidjan"}, group=world.group_b)
    elsewhere = create_group("Lima", slug="lima")
    make_event(title={"en": "In Lima"}, group=elsewhere)

    hub = client.get(reverse("events:group-calendar", args=[world.hub.slug]))
    dakar = client.get(reverse("events:group-calendar", args=[world.group_a.slug]))

    summaries = {
        str(e["summary"]) for e in icalendar.Calendar.from_ical(hub.content).walk("VEVENT")
    }
    assert summaries == {"In Dakar", "In Abidjan"}
    assert len(icalendar.Calendar.from_ical(dakar.content).walk("VEVENT")) == 1


def test_an_unknown_group_feed_is_a_404(client, db):
    assert client.get(reverse("events:group-calendar", args=["nowhere"])).status_code == 404
