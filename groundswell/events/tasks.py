"""Background work for events: thin tasks calling services."""

from django_tasks import task


@task()
def send_event_mail_task():
    """Every few minutes: reminders a day and an hour before, follow-ups after, hosting."""
    from .services import send_due_mail

    send_due_mail()
