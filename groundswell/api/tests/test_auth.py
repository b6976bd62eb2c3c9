import pytest

from groundswell.api.models import ApiKey
from groundswell.api.services import authenticate, create_api_key, revoke_api_key
from groundswell.people.models import Person


def test_a_key_is_stored_only_as_a_hash(world):
    key, raw = create_api_key(name="script")

    assert raw not in {key.prefix, key.key_hash}
    assert raw.startswith(key.prefix)
    assert authenticate(raw) == key
    assert authenticate(raw + "x") is None


def test_a_missing_key_is_a_401(api_for):
    response = api_for(None).get("people")

    assert response.status_code == 401
    assert "OSDI-API-Token" in response.json()["error"]


def test_a_wrong_key_is_a_401(api_for, world):
    assert api_for("gs_not-a-real-key").get("people").status_code == 401


def test_the_header_name_is_case_insensitive(client, org_key):
    response = client.get("/api/v2/people", headers={"osdi-api-token": org_key})

    assert response.status_code == 200


def test_a_revoked_key_is_a_401(api_for, world):
    key, raw = create_api_key(name="old")
    revoke_api_key(key)

    assert api_for(raw).get("people").status_code == 401


def test_a_read_only_key_reads_but_may_not_write(api_for, world):
    api = api_for(create_api_key(name="reader", read_only=True)[1])
    body = {"person": {"email_addresses": [{"address": "new@example.org"}]}}

    assert api.get("people").status_code == 200
    response = api.post("people", body)
    assert response.status_code == 403
    assert not Person.objects.filter(email="new@example.org").exists()


def test_using_a_key_records_when(api, org_key):
    api.get("people")

    assert ApiKey.objects.get().last_used_at is not None


def test_a_key_past_its_rate_limit_gets_429s(api, settings):
    settings.GROUNDSWELL_API_RATE_PER_MINUTE = 2

    codes = [api.get("tags").status_code for _ in range(3)]

    assert codes == [200, 200, 429]


@pytest.mark.parametrize("path", ["people", "tags", "petitions", "events", "forms", "lists"])
def test_every_collection_needs_a_key(api_for, world, path):
    assert api_for(None).get(path).status_code == 401
