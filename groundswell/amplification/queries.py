"""Read-only figures about recruit trees and how far each campaign spreads.

Descendants come from one recursive CTE (`WITH RECURSIVE`, the same SQL on SQLite and PostgreSQL)
over Attribution's referred_by edges, so a subtree costs its own size, not the whole tree's.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext

from groundswell.people.models import Person

from .models import CHANNELS, Attribution, ShareClick

MAX_GENERATIONS = 50  # a guard against a cycle someone wrote by hand in the admin
TOP_AMPLIFIERS = 10


def _table():
    return connection.ops.quote_name(Attribution._meta.db_table)


def descendants(person_id, *, max_generations=MAX_GENERATIONS):
    """[(person_id, referred_by_id, generation)] of everyone downstream of `person_id`."""
    table = _table()
    sql = f"""
        WITH RECURSIVE tree(person_id, referred_by_id, generation) AS (
            SELECT person_id, referred_by_id, 1 FROM {table} WHERE referred_by_id = %s
            UNION ALL
            SELECT a.person_id, a.referred_by_id, tree.generation + 1
            FROM {table} a JOIN tree ON a.referred_by_id = tree.person_id
            WHERE tree.generation < %s
        )
        SELECT person_id, referred_by_id, generation FROM tree ORDER BY generation, person_id
    """  # noqa: S608 - the table name comes from _meta, the values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [person_id, max_generations])
        return cursor.fetchall()


@dataclass
class Generation:
    number: int
    total: int
    people: list  # the ones the viewer may see


@dataclass
class RecruitTree:
    person: Person
    direct: int
    total: int
    generations: list = field(default_factory=list)
    children: dict = field(default_factory=dict)  # parent id -> [visible Person]


def recruit_tree(person, *, visible=None):
    """Everyone `person` brought in, generation by generation; names only of `visible` people."""
    rows = descendants(person.pk)
    ids = [row[0] for row in rows]
    people = Person.objects.filter(pk__in=ids)
    if visible is not None:
        people = people & visible
    shown = {p.pk: p for p in people.order_by("given_name", "family_name", "pk")}
    by_generation, children = defaultdict(list), defaultdict(list)
    totals = Counter(generation for _pid, _parent, generation in rows)
    for pid, parent, generation in rows:
        if pid in shown:
            by_generation[generation].append(shown[pid])
            children[parent].append(shown[pid])
    return RecruitTree(
        person=person,
        direct=totals.get(1, 0),
        total=len(rows),
        generations=[Generation(n, totals[n], by_generation[n]) for n in sorted(totals)],
        children=dict(children),
    )


def impact(person):
    """(people who joined through `person`, people who joined through those) for their own page."""
    totals = Counter(generation for _pid, _parent, generation in descendants(person.pk))
    return totals.get(1, 0), sum(n for generation, n in totals.items() if generation > 1)


# --- Campaign figures --------------------------------------------------------------------------


@dataclass
class ChannelRow:
    channel: str
    label: str
    clicks: int
    recruits: int
    converted_clicks: int

    @property
    def conversion_percent(self):
        return round(100 * self.recruits / self.clicks) if self.clicks else None


@dataclass
class Amplifier:
    person: Person
    direct: int
    reach: int  # everyone downstream within the campaign, direct recruits included


@dataclass
class CampaignFigures:
    recruits: int
    recruiters: int
    clicks: int
    channels: list
    depths: list  # [(depth, people)]
    viral_coefficient: float | None
    per_recruiter: float | None
    generations: list  # [(depth, people, people at the next depth / people at this depth)]
    amplifiers: list


def campaign_figures(campaign, *, visible=None):
    """Recruits, clicks and conversions by channel, the viral coefficient, depths, amplifiers.

    viral coefficient K = (people recruited in the campaign by someone who was themselves
    recruited in it) / (people recruited in the campaign): how many new people each newcomer
    brings on average; above 1 the campaign grows by itself. `per_recruiter` is recruits per
    person who recruited at least one. `visible` limits the people named (amplifiers).
    """
    attributions = Attribution.objects.filter(campaign=campaign)
    recruits = attributions.count()
    recruiters = attributions.values("referred_by").distinct().count()
    recruited_ids = attributions.values("person_id")
    second = attributions.filter(referred_by__in=recruited_ids).count()
    depths = list(attributions.values_list("depth").annotate(n=Count("pk")).order_by("depth"))
    return CampaignFigures(
        recruits=recruits,
        recruiters=recruiters,
        clicks=ShareClick.objects.filter(campaign=campaign).count(),
        channels=_channels(campaign, attributions),
        depths=depths,
        viral_coefficient=round(second / recruits, 2) if recruits else None,
        per_recruiter=round(recruits / recruiters, 2) if recruiters else None,
        generations=_generations(depths),
        amplifiers=top_amplifiers(campaign, visible=visible),
    )


def _channels(campaign, attributions):
    clicks = dict(
        ShareClick.objects.filter(campaign=campaign).values_list("channel").annotate(n=Count("pk"))
    )
    converted = dict(
        ShareClick.objects.filter(campaign=campaign, converted__isnull=False)
        .values_list("channel")
        .annotate(n=Count("pk"))
    )
    joined = dict(attributions.values_list("channel").annotate(n=Count("pk")))
    labels = dict(CHANNELS)
    rows = []
    for code in [*labels, ""]:
        if clicks.get(code) or joined.get(code):
            label = str(labels[code]) if code else gettext("Direct or unknown")
            counts = clicks.get(code, 0), joined.get(code, 0), converted.get(code, 0)
            rows.append(ChannelRow(code, label, *counts))
    return rows


def _generations(depths):
    counts = dict(depths)
    return [
        (depth, n, round(counts[depth + 1] / n, 2) if counts.get(depth + 1) else 0.0)
        for depth, n in depths
    ]


def top_amplifiers(campaign, *, visible=None, limit=TOP_AMPLIFIERS):
    """Connected connectors: people whose recruits recruit others, ranked by downstream reach."""
    table = _table()
    sql = f"""
        WITH RECURSIVE reach(ancestor_id, person_id, generation) AS (
            SELECT referred_by_id, person_id, 1 FROM {table}
            WHERE campaign_id = %s AND referred_by_id IS NOT NULL
            UNION ALL
            SELECT reach.ancestor_id, a.person_id, reach.generation + 1
            FROM {table} a JOIN reach ON a.referred_by_id = reach.person_id
            WHERE a.campaign_id = %s AND reach.generation < %s
        )
        SELECT ancestor_id, SUM(CASE WHEN generation = 1 THEN 1 ELSE 0 END), COUNT(*)
        FROM reach GROUP BY ancestor_id
        HAVING COUNT(*) > SUM(CASE WHEN generation = 1 THEN 1 ELSE 0 END)
        ORDER BY COUNT(*) DESC, ancestor_id
    """  # noqa: S608 - the table name comes from _meta, the values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [campaign.pk, campaign.pk, MAX_GENERATIONS])
        rows = cursor.fetchall()
    people = Person.objects.filter(pk__in=[row[0] for row in rows])
    if visible is not None:
        people = people & visible
    shown = {p.pk: p for p in people}
    ranked = [Amplifier(shown[pid], direct, reach) for pid, direct, reach in rows if pid in shown]
    return ranked[:limit]
