"""Read-only querysets for organiser pages about actions."""

from .models import Submission


def flagged_submissions():
    """Submissions waiting for review: flagged and not yet invalidated, newest first."""
    return (
        Submission.objects.filter(flagged=True)
        .exclude(status=Submission.Status.INVALID)
        .select_related("action", "person")
        .order_by("-created_at", "-pk")
    )
