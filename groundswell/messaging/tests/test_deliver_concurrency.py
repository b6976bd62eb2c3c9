"""Workers racing for the same rows, from real threads with their own database connections."""

import pytest

from groundswell.core.testing import run_together
from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import deliver, deliver_due, queue_email

pytestmark = pytest.mark.django_db(transaction=True)


def queue(key, to="ana@example.org"):
    email, _created = queue_email(key=key, to=to, subject="Hi", body="Hello", purpose="test")
    return email


def test_two_workers_claiming_one_email_send_it_once(smtp_server):
    email = queue("race:1")

    results = run_together(lambda i: deliver(email.pk), threads=4)

    assert results.count(True) == 1
    assert len(smtp_server.to("ana@example.org")) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.SENT, 1)


def test_sweeps_running_at_once_send_each_email_once(smtp_server):
    for i in range(6):
        queue(f"race:{i}", to=f"p{i}@example.org")

    results = run_together(lambda i: deliver_due(), threads=3)

    assert sum(results) == 6
    assert sorted(m["To"] for m in smtp_server.messages) == [f"p{i}@example.org" for i in range(6)]


def test_the_same_key_queued_at_once_is_one_row():
    results = run_together(
        lambda i: queue_email(
            key="twin", to="ana@example.org", subject="Hi", body="Hello", purpose="test"
        ),
        threads=4,
    )

    assert [created for _email, created in results].count(True) == 1
    assert len({email.pk for email, _created in results}) == 1
    assert OutboundEmail.objects.count() == 1
