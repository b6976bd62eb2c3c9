"""Receivers of the domain signals: each change becomes a webhook event in the change's own
transaction. They return at once, without a query, while nobody subscribed to the event type.
badge.awarded has no sender yet: recognition does not exist."""

from django.dispatch import receiver

from groundswell.actions.signals import submission_counted
from groundswell.events.signals import attendance_recorded
from groundswell.journeys.signals import stage_changed
from groundswell.people.signals import person_created

from . import payloads
from .services import emit


@receiver(person_created, dispatch_uid="webhooks.person_created")
def on_person_created(sender, person, **kwargs):
    emit("person.created", lambda: {"osdi:person": payloads.person(person)}, person=person)


@receiver(submission_counted, dispatch_uid="webhooks.submission_counted")
def on_submission_counted(sender, submission, **kwargs):
    emit("signature.created", lambda: payloads.signature(submission), person=submission.person)


@receiver(attendance_recorded, dispatch_uid="webhooks.attendance_recorded")
def on_attendance_recorded(sender, rsvp, **kwargs):
    emit("attendance.created", lambda: payloads.attendance(rsvp), person=rsvp.person)


@receiver(stage_changed, dispatch_uid="webhooks.stage_changed")
def on_stage_changed(sender, person, from_stage_id, to_stage, at, **kwargs):
    def data():
        return payloads.stage_changed(person, from_stage_id=from_stage_id, to_stage=to_stage, at=at)

    emit("stage.changed", data, person=person, now=at)
