"""Receivers of the people signals (groundswell.people.signals): journeys reacts to people
without people importing journeys. Both run inside the sending service's transaction."""

from django.dispatch import receiver

from groundswell.people.signals import people_created, people_merged, person_created

from . import services


@receiver(person_created, dispatch_uid="journeys.start_journey")
def start_journey(sender, person, **kwargs):
    services.start_journey(person, new=True)  # person_created: created in this transaction


@receiver(people_created, dispatch_uid="journeys.start_journeys")
def start_journeys(sender, people, **kwargs):
    services.start_journeys(people)  # a CSV import's chunk: the same, in bulk


@receiver(people_merged, dispatch_uid="journeys.rebuild_after_merge")
def rebuild_after_merge(sender, kept, merged_id, **kwargs):
    services.rebuild_stats([kept.pk])
