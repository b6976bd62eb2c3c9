import json

import pytest
from django.test import Client

from groundswell.api.models import IdempotentRequest
from groundswell.api.services import create_api_key
from groundswell.core.testing import run_together
from groundswell.people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)
BODY = {"person": {"email_addresses": [{"address": "ana@example.org"}]}, "add_tags": ["x"]}


def test_concurrent_retries_with_one_idempotency_key_give_one_answer():
    raw = create_api_key(name="script")[1]

    def post(_i):
        response = Client().post(
            "/api/v2/people",
            json.dumps(BODY),
            content_type="application/json",
            headers={"OSDI-API-Token": raw, "Idempotency-Key": "same"},
        )
        return response.status_code, response.json()

    results = run_together(post, threads=4)

    assert {status for status, _data in results} == {201}
    assert len({json.dumps(data, sort_keys=True) for _status, data in results}) == 1
    assert Person.objects.filter(email="ana@example.org").count() == 1
    assert IdempotentRequest.objects.count() == 1
