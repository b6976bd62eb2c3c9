from groundswell.people.models import Tag, Tagging


def test_a_tag_is_created_once_whatever_its_case(api):
    first = api.post("tags", {"name": "Volunteer"})
    again = api.post("tags", {"name": "volunteer"})

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["identifiers"] == again.json()["identifiers"]
    assert Tag.objects.count() == 1


def test_tags_are_listed_and_read_by_their_identifier(api):
    created = api.post("tags", {"name": "nurse"}).json()
    listing = api.get("tags").json()

    assert [tag["name"] for tag in listing["_embedded"]["osdi:tags"]] == ["nurse"]
    one = api.get(created["_links"]["self"]["href"].split("/api/v2/")[1]).json()
    assert one["name"] == "nurse"


def test_a_person_is_tagged_by_link_and_the_tagging_listed_and_deleted(api, world):
    tag = api.post("tags", {"name": "nurse"}).json()
    taggings = tag["_links"]["osdi:taggings"]["href"].split("/api/v2/")[1]
    person_href = f"http://testserver/api/v2/people/{world.person_a.uuid}"

    response = api.post(taggings, {"_links": {"osdi:person": {"href": person_href}}})

    assert response.status_code == 201
    assert response.json()["_links"]["osdi:person"]["href"] == person_href
    listing = api.get(taggings).json()
    assert listing["total_records"] == 1
    own = api.get(f"people/{world.person_a.uuid}/taggings").json()
    assert own["total_records"] == 1
    deleted = api.send("DELETE", response.json()["_links"]["self"]["href"].split("/api/v2/")[1])
    assert deleted.status_code == 200
    assert not Tagging.objects.exists()


def test_tagging_someone_the_key_cannot_see_is_a_404(group_a_api, world):
    tag = Tag.objects.create(name="nurse")
    from groundswell.api.hal import derived_uuid

    href = f"http://testserver/api/v2/people/{world.person_b.uuid}"
    response = group_a_api.post(
        f"tags/{derived_uuid('tags', tag.pk)}/taggings", {"_links": {"osdi:person": {"href": href}}}
    )

    assert response.status_code == 404
    assert not Tagging.objects.exists()
