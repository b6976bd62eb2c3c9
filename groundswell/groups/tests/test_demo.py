import pytest

from groundswell.accounts.models import User
from groundswell.groups.demo import NEWCOMER, ensure_demo_groups
from groundswell.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def test_the_demo_builds_hq_hubs_and_local_groups_in_several_countries():
    summary = ensure_demo_groups(members_per_group=2)

    hq = Group.objects.get(slug="hq")
    assert hq.kind == "hq"
    assert Group.objects.filter(parent=hq, kind="hub").count() == 4
    locals_ = Group.objects.filter(kind="local")
    assert locals_.count() == summary["groups"] >= 20
    assert len(set(locals_.values_list("country", flat=True))) >= 10
    assert not locals_.filter(latitude__isnull=True).exists()
    dakar = Group.objects.get(slug="sn-dakar")
    assert dakar.parent.slug == "west-central-africa" and "wo" in dakar.languages


def test_coordinators_log_in_as_coordinators_and_see_their_group():
    summary = ensure_demo_groups(members_per_group=2)

    user = User.objects.get(email=summary["coordinators"][0])
    assert user.role == User.Role.COORDINATOR
    assert User.objects.filter(email="coordinator.sn-dakar@demo.groundswell.localhost").exists()


def test_there_is_a_waiting_join_request_and_members_at_several_stages():
    ensure_demo_groups(members_per_group=4)

    pending = Membership.objects.get(person__email=NEWCOMER)
    assert pending.status == "pending" and pending.group.slug == "fr-paris"
    stages = Membership.objects.filter(group__slug="gb-london").values_list(
        "person__stats__stage", flat=True
    )
    assert len(set(stages)) >= 3


def test_running_the_demo_again_adds_nothing():
    ensure_demo_groups(members_per_group=2)
    counts = (Group.objects.count(), Membership.objects.count(), User.objects.count())

    ensure_demo_groups(members_per_group=2)

    assert (Group.objects.count(), Membership.objects.count(), User.objects.count()) == counts
