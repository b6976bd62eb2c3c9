from datetime import timedelta

import icalendar

from groundswell.events import ical, services


def parse(body):
    return icalendar.Calendar.from_ical(body)


def test_an_event_calendar_parses_back_with_its_time_zone_and_times(make_event):
    event = make_event(time_zone="America/Bogota")

    cal = parse(ical.calendar([event]))

    [vevent] = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "Dakar clean-up"
    start = vevent.decoded("dtstart")
    assert start == event.starts_at
    assert str(start.tzinfo) == "America/Bogota"
    assert vevent["dtstart"].params["TZID"] == "America/Bogota"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["America/Bogota"]
    assert vevent.decoded("dtend") - start == timedelta(hours=2)
    assert str(vevent["uid"]).startswith(f"event-{event.pk}@")
    assert "Maison des jeunes" in str(vevent["location"])
    assert vevent.decoded("geo") is not None or vevent["geo"]


def test_an_online_event_calendar_never_carries_the_joining_link(make_event):
    event = make_event(online=True, join_url="https://meet.example.org/secret")

    body = ical.calendar([event]).decode()

    assert "meet.example.org/secret" not in body
    assert f"/events/{event.slug}/" in body


def test_a_cancelled_event_shows_as_cancelled(event):
    services.cancel_event(event)
    event.refresh_from_db()

    [vevent] = parse(ical.calendar([event])).walk("VEVENT")

    assert str(vevent["status"]) == "CANCELLED"


def test_a_group_feed_holds_every_event_with_a_name(make_event):
    events = [make_event(), make_event(time_zone="Europe/Paris")]

    cal = parse(ical.calendar(events, name="Dakar group"))

    assert len(cal.walk("VEVENT")) == 2
    assert str(cal["x-wr-calname"]) == "Dakar group"
    # Dakar keeps UTC all year: its times are written in UTC (a "Z"), Paris's with its TZID.
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    assert starts == sorted(event.starts_at for event in events)
