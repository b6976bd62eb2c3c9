import pytest

from groundswell.people.models import ConsentRecord, Person

from .conftest import person_id

SIGNUP = {
    "person": {
        "given_name": "Ana",
        "family_name": "Souza",
        "email_addresses": [
            {"address": "Ana@Example.org", "primary": True, "status": "subscribed"}
        ],
        "phone_numbers": [{"number": "+33 6 12 34 56 78", "status": "unsubscribed"}],
        "postal_addresses": [
            {
                "locality": "Paris",
                "region": "IDF",
                "postal_code": "75011",
                "country": "FR",
                "location": {"latitude": 48.85, "longitude": 2.37},
            }
        ],
        "languages_spoken": ["fr"],
        "custom_fields": {"employer": "Hospital"},
    },
    "add_tags": ["volunteer", "nurse"],
}


def test_the_signup_helper_creates_a_person_with_osdi_fields_tags_and_consents(api):
    response = api.post("people", SIGNUP)

    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/hal+json")
    data = response.json()
    assert data["given_name"] == "Ana"
    assert data["email_addresses"] == [
        {"address": "ana@example.org", "primary": True, "status": "subscribed"}
    ]
    assert data["phone_numbers"][0]["number"] == "+33612345678"
    assert data["phone_numbers"][0]["status"] == "unsubscribed"
    address = data["postal_addresses"][0]
    assert (address["locality"], address["postal_code"], address["country"]) == (
        "Paris",
        "75011",
        "FR",
    )
    assert address["location"]["latitude"] == 48.85
    assert data["languages_spoken"] == ["fr"]
    assert data["custom_fields"] == {"employer": "Hospital"}
    assert data["identifiers"][0].startswith("groundswell:")
    assert data["_links"]["self"]["href"].startswith("http://testserver/api/v2/people/")
    assert data["_links"]["curies"][0]["name"] == "osdi"
    person = Person.objects.get(email="ana@example.org")
    assert sorted(person.taggings.values_list("tag__name", flat=True)) == ["nurse", "volunteer"]
    consents = ConsentRecord.objects.filter(person=person)
    assert {(c.channel, c.granted, c.source) for c in consents} == {
        ("email", True, "api"),
        ("sms", False, "api"),
    }


def test_a_second_signup_with_the_same_email_is_the_same_person_and_fills_blanks(api):
    first = api.post("people", {"person": {"email_addresses": [{"address": "b@example.org"}]}})
    again = api.post(
        "people",
        {"person": {"given_name": "Bea", "email_addresses": [{"address": "B@example.org "}]}},
    )

    assert (first.status_code, again.status_code) == (201, 200)
    assert person_id(first.json()) == person_id(again.json())
    assert again.json()["given_name"] == "Bea"
    assert Person.objects.filter(email="b@example.org").count() == 1


def test_a_signup_without_email_is_found_again_by_phone(api):
    body = {"person": {"phone_numbers": [{"number": "+221 77 123 45 67"}]}}
    first, again = api.post("people", body), api.post("people", body)

    assert person_id(first.json()) == person_id(again.json())


def test_people_lists_and_reads_one_person(api, world):
    listing = api.get("people").json()

    assert listing["total_records"] == Person.objects.count()
    emails = [p["email_addresses"][0]["address"] for p in listing["_embedded"]["osdi:people"]]
    assert "kofi@example.org" in emails
    one = api.get(f"people/{world.person_b.uuid}").json()
    assert one["given_name"] == "Kofi"


def test_a_person_is_updated_with_put(api, world):
    response = api.send("PUT", f"people/{world.person_a.uuid}", {"family_name": "Diop"})

    assert response.status_code == 200
    world.person_a.refresh_from_db()
    assert world.person_a.family_name == "Diop"


def test_an_unknown_person_is_a_404_json(api):
    response = api.get("people/2f1e0c1a-8d1e-4a57-9b0e-5d2f6b7c8a90")

    assert response.status_code == 404
    assert "error" in response.json()


@pytest.mark.parametrize("path", ["taggings", "signatures", "submissions", "attendances"])
def test_a_persons_sub_collections_answer(api, world, path):
    response = api.get(f"people/{world.person_a.uuid}/{path}")

    assert response.status_code == 200
    assert response.json()["_embedded"] == {f"osdi:{path}": []}


def test_action_network_style_phone_digits_are_read_as_international(api):
    body = {"person": {"phone_numbers": [{"number": "221771234567"}]}}

    response = api.post("people", body)

    assert response.json()["phone_numbers"][0]["number"] == "+221771234567"
