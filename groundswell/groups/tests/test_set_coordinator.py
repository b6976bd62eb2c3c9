import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groundswell.accounts.models import User
from groundswell.groups.queries import coordinated_groups
from groundswell.groups.services import set_coordinator
from groundswell.journeys.models import Activity

pytestmark = pytest.mark.django_db


def test_a_member_made_coordinator_leads_the_group_and_it_counts_on_their_journey(world):
    set_coordinator(world.group_a, world.person_a, actor=world.coord_a)

    assert list(coordinated_groups(world.person_a)) == [world.group_a]
    assert Activity.objects.filter(person=world.person_a, kind="group_led").count() == 1


def test_doing_it_twice_records_it_once(world):
    set_coordinator(world.group_a, world.person_a, actor=world.coord_a)
    set_coordinator(world.group_a, world.person_a, actor=world.hq)

    assert Activity.objects.filter(person=world.person_a, kind="group_led").count() == 1


def test_a_supporter_who_logs_in_gets_the_coordinator_pages(world):
    set_coordinator(world.group_a, world.supporter.person, actor=world.coord_a)

    world.supporter.refresh_from_db()
    assert world.supporter.role == User.Role.COORDINATOR


def test_a_coordinator_can_be_made_a_member_again(world):
    set_coordinator(world.group_a, world.coord_a.person, coordinator=False, actor=world.hq)

    assert not coordinated_groups(world.coord_a.person).exists()


def test_only_a_member_can_coordinate(world):
    with pytest.raises(ValidationError):
        set_coordinator(world.group_a, world.person_b, actor=world.hq)


def test_another_groups_coordinator_cannot_appoint_anyone(world):
    with pytest.raises(PermissionDenied):
        set_coordinator(world.group_a, world.person_a, actor=world.coord_b)
