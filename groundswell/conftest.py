import pytest

from groundswell.core.testing import smtp_server  # noqa: F401 - a fixture: a real SMTP server on loopback


@pytest.fixture
def world(db):
    """The personas of groundswell.test: HQ, organiser, two coordinators, supporter, outsider."""
    from groundswell.test import make_world

    return make_world()


@pytest.fixture
def client_for(client):
    """Log a persona in: `client_for(world.coord_a)`."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login
