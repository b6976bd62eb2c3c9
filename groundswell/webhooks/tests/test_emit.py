from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection, transaction

from groundswell.journeys.services import record_activity
from groundswell.test import make_person
from groundswell.webhooks.models import WebhookDelivery
from groundswell.webhooks.services import emit, subscribed_types

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def test_a_new_person_is_queued_for_a_subscription_that_wants_new_people(subscribe):
    subscription = subscribe("person.created")

    person = make_person("ana@example.org", given_name="Ana")

    delivery = WebhookDelivery.objects.get()
    assert (delivery.subscription, delivery.event_type) == (subscription, "person.created")
    assert delivery.payload["id"] == str(delivery.event_id)
    person_json = delivery.payload["data"]["osdi:person"]
    assert person_json["identifiers"][0] == f"groundswell:{person.uuid}"
    assert person_json["email_addresses"][0]["address"] == "ana@example.org"
    assert person_json["_links"]["self"]["href"].startswith("http")


def test_a_subscription_hears_nothing_of_events_it_did_not_choose(subscribe):
    subscribe("attendance.created")

    make_person("ana@example.org")

    assert not WebhookDelivery.objects.exists()


def test_one_event_is_one_delivery_per_subscription_with_one_shared_event_id(subscribe):
    subscribe("person.created", name="CRM")
    subscribe("person.created", "stage.changed", name="Data warehouse")

    make_person("ana@example.org")

    deliveries = list(WebhookDelivery.objects.filter(event_type="person.created"))
    assert len(deliveries) == 2
    assert len({delivery.event_id for delivery in deliveries}) == 1


def test_a_change_rolled_back_queues_nothing(subscribe):
    subscribe("person.created")

    with pytest.raises(RuntimeError), transaction.atomic():
        make_person("ana@example.org")
        raise RuntimeError

    assert not WebhookDelivery.objects.exists()


def test_a_group_subscription_hears_only_of_people_in_its_subtree(world, subscribe):
    hub = subscribe("stage.changed", group=world.hub, name="Hub")
    group_b = subscribe("stage.changed", group=world.group_b, name="Abidjan")
    everyone = subscribe("stage.changed", name="HQ")

    emit("stage.changed", {}, person=world.person_a)  # a member of group A, under the hub
    emit("stage.changed", {}, person=world.outsider.person)  # in no group

    heard = WebhookDelivery.objects.values_list("subscription__name", flat=True)
    assert sorted(heard) == sorted([hub.name, everyone.name, everyone.name])
    assert group_b.deliveries.count() == 0


def test_a_signature_moving_someone_up_the_ladder_queues_the_stage_change(subscribe):
    subscribe("stage.changed")
    with time_machine.travel(NOW, tick=False):
        person = make_person("ana@example.org")
        record_activity(person, "petition_signed")

    payload = WebhookDelivery.objects.get().payload
    assert payload["type"] == "stage.changed"
    assert (payload["data"]["from_stage"], payload["data"]["to_stage"]) == (
        "discovery",
        "taking_action",
    )
    assert payload["data"]["osdi:person"]["identifiers"][0] == f"groundswell:{person.uuid}"


def test_badge_awarded_may_be_chosen_though_nothing_emits_it_yet(subscribe):
    subscription = subscribe("badge.awarded")

    assert subscription.event_types == ["badge.awarded"]
    assert "badge.awarded" in subscribed_types()


def test_an_unknown_event_type_is_a_programming_error(db):
    with pytest.raises(ValueError, match="unknown webhook event type"):
        emit("person.deleted", {})


@pytest.mark.parametrize("subscribed_elsewhere", [False, True])
def test_a_stage_change_costs_no_extra_query_while_nobody_subscribed_to_stage_changes(
    subscribed_elsewhere, subscribe, django_assert_num_queries
):
    """The same count as journeys' own test of the hot path, webhooks installed or not."""
    with time_machine.travel(NOW, tick=False):
        person = make_person("ana@example.org")
        if subscribed_elsewhere:
            subscribe("person.created")
            subscribed_types()  # the per-process answer, refreshed once
        postgresql = connection.vendor == "postgresql"
        with django_assert_num_queries(2 + (2 if postgresql else 5)):
            record_activity(person, "petition_signed")  # discovery -> taking_action

    assert not WebhookDelivery.objects.filter(event_type="stage.changed").exists()
