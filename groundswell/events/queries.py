"""Read-only questions about events: finding them, places people know, attendee lists."""

from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.core.cache import cache
from django.db.models import Avg, Count, Q
from django.utils import timezone

from groundswell.core.geo import bounding_box, valid_coordinates, within

from .models import RSVP, Event

LOCALITIES_CACHE = "events:localities"
LOCALITIES_MIN_PEOPLE = 3  # a locality known only from people needs this many, for privacy


def public_events():
    return Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]
    ).select_related("campaign", "group")


@dataclass
class Search:
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 50
    mode: str = "any"  # any | online | in_person
    campaign: object = None
    language: str = ""
    date_from: object = None  # a date, in UTC
    date_to: object = None


def find_events(search, *, now=None):
    """Published upcoming events matching `search`, soonest first; near a place: in-person
    events within the radius, nearest first, then online ones (unless in_person only).
    Returns [(distance or None, event)]; the same on SQLite and PostgreSQL."""
    now = now or timezone.now()
    events = Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gt=now)
    events = events.select_related("campaign", "group").order_by("starts_at", "pk")
    if search.campaign is not None:
        events = events.filter(campaign=search.campaign)
    if search.language:
        # JSON list membership the portable way: the quoted code inside the stored text.
        events = events.filter(languages__icontains=f'"{search.language}"')
    if search.date_from:
        start = datetime.combine(search.date_from, time.min, tzinfo=UTC)
        events = events.filter(ends_at__gte=start)
    if search.date_to:
        end = datetime.combine(search.date_to, time.max, tzinfo=UTC)
        events = events.filter(starts_at__lte=end)
    online = events.filter(online=True)
    if search.mode == "online":
        return [(None, event) for event in online]
    in_person = events.filter(online=False)
    if search.latitude is None or not valid_coordinates(search.latitude, search.longitude):
        found = [(None, event) for event in (in_person if search.mode == "in_person" else events)]
        return found
    box = bounding_box(search.latitude, search.longitude, search.radius_km)
    near = within(
        in_person.filter(**box.lookups()), search.latitude, search.longitude, search.radius_km
    )
    if search.mode == "in_person":
        return near
    return near + [(None, event) for event in online]


def known_localities():
    """[(key, label, latitude, longitude)] of places a supporter may pick instead of sharing
    their position: where events are, and where at least a few people live."""
    found = cache.get(LOCALITIES_CACHE)
    if found is not None:
        return found
    places = {}
    sources = [(Event.objects.exclude(locality=""), 1)]
    from groundswell.groups.models import Group
    from groundswell.people.models import Person

    if any(field.name == "latitude" for field in Group._meta.get_fields()):
        sources.insert(0, (Group.objects.exclude(locality=""), 1))
    sources.append((Person.objects.exclude(locality=""), LOCALITIES_MIN_PEOPLE))
    for queryset, minimum in sources:
        rows = (
            queryset.filter(latitude__isnull=False, longitude__isnull=False)
            .values("country", "locality")
            .annotate(lat=Avg("latitude"), lon=Avg("longitude"), n=Count("pk"))
            .filter(n__gte=minimum)
            .order_by()
        )
        for row in rows:
            key = f"{row['country']}:{row['locality']}"
            places.setdefault(key, (row["locality"], row["country"], row["lat"], row["lon"]))
    found = sorted(
        (key, f"{name} ({country})" if country else name, lat, lon)
        for key, (name, country, lat, lon) in places.items()
    )
    found.sort(key=lambda place: place[1].lower())
    cache.set(LOCALITIES_CACHE, found, 600)
    return found


def locality(key):
    """(latitude, longitude) of a known locality's key, or None."""
    for found, _label, lat, lon in known_localities():
        if found == key:
            return lat, lon
    return None


def attendees(event):
    """The event's RSVPs for its host: going first, then the waitlist in order."""
    order = ["status", "position", "person__given_name", "pk"]
    return (
        RSVP.objects.filter(event=event)
        .exclude(status=RSVP.Status.CANCELLED)
        .select_related("person")
        .order_by(*order)
    )


def counts(event):
    """{"going": n, "waitlisted": n, "attended": n} for one event, in one query."""
    return RSVP.objects.filter(event=event).aggregate(
        going=Count("pk", filter=Q(status=RSVP.Status.GOING)),
        waitlisted=Count("pk", filter=Q(status=RSVP.Status.WAITLISTED)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )


def proposals(events):
    return events.filter(status=Event.Status.PROPOSED).select_related("host", "group")


def group_calendar_events(group):
    """The published and cancelled events of a group and the groups below it."""
    from groundswell.groups.queries import subtree

    return public_events().filter(group__in=subtree([group])).order_by("starts_at")
