"""Background work for the outbox: thin tasks taking ids and calling services."""

from django_tasks import task


@task()
def deliver_email_task(email_id):
    """Send one queued email (enqueued when the transaction that queued it commits)."""
    from .services import deliver

    deliver(email_id)


@task()
def deliver_due_task():
    """The outbox sweep, every minute: retries, lost tasks and killed workers' emails."""
    from .services import deliver_due

    deliver_due()
