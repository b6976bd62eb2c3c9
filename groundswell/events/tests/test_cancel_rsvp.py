from groundswell.events import services
from groundswell.events.models import RSVP
from groundswell.messaging.models import OutboundEmail


def test_when_someone_going_cancels_the_first_waitlisted_moves_up_and_is_emailed(make_event, guest):
    event = make_event(capacity=1)
    going, _ = services.rsvp(event, person=guest("a@example.org"))
    first, _ = services.rsvp(event, person=guest("b@example.org", language="es"))
    second, _ = services.rsvp(event, person=guest("c@example.org"))

    services.cancel_rsvp(going)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.position) == (RSVP.Status.GOING, None)
    assert (second.status, second.position) == (RSVP.Status.WAITLISTED, 2)
    mail = OutboundEmail.objects.get(purpose="event:event-promoted")
    assert mail.to == "b@example.org" and mail.language == "es"
    assert "/events/rsvp/" in mail.body


def test_a_waitlisted_person_cancelling_moves_nobody(make_event, guest):
    event = make_event(capacity=1)
    services.rsvp(event, person=guest("a@example.org"))
    waiting, _ = services.rsvp(event, person=guest("b@example.org"))

    services.cancel_rsvp(waiting)

    assert RSVP.objects.filter(status=RSVP.Status.GOING).count() == 1
    assert not OutboundEmail.objects.filter(purpose="event:event-promoted").exists()


def test_cancelling_twice_is_harmless(event, guest):
    found, _ = services.rsvp(event, person=guest("a@example.org"))

    services.cancel_rsvp(found)
    again = services.cancel_rsvp(found)

    assert again.status == RSVP.Status.CANCELLED
