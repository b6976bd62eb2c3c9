import pytest
from django.urls import reverse

from groundswell.amplification.services import attribute_signup
from groundswell.groups.services import add_member
from groundswell.test import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def recruits(world):
    """Awa (group A) brought Kofi (group B) and Fatou (group A), and Kofi brought Yao."""
    fatou = make_person("fatou@example.org", given_name="Fatou")
    add_member(world.group_a, fatou)
    attribute_signup(world.person_b, code=world.person_a.referral_code)
    attribute_signup(fatou, code=world.person_a.referral_code)
    yao = make_person("yao@example.org", given_name="Yao")
    attribute_signup(yao, code=world.person_b.referral_code)
    return fatou, yao


def tree_url(person):
    return reverse("amplification:person-tree", args=[person.uuid])


def test_an_organiser_sees_everyone_who_joined_through_a_person(client_for, world, recruits):
    response = client_for(world.organiser).get(tree_url(world.person_a))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Fatou" in page and "Kofi" in page and "Yao" in page
    assert (response.context["tree"].direct, response.context["tree"].total) == (2, 3)


def test_a_coordinator_sees_the_counts_but_only_the_names_of_their_groups(
    client_for, world, recruits
):
    response = client_for(world.coord_a).get(tree_url(world.person_a))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Fatou" in page
    assert "Kofi" not in page and "Yao" not in page
    assert response.context["tree"].total == 3


def test_another_groups_coordinator_gets_not_found(client_for, world, recruits):
    response = client_for(world.coord_b).get(tree_url(world.person_a))

    assert response.status_code == 404
