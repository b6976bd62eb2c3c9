import pytest
from django.urls import reverse

from groundswell.groups.models import Group

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Dakar group", "slug": "dakar", "area": "Dakar and Pikine", "country": "SN",
    "locality": "Dakar", "latitude": "14.69", "longitude": "-17.44", "join_policy": "by_request",
    "languages_text": "fr, wo", "description_en": "Saturdays", "description_fr": "Le samedi",
}  # fmt: skip


def test_a_coordinator_edits_their_group(client_for, world):
    response = client_for(world.coord_a).post(reverse("groups:org-edit", args=["dakar"]), FORM)

    assert response.status_code == 302
    world.group_a.refresh_from_db()
    assert world.group_a.languages == ["fr", "wo"]
    assert world.group_a.description == {"en": "Saturdays", "fr": "Le samedi"}
    assert world.group_a.join_policy == "by_request"


def test_impossible_coordinates_show_an_error_and_change_nothing(client_for, world):
    data = FORM | {"latitude": "120"}

    response = client_for(world.coord_a).post(reverse("groups:org-edit", args=["dakar"]), data)

    assert response.status_code == 200
    assert "Latitude must be between -90 and 90" in response.content.decode()
    world.group_a.refresh_from_db()
    assert world.group_a.area == ""


def test_a_coordinator_creates_a_group_below_theirs(client_for, world):
    data = FORM | {"name": "Pikine group", "slug": ""}

    response = client_for(world.coord_a).post(reverse("groups:org-create", args=["dakar"]), data)

    assert response.status_code == 302
    pikine = Group.objects.get(slug="pikine-group")
    assert pikine.parent == world.group_a
    world.group_a.refresh_from_db()
    assert world.group_a.kind == "hub"


def test_another_groups_coordinator_gets_not_found(client_for, world):
    client = client_for(world.coord_b)

    assert client.get(reverse("groups:org-edit", args=["dakar"])).status_code == 404
    assert client.post(reverse("groups:org-create", args=["dakar"]), FORM).status_code == 404
