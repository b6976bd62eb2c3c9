from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache

from groundswell.campaigns.models import Campaign
from groundswell.events import services
from groundswell.test import make_person

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def now():
    """Every events test runs on 1 June 2026, 09:00 UTC, with the clock ticking from there."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        slug="clean-air", title={"en": "Clean air", "fr": "Air pur"}, status=Campaign.Status.LIVE
    )


def event_values(**fields):
    starts = NOW + timedelta(days=3)
    values = {
        "title": {"en": "Dakar clean-up", "fr": "Nettoyage de Dakar"},
        "description": {"en": "Bring gloves."},
        "languages": ["fr", "en"],
        "online": False,
        "venue": "Maison des jeunes",
        "address": "Rue 10, Médina",
        "locality": "Dakar",
        "country": "SN",
        "latitude": 14.6928,
        "longitude": -17.4467,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "time_zone": "Africa/Dakar",
        "capacity": None,
    }
    return values | fields


@pytest.fixture
def make_event(world, now):
    def make(**fields):
        fields.setdefault("group", world.group_a)
        host = fields.pop("host", world.coord_a.person)
        return services.create_event(actor=world.coord_a, host=host, **event_values(**fields))

    return make


@pytest.fixture
def event(make_event):
    return make_event()


@pytest.fixture
def guest():
    def make(email, **fields):
        return make_person(email, given_name=email.split("@")[0].title(), **fields)

    return make
