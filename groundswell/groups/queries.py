"""Read-only questions about groups and the team tree."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from groundswell.core.geo import bounding_box, within

from .models import Group, GroupUpdate, Membership

ACTIVE = Membership.Status.ACTIVE
COORDINATOR = Membership.Role.COORDINATOR


def subtree(groups):
    """Every group at or below any of `groups`, by materialised path prefix."""
    condition = Q(pk__in=[])
    for group in groups:
        condition |= Q(path__startswith=group.path)
    return Group.objects.filter(condition)


def coordinated_groups(person):
    """The groups `person` coordinates directly."""
    return Group.objects.filter(
        memberships__person=person, memberships__role=COORDINATOR, memberships__status=ACTIVE
    )


def tree(groups):
    """`groups` in tree order (each group followed by the groups below it), with member counts."""
    counted = groups.annotate(
        members=Count("memberships", filter=Q(memberships__status=ACTIVE), distinct=True),
        pending=Count(
            "memberships", filter=Q(memberships__status=Membership.Status.PENDING), distinct=True
        ),
    )
    rows = list(counted)
    by_id = {group.pk: group for group in rows}

    def key(group):
        # Sort by the names along the path, so siblings are alphabetical and children follow.
        return [(by_id[i].name.lower(), i) if i in by_id else ("", i) for i in group.ancestor_ids]

    return sorted(rows, key=key)


# --- Finding groups ---------------------------------------------------------------------------


def public_groups():
    """Groups a supporter can find and join: the local groups and hubs, not HQ."""
    return Group.objects.exclude(kind=Group.Kind.HQ).prefetch_related("campaigns")


def places():
    """{key: (label, latitude, longitude)} of the localities groups are in, for "near me"."""
    found = {}
    rows = (
        Group.objects.exclude(locality="")
        .filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("locality", "country", "pk")
        .values_list("locality", "country", "latitude", "longitude")
    )
    for locality, country, lat, lon in rows:
        key = f"{country}:{locality}"  # the same keys as the events finder
        label = f"{locality} ({country})" if country else locality
        found.setdefault(key, (label, lat, lon))
    return found


@dataclass
class Found:
    group: Group
    distance_km: float | None = None


def find_groups(*, near=None, km=50, language="", campaign=None):
    """[Found] for public groups matching the filters; near (lat, lon) ranks by distance and
    leaves out groups further than `km` or without coordinates. The same on SQLite and
    PostgreSQL: a bounding box and a text match narrow rows in SQL, Python ranks them."""
    groups = public_groups()
    if language:
        # The JSON text of ["fr", "wo"] holds "fr" with its quotes on both databases.
        groups = groups.filter(languages__icontains=f'"{language}"')
    if campaign is not None:
        groups = groups.filter(campaigns=campaign)
    if near is None:
        return [Found(group) for group in groups.order_by("name", "pk")]
    lat, lon = near
    groups = groups.filter(**bounding_box(lat, lon, km).lookups())
    return [Found(group, round(d, 1)) for d, group in within(groups, lat, lon, km)]


# --- One group --------------------------------------------------------------------------------


def coordinator_first_names(group):
    """The first names of a group's coordinators: all a visitor learns about its people."""
    names = (
        Membership.objects.filter(group=group, role=COORDINATOR, status=ACTIVE)
        .order_by("person__given_name", "pk")
        .values_list("person__given_name", flat=True)
    )
    return [name for name in names if name]


def membership_of(group, person):
    if person is None:
        return None
    return Membership.objects.filter(group=group, person=person).first()


def updates(group, limit=20):
    return GroupUpdate.objects.filter(group=group).select_related("author")[:limit]


def live_actions(group):
    """The live actions of the campaigns the group works on."""
    from groundswell.actions.models import Action

    return (
        Action.objects.filter(campaign__groups=group, status=Action.Status.LIVE)
        .select_related("campaign")
        .order_by("-created_at")
        .distinct()
    )


# --- The coordinator dashboard ----------------------------------------------------------------


def members(groups):
    """Active memberships in `groups`, with each person's counters and stage, one query."""
    return (
        Membership.objects.filter(group__in=groups, status=ACTIVE)
        .select_related("person", "person__stats", "person__stats__stage", "group")
        .order_by("group__name", "person__given_name", "person__family_name", "pk")
    )


def pending_requests(groups):
    return (
        Membership.objects.filter(group__in=groups, status=Membership.Status.PENDING)
        .select_related("person", "group")
        .order_by("requested_at", "pk")
    )


@dataclass
class Totals:
    members: int = 0
    coordinators: int = 0
    by_stage: list = field(default_factory=list)  # [(stage name, count)], ladder order
    actions_30_days: int = 0
    pending: int = 0


def totals(groups, *, now=None):
    """Counts for the people active in `groups` (each person once, whatever their groups)."""
    from groundswell.journeys.kinds import ACTION_KINDS
    from groundswell.journeys.models import Activity, Stage

    now = now or timezone.now()
    active = Membership.objects.filter(group__in=groups, status=ACTIVE)
    people = active.values("person_id")
    stage_counts = dict(
        active.values("person__stats__stage")
        .annotate(n=Count("person", distinct=True))
        .values_list("person__stats__stage", "n")
    )
    return Totals(
        members=active.values("person_id").distinct().count(),
        coordinators=active.filter(role=COORDINATOR).values("person_id").distinct().count(),
        by_stage=[
            (stage.display_name, stage_counts.get(stage.pk, 0))
            for stage in Stage.objects.order_by("order")
        ],
        actions_30_days=Activity.objects.filter(
            person_id__in=people,
            kind__in=ACTION_KINDS,
            occurred_at__gte=now - timedelta(days=30),
        ).count(),
        pending=Membership.objects.filter(
            group__in=groups, status=Membership.Status.PENDING
        ).count(),
    )


@dataclass
class Ready:
    membership: Membership
    next_stage: object
    progress: float  # 0..1 of the next stage's rule already done
    action: object = None  # the person's next best action (a journeys Suggestion), or None
    facts: object = field(default=None, repr=False)


READY_FROM = 0.6  # share of the next stage's rule done before someone counts as ready


def ready_for_next_step(memberships, *, limit=15):
    """[Ready]: the people closest to their next stage (at least READY_FROM of its rule done),
    nearest first, each with their next best action."""
    from groundswell.journeys.facts import PersonFacts
    from groundswell.journeys.models import Stage
    from groundswell.journeys.next_steps import next_best_actions, stage_progress

    stages = list(Stage.objects.order_by("order"))
    now, seen, ready = timezone.now(), set(), []
    for membership in memberships:
        person, stats = membership.person, getattr(membership.person, "stats", None)
        if stats is None or person.pk in seen:
            continue
        seen.add(person.pk)
        facts = PersonFacts.from_stats(stats, person=person, stages=stages)
        above = [s for s in stages if facts.stage_order is None or s.order > facts.stage_order]
        if not above:
            continue
        progress = _share_done(stage_progress(above[0], facts, now=now))
        if progress >= READY_FROM:
            ready.append(Ready(membership, above[0], progress, facts=facts))
    ready.sort(key=lambda r: (-r.progress, r.membership.person.display_name))
    for row in ready[:limit]:
        person = row.membership.person
        found = next_best_actions(person, 1, facts=row.facts, next_stage=row.next_stage)
        row.action = found[0] if found else None
    return ready[:limit]


def _share_done(requirements):
    """How much of a rule is done: each condition counts as done, or as its share of a count."""
    if not requirements:
        return 0.0
    done = sum(1 if r.met else (r.have / r.need if r.need else 0) for r in requirements)
    return done / len(requirements)
