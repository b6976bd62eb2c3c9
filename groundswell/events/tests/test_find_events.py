from datetime import timedelta

import pytest
from django.core.cache import cache

from groundswell.events import queries, services
from groundswell.events.queries import Search

from .conftest import NOW

DAKAR = (14.6928, -17.4467)
THIES = (14.7910, -16.9359)  # about 55 km from Dakar
ABIDJAN = (5.3600, -4.0083)


@pytest.fixture
def events(make_event, campaign):
    return {
        "dakar": make_event(latitude=DAKAR[0], longitude=DAKAR[1], campaign=campaign),
        "thies": make_event(
            latitude=THIES[0],
            longitude=THIES[1],
            locality="Thiès",
            starts_at=NOW + timedelta(days=20),
            ends_at=NOW + timedelta(days=20, hours=2),
        ),
        "abidjan": make_event(
            latitude=ABIDJAN[0],
            longitude=ABIDJAN[1],
            locality="Abidjan",
            country="CI",
            languages=["fr"],
        ),
        "online": make_event(
            online=True,
            venue="",
            address="",
            locality="",
            latitude=None,
            longitude=None,
            languages=["en"],
        ),
    }


def names(found, events):
    by_pk = {event.pk: name for name, event in events.items()}
    return [by_pk[event.pk] for _distance, event in found]


def test_near_a_place_nearby_events_come_nearest_first_then_online_ones(events):
    found = queries.find_events(Search(latitude=14.70, longitude=-17.45, radius_km=100))

    assert names(found, events) == ["dakar", "thies", "online"]
    assert found[0][0] < 2 and 50 < found[1][0] < 60 and found[2][0] is None


def test_the_radius_leaves_far_events_out(events):
    found = queries.find_events(
        Search(latitude=DAKAR[0], longitude=DAKAR[1], radius_km=25, mode="in_person")
    )

    assert names(found, events) == ["dakar"]


def test_online_only_lists_online_events(events):
    assert names(queries.find_events(Search(mode="online")), events) == ["online"]


def test_filters_by_campaign_language_and_dates(events, campaign):
    assert names(queries.find_events(Search(campaign=campaign)), events) == ["dakar"]
    assert set(names(queries.find_events(Search(language="en")), events)) == {
        "dakar",
        "thies",
        "online",
    }
    later = Search(date_from=(NOW + timedelta(days=10)).date())
    assert names(queries.find_events(later), events) == ["thies"]
    sooner = Search(date_to=(NOW + timedelta(days=5)).date())
    assert "thies" not in names(queries.find_events(sooner), events)


def test_past_proposed_and_cancelled_events_are_not_found(events, world, now):
    services.cancel_event(events["dakar"])
    services.propose_event(
        person=world.supporter.person,
        **{
            "title": {"en": "Mine"},
            "languages": ["en"],
            "locality": "Dakar",
            "time_zone": "UTC",
            "starts_at": NOW + timedelta(days=1),
            "ends_at": NOW + timedelta(days=1, hours=1),
        },
    )
    now.move_to(NOW + timedelta(days=10))

    assert names(queries.find_events(Search()), events) == ["thies"]


def test_known_localities_come_from_events_and_from_places_where_several_people_live(events, guest):
    for i in range(3):
        guest(
            f"k{i}@example.org", locality="Kaolack", country="SN", latitude=14.15, longitude=-16.07
        )
    guest("alone@example.org", locality="Secretville", country="SN", latitude=13.0, longitude=-15.0)
    cache.clear()

    labels = [label for _key, label, _lat, _lon in queries.known_localities()]

    assert "Dakar (SN)" in labels and "Kaolack (SN)" in labels and "Abidjan (CI)" in labels
    assert not any("Secretville" in label for label in labels)
    assert queries.locality("SN:Kaolack") == pytest.approx((14.15, -16.07))
