"""Signals actions' services send, so apps above actions (webhooks) can react without actions
importing them. Sent inside the service's transaction."""

from django.dispatch import Signal

# sender=Submission, submission=<Submission>: the submission now counts (confirmed, not flagged).
submission_counted = Signal()
