import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groundswell.groups.queries import updates
from groundswell.groups.services import post_update

pytestmark = pytest.mark.django_db


def test_a_coordinator_posts_an_update_that_leads_the_groups_feed(world):
    post_update(world.group_a, text="First meeting on Saturday", actor=world.coord_a)
    post_update(world.group_a, text="  Bring a friend  ", actor=world.coord_a)

    feed = list(updates(world.group_a))
    assert [u.text for u in feed] == ["Bring a friend", "First meeting on Saturday"]
    assert feed[0].author == world.coord_a.person
    assert list(updates(world.group_b)) == []


def test_an_empty_update_is_refused(world):
    with pytest.raises(ValidationError):
        post_update(world.group_a, text="   ", actor=world.coord_a)


def test_another_groups_coordinator_cannot_post(world):
    with pytest.raises(PermissionDenied):
        post_update(world.group_a, text="Hello", actor=world.coord_b)
