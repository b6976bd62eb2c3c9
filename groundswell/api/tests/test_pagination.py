from urllib.parse import parse_qs, urlparse

import pytest

from groundswell.people.models import Person
from groundswell.test import make_person


@pytest.fixture
def many(world):
    for n in range(7):
        make_person(f"p{n}@example.org", given_name="Pat")
    return Person.objects.count()


def test_pages_carry_totals_and_absolute_links_that_keep_the_filter_and_size(api, many):
    data = api.get("people", {"per_page": 2, "filter": "given_name eq 'Pat'"}).json()

    assert (data["total_records"], data["total_pages"], data["per_page"], data["page"]) == (
        7,
        4,
        2,
        1,
    )
    next_url = urlparse(data["_links"]["next"]["href"])
    assert next_url.scheme == "http" and next_url.netloc == "testserver"
    assert parse_qs(next_url.query) == {
        "page": ["2"],
        "per_page": ["2"],
        "filter": ["given_name eq 'Pat'"],
    }
    assert "previous" not in data["_links"]


def test_walking_the_next_links_visits_everyone_once(api, many):
    seen, path, params = [], "people", {"per_page": 3}
    while True:
        data = api.get(path, params).json()
        seen += [p["identifiers"][0] for p in data["_embedded"]["osdi:people"]]
        if "next" not in data["_links"]:
            break
        url = urlparse(data["_links"]["next"]["href"])
        path, params = url.path.removeprefix("/api/v2/"), parse_qs(url.query)

    assert len(seen) == len(set(seen)) == many


def test_the_default_page_size_is_25(api, many):
    assert api.get("people").json()["per_page"] == 25


def test_a_page_past_the_end_is_an_empty_200(api, many):
    response = api.get("people", {"page": 99})

    assert response.status_code == 200
    assert response.json()["_embedded"] == {"osdi:people": []}
    assert response.json()["total_records"] == many


@pytest.mark.parametrize(
    "params", [{"per_page": 101}, {"per_page": 0}, {"page": 0}, {"page": "x"}, {"per_page": "1e9"}]
)
def test_page_numbers_out_of_bounds_are_400s(api, many, params):
    response = api.get("people", params)

    assert response.status_code == 400
    assert "error" in response.json()
