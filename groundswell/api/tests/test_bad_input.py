import json

import pytest

from groundswell.people.models import Person

EMAIL = [{"address": "ana@example.org"}]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("{not json", "malformed JSON"),
        ("[]", "not an object"),
        ('"text"', "not an object"),
        ("", "empty body"),
        (b"\xff\xfe", "not UTF-8"),
        (json.dumps({"person": EMAIL}), "person is a list"),
        (json.dumps({"person": {"email_addresses": EMAIL, "shoe_size": 4}}), "unknown field"),
        (json.dumps({"person": {"email_addresses": EMAIL}, "extra": 1}), "unknown top field"),
        (json.dumps({"person": {"email_addresses": "ana@example.org"}}), "wrong type"),
        (json.dumps({"person": {"email_addresses": [{"address": 5}]}}), "address not text"),
        (json.dumps({"person": {"email_addresses": [{"address": "nope"}]}}), "invalid email"),
        (json.dumps({"person": {"given_name": "No contact"}}), "no contact point"),
        (json.dumps({"person": {"email_addresses": EMAIL, "given_name": ["x"]}}), "list name"),
        (json.dumps({"person": {"email_addresses": EMAIL}, "add_tags": "x"}), "tags not list"),
        (json.dumps({"person": {"email_addresses": EMAIL}, "add_tags": [""]}), "empty tag"),
        (
            json.dumps({"person": {"email_addresses": [{"address": "a@b.org", "status": "yes"}]}}),
            "bad status",
        ),
        (
            json.dumps(
                {
                    "person": {
                        "email_addresses": EMAIL,
                        "postal_addresses": [{"location": {"latitude": "north"}}],
                    }
                }
            ),
            "latitude not a number",
        ),
        (
            json.dumps(
                {
                    "person": {
                        "email_addresses": EMAIL,
                        "postal_addresses": [{"location": {"latitude": 123.0, "longitude": 0}}],
                    }
                }
            ),
            "latitude out of range",
        ),
        (
            json.dumps({"person": {"email_addresses": EMAIL, "languages_spoken": ["xx"]}}),
            "unknown language",
        ),
        (json.dumps({"person": {"email_addresses": EMAIL, "custom_fields": [1]}}), "custom list"),
        (json.dumps({"person": {"email_addresses": [{"address": "a\x00@b.org"}]}}), "NUL byte"),
    ],
)
def test_a_bad_signup_is_a_4xx_with_an_error_and_writes_nothing(api, raw, reason):
    before = Person.objects.count()

    response = api.send("POST", "people", raw=raw)

    assert 400 <= response.status_code < 500, reason
    assert isinstance(response.json()["error"], str) and response.json()["error"]
    assert Person.objects.count() == before


@pytest.mark.parametrize(
    "path",
    [
        "people/not-a-uuid",
        "people/00000001-0000-8000-8000-000000000001",
        "tags/2f1e0c1a-8d1e-4a57-9b0e-5d2f6b7c8a90",
        "tags/00000002-0000-8000-8000-000000000001",  # a tagging id used as a tag id
        "tags/xyz/taggings",
        "petitions/123",
        "petitions/%00",
        "events/00000006-0000-8000-8000-ffffffffffff",
        "lists/'; drop table x",
        "no-such-resource",
        "people/x/y/z",
    ],
)
def test_bad_ids_and_paths_are_json_404s(api, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response.json()["error"]


def test_a_method_the_resource_does_not_have_is_a_405(api):
    response = api.send("DELETE", "people")

    assert response.status_code == 405
    assert response.json()["error"]


def test_a_huge_body_is_a_413(api):
    raw = json.dumps({"person": {"email_addresses": EMAIL, "given_name": "x" * 1_100_000}})

    assert api.send("POST", "people", raw=raw).status_code == 413


def test_tagging_without_a_person_link_is_a_400(api):
    tag = api.post("tags", {"name": "x"}).json()
    path = tag["_links"]["osdi:taggings"]["href"].split("/api/v2/")[1]

    for body in [{}, {"_links": {}}, {"_links": {"osdi:person": {"href": 5}}}, {"_links": []}]:
        response = api.post(path, body)
        assert response.status_code in {400, 404}, body
        assert response.json()["error"]


@pytest.mark.parametrize(
    "body",
    [
        {"person": {"email_addresses": EMAIL, "custom_fields": {"a": "b\x00"}}},
        {"person": {"email_addresses": EMAIL, "custom_fields": {"a\x00": "b"}}},
        {"person": {"email_addresses": EMAIL, "given_name": "A\x00"}},
    ],
)
def test_nul_characters_anywhere_in_a_body_are_a_400(api, body):
    response = api.post("people", body)

    assert response.status_code == 400
    assert not Person.objects.filter(email="ana@example.org").exists()


def test_a_nul_in_a_filter_is_a_400(api):
    assert api.get("people", {"filter": "given_name eq 'a\x00'"}).status_code == 400
