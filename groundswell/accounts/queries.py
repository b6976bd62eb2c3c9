"""Read-only: what the "my journey" page shows one person about themselves."""

from dataclasses import dataclass, field

from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.models import PersonStats, StageTransition
from groundswell.journeys.next_steps import next_best_actions, next_stage_after, stage_progress

HISTORY_LENGTH = 20


@dataclass
class Journey:
    person: object
    stage: object = None
    stage_since: object = None
    next_stage: object = None
    progress: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    transitions: list = field(default_factory=list)


def my_journey(person):
    """The person's stage, the distance to the next one, what to do next, and their history."""
    stats = PersonStats.objects.filter(person=person).select_related("stage").first()
    if stats is None:  # someone not evaluated yet: the ladder starts at its first rung
        stats = PersonStats(person=person)
    next_stage = next_stage_after(stats.stage)
    facts = PersonFacts.from_stats(stats, person=person)
    return Journey(
        person=person,
        stage=stats.stage,
        stage_since=stats.stage_since,
        next_stage=next_stage,
        progress=stage_progress(next_stage, facts),
        suggestions=next_best_actions(person, facts=facts, next_stage=next_stage),
        transitions=list(
            StageTransition.objects.filter(person=person)
            .select_related("from_stage", "to_stage")
            .order_by("-at", "-pk")[:HISTORY_LENGTH]
        ),
    )
