from groundswell.api.hal import derived_uuid
from groundswell.people.models import Segment


def test_saved_segments_are_lists_whose_items_are_their_people(api, world):
    segment = Segment.objects.create(name="Senegal", criteria={"field": "country", "eq": "SN"})

    lists = api.get("lists").json()
    assert [item["name"] for item in lists["_embedded"]["osdi:lists"]] == ["Senegal"]
    items = api.get(f"lists/{derived_uuid('lists', segment.pk)}/items")
    assert items.status_code == 200
    people = {link["href"].rsplit("/", 1)[1] for link in items.json()["_links"]["osdi:items"]}
    assert str(world.person_a.uuid) in people
    assert str(world.person_b.uuid) not in people


def test_a_group_key_sees_only_its_people_in_a_list(group_a_api, world):
    segment = Segment.objects.create(
        name="Everyone in West Africa",
        criteria={},
    )

    items = group_a_api.get(f"lists/{derived_uuid('lists', segment.pk)}/items").json()
    people = {link["href"].rsplit("/", 1)[1] for link in items["_links"]["osdi:items"]}
    assert str(world.person_b.uuid) not in people
    assert str(world.person_a.uuid) in people
