"""The demo team tree: HQ -> regional hubs -> local groups in several countries, with places,
languages, campaigns, coordinators who can log in, members at several stages, updates and one
waiting join request. Made through the services, and safe to run again (it fills in what is
missing, on top of seeded groups or on an empty database)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.accounts import services as accounts
from groundswell.accounts.demo import DEMO_PASSWORD
from groundswell.accounts.models import User
from groundswell.campaigns.models import Campaign
from groundswell.core.seeding import places
from groundswell.core.seeding.plan import ascii_slug, group_name
from groundswell.journeys.services import rebuild_stats, record_activity
from groundswell.people.services import upsert_person

from . import services
from .models import Group, GroupUpdate, Membership

DOMAIN = "demo.groundswell.localhost"
NEWCOMER = f"newcomer@{DOMAIN}"
BY_REQUEST = {"fr-paris", "gb-manchester", "co-bogota"}  # groups a coordinator approves
EXTRA_LANGUAGES = {"SN": ["wo"], "KE": ["sw"], "IN": ["hi"], "NG": ["yo"], "CM": ["en"]}
DESCRIPTIONS = {
    "en": "Neighbours in {town} who organise together: monthly meetings, stalls and actions.",
    "es": "Vecinas y vecinos de {town} que se organizan: reuniones mensuales, puestos y acciones.",
    "fr": "Des habitants de {town} qui s'organisent : réunions mensuelles, stands et actions.",
}
UPDATE = {
    "en": "Welcome to everyone who joined this month! Next meeting: first Saturday, 10:00.",
    "es": "¡Bienvenida a quienes se unieron este mes! Próxima reunión: primer sábado, 10:00.",
    "fr": "Bienvenue à celles et ceux qui nous ont rejoints ! Prochaine réunion : 1er samedi, 10h.",
}
# Members' stories (days ago, kind), from just signed up to hosting: a spread of stages.
STORIES = (
    ((20, "signed_up"),),
    ((60, "signed_up"), (58, "petition_signed"), (40, "shared")),
    ((120, "signed_up"), (110, "petition_signed"), (90, "event_rsvp"), (88, "event_attended"),
     (30, "letter_sent"), (12, "petition_signed")),
    ((300, "signed_up"), (280, "event_attended"), (200, "petition_signed"), (150, "shared"),
     (100, "recruited"), (60, "event_hosted"), (9, "event_attended"), (3, "petition_signed")),
)  # fmt: skip


@transaction.atomic
def ensure_demo_groups(*, now=None, members_per_group=4):
    """Build (or complete) the demo tree; returns {"groups": n, "coordinators": [emails]}."""
    now = now or timezone.now()
    hq = _group("hq", "Headquarters", parent=None)
    campaigns = list(Campaign.objects.filter(status=Campaign.Status.LIVE).order_by("slug"))
    logins = []
    hub_of = {}
    for slug, name, codes in places.HUBS:
        hub = _group(slug, name, parent=hq)
        logins.append(_coordinator(hub, places.BY_CODE[codes[0]], 0))
        hub_of |= {code: hub for code in codes}
    count = 0
    for country in places.COUNTRIES:
        towns = list(dict.fromkeys(town.name for town in country.towns))[:2]
        for number, town_name in enumerate(towns):
            town = next(t for t in country.towns if t.name == town_name)
            group = _local_group(country, town, hub_of[country.code], campaigns, count)
            # Log-ins for the first town of each country: enough to try, few password hashes.
            coordinator = _coordinator(group, country, number + 1, login=number == 0)
            _members(group, country, members_per_group, now)
            if coordinator is not None:
                logins.append(coordinator)
                _update(group, country, coordinator)
            count += 1
    _newcomer_asks(Group.objects.get(slug="fr-paris"))
    return {"groups": count, "coordinators": [user.email for user in logins]}


def _group(slug, name, *, parent, **details):
    group = Group.objects.filter(slug=slug).first()
    if group is None:
        return services.create_group(name, parent=parent, slug=slug, **details)
    if parent is not None and group.parent_id != parent.pk:
        group = services.update_group(group, parent=parent)
    return group


def _local_group(country, town, hub, campaigns, index):
    slug = f"{country.code.lower()}-{ascii_slug(town.name, '-')}"
    details = {
        "country": country.code,
        "locality": town.name,
        "area": f"{town.name}, {town.region}",
        "latitude": town.latitude,
        "longitude": town.longitude,
        "languages": [country.language, *EXTRA_LANGUAGES.get(country.code, [])],
        "description": {code: text.format(town=town.name) for code, text in DESCRIPTIONS.items()},
        "join_policy": "by_request" if slug in BY_REQUEST else "open",
    }
    group = _group(slug, group_name(country, town.name), parent=hub)
    chosen = [campaigns[(index + k) % len(campaigns)] for k in range(2)] if campaigns else []
    return services.update_group(group, campaigns=chosen, **details)


def _person(email, country, name_index, **fields):
    names = country.women + country.men
    person, _created = upsert_person(
        email=email, source="demo", language=country.language, country=country.code,
        given_name=names[name_index % len(names)],
        family_name=country.families[name_index % len(country.families)],
        consents=[{"channel": "email", "granted": True}], **fields,
    )  # fmt: skip
    return person


def _coordinator(group, country, index, *, login=True):
    """A coordinator of `group`, who logs in with the demo password when `login`; made once."""
    email = f"coordinator.{group.slug}@{DOMAIN}"
    person = _person(email, country, index * 7 + 3, locality=group.locality)
    if not Membership.objects.filter(group=group, person=person, role="coordinator").exists():
        services.add_member(group, person, role=Membership.Role.COORDINATOR)
        record_activity(person, "group_led", object_type="group", object_id=group.pk)
    user = accounts.user_with_email(email)
    if user is None and login:
        user = accounts.create_staff_user(email, role=User.Role.COORDINATOR, password=DEMO_PASSWORD)
    return user


def _members(group, country, wanted, now):
    """Give a group without many members a few at different stages of the ladder."""
    have = Membership.objects.filter(group=group, status=Membership.Status.ACTIVE).count()
    for index in range(max(wanted + 1 - have, 0)):
        email = f"member{index + 1}.{group.slug}@{DOMAIN}"
        person = _person(email, country, index * 5 + 1, locality=group.locality,
                         latitude=group.latitude, longitude=group.longitude)  # fmt: skip
        services.add_member(group, person)
        if person.activities.exists():
            continue
        for days, kind in STORIES[index % len(STORIES)]:
            record_activity(person, kind, occurred_at=now - timedelta(days=days, hours=index))
        record_activity(person, "group_joined", object_type="group", object_id=group.pk)
        rebuild_stats([person.pk], now=now)


def _update(group, country, coordinator):
    if not GroupUpdate.objects.filter(group=group).exists():
        text = UPDATE.get(country.language, UPDATE["en"])
        services.post_update(group, text=text, actor=coordinator)


def _newcomer_asks(group):
    """Someone waiting for a coordinator to accept them: the dashboard's join requests."""
    person = _person(NEWCOMER, places.BY_CODE["FR"], 11, locality=group.locality)
    services.join_group(group, person)
