import pytest
from django.core.exceptions import ValidationError

from groundswell.events import services
from groundswell.events.models import Event
from groundswell.messaging.models import OutboundEmail

from .conftest import event_values


@pytest.fixture
def proposal(world, now):
    return services.propose_event(
        person=world.supporter.person, group=world.group_a, **event_values()
    )


def test_approving_a_proposal_publishes_it_and_tells_the_host_in_their_language(proposal, world):
    services.approve_event(proposal, actor=world.coord_a)

    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PUBLISHED
    mail = OutboundEmail.objects.get(purpose="event:event-approved")
    assert mail.to == "sam@example.org"
    assert mail.language == "fr"
    assert "Nettoyage de Dakar" in mail.subject


def test_rejecting_a_proposal_keeps_the_reason_and_sends_it_to_the_host(proposal, world):
    services.reject_event(proposal, actor=world.coord_a, reason="Same day as the march.")

    proposal.refresh_from_db()
    assert proposal.status == Event.Status.REJECTED
    assert (
        "Same day as the march." in OutboundEmail.objects.get(purpose="event:event-rejected").body
    )


def test_a_decided_proposal_cannot_be_decided_again(proposal, world):
    services.approve_event(proposal, actor=world.coord_a)

    with pytest.raises(ValidationError):
        services.reject_event(proposal, actor=world.hq)
    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PUBLISHED


def test_a_proposal_takes_no_rsvps_until_approved(proposal, guest):
    with pytest.raises(ValidationError):
        services.rsvp(proposal, person=guest("early@example.org"))


def test_cancelling_an_event_tells_everyone_who_rsvped(event, guest):
    for i in range(2):
        services.rsvp(event, person=guest(f"c{i}@example.org"))

    services.cancel_event(event, reason="Storm warning.")

    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert OutboundEmail.objects.filter(purpose="event:event-cancelled").count() == 2
