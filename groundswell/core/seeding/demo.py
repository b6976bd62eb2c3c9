"""The demo log-ins `make run` prints: made through the services, and safe to run again."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.accounts import services as accounts
from groundswell.accounts.demo import DEMO_ORGANISER, DEMO_PASSWORD, DEMO_SUPPORTER
from groundswell.accounts.models import User
from groundswell.campaigns.models import Campaign
from groundswell.groups.models import Group, Membership
from groundswell.groups.services import add_member, create_group
from groundswell.journeys.services import rebuild_stats, record_activity
from groundswell.people.services import upsert_person

DEMO_ADMIN = "admin@demo.groundswell.localhost"
DEMO_COORDINATOR = "coordinator@demo.groundswell.localhost"

# The demo supporter's story, in days before now: enough to show a stage, steps and history.
SUPPORTER_STORY = (
    (75, "signed_up", "web"),
    (75, "subscribed", "email"),
    (61, "petition_signed", "web"),
    (60, "shared", "whatsapp"),
    (44, "event_rsvp", "web"),
    (38, "event_attended", ""),
    (30, "lesson_completed", "web"),
    (21, "letter_sent", "web"),
    (9, "petition_signed", "whatsapp"),
)
COORDINATOR_STORY = (
    (300, "signed_up", "whatsapp"),
    (290, "event_attended", ""),
    (200, "group_joined", "web"),
    (180, "group_led", "web"),
    (40, "event_hosted", ""),
    (12, "outreach_sent", "whatsapp"),
)


@transaction.atomic
def ensure_demo_accounts(*, now=None):
    """The demo HQ admin, organiser, coordinator and supporter; returns {role: User}."""
    now = now or timezone.now()
    users = {
        "admin": _staff(DEMO_ADMIN, User.Role.HQ_ADMIN),
        "organiser": _staff(DEMO_ORGANISER, User.Role.ORGANISER),
    }
    group = _local_group("gb-london", "London group", country="GB", locality="London")
    supporter = _person(
        DEMO_SUPPORTER, given_name="Alex", family_name="Morgan", country="GB", locality="London",
        region="England", postal_code="E8 1DY", latitude=51.5465, longitude=-0.0553,
    )  # fmt: skip
    add_member(group, supporter)
    _tell(supporter, SUPPORTER_STORY, now)
    users["supporter"] = accounts.ensure_user_for_person(DEMO_SUPPORTER)
    dakar = _local_group("sn-dakar", "Groupe de Dakar", country="SN", locality="Dakar")
    coordinator = _person(
        DEMO_COORDINATOR, given_name="Awa", family_name="Ndiaye", country="SN", locality="Dakar",
        region="Dakar", latitude=14.6928, longitude=-17.4467,
    )  # fmt: skip
    add_member(dakar, coordinator, role=Membership.Role.COORDINATOR)
    _tell(coordinator, COORDINATOR_STORY, now)
    users["coordinator"] = _staff(DEMO_COORDINATOR, User.Role.COORDINATOR)
    return users


def _tell(person, story, now):
    """Record the story's activities once, then replay them so each stage is reached when it
    happened rather than all today."""
    if person.activities.exists():
        return
    campaign = Campaign.objects.filter(slug="clean-air").first()
    for days, kind, channel in story:
        at = now - timedelta(days=days, hours=days % 9)
        record_activity(person, kind, occurred_at=at, campaign=campaign, channel=channel)
    rebuild_stats([person.pk], now=now)


def _staff(email, role):
    user = accounts.user_with_email(email)
    if user is None:
        user = accounts.create_staff_user(email, role=role, password=DEMO_PASSWORD)
    return user


def _person(email, **fields):
    person, _created = upsert_person(
        email=email, source="demo", language="en",
        consents=[{"channel": "email", "granted": True}], **fields,
    )  # fmt: skip
    return person


def _local_group(slug, name, **fields):
    """The seeded local group, or one made under HQ when the demo runs without seeded people."""
    group = Group.objects.filter(slug=slug).first()
    if group is None:
        hq = Group.objects.filter(slug="hq").first() or create_group("Headquarters", slug="hq")
        group = create_group(name, parent=hq, slug=slug, **fields)
    return group
