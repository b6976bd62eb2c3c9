import importlib

import pytest

from groundswell.core.testing import smtp_server  # noqa: F401 - a fixture: a real SMTP server on loopback


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """The personas have passwords; tests need them checked, not stretched against attack
    (the default hasher makes every `world` cost seconds)."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def _uploads_in_a_temporary_folder(tmp_path_factory):
    """Uploaded files (toolkit assets, CSV imports) go to a folder of this test run, never
    into the data folder of the checkout."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


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


@pytest.fixture(autouse=True)
def _shipped_ladder_in_transactional_tests(request):
    """Transactional tests start from a flushed database, which drops the rows data migrations
    shipped (the default ladder): put them back so every test sees the same starting point."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    shipped = importlib.import_module("groundswell.journeys.migrations.0002_default_stages")
    shipped.create_stages(apps, None)


@pytest.fixture(autouse=True)
def _no_webhook_subscriptions_known():
    """Every test starts knowing no webhook subscription, so the hot paths' query counts never
    include the per-process refresh (saving a subscription makes the next emit look again)."""
    from groundswell.webhooks.services import assume_no_subscriptions

    assume_no_subscriptions()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in Spanish leaves Spanish active in this thread; start every test in English."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
