"""Every state change of events: create, propose, approve, RSVP, cancel, check in, mail, feedback.

Concurrency: every change to who is going locks the event row first (select_for_update on
PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers), so two people taking
the last seat end up one going and one on the waitlist.
"""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.core.codes import random_code
from groundswell.core.i18n import localized
from groundswell.journeys.services import record_activity
from groundswell.people.services import upsert_person

from .models import RSVP, Event, Feedback
from .signals import attendance_recorded
from .validation import check_event

MESSAGES = {
    "not_open": _("This event is not taking RSVPs."),
    "over": _("This event is over."),
    "wrong_code": _("That is not the code of this event. Check it with the host."),
    "no_rsvp": _("We have no RSVP from you for this event."),
    "check_in_closed": _("Check-in opens one hour before the event starts."),
    "not_proposed": _("This event has already been decided."),
    "rating": _("Choose a rating from 1 to 5."),
}
EVENT_FIELDS = (
    "title", "description", "languages", "online", "join_url", "venue", "address", "locality",
    "country", "latitude", "longitude", "starts_at", "ends_at", "time_zone", "capacity",
    "campaign", "group",
)  # fmt: skip
ACTIVE = (RSVP.Status.GOING, RSVP.Status.WAITLISTED)
CHECK_IN_OPENS = timedelta(hours=1)  # before the start, for attendees typing the code
CHECK_IN_CLOSES = timedelta(hours=12)  # after the end
FOLLOW_UP_WITHIN = timedelta(days=3)  # after the end; later than that, no "how was it?"
TOKEN_SALT = "groundswell.events.rsvp"  # noqa: S105 - a signing salt, not a secret
TOKEN_MAX_AGE = 60 * 60 * 24 * 120  # links in mails work for four months


# --- Creating and deciding on events ---------------------------------------------------------


def _slug_for(title):
    base = slugify(localized(title))[:60] or "event"
    return f"{base}-{random_code(5)}"


@transaction.atomic
def create_event(*, actor=None, host=None, status=Event.Status.PUBLISHED, now=None, **values):
    """Create an event (HQ or a coordinator; the views check who may); ValidationError by field."""
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields {sorted(unknown)}")
    check_event(values, now=now)
    event = Event(**values, host=host, status=status, slug=_slug_for(values["title"]))
    event.save()
    audit("event.created", event, actor=actor, status=status, group=event.group_id)
    return event


@transaction.atomic
def propose_event(*, person, actor=None, now=None, **values):
    """A supporter proposes to host an event: it waits for a coordinator's or HQ's approval."""
    return create_event(actor=actor, host=person, status=Event.Status.PROPOSED, now=now, **values)


@transaction.atomic
def update_event(event, *, actor=None, now=None, **values):
    """Change an event's fields; raising the capacity moves people up from the waitlist."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    merged = {name: getattr(event, name) for name in EVENT_FIELDS} | values
    going = event.rsvps.filter(status=RSVP.Status.GOING).count()
    check_event(merged, going=going, starts_changed=merged["starts_at"] != event.starts_at, now=now)
    for name, value in values.items():
        setattr(event, name, value)
    event.save()
    _fill_seats(event)
    audit("event.changed", event, actor=actor, fields=sorted(values))
    return event


@transaction.atomic
def approve_event(event, *, actor=None):
    """Publish a proposed event; its host is told by email."""
    event = _decide(event, Event.Status.PUBLISHED, actor=actor, verb="event.approved")
    _queue_mail(event.host_id, "events/emails/event-approved", event_id=event.pk)
    return event


@transaction.atomic
def reject_event(event, *, actor=None, reason=""):
    """Turn a proposal down, with a reason the host reads by email."""
    event = _decide(event, Event.Status.REJECTED, actor=actor, verb="event.rejected", note=reason)
    _queue_mail(event.host_id, "events/emails/event-rejected", event_id=event.pk)
    return event


def _decide(event, status, *, actor, verb, note=""):
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PROPOSED:
        raise ValidationError(MESSAGES["not_proposed"], code="not_proposed")
    event.status, event.status_note = status, note[:500]
    event.save(update_fields=["status", "status_note"])
    audit(verb, event, actor=actor, reason=note)
    return event


@transaction.atomic
def cancel_event(event, *, actor=None, reason=""):
    """Call an event off; people going or waitlisted are told by email."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == Event.Status.CANCELLED:
        return event
    event.status, event.status_note = Event.Status.CANCELLED, reason[:500]
    event.save(update_fields=["status", "status_note"])
    for rsvp in event.rsvps.filter(status__in=ACTIVE).only("pk"):
        _queue_mail(None, "events/emails/event-cancelled", rsvp_id=rsvp.pk)
    audit("event.cancelled", event, actor=actor, reason=reason)
    return event


# --- RSVPs -----------------------------------------------------------------------------------


@transaction.atomic
def rsvp(event, *, person, channel="web", now=None):
    """RSVP `person`: going while seats last, else on the waitlist. A repeat is the same RSVP;
    RSVPing again after cancelling takes a seat (or a place in the queue) again. (rsvp, created)."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(MESSAGES["not_open"], code="not_open")
    if event.ends_at <= now:
        raise ValidationError(MESSAGES["over"], code="over")
    existing = RSVP.objects.filter(event=event, person=person).first()
    if existing is not None and existing.status in ACTIVE:
        return existing, False
    found = existing or RSVP(event=event, person=person, channel=channel[:20])
    if _has_seat(event):
        found.status, found.position = RSVP.Status.GOING, None
    else:
        found.status, found.position = RSVP.Status.WAITLISTED, _next_position(event)
    found.save()
    if existing is None:
        record_activity(
            person,
            "event_rsvp",
            occurred_at=now,
            object_type="events.event",
            object_id=event.pk,
            campaign=event.campaign,
            channel=channel[:20],
        )
    audit("event.rsvp", found, actor=None, event=event.pk, status=found.status)
    return found, existing is None


@transaction.atomic
def rsvp_as_guest(event, *, given_name, email, consent=False, language=None, channel="web"):
    """The public form's RSVP: find or create the person by email, then RSVP them."""
    language = (language or translation.get_language() or "en")[:2]
    consents = [{"channel": "email", "purpose": "updates", "granted": True}] if consent else ()
    person, _created = upsert_person(
        email=email,
        given_name=given_name,
        language=language,
        source=f"event:{event.slug}",
        consents=consents,
        consent_source_detail=f"event:{event.slug}",
    )
    return rsvp(event, person=person, channel=channel)


@transaction.atomic
def cancel_rsvp(found, *, actor=None):
    """Cancel an RSVP; when it held a seat, the first on the waitlist moves up and is told."""
    event = Event.objects.select_for_update().get(pk=found.event_id)
    found = RSVP.objects.get(pk=found.pk)
    if found.status == RSVP.Status.CANCELLED:
        return found
    found.status, found.position = RSVP.Status.CANCELLED, None
    found.save(update_fields=["status", "position"])
    audit("event.rsvp_cancelled", found, actor=actor, event=event.pk)
    _fill_seats(event)
    return found


def _has_seat(event):
    if event.capacity is None:
        return True
    return event.rsvps.filter(status=RSVP.Status.GOING).count() < event.capacity


def _next_position(event):
    last = event.rsvps.filter(status=RSVP.Status.WAITLISTED).aggregate(last=Max("position"))
    return (last["last"] or 0) + 1


def _fill_seats(event):
    """Move people up from the waitlist, first come first served, while seats are free."""
    if event.status != Event.Status.PUBLISHED:
        return
    queue = event.rsvps.filter(status=RSVP.Status.WAITLISTED).order_by("position", "pk")
    for waiting in queue:
        if not _has_seat(event):
            return
        waiting.status, waiting.position = RSVP.Status.GOING, None
        waiting.save(update_fields=["status", "position"])
        audit("event.rsvp_promoted", waiting, event=event.pk)
        _queue_mail(None, "events/emails/event-promoted", rsvp_id=waiting.pk)


# --- Attendance ------------------------------------------------------------------------------


@transaction.atomic
def check_in(found, *, actor=None, method="host", now=None):
    """Mark an RSVP as attended (once) and record the attendance; True if newly checked in."""
    now = now or timezone.now()
    updated = RSVP.objects.filter(pk=found.pk, attended_at__isnull=True).update(attended_at=now)
    if not updated:
        return False
    found.refresh_from_db()
    event = found.event
    record_activity(
        found.person,
        "event_attended",
        occurred_at=now,
        object_type="events.event",
        object_id=event.pk,
        campaign=event.campaign,
        channel=method,
    )
    audit("event.checked_in", found, actor=actor, method=method, event=event.pk)
    record_hosting(event, now=now)
    attendance_recorded.send(RSVP, rsvp=found)
    return True


@transaction.atomic
def check_in_with_code(event, *, person, code, now=None):
    """The attendee types the code shown at the event; their RSVP is checked in."""
    now = now or timezone.now()
    if (code or "").strip().lower() != event.check_in_code:
        raise ValidationError(MESSAGES["wrong_code"], code="wrong_code")
    if now < event.starts_at - CHECK_IN_OPENS or now > event.ends_at + CHECK_IN_CLOSES:
        raise ValidationError(MESSAGES["check_in_closed"], code="closed")
    found = RSVP.objects.filter(event=event, person=person, status__in=ACTIVE).first()
    if found is None:
        raise ValidationError(MESSAGES["no_rsvp"], code="no_rsvp")
    check_in(found, method="code", now=now)
    return found


@transaction.atomic
def record_hosting(event, *, now=None):
    """Hosting counts once the event takes place (its first check-in, or its end), not at
    approval: a cancelled or never-held event is not hosting. True if recorded now."""
    now = now or timezone.now()
    if event.host_id is None or event.status != Event.Status.PUBLISHED:
        return False
    claimed = Event.objects.filter(pk=event.pk, hosted_recorded_at__isnull=True).update(
        hosted_recorded_at=now
    )
    if not claimed:
        return False
    record_activity(
        event.host,
        "event_hosted",
        occurred_at=min(now, event.ends_at),
        object_type="events.event",
        object_id=event.pk,
        campaign=event.campaign,
    )
    audit("event.hosted", event)
    return True


# --- Reminders and follow-ups ----------------------------------------------------------------

# (column claimed, email template, which RSVPs are due at `now`)
SCHEDULE = {
    "day": (
        "day_reminder_at",
        "events/emails/event-reminder-day",
        lambda now: Q(
            event__starts_at__gt=now + timedelta(hours=1),
            event__starts_at__lte=now + timedelta(days=1),
        ),
    ),
    "hour": (
        "hour_reminder_at",
        "events/emails/event-reminder-hour",
        lambda now: Q(event__starts_at__gt=now, event__starts_at__lte=now + timedelta(hours=1)),
    ),
    "follow_up": (
        "follow_up_at",
        "events/emails/event-follow-up",
        lambda now: Q(event__ends_at__lte=now, event__ends_at__gt=now - FOLLOW_UP_WITHIN),
    ),
}


def send_due_mail(*, now=None):
    """Claim and send every reminder and follow-up due now, each exactly once; hosting of
    events that ended is recorded too. Returns {kind: how many}."""
    now = now or timezone.now()
    sent = {}
    for kind, (column, template, due) in SCHEDULE.items():
        rsvps = RSVP.objects.filter(
            due(now),
            status=RSVP.Status.GOING,
            event__status=Event.Status.PUBLISHED,
            **{f"{column}__isnull": True},
        ).values_list("pk", flat=True)
        sent[kind] = sum(_claim_and_send(pk, column, template, now) for pk in list(rsvps))
    ended = Event.objects.filter(
        status=Event.Status.PUBLISHED,
        hosted_recorded_at__isnull=True,
        host__isnull=False,
        ends_at__lte=now,
        ends_at__gt=now - FOLLOW_UP_WITHIN,
    )
    sent["hosted"] = sum(record_hosting(event, now=now) for event in list(ended))
    return sent


@transaction.atomic
def _claim_and_send(rsvp_id, column, template, now):
    """One conditional UPDATE claims the mail: of two schedulers, only one sends it."""
    won = RSVP.objects.filter(pk=rsvp_id, **{f"{column}__isnull": True}).update(**{column: now})
    if won:
        _queue_mail(None, template, rsvp_id=rsvp_id, key=f"event-mail:{rsvp_id}:{column}")
    return bool(won)


def _queue_mail(person_id, template, *, rsvp_id=None, event_id=None, key=""):
    """Queue one email about an event in the outbox, in this transaction (sent once it
    commits; the same key twice is one email)."""
    from .mail import queue_event_mail

    if rsvp_id is None and person_id is None:
        return
    queue_event_mail(template, rsvp_id=rsvp_id, event_id=event_id, person_id=person_id, key=key)


def rsvp_token(found):
    """A signed token for links in mails: manage the RSVP, answer the follow-up."""
    return signing.dumps(found.pk, salt=TOKEN_SALT, compress=True)


def rsvp_from_token(token):
    """The RSVP a token was made for, or None if it is forged, expired or gone."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return RSVP.objects.select_related("event", "person").filter(pk=pk).first()


# --- Feedback --------------------------------------------------------------------------------


@transaction.atomic
def give_feedback(found, *, rating, comment=""):
    """Record the answer to "how was it?"; answering again changes the answer, not the count."""
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": ValidationError(MESSAGES["rating"], code="rating")})
    feedback, created = Feedback.objects.update_or_create(
        rsvp=found, defaults={"rating": rating, "comment": (comment or "").strip()[:2000]}
    )
    if created:
        event = found.event
        record_activity(
            found.person,
            "feedback_given",
            object_type="events.event",
            object_id=event.pk,
            campaign=event.campaign,
            data={"rating": rating},
        )
    audit("event.feedback", feedback, rating=rating)
    return feedback
