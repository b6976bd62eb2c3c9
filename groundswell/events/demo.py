"""Demo events: upcoming and past, online and in several countries, one full with a waitlist,
one proposal waiting for approval, with RSVPs and attendance. Made through the services.

    from groundswell.events.demo import create_demo_events
    create_demo_events()          # safe to run again: does nothing once demo events exist
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.groups.models import Group, Membership
from groundswell.groups.services import create_group
from groundswell.people.services import upsert_person

from . import services
from .models import Event

DEMO_DOMAIN = "demo.groundswell.localhost"
# (key, country, locality, time zone, latitude, longitude, group name, language)
PLACES = {
    "london": ("GB", "London", "Europe/London", 51.5072, -0.1276, "London group", "en"),
    "dakar": ("SN", "Dakar", "Africa/Dakar", 14.6928, -17.4467, "Groupe de Dakar", "fr"),
    "paris": ("FR", "Paris", "Europe/Paris", 48.8566, 2.3522, "Groupe de Paris", "fr"),
    "bogota": ("CO", "Bogotá", "America/Bogota", 4.7110, -74.0721, "Grupo de Bogotá", "es"),
    "nairobi": ("KE", "Nairobi", "Africa/Nairobi", -1.2921, 36.8219, "Nairobi group", "en"),
}
# (place or None for online, title per language, days from now, hours long, capacity, RSVPs)
EVENTS = (
    ("london", {"en": "Letter-writing evening"}, 5, 2, 20, 6),
    ("dakar", {"fr": "Nettoyage de la plage de Yoff", "en": "Yoff beach clean-up"}, 2, 3, 4, 6),
    ("paris", {"fr": "Atelier pancartes", "en": "Placard workshop"}, 12, 2, None, 4),
    ("bogota", {"es": "Asamblea del barrio", "en": "Neighbourhood assembly"}, 8, 2, 30, 5),
    ("nairobi", {"en": "Tree planting in Karura"}, 15, 4, 50, 3),
    (None, {"en": "New volunteer training", "es": "Formación para voluntarios",
            "fr": "Formation des bénévoles"}, 3, 1, None, 8),
    ("dakar", {"fr": "Réunion du groupe", "en": "Group meeting"}, -9, 2, None, 5),
    ("london", {"en": "Street stall"}, -20, 3, 10, 6),
    (None, {"en": "Campaign call", "es": "Llamada de campaña"}, -4, 1, None, 6),
)  # fmt: skip


@transaction.atomic
def create_demo_events(*, now=None):
    """Create the demo events once; returns how many events exist afterwards."""
    now = now or timezone.now()
    if Event.objects.exists():
        return Event.objects.count()
    for i, (place, title, days, hours, capacity, rsvps) in enumerate(EVENTS):
        starts = (now + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
        event = _event(i, place, title, starts, hours, capacity, now)
        _fill(event, i, rsvps, now)
    _proposal(now)
    return Event.objects.count()


def _event(i, place, title, starts, hours, capacity, now):
    values = {
        "title": title,
        "description": {code: "Demo event." for code in title},
        "languages": sorted(title),
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=hours),
        "capacity": capacity,
    }
    if place is None:
        values |= {"online": True, "join_url": "https://meet.example.org/demo", "time_zone": "UTC"}
        group, host = None, _demo_person("host-online", "Robin", "en", "GB")
    else:
        country, locality, zone, lat, lon, _name, language = PLACES[place]
        group = _group(place)
        values |= {
            "venue": "Community hall", "address": f"1 Main Street, {locality}",
            "locality": locality, "country": country, "latitude": lat, "longitude": lon,
            "time_zone": zone,
        }  # fmt: skip
        host = _coordinator(group) or _demo_person(f"host-{place}", "Host", language, country)
    created_at = min(now, starts - timedelta(days=14))  # past events were made before they ran
    return services.create_event(host=host, group=group, now=created_at, **values)


def _fill(event, i, count, now):
    """RSVPs (past the capacity, a waitlist); people at past events were checked in."""
    country, language = event.country or "GB", (event.languages or ["en"])[0]
    at = min(now, event.starts_at - timedelta(days=2))
    for n in range(count):
        person = _demo_person(f"attendee-{i}-{n}", f"Guest {n + 1}", language, country)
        found, _ = services.rsvp(event, person=person, now=at)
        if event.ends_at < now and n % 4 != 3 and found.status == "going":
            services.check_in(found, method="host", now=event.starts_at + timedelta(minutes=10))
    if event.ends_at < now:
        services.record_hosting(event, now=event.ends_at)


def _proposal(now):
    starts = (now + timedelta(days=10)).replace(hour=17, minute=0, second=0, microsecond=0)
    _country, locality, zone, lat, lon, _name, _lang = PLACES["london"]
    host = _demo_person("proposer", "Alex", "en", "GB")
    services.propose_event(
        person=host, group=_group("london"), now=now,
        title={"en": "Repair café"}, description={"en": "Bring something broken."},
        languages=["en"], starts_at=starts, ends_at=starts + timedelta(hours=3), time_zone=zone,
        venue="Library", address="2 High Street", locality=locality, country="GB",
        latitude=lat, longitude=lon, capacity=15,
    )  # fmt: skip


def _group(place):
    country, locality, _zone, lat, lon, name, _language = PLACES[place]
    group = Group.objects.filter(country=country, locality=locality).first()
    if group is None:
        hq = Group.objects.filter(slug="hq").first() or create_group("Headquarters", slug="hq")
        group = create_group(name, parent=hq, country=country, locality=locality)
    return group


def _coordinator(group):
    membership = group.memberships.filter(role=Membership.Role.COORDINATOR).first()
    return membership.person if membership else None


def _demo_person(key, given_name, language, country):
    person, _created = upsert_person(
        email=f"{key}@{DEMO_DOMAIN}", given_name=given_name, language=language, country=country,
        source="demo", consents=[{"channel": "email", "granted": True}],
    )  # fmt: skip
    return person
