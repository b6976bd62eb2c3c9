import pytest
from django.urls import reverse

from groundswell.groups.services import update_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(world):
    update_group(world.group_a, latitude=14.6928, longitude=-17.4467, locality="Dakar",
                 languages=["fr"])  # fmt: skip
    update_group(world.group_b, latitude=5.36, longitude=-4.0083, locality="Abidjan")


def test_anyone_sees_the_groups_there_are(client, placed):
    response = client.get(reverse("groups:group-list"))

    assert response.status_code == 200
    assert "Dakar group" in response.content.decode()
    assert "Abidjan group" in response.content.decode()


def test_a_supporter_finds_the_groups_near_a_chosen_place(client, placed):
    response = client.get(reverse("groups:group-list"), {"place": "SN:Dakar", "km": "50"})

    page = response.content.decode()
    assert "Dakar group" in page and "Abidjan group" not in page
    assert "0.0 km away" in page


def test_a_supporter_finds_groups_near_coordinates(client, placed):
    response = client.get(reverse("groups:group-list"), {"lat": "5.3", "lon": "-4.0", "km": "25"})

    assert [f.group.slug for f in response.context["found"]] == ["abidjan"]


def test_impossible_coordinates_get_a_clear_error_and_no_results(client, placed):
    response = client.get(reverse("groups:group-list"), {"lat": "95", "lon": "0"})

    assert response.status_code == 200
    assert response.context["found"] == []
    assert "Latitude must be between -90 and 90" in response.content.decode()


def test_the_page_has_no_inline_script_or_style(client, placed):
    page = client.get(reverse("groups:group-list")).content.decode()

    assert "<script>" not in page and "style=" not in page and "<style" not in page
