import pytest
from django.urls import reverse

from groundswell.test import make_person
from groundswell.webhooks.models import WebhookDelivery, WebhookSubscription

NEW = {"name": "CRM", "url": "https://crm.example.org/hooks", "event_types": ["person.created"]}


def test_a_new_subscription_shows_its_secret_once(world, client_for):
    client = client_for(world.organiser)

    response = client.post(reverse("webhooks:subscription-create"), NEW)

    subscription = WebhookSubscription.objects.get()
    assert subscription.secret.startswith("whsec_")
    assert subscription.secret in response.content.decode()
    detail = client.get(reverse("webhooks:subscription-detail", args=[subscription.pk]))
    assert subscription.secret not in detail.content.decode()


def test_a_plain_http_target_is_refused_outside_debug(world, client_for, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False

    response = client_for(world.hq).post(
        reverse("webhooks:subscription-create"), {**NEW, "url": "http://crm.example.org/hooks"}
    )

    assert response.status_code == 200
    assert "https://" in response.context["form"].errors["url"][0]
    assert not WebhookSubscription.objects.exists()


def test_a_group_can_be_chosen_to_scope_the_subscription(world, client_for):
    client_for(world.hq).post(
        reverse("webhooks:subscription-create"), {**NEW, "group": world.hub.pk}
    )

    assert WebhookSubscription.objects.get().group == world.hub


@pytest.fixture
def logged(world, subscribe):
    subscription = subscribe("person.created")
    make_person("ana@example.org", given_name="Ana")
    return WebhookDelivery.objects.get(subscription=subscription)


def test_the_delivery_log_shows_status_and_attempts_but_payloads_only_to_hq(
    world, client_for, logged
):
    url = reverse("webhooks:subscription-detail", args=[logged.subscription_id])
    payload_url = reverse("webhooks:delivery-detail", args=[logged.pk])

    organiser_page = client_for(world.organiser).get(url).content.decode()
    assert str(logged.event_id) in organiser_page
    assert f'href="{payload_url}"' not in organiser_page
    assert client_for(world.organiser).get(payload_url).status_code == 403
    assert f'href="{payload_url}"' in client_for(world.hq).get(url).content.decode()
    hq_page = client_for(world.hq).get(payload_url)
    assert "ana@example.org" in hq_page.content.decode()


def test_coordinators_have_no_webhook_pages(world, client_for, logged):
    client = client_for(world.coord_a)

    assert client.get(reverse("webhooks:subscription-list")).status_code == 403
    url = reverse("webhooks:subscription-detail", args=[logged.subscription_id])
    assert client.get(url).status_code == 403


def test_redeliver_queues_a_failed_delivery_again(world, client_for, logged):
    WebhookDelivery.objects.filter(pk=logged.pk).update(status="failed", attempts=8)

    response = client_for(world.organiser).post(
        reverse("webhooks:delivery-redeliver", args=[logged.pk])
    )

    assert response.status_code == 302
    logged.refresh_from_db()
    assert (logged.status, logged.attempts) == ("queued", 0)


def test_deactivating_stops_new_events(world, client_for, logged):
    client_for(world.hq).post(
        reverse("webhooks:subscription-deactivate", args=[logged.subscription_id])
    )

    make_person("bo@example.org")

    assert WebhookSubscription.objects.get().active is False
    assert WebhookDelivery.objects.count() == 1
