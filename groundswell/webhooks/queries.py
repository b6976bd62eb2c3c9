"""Read-only querysets for the webhook pages."""

import json

from django.db.models import Count, Q

from .models import WebhookDelivery, WebhookSubscription

Status = WebhookDelivery.Status


def subscriptions():
    """Every subscription with its group and delivery counts per status, one query."""
    return (
        WebhookSubscription.objects.select_related("group")
        .annotate(
            queued=Count("deliveries", filter=Q(deliveries__status=Status.QUEUED)),
            delivered=Count("deliveries", filter=Q(deliveries__status=Status.DELIVERED)),
            failed=Count("deliveries", filter=Q(deliveries__status=Status.FAILED)),
        )
        .order_by("-active", "name", "pk")
    )


def deliveries(subscription):
    """The delivery log of `subscription`, newest first, without the payloads."""
    return (
        WebhookDelivery.objects.filter(subscription=subscription)
        .defer("payload")
        .order_by("-created_at", "-pk")
    )


def pretty_payload(delivery):
    return json.dumps(delivery.payload, indent=2, ensure_ascii=False)
