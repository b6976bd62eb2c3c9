"""The email outbox: queue a message inside the transaction that causes it, deliver it later.

Queueing writes one OutboundEmail row (idempotent by `key`) and, on commit, enqueues its
delivery. Delivery claims the row with one conditional UPDATE that takes a lease, so two workers
never send the same row at once and a killed worker's row is due again when its lease ends; the
periodic sweep (`deliver_due`) picks those up. Delivery is at least once: a worker killed after
the SMTP server accepted a message but before it recorded the send will send it again.
"""

import logging
import smtplib
from datetime import timedelta
from functools import partial

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from groundswell.core.audit import audit
from groundswell.core.mail import render_templated_mail
from groundswell.people.models import Person

from .models import OutboundEmail

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # longer than any one SMTP conversation takes
MAX_ATTEMPTS = 8
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)  # 1, 2, 4 … minutes, never more than this between attempts
SWEEP_LIMIT = 500  # rows one sweep sends at most; the next sweep (a minute later) takes the rest
KEY_MAX_LENGTH = OutboundEmail._meta.get_field("key").max_length
SUBJECT_MAX_LENGTH = OutboundEmail._meta.get_field("subject").max_length
PURPOSE_MAX_LENGTH = OutboundEmail._meta.get_field("purpose").max_length

Status = OutboundEmail.Status


# --- Queueing --------------------------------------------------------------------------------


@transaction.atomic
def queue_email(
    *,
    key,
    to,
    subject,
    body,
    purpose,
    person=None,
    html="",
    reply_to="",
    from_email="",
    headers=None,
    language="",
):
    """Queue one email in the caller's transaction, sent once it commits; (email, created).
    The same `key` again (a retry, a concurrent twin) returns the row already queued."""
    if not key or len(key) > KEY_MAX_LENGTH:
        raise ValueError(f"an outbox key must have 1 to {KEY_MAX_LENGTH} characters")
    existing = OutboundEmail.objects.filter(key=key).first()
    if existing is not None:
        return existing, False
    fields = {
        "to": to,
        "subject": " ".join(subject.split())[:SUBJECT_MAX_LENGTH],  # a header: one line
        "body": body,
        "purpose": purpose[:PURPOSE_MAX_LENGTH],
        "person": person,
        "html": html,
        "reply_to": reply_to,
        "from_email": from_email,
        "headers": headers or {},
        "language": language,
        "next_attempt_at": timezone.now(),
    }
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin rolls back only this
            email = OutboundEmail.objects.create(key=key, **fields)
    except IntegrityError:
        return OutboundEmail.objects.get(key=key), False
    from .tasks import deliver_email_task

    # On commit: a rolled-back change sends nothing, whatever the tasks backend.
    transaction.on_commit(partial(deliver_email_task.enqueue, email.pk))
    return email, True


def queue_templated_email(
    recipient,
    template_prefix,
    context,
    *,
    key,
    purpose,
    language=None,
    reply_to="",
    from_email="",
    headers=None,
):
    """Render emails/<template_prefix>-* in the recipient's language (a Person or an address)
    and queue it; (None, False) when the recipient has no address."""
    rendered = render_templated_mail(recipient, template_prefix, context, language=language)
    if rendered is None:
        return None, False
    return queue_email(
        key=key,
        to=rendered.to,
        subject=rendered.subject,
        body=rendered.body,
        html=rendered.html,
        purpose=purpose,
        person=recipient if isinstance(recipient, Person) else None,
        reply_to=reply_to,
        from_email=from_email,
        headers=headers,
        language=rendered.language,
    )


@transaction.atomic
def cancel_email(key, *, actor=None):
    """Withdraw a queued email (one already sent or being sent stays so); True if withdrawn."""
    email = OutboundEmail.objects.filter(key=key, status=Status.QUEUED).first()
    if email is None:
        return False
    cancelled = OutboundEmail.objects.filter(pk=email.pk, status=Status.QUEUED).update(
        status=Status.CANCELLED
    )
    if cancelled:
        audit("messaging.email_cancelled", email, actor=actor, purpose=email.purpose)
    return bool(cancelled)


# --- Delivering ------------------------------------------------------------------------------
# Not atomic on purpose: the claim must commit before the SMTP conversation starts (so other
# workers see the lease), and no transaction is held open while a mail server answers.


def deliver(email_id, *, now=None, connection=None):
    """Claim one due email and send it; True if this call sent it. Does nothing if the row is
    not due, already sent, or leased by another worker."""
    now = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lte=now)
    claimed = OutboundEmail.objects.filter(
        free, pk=email_id, status=Status.QUEUED, next_attempt_at__lte=now
    ).update(lease_until=now + LEASE, attempts=F("attempts") + 1)
    if not claimed:
        return False
    email = OutboundEmail.objects.get(pk=email_id)
    try:
        _message(email, connection).send()
    except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
        _failed(email, exc, now)
        return False
    # It went out: the row says so, even if someone cancelled it while it was in flight.
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=Status.SENT, sent_at=timezone.now(), lease_until=None, last_error=""
    )
    logger.info("outbound email %s (%s) sent", email.pk, email.purpose)
    return True


def deliver_due(*, now=None, limit=SWEEP_LIMIT):
    """The sweep: deliver every queued email that is due and not leased (new ones whose task was
    lost, retries, and those of killed workers once their lease ended); how many were sent."""
    at = now or timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lte=at)
    due = (
        OutboundEmail.objects.filter(free, status=Status.QUEUED, next_attempt_at__lte=at)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    ids = list(due)
    if not ids:
        return 0
    connection = get_connection()  # one SMTP session for the whole sweep
    try:
        connection.open()
    except Exception:  # noqa: BLE001 - unreachable: each attempt fails and backs off on its own
        connection = None
    try:
        # Each claim at its own time (unless told): a lease must run from when it is taken, not
        # from the start of a long sweep.
        return sum(deliver(pk, now=now, connection=connection) for pk in ids)
    finally:
        if connection is not None:
            connection.close()


def backoff(attempts):
    """How long to wait after the `attempts`-th failed attempt: doubling, capped."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


def _message(email, connection):
    headers = dict(email.headers)
    if email.language:
        headers["Content-Language"] = email.language
    message = EmailMultiAlternatives(
        email.subject,
        email.body,
        email.from_email or None,
        [email.to],
        connection=connection,
        headers=headers,
        reply_to=[email.reply_to] if email.reply_to else None,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def _failed(email, exc, now):
    """Record a failed attempt: retry later, or give up after MAX_ATTEMPTS or a hard bounce."""
    error = describe_error(exc)
    final = email.attempts >= MAX_ATTEMPTS or _permanent(exc)
    changes = {"lease_until": None, "last_error": error}
    if final:
        changes["status"] = Status.FAILED
    else:
        changes["next_attempt_at"] = now + backoff(email.attempts)
    OutboundEmail.objects.filter(pk=email.pk, status=Status.QUEUED).update(**changes)
    logger.warning(
        "outbound email %s (%s) attempt %s failed%s: %s",
        email.pk,
        email.purpose,
        email.attempts,
        ", giving up" if final else "",
        error,
    )


def describe_error(exc):
    """The error's class and SMTP code(s) only: never its text, which may quote addresses."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _message in exc.recipients.values()})
        return f"{name} {' '.join(codes)}".strip()
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{name} {exc.smtp_code}"
    return name


def _permanent(exc):
    """True when the mail server refused every recipient for good (5xx): retrying cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        return all(500 <= code < 600 for code, _message in exc.recipients.values())
    return False
