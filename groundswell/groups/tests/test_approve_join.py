import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groundswell.groups.services import approve_join, decline_join, join_group
from groundswell.journeys.models import Activity

from .helpers import by_request_group, hub_coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_to_join(world):
    return join_group(by_request_group(world), world.outsider.person)


def test_the_groups_coordinator_approves_and_the_person_becomes_a_member(world, request_to_join):
    membership = approve_join(request_to_join, actor=world.coord_a)

    assert membership.status == "active"
    assert membership.decided_by == world.coord_a
    assert Activity.objects.filter(person=world.outsider.person, kind="group_joined").count() == 1


def test_approving_twice_is_one_approval(world, request_to_join):
    approve_join(request_to_join, actor=world.coord_a)
    approve_join(request_to_join, actor=world.hq)

    request_to_join.refresh_from_db()
    assert request_to_join.decided_by == world.coord_a
    assert Activity.objects.filter(person=world.outsider.person, kind="group_joined").count() == 1


@pytest.mark.parametrize("who", ["hq", "organiser", "hub"])
def test_hq_organisers_and_coordinators_of_a_group_above_may_decide(world, request_to_join, who):
    actor = hub_coordinator(world) if who == "hub" else getattr(world, who)

    assert approve_join(request_to_join, actor=actor).status == "active"


@pytest.mark.parametrize("who", ["coord_b", "supporter", "outsider"])
def test_nobody_else_may_decide(world, request_to_join, who):
    with pytest.raises(PermissionDenied):
        approve_join(request_to_join, actor=getattr(world, who))
    with pytest.raises(PermissionDenied):
        decline_join(request_to_join, actor=getattr(world, who))

    request_to_join.refresh_from_db()
    assert request_to_join.status == "pending"


def test_declining_keeps_the_person_out_and_declining_twice_is_one_decision(world, request_to_join):
    decline_join(request_to_join, actor=world.coord_a)
    decline_join(request_to_join, actor=world.coord_a)

    request_to_join.refresh_from_db()
    assert request_to_join.status == "declined"
    assert not Activity.objects.filter(person=world.outsider.person, kind="group_joined").exists()


def test_declining_does_not_remove_a_member(world):
    membership = world.group_a.memberships.get(person=world.person_a)

    with pytest.raises(ValidationError):
        decline_join(membership, actor=world.coord_a)

    membership.refresh_from_db()
    assert membership.status == "active"
