"""Read-only: a person's goals and how far along they are."""

from typing import NamedTuple

from django.db.models import F

from .models import Goal
from .services import lifetime_count


class GoalProgress(NamedTuple):
    done: int  # how much of the target is done, at most the target
    target: int
    fraction: float  # done / target, 0.0 to 1.0


def goal_progress(goal, stats):
    """How far `goal` is, from the person's counters `stats` (a PersonStats; None for none)."""
    if goal.reached_at is not None:
        done = goal.target
    else:
        value = lifetime_count(stats, goal.counter) if stats is not None else 0
        done = max(0, min(value - goal.baseline, goal.target))
    return GoalProgress(done=done, target=goal.target, fraction=done / goal.target)


def open_goals(person):
    """The goals `person` is working on, soonest due first, then oldest first."""
    return Goal.objects.filter(
        person=person, reached_at__isnull=True, abandoned_at__isnull=True
    ).order_by(F("due_at").asc(nulls_last=True), "created_at", "pk")


def reached_goals(person):
    """The goals `person` has reached, most recent first."""
    return Goal.objects.filter(person=person, reached_at__isnull=False).order_by("-reached_at")
