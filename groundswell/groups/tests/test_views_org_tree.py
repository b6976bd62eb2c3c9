import pytest
from django.urls import reverse

from groundswell.groups.services import create_group

from .helpers import hub_coordinator

pytestmark = pytest.mark.django_db

URL = reverse("groups:org-tree")


def names(response):
    return [group.name for group, _depth in response.context["rows"]]


def test_hq_sees_the_whole_tree_in_order_at_any_depth(client_for, world):
    create_group("Plateau", parent=world.group_a, slug="plateau")

    response = client_for(world.hq).get(URL)

    assert names(response) == [
        "Headquarters", "West Africa hub", "Abidjan group", "Dakar group", "Plateau",
    ]  # fmt: skip
    assert [depth for _group, depth in response.context["rows"]] == [0, 1, 2, 2, 3]


def test_a_coordinator_sees_only_their_group(client_for, world):
    assert names(client_for(world.coord_a).get(URL)) == ["Dakar group"]


def test_a_hub_coordinator_sees_the_hub_and_the_groups_below(client_for, world):
    response = client_for(hub_coordinator(world)).get(URL)

    assert names(response) == ["West Africa hub", "Abidjan group", "Dakar group"]


def test_a_supporter_is_refused(client_for, world):
    assert client_for(world.supporter).get(URL).status_code == 403
