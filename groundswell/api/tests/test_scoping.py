import pytest

from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.test import make_person


def test_a_group_key_lists_only_its_groups_people(group_a_api, world):
    data = group_a_api.get("people").json()

    emails = {p["email_addresses"][0]["address"] for p in data["_embedded"]["osdi:people"]}
    assert emails == {"ada@example.org", "sam@example.org", "awa@example.org"}


@pytest.mark.parametrize("suffix", ["", "/taggings", "/signatures", "/attendances"])
def test_a_group_key_gets_404_for_another_groups_person(group_a_api, world, suffix):
    response = group_a_api.get(f"people/{world.person_b.uuid}{suffix}")

    assert response.status_code == 404


def test_a_group_key_cannot_find_another_groups_person_by_filter(group_a_api, world):
    data = group_a_api.get("people", {"filter": "email_address eq 'kofi@example.org'"}).json()

    assert data["total_records"] == 0


def test_a_group_key_cannot_change_another_groups_person(group_a_api, world):
    response = group_a_api.send("PUT", f"people/{world.person_b.uuid}", {"given_name": "X"})

    assert response.status_code == 404
    world.person_b.refresh_from_db()
    assert world.person_b.given_name == "Kofi"


def test_a_group_keys_signup_joins_the_person_to_its_group(group_a_api, world):
    body = {"person": {"email_addresses": [{"address": "new@example.org"}]}}
    response = group_a_api.post("people", body)

    person = Person.objects.get(email="new@example.org")
    assert Membership.objects.filter(group=world.group_a, person=person).exists()
    assert group_a_api.get(response.json()["_links"]["self"]["href"][25:]).status_code == 200


def test_an_organisation_key_sees_everyone(api, world):
    make_person("nobody@example.org")

    assert api.get("people").json()["total_records"] == Person.objects.count()
