"""Background work for the ladder: thin tasks that call services."""

from django_tasks import task


@task()
def recompute_stages_task():
    """Re-evaluate every person's stage against the current rules (nightly, or on an HQ request)."""
    from .services import recompute_stages

    recompute_stages()
