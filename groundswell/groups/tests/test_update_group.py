import pytest
from django.core.exceptions import ValidationError

from groundswell.groups.models import Group
from groundswell.groups.queries import subtree
from groundswell.groups.services import create_group, update_group

pytestmark = pytest.mark.django_db


def test_moving_a_group_moves_every_group_below_it(world):
    europe = create_group("Europe hub", parent=world.hub.parent, slug="europe")
    thies = create_group("Thiès", parent=world.group_a, slug="thies")

    update_group(world.group_a, parent=europe)

    thies.refresh_from_db()
    assert thies.path.startswith(europe.path)
    assert set(subtree([europe])) == {europe, world.group_a, thies}
    assert world.group_a not in set(subtree([world.hub]))


def test_a_group_cannot_move_below_itself_or_one_of_its_own_groups(world):
    thies = create_group("Thiès", parent=world.group_a, slug="thies")
    before = {g.pk: g.path for g in Group.objects.all()}

    for parent in (world.group_a, thies):
        with pytest.raises(ValidationError) as raised:
            update_group(world.group_a, parent=parent)
        assert "parent" in raised.value.error_dict

    assert {g.pk: g.path for g in Group.objects.all()} == before


def test_a_failed_update_leaves_the_group_as_it_was(world):
    with pytest.raises(ValidationError):
        update_group(world.group_a, name="New name", latitude=200, longitude=0)

    world.group_a.refresh_from_db()
    assert world.group_a.name == "Dakar group"


def test_details_change_and_the_join_policy_with_them(world):
    update_group(world.group_a, area="Dakar and Pikine", join_policy="by_request", languages=["fr"])

    world.group_a.refresh_from_db()
    assert (world.group_a.area, world.group_a.join_policy) == ("Dakar and Pikine", "by_request")


def test_an_unknown_field_is_a_programming_error(world):
    with pytest.raises(TypeError):
        update_group(world.group_a, path="/1/")
