import datetime as dt

import time_machine

from groundswell.api.models import IdempotentRequest
from groundswell.api.services import forget_idempotent
from groundswell.people.models import Person, Tagging

BODY = {"person": {"email_addresses": [{"address": "ana@example.org"}]}, "add_tags": ["x"]}
KEY = {"Idempotency-Key": "retry-1"}


def test_a_retry_with_the_same_key_replays_the_first_response(api):
    first = api.post("people", BODY, headers=KEY)
    again = api.post("people", BODY, headers=KEY)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Person.objects.filter(email="ana@example.org").count() == 1
    assert Tagging.objects.count() == 1


def test_the_same_key_with_another_body_is_a_422(api):
    api.post("people", BODY, headers=KEY)
    other = {"person": {"email_addresses": [{"address": "bob@example.org"}]}}

    response = api.post("people", other, headers=KEY)

    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["error"]
    assert not Person.objects.filter(email="bob@example.org").exists()


def test_keys_belong_to_one_api_key(api, api_for):
    from groundswell.api.services import create_api_key

    api.post("people", BODY, headers=KEY)
    other = api_for(create_api_key(name="other")[1])

    response = other.post("people", BODY, headers=KEY)

    assert response.status_code == 200  # processed afresh: the person already exists
    assert "Idempotent-Replayed" not in response


def test_a_failed_request_is_not_kept_and_writes_nothing(api):
    bad = {"person": {"email_addresses": [{"address": "not an email"}]}}

    assert api.post("people", bad, headers=KEY).status_code == 400
    assert not IdempotentRequest.objects.exists()
    assert api.post("people", BODY, headers=KEY).status_code == 201


def test_kept_responses_are_forgotten_after_a_day(api):
    with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)):
        api.post("people", BODY, headers=KEY)
    with time_machine.travel(dt.datetime(2026, 1, 2, 1, tzinfo=dt.UTC)):
        other = {"person": {"email_addresses": [{"address": "bob@example.org"}]}}
        assert api.post("people", other, headers=KEY).status_code == 201
        assert forget_idempotent() == 0
    with time_machine.travel(dt.datetime(2026, 1, 3, 2, tzinfo=dt.UTC)):
        assert forget_idempotent() == 1
