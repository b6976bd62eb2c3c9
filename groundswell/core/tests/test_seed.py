from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command

from groundswell.accounts.demo import DEMO_ORGANISER, DEMO_PASSWORD, DEMO_SUPPORTER
from groundswell.accounts.models import User
from groundswell.actions import counters
from groundswell.actions.models import Action, Submission
from groundswell.amplification.models import Attribution, ShareClick
from groundswell.core.seeding import places
from groundswell.core.seeding.demo import DEMO_ADMIN, DEMO_COORDINATOR
from groundswell.core.seeding.plan import MAX_DEPTH, make_plan
from groundswell.groups.models import Group, Membership
from groundswell.journeys.models import Activity, PersonStats, StageTransition
from groundswell.people.models import ConsentRecord, Person

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
PEOPLE = 160


@pytest.fixture
def seeded(db):
    with time_machine.travel(NOW, tick=False):
        call_command("seed", people=PEOPLE, seed=7, now=NOW, no_progress=True)


def test_seeding_makes_people_in_many_countries_who_speak_their_countrys_language(seeded):
    people = list(Person.objects.all())

    assert len(people) == PEOPLE
    assert len({person.country for person in people}) >= 10
    speaking = Counter(
        person.language == places.BY_CODE[person.country].language for person in people
    )
    assert speaking[True] > 0.85 * PEOPLE  # a few chose another language, or live in Bamenda
    assert all(person.locality and person.region for person in people)
    assert all(person.email or person.phone for person in people)
    assert {person.gender for person in people} >= {"woman", "man", ""}


def test_seeded_people_are_where_their_town_is(seeded):
    towns = {(c.code, t.name): t for c in places.COUNTRIES for t in c.towns}

    for person in Person.objects.all():
        town = towns[person.country, person.locality]
        assert abs(person.latitude - town.latitude) < 0.1
        assert abs(person.longitude - town.longitude) < 0.1


def test_a_year_of_activity_ends_now_and_joining_comes_first(seeded):
    first = Activity.objects.order_by("occurred_at").first()
    last = Activity.objects.order_by("-occurred_at").first()

    assert NOW - timedelta(days=366) < first.occurred_at < NOW - timedelta(days=300)
    assert NOW - timedelta(days=3) < last.occurred_at <= NOW
    for person in Person.objects.all():
        history = list(person.activities.order_by("occurred_at", "pk"))
        assert history[0].kind == "signed_up" and history[0].occurred_at == person.created_at
    assert Activity.objects.values("kind").distinct().count() >= 15
    assert Activity.objects.exclude(campaign=None).exists()


def test_the_global_south_acts_more_by_whatsapp_and_sms_than_the_north(seeded):
    def mobile_share(countries):
        channels = Counter(
            Activity.objects.filter(person__country__in=countries)
            .exclude(channel="")
            .values_list("channel", flat=True)
        )
        return (channels["whatsapp"] + channels["sms"]) / sum(channels.values())

    south = [c.code for c in places.COUNTRIES if c.global_south]
    north = [c.code for c in places.COUNTRIES if not c.global_south]
    assert mobile_share(south) > 2 * mobile_share(north)


def test_every_person_has_counters_and_a_stage_reached_when_it_happened(seeded):
    assert PersonStats.objects.count() == PEOPLE
    assert not PersonStats.objects.filter(stage=None).exists()
    assert PersonStats.objects.values("stage").distinct().count() >= 4
    times = StageTransition.objects.values_list("at", flat=True)
    assert all(NOW - timedelta(days=366) < at <= NOW for at in times)
    assert len({at.date() for at in times}) > 60  # not all stamped with the seeding time


def test_referral_chains_have_a_root_a_depth_and_a_credited_recruiter(seeded):
    attributions = {a.person_id: a for a in Attribution.objects.all()}

    assert len(attributions) > PEOPLE // 6
    assert max(a.depth for a in attributions.values()) >= 2
    for attribution in attributions.values():
        referrer = attributions.get(attribution.referred_by_id)
        assert 1 <= attribution.depth <= MAX_DEPTH
        assert attribution.depth == (referrer.depth + 1 if referrer else 1)
        assert attribution.root_id == (referrer.root_id if referrer else attribution.referred_by_id)
        assert Activity.objects.filter(
            person_id=attribution.referred_by_id, kind="recruited", object_id=attribution.person_id
        ).exists()


def test_the_team_tree_runs_from_hq_through_hubs_to_local_groups_with_coordinators(seeded):
    hq = Group.objects.get(parent=None)
    hubs = list(hq.children.all())
    local = list(Group.objects.filter(parent__in=hubs))

    assert len(hubs) == len(places.HUBS)
    assert len({group.country for group in local}) >= 10
    assert all(group.path == f"{group.parent.path}{group.pk}/" for group in local)
    for group in local:
        townsfolk = Person.objects.filter(country=group.country, locality=group.locality)
        coordinators = group.memberships.filter(role=Membership.Role.COORDINATOR)
        assert coordinators.exists() == townsfolk.exists()
    assert Activity.objects.filter(kind="group_joined").count() == Membership.objects.count()


def test_consent_is_recorded_when_people_joined(seeded):
    first = ConsentRecord.objects.select_related("person").order_by("person", "recorded_at")
    for record in first.filter(channel="email", granted=True)[:50]:
        assert record.recorded_at >= record.person.created_at


def test_the_same_seed_plans_the_same_people_and_another_seed_does_not():
    def names(seed):
        plan = make_plan(people=50, seed=seed, now=NOW)
        return [(p.given_name, p.family_name, p.email, len(p.activities)) for p in plan.people]

    assert names(1) == names(1)
    assert names(1) != names(2)


def test_seeding_refuses_a_database_that_already_has_people(seeded):
    with pytest.raises(CommandError, match="already has people"):
        call_command("seed", people=10, no_progress=True)


def test_demo_log_ins_are_made_once_however_often_seed_runs(seeded):
    with time_machine.travel(NOW, tick=False):
        call_command("seed", people=0, demo=True, now=NOW)
        demo_users = set(User.objects.values_list("email", flat=True))
        call_command("seed", people=0, demo=True, now=NOW)

    assert set(User.objects.values_list("email", flat=True)) == demo_users
    organiser = User.objects.get(email=DEMO_ORGANISER)
    assert organiser.role == User.Role.ORGANISER and organiser.is_staff
    assert organiser.check_password(DEMO_PASSWORD)
    assert User.objects.get(email=DEMO_ADMIN).role == User.Role.HQ_ADMIN
    supporter = User.objects.get(email=DEMO_SUPPORTER)
    assert supporter.role == User.Role.SUPPORTER and not supporter.has_usable_password()
    assert supporter.person.activities.count() >= 5
    assert supporter.person.stats.stage is not None
    coordinator = User.objects.get(email=DEMO_COORDINATOR)
    assert coordinator.person.group_memberships.get().role == Membership.Role.COORDINATOR
    # The four log-ins `make run` prints, and a coordinator for each group of the team tree.
    coordinators = User.objects.filter(role=User.Role.COORDINATOR).exclude(email=DEMO_COORDINATOR)
    assert coordinators.count() > 10
    assert User.objects.exclude(role=User.Role.COORDINATOR).count() == 3


def test_the_demo_has_live_actions_of_every_kind_in_three_languages(seeded):
    live = Action.objects.filter(status=Action.Status.LIVE)

    assert set(live.values_list("kind", flat=True)) >= {"petition", "letter", "pledge", "download"}
    for action in live:
        assert set(action.title) >= {"en", "es", "fr"}
        assert action.campaign.status == "live"


def test_each_counted_submission_is_an_action_activity_at_the_same_moment(seeded):
    counted = Submission.objects.filter(flagged=False).select_related("action")
    linked = Activity.objects.filter(object_type="action")

    assert counted.count() > PEOPLE // 4
    assert counted.count() == linked.count()
    for submission in counted[:200]:
        activity = linked.get(person=submission.person, object_id=submission.action_id)
        assert activity.kind == submission.action.activity_kind
        assert activity.occurred_at == submission.created_at == submission.confirmed_at
        assert activity.campaign_id == submission.action.campaign_id


def test_action_counts_are_the_counted_submissions_and_some_are_flagged_for_review(seeded):
    assert Submission.objects.filter(flagged=True).exists()
    for action in Action.objects.all():
        expected = action.submissions.filter(flagged=False, status="confirmed").count()
        assert counters.total(action.pk) == expected


def test_every_recruit_came_through_a_counted_share_click_on_their_campaign(seeded):
    for attribution in Attribution.objects.select_related("referred_by"):
        click = ShareClick.objects.get(converted=attribution.person_id)
        assert click.code == attribution.referred_by.referral_code
        assert click.at < attribution.created_at
        assert click.campaign_id == attribution.campaign_id
    assert ShareClick.objects.filter(converted=None).exists()
