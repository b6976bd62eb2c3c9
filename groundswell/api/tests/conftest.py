import json

import pytest
from django.core.cache import cache

from groundswell.api.services import create_api_key


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()


class Api:
    """A test client that speaks JSON and sends one key."""

    def __init__(self, client, key):
        self.client, self.key = client, key

    def _headers(self, headers):
        base = {"OSDI-API-Token": self.key} if self.key else {}
        return {**base, **(headers or {})}

    def get(self, path, params=None, headers=None):
        return self.client.get(f"/api/v2/{path}", params or {}, headers=self._headers(headers))

    def send(self, method, path, body=None, headers=None, raw=None):
        data = raw if raw is not None else json.dumps(body)
        call = getattr(self.client, method.lower())
        return call(
            f"/api/v2/{path}",
            data,
            content_type="application/json",
            headers=self._headers(headers),
        )

    def post(self, path, body=None, **options):
        return self.send("POST", path, body, **options)


@pytest.fixture
def org_key(world):
    return create_api_key(name="org script")[1]


@pytest.fixture
def api(client, org_key):
    return Api(client, org_key)


@pytest.fixture
def api_for(client):
    def make(key):
        return Api(client, key)

    return make


@pytest.fixture
def group_a_api(client, world):
    return Api(client, create_api_key(name="group A", group=world.group_a)[1])


def person_id(data):
    return data["identifiers"][0].split(":", 1)[1]
