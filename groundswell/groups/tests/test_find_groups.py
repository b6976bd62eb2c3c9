import pytest

from groundswell.campaigns.models import Campaign
from groundswell.groups.queries import find_groups, places
from groundswell.groups.services import create_group, update_group

pytestmark = pytest.mark.django_db

DAKAR = (14.6928, -17.4467)


@pytest.fixture
def groups(world):
    """Dakar and Abidjan of the world, placed on the map; Thiès 60 km from Dakar; Lyon."""
    air = Campaign.objects.create(slug="air", title={"en": "Air"})
    update_group(world.group_a, latitude=14.6928, longitude=-17.4467, locality="Dakar",
                 languages=["fr", "wo"], campaigns=[air])  # fmt: skip
    update_group(world.group_b, latitude=5.3600, longitude=-4.0083, locality="Abidjan",
                 languages=["fr"])  # fmt: skip
    thies = create_group("Thiès group", parent=world.hub, slug="thies", locality="Thiès",
                         latitude=14.7910, longitude=-16.9359, languages=["wo"])  # fmt: skip
    lyon = create_group("Lyon", parent=world.hub.parent, slug="lyon", languages=["fr", "en"])
    return {"air": air, "thies": thies, "lyon": lyon}


def slugs(found):
    return [item.group.slug for item in found]


def test_groups_near_a_place_come_nearest_first_with_their_distance(world, groups):
    found = find_groups(near=DAKAR, km=100)

    assert slugs(found) == ["dakar", "thies"]
    assert found[0].distance_km == 0
    assert 50 < found[1].distance_km < 70


def test_a_smaller_radius_leaves_the_further_groups_out(world, groups):
    assert slugs(find_groups(near=DAKAR, km=25)) == ["dakar"]


def test_groups_without_coordinates_are_left_out_of_a_search_near_a_place(world, groups):
    assert "lyon" not in slugs(find_groups(near=(45.76, 4.83), km=250))


def test_groups_are_found_by_language(world, groups):
    assert slugs(find_groups(language="wo")) == ["dakar", "thies"]
    assert slugs(find_groups(language="en")) == ["lyon"]


def test_groups_are_found_by_campaign(world, groups):
    assert slugs(find_groups(campaign=groups["air"])) == ["dakar"]


def test_filters_combine(world, groups):
    assert slugs(find_groups(near=DAKAR, km=100, language="fr")) == ["dakar"]


def test_headquarters_is_not_a_group_anyone_finds(world, groups):
    assert "hq" not in slugs(find_groups())


def test_the_places_to_choose_are_where_groups_are(world, groups):
    found = places()

    assert found["SN:Dakar"] == ("Dakar (SN)", 14.6928, -17.4467)
    assert "CI:Abidjan" in found
