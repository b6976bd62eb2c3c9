"""What each kind of action adds to a submission: the letters to its targets, a pledge's goal.

Part of services.py, split out for size: these functions are called only from the services
(take_action, confirm_submission, clear_submission, invalidate_submissions), inside their
transactions, so a letter is queued and a goal created exactly when the submission starts to count.
"""

from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from groundswell.core.i18n import localized

from .models import Action, Letter, LetterTarget
from .pledges import commitment

LETTER_SUBJECT_MAX = Letter._meta.get_field("subject").max_length
LETTER_BODY_MAX = 4000  # Letter.body holds 5000: room for the signature added below the text
GOAL_SOURCE_MAX = 40

MESSAGES = {
    "required": _("Please fill in this field."),
    "no_target": _("Choose at least one person to write to."),
    "subject_long": _("Keep the subject under %(limit)d characters."),
    "body_long": _("Keep the letter under %(limit)d characters."),
    "amount": _("Choose a number from 1 to %(limit)d."),
}


def letter_key(letter):
    """The outbox key of a letter: queueing it again never sends a second one."""
    return f"letter:{letter.pk}"


def clean_kind_data(action, data, *, language=None):
    """What the action's kind needs from `data`, checked: {"letters": …} or {"amount": n} or {}.

    Raises a ValidationError naming the fields (targets, letter_subject, letter_body, amount).
    """
    if action.kind == Action.Kind.LETTER:
        return _clean_letter(action, data, language)
    if action.kind == Action.Kind.PLEDGE:
        return {"amount": _clean_amount(action, data.get("amount"))}
    return {}


def _clean_letter(action, data, language):
    targets = list(action.letter_targets.all())
    if not targets:  # nobody to write to yet: the action is recorded, no letter is written
        return {}
    chosen = data.get("targets")
    if chosen is not None:  # None (the API leaving it out): every target
        wanted = {str(pk) for pk in chosen}
        targets = [target for target in targets if str(target.pk) in wanted]
    errors = {}
    if not targets:
        errors["targets"] = MESSAGES["no_target"]
    texts = {}
    for field, template, limit, message in (
        ("letter_subject", action.letter_subject, LETTER_SUBJECT_MAX, "subject_long"),
        ("letter_body", action.letter_body, LETTER_BODY_MAX, "body_long"),
    ):
        text = data.get(field)
        text = localized(template, language) if text is None else str(text)
        text = text.strip().replace("\r\n", "\n")
        if not text:
            errors[field] = MESSAGES["required"]
        elif len(text) > limit:
            errors[field] = ValidationError(MESSAGES[message], "max_length", {"limit": limit})
        texts[field] = text
    if errors:
        raise ValidationError(errors)
    return {"letters": targets, "subject": texts["letter_subject"], "body": texts["letter_body"]}


def _clean_amount(action, value):
    if not action.pledge_amount_editable or value in (None, ""):
        return action.pledge_amount or 1
    limit = action.pledge_amount_max or action.pledge_amount or 1
    try:
        amount = int(value)
    except (TypeError, ValueError):
        amount = 0
    if not 1 <= amount <= limit:
        error = ValidationError(MESSAGES["amount"], "amount", {"limit": limit})
        raise ValidationError({"amount": error})
    return amount


def prepare(submission, kind_data, data, *, language):
    """Store what a new submission adds: one waiting Letter per chosen target, or the amount."""
    if "letters" in kind_data:
        with translation.override(language):
            signature = _signature(submission.person, data)
        body = f"{kind_data['body']}\n\n{signature}"
        Letter.objects.bulk_create(
            Letter(submission=submission, target=target, subject=kind_data["subject"], body=body)
            for target in kind_data["letters"]
        )
    if "amount" in kind_data:
        submission.data = {**submission.data, "amount": kind_data["amount"]}
        submission.save(update_fields=["data"])


def _signature(person, data):
    """The supporter's name, then where they write from: "Ana Souza\\nLyon, France"."""
    name = " ".join(
        part for part in (data.get("given_name"), data.get("family_name")) if part
    ).strip()
    country = data.get("country") or person.country
    place = [data.get("locality") or person.locality, countries.name(country) if country else ""]
    lines = [name or person.display_name, ", ".join(part for part in place if part)]
    return "\n".join(line for line in lines if line)


def fulfil(submission):
    """The submission now counts: send its letters, or set the pledge's goal (once)."""
    kind = submission.action.kind
    if kind == Action.Kind.LETTER:
        _release_letters(submission)
    elif kind == Action.Kind.PLEDGE:
        _set_goal(submission)


def _release_letters(submission):
    pending = submission.letters.filter(
        status__in=[Letter.Status.WAITING, Letter.Status.HELD]
    ).select_related("target")
    for letter in pending:
        if letter.target.kind == LetterTarget.Kind.NEWSPAPER:
            letter.status = Letter.Status.SELF_SEND
        else:
            letter.outbound = _queue_letter(letter, submission.person)
            letter.status = Letter.Status.QUEUED
        letter.save(update_fields=["status", "outbound"])


def _queue_letter(letter, person):
    """Queue one letter to a decision maker: from the organisation's address in the supporter's
    name (their own domain would fail the receiver's checks), replies going to the supporter."""
    from groundswell.messaging.services import queue_email

    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    name = person.display_name
    outbound, _created = queue_email(
        key=letter_key(letter),
        to=letter.target.email,
        subject=letter.subject,
        body=letter.body,
        purpose="letter",
        from_email=formataddr((name, address)),
        reply_to=formataddr((name, person.email)),
        language=person.language,
    )
    return outbound


def _set_goal(submission):
    """The pledge becomes a personal goal, once per submission (its id is kept in data)."""
    from groundswell.journeys.services import create_goal

    if submission.data.get("goal") or not submission.action.pledge_counter:
        return
    action, person = submission.action, submission.person
    amount = submission.data.get("amount") or action.pledge_amount or 1
    with translation.override(person.language or None):
        title = str(capfirst(commitment(action, amount)))
    due_at = timezone.now() + timedelta(days=action.pledge_days) if action.pledge_days else None
    goal = create_goal(
        person,
        title=title[:200],
        counter=action.pledge_counter,
        target=amount,
        source=f"pledge:{action.slug}"[:GOAL_SOURCE_MAX],
        due_at=due_at,
    )
    submission.data = {**submission.data, "goal": goal.pk}
    submission.save(update_fields=["data"])


def hold(submission):
    """A flagged submission's letters wait for a moderator instead of going out."""
    submission.letters.filter(status=Letter.Status.WAITING).update(status=Letter.Status.HELD)


def cancel(submission):
    """An invalidated submission: nothing it wrote may go out, even if it was queued."""
    from groundswell.messaging.services import cancel_email

    for letter in submission.letters.exclude(
        status__in=[Letter.Status.SENT, Letter.Status.SELF_SEND]
    ):
        if letter.outbound_id:
            cancel_email(letter_key(letter))
        if letter.status != Letter.Status.CANCELLED:
            letter.status = Letter.Status.CANCELLED
            letter.save(update_fields=["status"])
