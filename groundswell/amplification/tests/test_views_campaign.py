import pytest
from django.urls import reverse

from groundswell.amplification.services import attribute_signup
from groundswell.campaigns.models import Campaign
from groundswell.test import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def air(world):
    """person_b (group B) brings two people who each bring one: a connected connector."""
    air = Campaign.objects.create(slug="air", title={"en": "Clean air"})
    first = make_person("first@example.org", given_name="First")
    second = make_person("second@example.org", given_name="Second")
    for recruit, by in [(first, world.person_b), (second, world.person_b)]:
        attribute_signup(recruit, code=by.referral_code, channel="whatsapp", campaign=air)
    for name, by in [("third", first), ("fourth", second)]:
        person = make_person(f"{name}@example.org")
        attribute_signup(person, code=by.referral_code, channel="sms", campaign=air)
    return air


def test_organisers_see_the_figures_and_the_connected_connectors(client_for, world, air):
    response = client_for(world.organiser).get(reverse("amplification:campaign", args=["air"]))

    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.recruits, figures.viral_coefficient) == (4, 0.5)
    assert [a.person for a in figures.amplifiers] == [world.person_b]
    page = response.content.decode()
    assert "Clean air" in page and "Kofi" in page and "WhatsApp" in page


def test_a_coordinator_sees_the_figures_but_not_another_groups_people(client_for, world, air):
    response = client_for(world.coord_a).get(reverse("amplification:campaign", args=["air"]))

    assert response.status_code == 200
    assert response.context["figures"].recruits == 4
    assert response.context["figures"].amplifiers == []
    assert "Kofi" not in response.content.decode()


def test_an_unknown_campaign_is_not_found(client_for, world):
    response = client_for(world.organiser).get(reverse("amplification:campaign", args=["nope"]))

    assert response.status_code == 404


def test_supporters_have_no_campaign_figures(client_for, world, air):
    response = client_for(world.supporter).get(reverse("amplification:campaign", args=["air"]))

    assert response.status_code == 403
