import base64
import hashlib
import hmac
import json
import socket
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from groundswell.test import make_person
from groundswell.webhooks.models import WebhookDelivery
from groundswell.webhooks.services import (
    LEASE,
    MAX_ATTEMPTS,
    deactivate_subscription,
    deliver,
    deliver_due,
    redeliver,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
Status = WebhookDelivery.Status


@pytest.fixture
def queued(subscribe):
    """One person.created delivery, queued at NOW for the loopback receiver."""
    subscription = subscribe("person.created")
    with time_machine.travel(NOW, tick=False):
        make_person("ana@example.org", given_name="Ana")
    return WebhookDelivery.objects.get(subscription=subscription)


def verify(secret, headers, body):
    """What a receiver does, written from the Standard Webhooks text, not from our code."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['Webhook-Id']}.{headers['Webhook-Timestamp']}.{body.decode()}"
    expected = hmac.new(key, signed.encode(), hashlib.sha256).digest()
    version, sent = headers["Webhook-Signature"].split(",", 1)
    return version == "v1" and hmac.compare_digest(base64.b64decode(sent), expected)


def test_a_delivery_reaches_the_receiver_signed_the_standard_webhooks_way(queued, receiver):
    with time_machine.travel(NOW, tick=False):
        assert deliver(queued.pk) is True

    (request,) = receiver.requests
    headers, body = request["headers"], request["body"]
    assert verify(queued.subscription.secret, headers, body)
    assert not verify(queued.subscription.secret, headers, body.replace(b"Ana", b"Bob"))
    assert headers["Webhook-Id"] == headers["Idempotency-Key"] == str(queued.event_id)
    assert headers["Webhook-Timestamp"] == str(int(NOW.timestamp()))
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"].startswith("Groundswell")
    assert json.loads(body)["data"]["osdi:person"]["given_name"] == "Ana"
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.last_status_code) == (Status.DELIVERED, 1, 200)
    assert queued.delivered_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_delivered_as_soon_as_it_commits(
    subscribe, receiver, immediate_tasks
):
    subscribe("person.created")

    person = make_person("ana@example.org")

    (payload,) = receiver.payloads()
    assert payload["type"] == "person.created"
    assert payload["data"]["osdi:person"]["identifiers"][0] == f"groundswell:{person.uuid}"
    assert WebhookDelivery.objects.get().status == Status.DELIVERED


def test_a_refused_delivery_is_retried_later_and_later_until_accepted(queued, receiver):
    receiver.replies = [500, 503]
    with time_machine.travel(NOW, tick=False) as clock:
        assert deliver_due() == 0
        queued.refresh_from_db()
        assert (queued.attempts, queued.last_status_code) == (1, 500)
        assert queued.next_attempt_at == NOW + timedelta(minutes=1)
        clock.shift(timedelta(seconds=59))
        assert deliver_due() == 0  # not due yet: nothing sent
        assert len(receiver.requests) == 1
        clock.shift(timedelta(seconds=1))
        assert deliver_due() == 0
        queued.refresh_from_db()
        assert queued.next_attempt_at == NOW + timedelta(minutes=1 + 2)
        clock.shift(timedelta(minutes=2))
        assert deliver_due() == 1

    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.last_status_code) == (Status.DELIVERED, 3, 200)
    assert len({r["headers"]["Webhook-Id"] for r in receiver.requests}) == 1  # one idempotency key


def test_a_delivery_refused_every_time_fails_after_the_last_attempt(queued, receiver):
    receiver.replies = [500] * MAX_ATTEMPTS
    with time_machine.travel(NOW, tick=False) as clock:
        for _attempt in range(MAX_ATTEMPTS + 2):
            deliver_due()
            clock.shift(timedelta(days=1))

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Status.FAILED, MAX_ATTEMPTS)
    assert len(receiver.requests) == MAX_ATTEMPTS


def test_a_redirect_is_not_followed_but_counted_as_a_failed_attempt(queued, receiver):
    receiver.replies = [301]
    with time_machine.travel(NOW, tick=False):
        assert deliver(queued.pk) is False

    queued.refresh_from_db()
    assert (queued.status, queued.last_status_code) == (Status.QUEUED, 301)
    assert len(receiver.requests) == 1


def test_an_unreachable_receiver_is_recorded_by_error_class_only(subscribe):
    with socket.socket() as probe:  # a port the kernel just handed out, now closed again
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subscribe("person.created", url=f"http://127.0.0.1:{port}/hooks")
    with time_machine.travel(NOW, tick=False):
        make_person("ana@example.org")
        assert deliver_due() == 0

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == (Status.QUEUED, None)
    assert delivery.last_error == "ConnectionRefusedError"


def test_a_killed_workers_delivery_is_sent_once_after_its_lease_ends(queued, receiver):
    # A worker claimed it at NOW and died before sending.
    WebhookDelivery.objects.filter(pk=queued.pk).update(lease_until=NOW + LEASE, attempts=1)

    with time_machine.travel(NOW + LEASE - timedelta(seconds=1), tick=False):
        assert deliver_due() == 0
        assert deliver(queued.pk) is False
    with time_machine.travel(NOW + LEASE, tick=False):
        assert deliver_due() == 1
        assert deliver_due() == 0

    assert len(receiver.requests) == 1
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Status.DELIVERED, 2)


def test_a_deactivated_subscription_is_sent_nothing_more(queued, receiver):
    deactivate_subscription(queued.subscription)

    with time_machine.travel(NOW, tick=False):
        assert deliver_due() == 0
        assert deliver(queued.pk) is False
        make_person("bo@example.org")

    assert receiver.requests == []
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Status.QUEUED, 0)
    assert WebhookDelivery.objects.count() == 1


def test_a_failed_delivery_redelivered_goes_out_again_with_the_same_event_id(queued, receiver):
    WebhookDelivery.objects.filter(pk=queued.pk).update(status=Status.FAILED, attempts=MAX_ATTEMPTS)

    redeliver(queued)
    assert deliver_due(now=timezone.now()) == 1

    (request,) = receiver.requests
    assert request["headers"]["Webhook-Id"] == str(queued.event_id)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Status.DELIVERED, 1)
