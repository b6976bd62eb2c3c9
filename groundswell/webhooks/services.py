"""Outgoing webhooks: subscriptions, emitting events, delivering them.

`emit` writes one WebhookDelivery per interested subscription inside the transaction of the
change (so a rolled-back change sends nothing and a committed one loses nothing) and enqueues
their delivery on commit. Delivery copies the email outbox's design (messaging.services): one
conditional UPDATE claims a row with a lease, so two workers never send it at once and a killed
worker's row is due again when its lease ends; failures back off exponentially up to
MAX_ATTEMPTS; the periodic sweep (`deliver_due`) picks up retries and lost tasks. Delivery is at
least once: receivers deduplicate on the event id (Webhook-Id, Idempotency-Key).
"""

import json
import logging
import math
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.api.hal import date
from groundswell.core.audit import audit

from .models import EVENT_TYPE_CODES, WebhookDelivery, WebhookSubscription
from .signing import new_secret, signature

logger = logging.getLogger(__name__)

TIMEOUT = 10  # seconds a receiver has to answer
LEASE = timedelta(minutes=2)  # longer than any one attempt (TIMEOUT) can take
MAX_ATTEMPTS = 8
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)  # 1, 2, 4 … minutes, never more than this between attempts
SWEEP_LIMIT = 200  # deliveries one sweep sends at most; the next sweep takes the rest
SUBSCRIBED_TTL = 10.0  # seconds another process may take to notice a new subscription
USER_AGENT = "Groundswell-Webhooks/1"
Status = WebhookDelivery.Status
MESSAGES = {
    "https": _("The target URL must start with https://."),
    "events": _("Choose at least one event from the list."),
}


# --- Subscriptions ---------------------------------------------------------------------------


def clean_subscription(subscription):
    """ValidationError unless the URL is https (http too when DEBUG or WEBHOOKS_ALLOW_HTTP) and
    the events are known ones."""
    allow_http = getattr(settings, "WEBHOOKS_ALLOW_HTTP", settings.DEBUG)
    schemes = ("https://", "http://") if allow_http else ("https://",)
    errors = {}
    if not subscription.url.lower().startswith(schemes):
        errors["url"] = ValidationError(MESSAGES["https"], code="https")
    types = subscription.event_types
    if not types or not isinstance(types, list) or set(types) - EVENT_TYPE_CODES:
        errors["event_types"] = ValidationError(MESSAGES["events"], code="events")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_subscription(subscription, *, actor=None):
    """Create or change a subscription (a new one gets its secret); the subscription."""
    clean_subscription(subscription)
    created = subscription.pk is None
    if created:
        subscription.secret = new_secret()
        subscription.created_by = actor if getattr(actor, "is_authenticated", False) else None
    subscription.save()
    verb = "webhooks.subscription_created" if created else "webhooks.subscription_changed"
    audit(
        verb,
        subscription,
        actor=actor,
        url=subscription.url,
        events=subscription.event_types,
        group=subscription.group_id,
        active=subscription.active,
    )
    _forget_subscribed_types()
    return subscription


@transaction.atomic
def deactivate_subscription(subscription, *, actor=None):
    """Stop sending to a subscription: nothing new is queued; queued deliveries wait, unsent."""
    changed = WebhookSubscription.objects.filter(pk=subscription.pk, active=True).update(
        active=False
    )
    subscription.active = False
    if changed:
        audit("webhooks.subscription_deactivated", subscription, actor=actor)
        _forget_subscribed_types()
    return bool(changed)


# Which event types some active subscription wants, per process: emit() runs on the hot path
# (every stage change, every signature) and must cost no query while nobody subscribed. A change
# made in this process is seen at once, one made in another process within SUBSCRIBED_TTL.
_subscribed = {"types": None, "until": 0.0}


def subscribed_types():
    now = time.monotonic()
    if _subscribed["types"] is None or now >= _subscribed["until"]:
        types = set()
        for chosen in WebhookSubscription.objects.filter(active=True).values_list(
            "event_types", flat=True
        ):
            types.update(chosen)
        _subscribed.update(types=frozenset(types), until=now + SUBSCRIBED_TTL)
    return _subscribed["types"]


def _forget_subscribed_types():
    _subscribed.update(types=None, until=0.0)
    transaction.on_commit(partial(_subscribed.update, types=None, until=0.0))


def assume_no_subscriptions():
    """Tests: start with no subscription known and nothing to refresh until one is saved, so
    no test outside webhooks pays the refresh query."""
    _subscribed.update(types=frozenset(), until=math.inf)


# --- Emitting --------------------------------------------------------------------------------


def emit(event_type, data, *, person=None, now=None):
    """Queue `event_type` for every active subscription that wants it, in the caller's
    transaction; `data` is the payload's data or a function building it (called only when
    someone listens). A group's subscription hears only of people in its subtree. The new
    deliveries ([] at no cost when nobody subscribed)."""
    if event_type not in EVENT_TYPE_CODES:
        raise ValueError(f"unknown webhook event type {event_type!r}")
    if event_type not in subscribed_types():
        return []
    return _queue(event_type, data, person=person, now=now)


@transaction.atomic(savepoint=False)
def _queue(event_type, data, *, person, now):
    subscriptions = _listening(event_type, person)
    if not subscriptions:
        return []
    now = now or timezone.now()
    event_id = uuid.uuid4()
    payload = {
        "id": str(event_id),
        "type": event_type,
        "created_date": date(now),
        "data": data() if callable(data) else data,
    }
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            subscription=subscription,
            event_type=event_type,
            event_id=event_id,
            payload=payload,
            next_attempt_at=now,
            created_at=now,
        )
        for subscription in subscriptions
    )
    transaction.on_commit(partial(_enqueue, [delivery.pk for delivery in deliveries]))
    return deliveries


def _listening(event_type, person):
    """The active subscriptions for `event_type` that may hear about `person`."""
    from groundswell.groups.models import Membership

    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(active=True).select_related("group")
        if event_type in subscription.event_types
    ]
    if not any(subscription.group_id for subscription in subscriptions):
        return subscriptions
    paths = []
    if person is not None:
        memberships = Membership.objects.filter(person=person).exclude(
            status=Membership.Status.DECLINED
        )
        paths = list(memberships.values_list("group__path", flat=True))
    return [
        subscription
        for subscription in subscriptions
        if subscription.group is None
        or any(path.startswith(subscription.group.path) for path in paths)
    ]


def _enqueue(ids):
    from .tasks import deliver_webhook_task

    for pk in ids:
        deliver_webhook_task.enqueue(pk)


@transaction.atomic
def redeliver(delivery, *, actor=None):
    """Send a delivery again from its first attempt, same event id (receivers that already
    have it will recognise it); the delivery."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), delivered_at=None
    )
    audit("webhooks.redelivered", delivery, actor=actor, event=str(delivery.event_id))
    transaction.on_commit(partial(_enqueue, [delivery.pk]))
    delivery.refresh_from_db()
    return delivery


# --- Delivering ------------------------------------------------------------------------------
# Not atomic on purpose: the claim must commit before the request goes out (so other workers
# see the lease), and no transaction is held open while a receiver answers.


def deliver(delivery_id, *, now=None):
    """Claim one due delivery and POST it; True if the receiver took it (2xx). Does nothing if
    the row is not due, already delivered, leased by another worker, or its subscription is off."""
    now = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lte=now)
    claimed = WebhookDelivery.objects.filter(
        free, pk=delivery_id, status=Status.QUEUED, next_attempt_at__lte=now
    ).update(lease_until=now + LEASE, attempts=F("attempts") + 1)
    if not claimed:
        return False
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    if not delivery.subscription.active:  # deactivated: keep it queued, unsent, uncounted
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            lease_until=None, attempts=F("attempts") - 1
        )
        return False
    code, error = post(delivery)
    if code is not None and 200 <= code < 300:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=Status.DELIVERED,
            delivered_at=timezone.now(),
            lease_until=None,
            last_status_code=code,
            last_error="",
        )
        return True
    _failed(delivery, code, error, now)
    return False


def deliver_due(*, now=None, limit=SWEEP_LIMIT):
    """The sweep: deliver every queued delivery that is due and not leased (retries, lost
    tasks, killed workers' rows once their lease ended); how many were delivered."""
    at = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lte=at)
    due = (
        WebhookDelivery.objects.filter(
            free, status=Status.QUEUED, next_attempt_at__lte=at, subscription__active=True
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    # Each claim at its own time (unless told): a lease runs from when it is taken.
    return sum(deliver(pk, now=now) for pk in list(due))


def backoff(attempts):
    """How long to wait after the `attempts`-th failed attempt: doubling, capped."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


def body_of(delivery):
    return json.dumps(delivery.payload, separators=(",", ":")).encode()


def post(delivery, *, timestamp=None):
    """POST the delivery, signed; (status code or None, error class name or "")."""
    body = body_of(delivery)
    timestamp = int(time.time()) if timestamp is None else timestamp
    event_id = str(delivery.event_id)
    request = urllib.request.Request(  # noqa: S310 - the URL was checked to be http(s)
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Webhook-Id": event_id,
            "Webhook-Timestamp": str(timestamp),
            "Webhook-Signature": signature(delivery.subscription.secret, event_id, timestamp, body),
            "Idempotency-Key": event_id,
        },
    )
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            response.read(1024)
            return response.status, ""
    except urllib.error.HTTPError as exc:  # a 3xx (not followed), 4xx or 5xx
        exc.close()
        return exc.code, ""
    except Exception as exc:  # noqa: BLE001 - unreachable, refused, timed out: retried
        reason = getattr(exc, "reason", None)
        return None, type(reason if isinstance(reason, Exception) else exc).__name__


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: the subscription's URL is the one signed for."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _failed(delivery, code, error, now):
    """Record a failed attempt: retry later, or give up after MAX_ATTEMPTS."""
    final = delivery.attempts >= MAX_ATTEMPTS
    changes = {"lease_until": None, "last_status_code": code, "last_error": error[:200]}
    if final:
        changes["status"] = Status.FAILED
    else:
        changes["next_attempt_at"] = now + backoff(delivery.attempts)
    WebhookDelivery.objects.filter(pk=delivery.pk, status=Status.QUEUED).update(**changes)
    logger.warning(
        "webhook delivery %s (%s) attempt %s failed%s: %s",
        delivery.pk,
        delivery.event_type,
        delivery.attempts,
        ", giving up" if final else "",
        code or error,
    )
