"""Outgoing webhooks: who wants which events (subscriptions) and each event sent to each of them
(deliveries, written in the transaction of the change, sent later by a worker holding a lease)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Event types a subscription may choose. badge.awarded is reserved: recognition does not exist
# yet, so nothing emits it.
EVENT_TYPES = [
    ("person.created", _("Person created")),
    ("signature.created", _("Signature (or other action) counted")),
    ("attendance.created", _("Attendance checked in")),
    ("stage.changed", _("Ladder stage changed")),
    ("badge.awarded", _("Badge awarded (not emitted yet)")),
]
EVENT_TYPE_CODES = {code for code, _label in EVENT_TYPES}


class WebhookSubscription(models.Model):
    """An endpoint of the organisation's (or of one group's) that receives chosen events."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("target URL"), max_length=500)
    event_types = models.JSONField(_("events"), default=list)
    # A group's subscription only hears about people in that group's subtree.
    group = models.ForeignKey(
        "groups.Group",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
        verbose_name=_("group"),
    )
    secret = models.CharField(max_length=100)  # "whsec_" + base64 key (Standard Webhooks)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.name


class WebhookDelivery(models.Model):
    """One event for one subscription. `event_id` is the idempotency key receivers dedupe on."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_type = models.CharField(_("event"), max_length=40)
    event_id = models.UUIDField(default=uuid.uuid4)
    payload = models.JSONField()
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A worker owns a queued row until its lease ends; a killed worker's rows come back then.
    lease_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_status_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    last_error = models.CharField(_("error"), max_length=200, blank=True)  # class name only
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_id"], name="webhook_delivery_once_per_event"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_due")]

    def __str__(self):
        return f"{self.event_type} {self.event_id} {self.status}"
