"""Signals events' services send, so apps above events (webhooks) can react without events
importing them. Sent inside the service's transaction."""

from django.dispatch import Signal

# sender=RSVP, rsvp=<RSVP>: the RSVP was checked in (attended) just now, once.
attendance_recorded = Signal()
