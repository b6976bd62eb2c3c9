"""Each domain change becomes its event, through the same services the pages use."""

from datetime import timedelta

from django.utils import timezone

from groundswell.actions.models import Action
from groundswell.actions.services import take_action
from groundswell.campaigns.models import Campaign
from groundswell.events import services as events
from groundswell.test import make_person
from groundswell.webhooks.models import WebhookDelivery


def test_a_counted_signature_is_queued_with_the_signature_and_the_signer(db, subscribe):
    subscribe("signature.created")
    campaign = Campaign.objects.create(slug="water", title={"en": "Water"})
    action = Action.objects.create(
        campaign=campaign,
        slug="water-now",
        kind=Action.Kind.PETITION,
        title={"en": "Water for all"},
        status=Action.Status.LIVE,
    )

    submission, _created = take_action(action, data={"email": "ana@example.org", "comment": "Yes"})
    take_action(action, data={"email": "ana@example.org"})  # the same signature again

    data = WebhookDelivery.objects.get().payload["data"]
    assert data["osdi:signature"]["comments"] == "Yes"
    assert data["osdi:signature"]["_links"]["osdi:person"] == data["osdi:person"]["_links"]["self"]
    assert data["osdi:person"]["email_addresses"][0]["address"] == "ana@example.org"


def test_a_check_in_is_queued_as_an_attendance(world, subscribe):
    subscribe("attendance.created")
    starts = timezone.now() + timedelta(hours=1)
    event = events.create_event(
        host=world.coord_a.person,
        group=world.group_a,
        title={"en": "Dakar meeting"},
        languages=["fr"],
        locality="Dakar",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        time_zone="Africa/Dakar",
    )
    going, _created = events.rsvp(event, person=make_person("ana@example.org"))

    events.check_in(going, actor=world.coord_a)
    events.check_in(going, actor=world.coord_a)  # once only

    data = WebhookDelivery.objects.get().payload["data"]
    assert (data["osdi:attendance"]["status"], data["osdi:attendance"]["attended"]) == (
        "attended",
        True,
    )
