"""The outbox: every email the platform sends is first a row here, written in the same
transaction as the change that caused it, then sent by a worker that claims it with a lease."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    """One email to one address. `key` makes queueing idempotent: a retry queues nothing new."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    key = models.CharField(max_length=120, unique=True)
    purpose = models.CharField(_("purpose"), max_length=40)  # letter, confirmation, login_code …
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to = models.CharField(_("to"), max_length=254)
    from_email = models.CharField(_("from"), max_length=254, blank=True)  # "" = DEFAULT_FROM_EMAIL
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    # A worker owns a queued row until its lease ends; a killed worker's rows come back then.
    lease_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)  # the error's class and code only
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.purpose} {self.key} {self.status}"
