"""Periodic work: which task runs how often. `groundswell scheduler` enqueues each when it is due.

Any number of schedulers may run (one per machine is fine): a job is claimed with a conditional
UPDATE on its PeriodicRun row, so each due run is enqueued exactly once.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    task: str  # dotted path of a django-tasks task taking no arguments


JOBS = [
    Job(
        "nightly-recompute", timedelta(hours=24), "groundswell.journeys.tasks.recompute_stages_task"
    ),
    Job("outbox-sweep", timedelta(minutes=1), "groundswell.messaging.tasks.deliver_due_task"),
    Job("event-mail", timedelta(minutes=5), "groundswell.events.tasks.send_event_mail_task"),
    Job(
        "webhook-sweep",
        timedelta(minutes=1),
        "groundswell.webhooks.tasks.deliver_due_webhooks_task",
    ),
]


def claim(job, *, now=None):
    """True if this caller won the right to run `job` now (and recorded the run)."""
    now = now or timezone.now()
    PeriodicRun.objects.get_or_create(name=job.name)
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - job.every)
    return PeriodicRun.objects.filter(due, name=job.name).update(last_run_at=now) == 1


def run_due_jobs(*, now=None, jobs=None):
    """Enqueue every job that is due; return the names enqueued."""
    enqueued = []
    for job in JOBS if jobs is None else jobs:
        with transaction.atomic():
            if claim(job, now=now):
                import_string(job.task).enqueue()
                enqueued.append(job.name)
    return enqueued
