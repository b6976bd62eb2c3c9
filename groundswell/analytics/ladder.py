"""The engagement ladder for a population: who is on each rung now, who ever reached it, how
many climb on to the next, and how long reaching it takes."""

import statistics
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.db.models import Count, Max, Min, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from groundswell.journeys.models import PersonStats, Stage, StageTransition

SECONDS_PER_DAY = 86400


@dataclass
class Rung:
    stage: Stage
    current: int  # people at this stage now
    reached: int  # people who ever reached this stage or a higher one
    conversion: float | None  # share of `reached` who went on to reach the next stage
    median_days: float | None  # median days from joining to first reaching this stage

    @property
    def conversion_percent(self):
        return None if self.conversion is None else round(self.conversion * 100)


@dataclass
class Ladder:
    rungs: list
    population: int  # everyone in the population, placed or not
    unplaced: int  # people not on any stage yet

    @property
    def placed(self):
        return self.population - self.unplaced


def ladder(people):
    """The ladder for the Person queryset `people` (already scoped to what the viewer may see)."""
    stages = list(Stage.objects.order_by("order"))
    current = _current_counts(people)
    highest = _highest_reached(people)
    firsts = _median_days_to_reach(people, stages)
    reached = {
        stage.pk: sum(n for order, n in highest.items() if order >= stage.order) for stage in stages
    }
    rungs = []
    for index, stage in enumerate(stages):
        following = stages[index + 1] if index + 1 < len(stages) else None
        conversion = None
        if following is not None and reached[stage.pk]:
            conversion = reached[following.pk] / reached[stage.pk]
        rungs.append(
            Rung(
                stage=stage,
                current=current.get(stage.pk, 0),
                reached=reached[stage.pk],
                conversion=conversion,
                median_days=firsts.get(stage.pk),
            )
        )
    population = people.count()
    return Ladder(rungs=rungs, population=population, unplaced=population - sum(current.values()))


def _current_counts(people):
    """{stage id: people at it now}."""
    rows = (
        PersonStats.objects.filter(person__in=people.values("pk"), stage__isnull=False)
        .values("stage")
        .annotate(n=Count("person"))
        .order_by()
    )
    return {row["stage"]: row["n"] for row in rows}


def _highest_reached(people):
    """{stage order: people whose highest stage ever (transition or current) has that order}."""
    top_transition = (
        StageTransition.objects.filter(person=OuterRef("pk"))
        .values("person")
        .annotate(top=Max("to_stage__order"))
        .values("top")
    )
    rows = (
        people.order_by()
        .annotate(
            top=Greatest(
                Coalesce(Subquery(top_transition), Value(-1)),
                Coalesce("stats__stage__order", Value(-1)),
            )
        )
        .filter(top__gte=0)
        .values("top")
        .annotate(n=Count("pk"))
    )
    return {row["top"]: row["n"] for row in rows}


def _median_days_to_reach(people, stages):
    """{stage id: median days from joining to first reaching that stage or jumping past it}."""
    rows = (
        StageTransition.objects.filter(person__in=people.values("pk"))
        .values("person", "person__created_at", "to_stage__order")
        .annotate(first=Min("at"))
        .order_by("person")
    )
    orders = sorted({stage.order for stage in stages}, reverse=True)
    days = {order: [] for order in orders}
    for _person, group in groupby(rows.iterator(), key=itemgetter("person")):
        group = list(group)
        joined = group[0]["person__created_at"]
        firsts = sorted(((row["to_stage__order"], row["first"]) for row in group), reverse=True)
        earliest, index = None, 0
        for order in orders:  # highest stage first, so `earliest` covers every stage above
            while index < len(firsts) and firsts[index][0] >= order:
                at = firsts[index][1]
                earliest = at if earliest is None else min(earliest, at)
                index += 1
            if earliest is not None:
                days[order].append(max((earliest - joined).total_seconds(), 0) / SECONDS_PER_DAY)
    by_order = {order: statistics.median(values) for order, values in days.items() if values}
    return {stage.pk: by_order[stage.order] for stage in stages if stage.order in by_order}
