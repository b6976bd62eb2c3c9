import pytest

from groundswell.core.models import AuditEntry
from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import cancel_email, deliver, deliver_due, queue_email

pytestmark = pytest.mark.django_db


def queue(key):
    email, _created = queue_email(
        key=key, to="ana@example.org", subject="Letter", body="Dear minister", purpose="letter"
    )
    return email


def test_a_cancelled_email_is_never_sent(smtp_server):
    email = queue("letter:1")

    assert cancel_email("letter:1") is True
    assert deliver(email.pk) is False
    assert deliver_due() == 0

    assert smtp_server.messages == []
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.CANCELLED
    assert AuditEntry.objects.filter(verb="messaging.email_cancelled").count() == 1


def test_an_email_already_sent_cannot_be_cancelled(smtp_server):
    email = queue("letter:1")
    deliver(email.pk)

    assert cancel_email("letter:1") is False

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_cancelling_an_unknown_key_changes_nothing():
    assert cancel_email("letter:404") is False
