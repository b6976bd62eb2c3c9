import logging
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import (
    LEASE,
    MAX_ATTEMPTS,
    backoff,
    deliver,
    deliver_due,
    queue_email,
)

pytestmark = pytest.mark.django_db

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
Status = OutboundEmail.Status


def queue(key="test:1", to="ana@example.org"):
    email, _created = queue_email(
        key=key, to=to, subject="Your code", body="Secret 1234", purpose="login_code"
    )
    return email


def claim_and_die(email, *, at):
    """What a worker does before it starts talking SMTP, as if it was killed right after."""
    OutboundEmail.objects.filter(pk=email.pk).update(lease_until=at + LEASE, attempts=1)


def test_a_killed_workers_email_is_sent_exactly_once_after_its_lease_ends(smtp_server):
    with time_machine.travel(START, tick=False):
        email = queue()
        claim_and_die(email, at=START)
        assert deliver_due() == 0  # still leased: its worker may be sending it right now
        assert deliver(email.pk) is False

    with time_machine.travel(START + LEASE + timedelta(seconds=1), tick=False):
        assert deliver_due() == 1
        assert deliver_due() == 0
        assert deliver(email.pk) is False

    assert len(smtp_server.to("ana@example.org")) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts, email.lease_until) == (Status.SENT, 2, None)


def test_a_sent_email_is_never_sent_again(smtp_server):
    email = queue()

    assert deliver(email.pk) is True
    assert deliver(email.pk) is False
    assert deliver_due() == 0
    assert len(smtp_server.messages) == 1


def test_the_sweep_sends_every_due_email_in_one_go(smtp_server):
    for i in range(3):
        queue(key=f"test:{i}", to=f"p{i}@example.org")

    assert deliver_due() == 3
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]


def test_the_sweep_sends_at_most_its_limit_and_leaves_the_rest_for_the_next_one(smtp_server):
    for i in range(3):
        queue(key=f"test:{i}", to=f"p{i}@example.org")

    assert deliver_due(limit=2) == 2
    assert deliver_due(limit=2) == 1


def test_a_temporary_refusal_is_retried_later_with_a_growing_wait(refusing_smtp_server):
    refusing_smtp_server.reply = "451 4.3.0 Try again later"
    with time_machine.travel(START, tick=False):
        email = queue()
        assert deliver(email.pk) is False
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert email.next_attempt_at == START + backoff(1)
    assert email.last_error == "SMTPRecipientsRefused 451"

    with time_machine.travel(START + backoff(1) - timedelta(seconds=1), tick=False):
        assert deliver_due() == 0  # not due yet
    with time_machine.travel(START + backoff(1), tick=False):
        assert deliver_due() == 0  # refused again: waits twice as long
    email.refresh_from_db()
    assert email.next_attempt_at == START + backoff(1) + backoff(2)
    assert backoff(2) == 2 * backoff(1)

    refusing_smtp_server.reply = None
    with time_machine.travel(email.next_attempt_at, tick=False):
        assert deliver_due() == 1
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (Status.SENT, 3, "")
    assert len(refusing_smtp_server.to("ana@example.org")) == 1


def test_the_wait_between_attempts_is_capped():
    assert backoff(1) < backoff(2) < backoff(3)
    assert backoff(30) == backoff(31) <= timedelta(hours=6)


def test_an_email_that_cannot_be_sent_fails_after_the_last_attempt(no_smtp_server):
    at = START
    with time_machine.travel(at, tick=False):
        email = queue()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        with time_machine.travel(at, tick=False):
            assert deliver_due() == 0
        email.refresh_from_db()
        assert email.attempts == attempt
        at = email.next_attempt_at

    assert email.status == Status.FAILED
    assert email.last_error == "ConnectionRefusedError"
    with time_machine.travel(at + timedelta(days=1), tick=False):
        assert deliver_due() == 0
    email.refresh_from_db()
    assert email.attempts == MAX_ATTEMPTS


def test_an_address_refused_for_good_fails_at_once(refusing_smtp_server):
    refusing_smtp_server.reply = "550 5.1.1 No such user"
    email = queue()

    deliver(email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.FAILED, 1)
    assert email.last_error == "SMTPRecipientsRefused 550"


def test_errors_and_logs_name_no_address_and_no_content(refusing_smtp_server, caplog):
    refusing_smtp_server.reply = "451 4.3.0 Mailbox ana@example.org busy"
    email = queue()

    with caplog.at_level(logging.INFO, logger="groundswell.messaging"):
        deliver(email.pk)
        refusing_smtp_server.reply = None
        with time_machine.travel(timezone.now() + timedelta(hours=1)):
            deliver_due()

    email.refresh_from_db()
    assert email.status == Status.SENT
    ours = [record for record in caplog.records if record.name.startswith("groundswell")]
    logged = " ".join(record.getMessage() for record in ours)
    assert "outbound email" in logged
    for secret in ("ana@example.org", "Secret 1234", "Your code"):
        assert secret not in logged
    assert "example.org" not in OutboundEmail.objects.get().last_error
