"""Background work for outgoing webhooks: thin tasks taking ids and calling services."""

from django_tasks import task


@task()
def deliver_webhook_task(delivery_id):
    """Send one queued delivery (enqueued when the transaction that emitted it commits)."""
    from .services import deliver

    deliver(delivery_id)


@task()
def deliver_due_webhooks_task():
    """The webhook sweep, every minute: retries, lost tasks and killed workers' deliveries."""
    from .services import deliver_due

    deliver_due()
