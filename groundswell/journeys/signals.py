"""Signals journeys' services send, so apps above journeys (webhooks) can react without journeys
importing them. Sent inside the service's transaction."""

from django.dispatch import Signal

# sender=StageTransition, person=<Person>, from_stage_id=<int|None>, to_stage=<Stage>, at=<datetime>
# Sent by record_activity when an activity moves the person (the hot path: receivers must cost
# nothing when they have nothing to do).
stage_changed = Signal()
