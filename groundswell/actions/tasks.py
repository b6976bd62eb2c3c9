"""Background work for actions: thin tasks taking ids and calling services."""

from django_tasks import task


@task()
def send_confirmation_task(submission_id):
    """Send the double opt-in email for one pending submission."""
    from .services import send_confirmation

    send_confirmation(submission_id)
