"""Signals people's services send, so apps above people (journeys, amplification) can react
without people importing them. Sent inside the service's transaction."""

from django.dispatch import Signal

# sender=Person, person=<Person>
person_created = Signal()
# sender=Person, people=[<Person>]: many created together (a CSV import), for bulk receivers.
# Whoever listens to person_created should listen to this too.
people_created = Signal()
# sender=Person, kept=<Person>, merged_id=<int>: every row of merged_id now points at kept.
people_merged = Signal()
