from types import SimpleNamespace

import pytest

from groundswell.core.geo import bounding_box, distance_km, valid_coordinates, within

LONDON = (51.5074, -0.1278)
PARIS = (48.8566, 2.3522)
DAKAR = (14.6928, -17.4467)


def test_london_to_paris_is_about_344_km():
    assert distance_km(*LONDON, *PARIS) == pytest.approx(343.5, abs=1.5)


def test_a_place_is_no_distance_from_itself():
    assert distance_km(*DAKAR, *DAKAR) == 0


def test_the_box_holds_every_point_within_the_radius():
    box = bounding_box(*LONDON, 350)
    assert box.min_lat <= PARIS[0] <= box.max_lat
    assert box.min_lon <= PARIS[1] <= box.max_lon
    tight = bounding_box(*LONDON, 100)
    assert not (tight.min_lon <= PARIS[1] <= tight.max_lon and tight.min_lat <= PARIS[0])


def test_a_box_over_a_pole_or_the_antimeridian_covers_every_longitude():
    assert bounding_box(89.5, 0, 200).lookups().keys() == {"latitude__gte", "latitude__lte"}
    assert bounding_box(0, 179.9, 50).min_lon == -180


def test_within_ranks_the_nearest_first_and_skips_rows_without_coordinates():
    rows = [
        SimpleNamespace(name="paris", latitude=PARIS[0], longitude=PARIS[1]),
        SimpleNamespace(name="nowhere", latitude=None, longitude=None),
        SimpleNamespace(name="london", latitude=LONDON[0] + 0.01, longitude=LONDON[1]),
        SimpleNamespace(name="dakar", latitude=DAKAR[0], longitude=DAKAR[1]),
    ]
    assert [row.name for _d, row in within(rows, *LONDON, 400)] == ["london", "paris"]


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [(0, 0, True), (90, 180, True), (91, 0, False), (0, -181, False), ("x", 0, False),
     (float("nan"), 0, False), (None, 1, False)],
)  # fmt: skip
def test_impossible_coordinates_are_not_valid(lat, lon, ok):
    assert valid_coordinates(lat, lon) is ok
