"""State changes for actions: taking one (the hot path), confirming by email, moderation."""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.journeys.services import record_activity
from groundswell.people.services import upsert_person

from . import counters, fulfilment, spam
from .models import Submission
from .signals import submission_counted

CONFIRM_SALT = "groundswell.actions.confirm"
CONFIRM_MAX_AGE = 30 * 24 * 3600  # a confirmation link works for 30 days
# The person fields an action form may pass on to upsert_person.
PERSON_INPUT = ("given_name", "family_name", "email", "phone", "country", "postal_code", "locality")
COMMENT_MAX_LENGTH = Submission._meta.get_field("comment").max_length

MESSAGES = {
    "not_live": _("This action is not open at the moment."),
    "bad_link": _("This confirmation link is not valid or has expired."),
}


@transaction.atomic
def take_action(action, *, data, ip=None, ref=None, channel="", language=None):
    """Upsert the person, attribute a referral, create (or find) the submission, record the
    activity and bump the count, in one transaction; (submission, created).

    What the kind adds comes in `data` too: targets, letter_subject and letter_body for a
    letter (one Letter per target, sent once the submission counts), amount for a pledge.
    """
    if not action.is_live:
        raise ValidationError(MESSAGES["not_live"], code="not_live")
    language = (language or translation.get_language() or "en")[:2]
    kind_data = fulfilment.clean_kind_data(action, data, language=language)
    ip_hash = spam.hash_ip(ip)
    consents = [{"channel": "email", "purpose": "updates", "granted": True}]
    person, person_created = upsert_person(
        **{field: data.get(field) for field in PERSON_INPUT},
        language=language,
        source=f"action:{action.slug}",
        consents=consents if data.get("consent") else (),
        consent_source_detail=f"action:{action.slug}",
        wording_version=action.consent_wording_version,
    )
    reason = spam.flag_reason(
        honeypot=data.get(spam.HONEYPOT_FIELD, ""), ip_hash=ip_hash, email=person.email
    )
    code = _clean_code(ref)
    if person_created and code and not reason:
        _attribute(person, code=code, channel=channel, campaign=action.campaign)
    submission, created = _submission(
        action,
        person,
        person_created=person_created,
        confirmed=not action.double_opt_in,
        comment=(data.get("comment") or "").strip()[:COMMENT_MAX_LENGTH],
        flag_reason=reason,
        channel=channel[:20],
        referral_code=code,
        ip_hash=ip_hash,
    )
    if created:
        audit("action.submitted", submission, action=action.slug, flagged=reason)
        fulfilment.prepare(submission, kind_data, data, language=language)
        if action.double_opt_in:
            queue_confirmation(submission)  # the outbox sends it once this commits
        else:
            _counted_if_clean(submission)  # inserted confirmed already
    elif submission.status == Submission.Status.PENDING and action.double_opt_in:
        # Signing again while unconfirmed usually means the first email never arrived (or was
        # lost in a spam folder): send the link again, but not for a double click or a retry.
        resend_confirmation(submission)
    return submission, created


def _clean_code(ref):
    """A referral code as typed into a link, or "" (a tampered one is ignored, never an error)."""
    code = ref.strip().lower() if isinstance(ref, str) else ""
    return code if code.isalnum() and len(code) <= 12 else ""


def _attribute(person, *, code, channel, campaign):
    from groundswell.amplification.services import attribute_signup

    return attribute_signup(person, code=code, channel=channel, campaign=campaign)


def _submission(action, person, *, person_created, confirmed, **fields):
    """The person's submission to `action`, created if new (already confirmed when `confirmed`);
    (submission, created).

    A person created in this very transaction has no submission yet, and no concurrent twin can
    give them one (nobody else sees them before this commits): no look, no savepoint.
    """
    fields["flagged"] = bool(fields["flag_reason"])
    if confirmed:
        fields.update(status=Submission.Status.CONFIRMED, confirmed_at=timezone.now())
    if person_created:
        return Submission.objects.create(person=person, action=action, **fields), True
    existing = Submission.objects.filter(person=person, action=action).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin rolls back only this
            return Submission.objects.create(person=person, action=action, **fields), True
    except IntegrityError:
        return Submission.objects.get(person=person, action=action), False


def _confirm(submission):
    """Mark confirmed; if it is not flagged, record the activity and count it."""
    submission.status = Submission.Status.CONFIRMED
    submission.confirmed_at = timezone.now()
    submission.save(update_fields=["status", "confirmed_at"])
    _counted_if_clean(submission)


def _counted_if_clean(submission):
    """A confirmed submission: held if flagged, else recorded and counted."""
    if submission.flagged:
        fulfilment.hold(submission)
    else:
        _count(submission)


def _count(submission):
    action = submission.action
    record_activity(
        submission.person,
        action.activity_kind,
        object_type="action",
        object_id=action.pk,
        campaign=action.campaign,
        channel=submission.channel,
    )
    counters.bump(action.pk)
    fulfilment.fulfil(submission)
    submission_counted.send(Submission, submission=submission)


def confirmation_token(submission):
    """The signed token of the link that confirms `submission`."""
    return signing.dumps(submission.pk, salt=CONFIRM_SALT, compress=True)


@transaction.atomic
def confirm_submission(token):
    """Confirm the submission a signed link names; following it again changes nothing."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        submission = (
            Submission.objects.select_for_update()
            .select_related("action__campaign", "person")
            .get(pk=pk)
        )
    except (signing.BadSignature, Submission.DoesNotExist, TypeError, ValueError):
        raise ValidationError(MESSAGES["bad_link"], code="bad_link") from None
    if submission.status == Submission.Status.PENDING:
        _confirm(submission)
        audit("action.confirmed", submission, action=submission.action.slug)
    return submission


@transaction.atomic
def clear_submission(submission, *, actor=None):
    """An organiser clears a flagged submission: it counts from now on if confirmed."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.flagged:
        return submission
    submission.flagged = False
    submission.save(update_fields=["flagged"])
    if submission.status == Submission.Status.CONFIRMED:
        _count(submission)
    audit("action.cleared", submission, actor=actor, reason=submission.flag_reason)
    return submission


@transaction.atomic
def clear_submissions(ids, *, actor=None):
    """Clear the flagged submissions among `ids` (see clear_submission); how many were cleared."""
    flagged = Submission.objects.filter(pk__in=ids, flagged=True).exclude(
        status=Submission.Status.INVALID
    )
    cleared = [clear_submission(submission, actor=actor) for submission in flagged]
    return len(cleared)


@transaction.atomic
def invalidate_submissions(ids, *, actor=None):
    """Mark the flagged submissions among `ids` invalid: never counted; how many changed.

    Only flagged ones: they were never counted, so nothing has to be taken back from the counts
    or the person's journey. Invalidating twice changes nothing.
    """
    submissions = list(
        Submission.objects.select_for_update()
        .filter(pk__in=ids, flagged=True)
        .exclude(status=Submission.Status.INVALID)
        .select_related("action")
    )
    for submission in submissions:
        submission.status = Submission.Status.INVALID
        submission.save(update_fields=["status"])
        fulfilment.cancel(submission)
        audit("action.invalidated", submission, actor=actor, reason=submission.flag_reason)
    return len(submissions)


RESEND_AFTER = timedelta(minutes=10)  # a pending signer signing again this late gets a new link
RESEND_EVERY = 3600  # seconds: and at most one new link per hour


def resend_confirmation(submission):
    """Queue the confirmation again if the last one is older than RESEND_AFTER; else nothing."""
    from groundswell.messaging.models import OutboundEmail

    last = (
        OutboundEmail.objects.filter(key__startswith=f"confirm:{submission.pk}")
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last is not None and timezone.now() - last < RESEND_AFTER:
        return None, False
    return queue_confirmation(submission, again=True)


def queue_confirmation(submission, *, again=False):
    """Queue the email with the link that confirms `submission`, in the person's language; a
    retried submission queues nothing new (the outbox key is the submission, and for a resend
    the submission and the hour)."""
    from django.urls import reverse

    from groundswell.messaging.services import queue_templated_email

    url = reverse("actions:confirm", args=[confirmation_token(submission)])
    context = {"action": submission.action, "confirm_path": url}
    return queue_templated_email(
        submission.person,
        "actions-confirm",
        context,
        key=f"confirm:{submission.pk}" + (f":{_resend_slot()}" if again else ""),
        purpose="confirmation",
    )


def _resend_slot():
    return int(timezone.now().timestamp()) // RESEND_EVERY
