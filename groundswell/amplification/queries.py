"""Read-only figures about recruit trees and how far each campaign spreads.

One person's descendants come from one recursive CTE (`WITH RECURSIVE`, the same SQL on SQLite and
PostgreSQL) over Attribution's referred_by edges, so a subtree costs its own size, not the whole
tree's. A campaign's figures come from one read of its attributions and one pass over them in
Python, deepest first; bench/amplification.py times it on a million-person tree against the same
figures computed by plain Python from lists already in memory.
"""

import operator
import sys
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import compress

from django.db import connection, transaction
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


def campaign_figures(campaign, *, visible=None, limit=TOP_AMPLIFIERS):
    """Recruits, clicks and conversions by channel, the viral coefficient, depths, amplifiers.

    viral coefficient K = (people recruited in the campaign by someone who was themselves
    recruited in it) / (people recruited in the campaign): how many new people each newcomer
    brings on average; above 1 the campaign grows by itself. `per_recruiter` is recruits per
    person who recruited at least one. `visible` limits the people named (the `limit` best
    amplifiers). Everything but the clicks comes from one read of the campaign's attributions.
    """
    spread = _spread(campaign)
    recruits, recruiters = spread.recruits, len(spread.direct)
    channels = _channels(campaign, spread.channels)
    return CampaignFigures(
        recruits=recruits,
        recruiters=recruiters,
        clicks=sum(row.clicks for row in channels),
        channels=channels,
        depths=spread.depths,
        viral_coefficient=round(spread.second / recruits, 2) if recruits else None,
        per_recruiter=round(recruits / recruiters, 2) if recruiters else None,
        generations=_generations(spread.depths),
        amplifiers=_amplifiers(spread, visible, limit),
    )


def _channels(campaign, joined):
    clicks, converted = {}, {}
    per_channel = (
        ShareClick.objects.filter(campaign=campaign)
        .values_list("channel")
        .annotate(n=Count("pk"), converted=Count("converted"))
    )
    for code, n, n_converted in per_channel:
        clicks[code], converted[code] = n, n_converted
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
    return _amplifiers(_spread(campaign), visible, limit)


def _amplifiers(spread, visible, limit):
    """The `limit` best connectors `visible` lets us name; most reach first, then lowest id."""
    ranked = _ranked(spread)
    candidates = ranked[:limit]
    shown = _people(candidates, visible)
    if len(shown) < len(candidates) and visible is not None:
        # Some of the best are out of sight (another group's people): rank those in sight.
        allowed = set(visible.values_list("pk", flat=True))
        candidates = [pid for pid in ranked if pid in allowed][:limit]
        shown = _people(candidates, visible)
    return [
        Amplifier(shown[pid], spread.direct[pid], spread.reach[pid])
        for pid in candidates
        if pid in shown
    ]


def _people(ids, visible):
    people = Person.objects.filter(pk__in=ids)
    if visible is not None:
        people = people & visible
    return {p.pk: p for p in people}


def _ranked(spread):
    """Ids of the connectors, recruiters with reach beyond their direct recruits, by reach
    descending then id; filtered and sorted in C, without a Python loop."""
    reach, direct = spread.reach, spread.direct
    beyond = map(operator.gt, map(reach.__getitem__, direct.keys()), direct.values())
    connectors = sorted(compress(direct.keys(), beyond))
    connectors.sort(key=reach.__getitem__, reverse=True)  # stable: ties stay in id order
    return connectors


# --- One pass over a campaign's attributions ---------------------------------------------------


@dataclass
class Spread:
    """A campaign's recruit tree reduced to what its figures need."""

    depths: list  # [(depth, people recruited at that depth)], shallowest first
    channels: Counter  # channel code -> people recruited through it
    direct: Counter  # recruiter id -> people they recruited in the campaign
    reach: dict  # recruiter id -> everyone downstream of them within the campaign
    second: int  # people whose recruiter was themselves recruited in the campaign

    @property
    def recruits(self):
        return sum(n for _depth, n in self.depths)


def _spread(campaign):
    """The campaign's Spread, from its (person, recruiter, depth, channel) rows read once.

    Reach is summed in one pass from the deepest level up: everyone's own reach is complete
    before it is added to their recruiter's, because a recruit is one level below the person
    who brought them (the tree's invariant, kept by services.attribute_signup). The campaign's
    edges are the attributions made in it, so reach does not follow other campaigns' recruits.
    """
    levels, channels = _levels(campaign)
    direct = Counter()
    for _people, recruiters in levels.values():
        direct.update(recruiters)
    direct.pop(0, None)  # the recruiter has been deleted since
    reach, second = _reach(levels, direct)
    return Spread(
        depths=[(depth, len(levels[depth][0])) for depth in sorted(levels)],
        channels=channels,
        direct=direct,
        reach=reach,
        second=second,
    )


def _reach(levels, direct):
    """(person id -> people downstream, for every recruiter; recruits of recruits).

    A recruiter's reach is their direct recruits plus the reach of those recruits who recruited
    in turn, so only those recruits' rows are visited in Python (picked out in C); the same rows
    count the recruits brought by someone recruited in the campaign.
    """
    reach, second = dict(direct), 0  # a plain dict: the interpreter's fast path for d[k]
    reach[0] = 0  # where the recruits of deleted recruiters add up, unread
    for depth in sorted(levels, reverse=True):
        people, recruiters = levels[depth]
        recruiting = list(map(direct.__contains__, people))
        people = list(compress(people, recruiting))
        second += sum(map(direct.__getitem__, people))
        for pid, recruiter in zip(people, compress(recruiters, recruiting), strict=True):
            reach[recruiter] += reach[pid]
    return reach, second


def _levels(campaign):
    """({depth: (person ids, recruiter ids)}, {channel: people}) of the campaign's attributions,
    as arrays of int64 in step; a recruiter deleted since is 0."""
    if connection.vendor == "postgresql":
        return _levels_packed(campaign)
    levels, channels = {}, Counter()
    sql = f"SELECT depth, channel, person_id, referred_by_id FROM {_table()} WHERE campaign_id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [campaign.pk])
        for depth, channel, pid, recruiter in cursor.fetchall():
            people, recruiters = levels.setdefault(depth, (array("q"), array("q")))
            people.append(pid)
            recruiters.append(recruiter or 0)
            channels[channel] += 1
    return levels, channels


def _levels_packed(campaign):
    """_levels on PostgreSQL: each (depth, channel) group's ids come packed as big-endian int8s
    in one bytea, so a million rows cross the wire as a few hundred values that array unpacks
    in C, instead of a million Python tuples."""
    sql = f"""
        SELECT depth, channel, count(*), string_agg(int8send(person_id), ''),
               string_agg(int8send(coalesce(referred_by_id, 0)), '')
        FROM {_table()} WHERE campaign_id = %s GROUP BY depth, channel
    """  # noqa: S608 - the table name comes from _meta, the values are parameters
    packed, channels = defaultdict(lambda: ([], [])), Counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # The groups' packed ids are 16 bytes a person: keep them in memory, not in batches on disk.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, [campaign.pk])
        for depth, channel, n, people, recruiters in cursor.fetchall():
            channels[channel] += n
            packed[depth][0].append(people)
            packed[depth][1].append(recruiters)
    return {depth: tuple(map(_int64s, lists)) for depth, lists in packed.items()}, channels


def _int64s(chunks):
    ids = array("q", b"".join(chunks))
    if sys.byteorder == "little":
        ids.byteswap()  # int8send is big-endian
    return ids
