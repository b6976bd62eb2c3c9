"""iCalendar (RFC 5545) for one event and for a group's feed, built with `icalendar`."""

from datetime import UTC, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone

from groundswell.core.i18n import localized

from .mail import absolute
from .models import Event
from .validation import time_zone_or_none

PRODID = "-//Groundswell//Events//EN"


def calendar(events, *, name=""):
    """A VCALENDAR holding `events`, each with its own time zone (TZID and VTIMEZONE)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    for event in events:
        cal.add_component(vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()


def vevent(event):
    from django.urls import reverse

    zone = time_zone_or_none(event.time_zone)
    item = icalendar.Event()
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", event.starts_at.astimezone(zone) if zone else event.starts_at)
    item.add("dtend", event.ends_at.astimezone(zone) if zone else event.ends_at)
    item.add("summary", localized(event.title))
    url = absolute(reverse("events:detail", args=[event.slug]))
    description = localized(event.description)
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    where = ", ".join(filter(None, [event.venue, event.address, event.locality, event.country]))
    item.add("location", url if event.online else where)
    if event.has_coordinates and not event.online:
        item.add("geo", (event.latitude, event.longitude))
    cancelled = event.status == Event.Status.CANCELLED
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return item
