"""Write a seeding plan into the database: bulk inserts for the mass, services where it counts.

People, consents, tags, memberships, attributions and activities go in with bulk_create (then
one executemany puts back the historical times that auto_now_add overwrote). Groups and their
coordinators go through groups.services; counters, stages and stage transitions are rebuilt by
journeys.services.rebuild_stats, which replays each person's activities in order.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from tqdm import tqdm

from groundswell.amplification.models import Attribution
from groundswell.campaigns.models import Campaign
from groundswell.groups.models import Group, Membership
from groundswell.groups.services import add_member, create_group
from groundswell.journeys.models import Activity
from groundswell.journeys.services import rebuild_stats
from groundswell.people.models import ConsentRecord, Person, Tag, Tagging

from . import actions as demo_actions
from . import places

BATCH = 1000
STATS_CHUNK = 250
CONSENT_SOURCE = {
    "import:partner-list": "import",
    "whatsapp-keyword": "inbound",
    "sms-keyword": "inbound",
}


@dataclass
class Summary:
    people: int
    countries: int
    activities: int
    referrals: int
    groups: int


def write_plan(plan, *, progress=None):
    """Insert `plan` in one transaction; `progress=None` shows bars only on a terminal."""
    bars = _Bars(progress)
    with transaction.atomic():
        campaigns = ensure_campaigns(plan.now)
        ids = insert_people(plan.people, bars)
        insert_consents(plan.people, ids)
        insert_taggings(plan.people, ids)
        groups = build_groups(plan.groups, ids)
        referrals = insert_attributions(plan.people, ids, campaigns)
        actions = demo_actions.ensure_actions(campaigns)
        taken = demo_actions.link_activities(plan.people, actions)
        activities = insert_activities(plan.people, ids, campaigns, groups, bars)
        demo_actions.insert_submissions(taken, plan.people, ids, actions, now=plan.now)
        demo_actions.insert_share_clicks(plan.people, ids, campaigns, actions)
        person_ids = [ids[person.index] for person in plan.people]
        with bars("stages", len(person_ids)) as bar:
            for start in range(0, len(person_ids), STATS_CHUNK):
                chunk = person_ids[start : start + STATS_CHUNK]
                rebuild_stats(chunk, now=plan.now)
                bar.update(len(chunk))
    return Summary(
        people=len(plan.people),
        countries=len({person.country for person in plan.people}),
        activities=activities,
        referrals=referrals,
        groups=len(groups),
    )


class _Bars:
    def __init__(self, progress):
        self.disable = None if progress is None else not progress

    def __call__(self, desc, total):
        return tqdm(total=total, desc=f"{desc:<10}", unit=" rows", disable=self.disable)


def ensure_campaigns(now):
    """{slug: Campaign}, creating the demo campaigns that are missing."""
    campaigns = {}
    for slug, status, title, summary in places.CAMPAIGNS:
        campaign, _created = Campaign.objects.get_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "status": status}
        )
        campaigns[slug] = campaign
    return campaigns


def insert_people(planned, bars):
    """{plan index: Person id}."""
    people = [
        Person(
            uuid=uuid.UUID(int=p.uuid_int, version=4),
            referral_code=p.referral_code,
            given_name=p.given_name,
            family_name=p.family_name,
            email=p.email,
            phone=p.phone,
            language=p.language,
            country=p.country,
            region=p.region,
            locality=p.locality,
            postal_code=p.postal_code,
            latitude=p.latitude,
            longitude=p.longitude,
            gender=p.gender,
            gender_self_described=p.gender_self_described,
            source=p.source,
        )
        for p in planned
    ]
    with bars("people", len(people)) as bar:
        for start in range(0, len(people), BATCH):
            Person.objects.bulk_create(people[start : start + BATCH])
            bar.update(len(people[start : start + BATCH]))
    ids = {p.index: person.pk for p, person in zip(planned, people, strict=True)}
    backdate(
        Person,
        ["created_at", "modified_at"],
        [(p.created_at, p.created_at, ids[p.index]) for p in planned],
    )
    return ids


def insert_consents(planned, ids):
    wording = settings.GROUNDSWELL["CONSENT_WORDING_VERSION"]
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                person_id=ids[p.index],
                channel=channel,
                purpose="updates",
                granted=granted,
                recorded_at=at,
                source=CONSENT_SOURCE.get(p.source, "form"),
                source_detail=p.source,
                wording_version=wording,
            )
            for p in planned
            for channel, granted, at in p.consents
        ],
        batch_size=BATCH,
    )


def insert_taggings(planned, ids):
    tags = {}
    for name in places.TAGS:
        tags[name], _created = Tag.objects.get_or_create(name=name)
    Tagging.objects.bulk_create(
        [Tagging(person_id=ids[p.index], tag=tags[name]) for p in planned for name in p.tags],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def build_groups(planned_groups, ids):
    """{slug: Group}: HQ, one hub per region, the local groups; coordinators via add_member."""
    hq = _group("hq", "Headquarters")
    hubs = {slug: _group(slug, name, parent=hq) for slug, name, _codes in places.HUBS}
    groups = {"hq": hq, **hubs}
    memberships = []
    coordinators = Person.objects.in_bulk(
        [ids[index] for planned in planned_groups for index, _joined in planned.coordinators]
    )
    for planned in planned_groups:
        group = _group(
            planned.slug, planned.name, parent=hubs[planned.hub],
            country=planned.country, locality=planned.locality,
        )  # fmt: skip
        groups[planned.slug] = group
        for index, joined in planned.coordinators:
            person = coordinators[ids[index]]
            membership = add_member(group, person, role=Membership.Role.COORDINATOR)
            memberships.append((joined, membership.pk))
        members = [
            Membership(group=group, person_id=ids[index], role=Membership.Role.MEMBER)
            for index, _joined in planned.members
        ]
        Membership.objects.bulk_create(members, batch_size=BATCH)
        memberships += [
            (joined, m.pk) for (_index, joined), m in zip(planned.members, members, strict=True)
        ]
    backdate(Membership, ["joined_at"], memberships)
    return groups


def _group(slug, name, *, parent=None, **fields):
    return Group.objects.filter(slug=slug).first() or create_group(
        name, parent=parent, slug=slug, **fields
    )


def insert_attributions(planned, ids, campaigns):
    rows = [
        Attribution(
            person_id=ids[p.index],
            referred_by_id=ids[p.referred_by],
            root_id=ids[p.root],
            depth=p.depth,
            channel=p.channel,
            campaign=campaigns[p.campaigns[0]],
        )
        for p in planned
        if p.referred_by is not None
    ]
    Attribution.objects.bulk_create(rows, batch_size=BATCH)
    created = {p.index: p.created_at for p in planned}
    backdate(
        Attribution,
        ["created_at"],
        [(created[p.index], ids[p.index]) for p in planned if p.referred_by is not None],
    )
    return len(rows)


def insert_activities(planned, ids, campaigns, groups, bars):
    rows = [
        Activity(
            person_id=ids[p.index],
            kind=a.kind,
            occurred_at=a.occurred_at,
            object_type=a.object_type,
            object_id=_object_id(a, ids, groups),
            campaign=campaigns[a.campaign] if a.campaign else None,
            channel=a.channel,
            data={},
        )
        for p in planned
        for a in p.activities
    ]
    with bars("activities", len(rows)) as bar:
        for start in range(0, len(rows), BATCH):
            Activity.objects.bulk_create(rows[start : start + BATCH])
            bar.update(len(rows[start : start + BATCH]))
    return len(rows)


def _object_id(activity, ids, groups):
    if activity.recruit is not None:
        return ids[activity.recruit]
    if activity.group:
        return groups[activity.group].pk
    return activity.object_id


def backdate(model, fields, rows):
    """Set historical times that auto_now/auto_now_add overwrote: rows are (*values, pk)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(model._meta.get_field(f).column)} = %s" for f in fields)
    adapt = connection.ops.adapt_datetimefield_value
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608 - names from _meta
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*map(adapt, row[:-1]), row[-1]) for row in rows])
