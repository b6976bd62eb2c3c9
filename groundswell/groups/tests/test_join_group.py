import pytest
from django.core.exceptions import ValidationError

from groundswell.core.models import AuditEntry
from groundswell.groups.models import Membership
from groundswell.groups.services import join_group, leave_group
from groundswell.journeys.models import Activity

from .helpers import by_request_group

pytestmark = pytest.mark.django_db


def joined(person):
    return Activity.objects.filter(person=person, kind="group_joined").count()


def test_joining_an_open_group_makes_a_member_at_once_and_counts_on_the_journey(world):
    olive = world.outsider.person

    membership = join_group(world.group_b, olive)

    assert (membership.status, membership.role) == ("active", "member")
    assert joined(olive) == 1


def test_a_repeat_join_is_the_same_membership_and_counts_once(world):
    olive = world.outsider.person

    first = join_group(world.group_b, olive)
    second = join_group(world.group_b, olive)

    assert first.pk == second.pk
    assert Membership.objects.filter(person=olive).count() == 1
    assert joined(olive) == 1


def test_joining_a_group_by_request_waits_for_a_coordinator(world):
    group = by_request_group(world)
    olive = world.outsider.person

    membership = join_group(group, olive)
    again = join_group(group, olive)

    assert (membership.status, again.pk) == ("pending", membership.pk)
    assert membership.requested_at is not None
    assert joined(olive) == 0
    assert AuditEntry.objects.filter(verb="group.join_requested").count() == 1


def test_a_declined_request_can_be_asked_again(world):
    group = by_request_group(world)
    olive = world.outsider.person
    membership = join_group(group, olive)
    Membership.objects.filter(pk=membership.pk).update(status="declined")

    again = join_group(group, olive)

    assert (again.pk, again.status, again.decided_at) == (membership.pk, "pending", None)


def test_someone_without_a_supporter_profile_cannot_join(world):
    with pytest.raises(ValidationError):
        join_group(world.group_a, None)


def test_leaving_removes_the_membership_and_leaving_twice_is_harmless(world):
    assert leave_group(world.group_a, world.person_a) is True
    assert leave_group(world.group_a, world.person_a) is False

    assert not Membership.objects.filter(group=world.group_a, person=world.person_a).exists()
