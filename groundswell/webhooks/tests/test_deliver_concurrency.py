"""Workers racing for the same deliveries, from real threads with their own connections."""

import pytest

from groundswell.core.testing import run_together
from groundswell.test import make_person
from groundswell.webhooks.models import WebhookDelivery
from groundswell.webhooks.services import deliver, deliver_due

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_workers_claiming_one_delivery_send_it_once(subscribe, receiver):
    subscribe("person.created")
    make_person("ana@example.org")
    delivery = WebhookDelivery.objects.get()

    results = run_together(lambda i: deliver(delivery.pk), threads=4)

    assert results.count(True) == 1
    assert len(receiver.requests) == 1


def test_sweeps_running_at_once_send_each_delivery_once(subscribe, receiver):
    subscribe("person.created")
    for i in range(6):
        make_person(f"p{i}@example.org")

    results = run_together(lambda i: deliver_due(), threads=3)

    assert sum(results) == 6
    ids = sorted(request["headers"]["Webhook-Id"] for request in receiver.requests)
    assert ids == sorted(str(d.event_id) for d in WebhookDelivery.objects.all())
