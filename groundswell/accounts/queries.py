"""Read-only: what the "my journey" page shows one person about themselves."""

from dataclasses import dataclass, field

from django.urls import reverse

from groundswell.amplification.queries import impact
from groundswell.amplification.services import absolute, with_params
from groundswell.journeys.facts import PersonFacts
from groundswell.journeys.models import PersonStats, StageTransition
from groundswell.journeys.next_steps import next_best_actions, next_stage_after, stage_progress
from groundswell.journeys.queries import goal_progress, open_goals, reached_goals

HISTORY_LENGTH = 20
REACHED_GOALS_SHOWN = 10


@dataclass
class Journey:
    person: object
    stage: object = None
    stage_since: object = None
    next_stage: object = None
    progress: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    transitions: list = field(default_factory=list)
    referral_link: str = ""
    recruits: int = 0  # people who joined through the person's link
    recruits_further: int = 0  # people who joined through those, and so on
    goals: list = field(default_factory=list)  # (goal, progress) of the goals in progress
    reached_goals: list = field(default_factory=list)


def referral_link(person):
    """The person's own link to share: the home page with their code."""
    return absolute(with_params(reverse("home"), r=person.referral_code, c="copy"))


def my_journey(person):
    """The person's stage, the distance to the next one, what to do next, and their history."""
    stats = PersonStats.objects.filter(person=person).select_related("stage").first()
    if stats is None:  # someone not evaluated yet: the ladder starts at its first rung
        stats = PersonStats(person=person)
    next_stage = next_stage_after(stats.stage)
    facts = PersonFacts.from_stats(stats, person=person)
    recruits, recruits_further = impact(person)
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
        referral_link=referral_link(person) if person.referral_code else "",
        recruits=recruits,
        recruits_further=recruits_further,
        goals=[(goal, goal_progress(goal, stats)) for goal in open_goals(person)],
        reached_goals=list(reached_goals(person)[:REACHED_GOALS_SHOWN]),
    )
