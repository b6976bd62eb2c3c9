import datetime as dt

import pytest
import time_machine

from groundswell.test import make_person


@pytest.fixture
def dated(world):
    with time_machine.travel(dt.datetime(2024, 1, 10, tzinfo=dt.UTC)):
        old = make_person("old@example.org", given_name="Old")
    with time_machine.travel(dt.datetime(2024, 6, 10, tzinfo=dt.UTC)):
        new = make_person("new@example.org", given_name="New")
    return old, new


def emails(response):
    return {p["email_addresses"][0]["address"] for p in response.json()["_embedded"]["osdi:people"]}


def test_modified_date_filters_people_by_date(api, dated):
    response = api.get("people", {"filter": "modified_date lt '2024-03-01'"})

    assert emails(response) == {"old@example.org"}


def test_date_filters_take_datetimes_and_combine_with_and(api, dated):
    text = "modified_date gt 2024-01-01T00:00:00Z and modified_date lt '2024-12-31'"
    assert emails(api.get("people", {"filter": text})) == {"old@example.org", "new@example.org"}


def test_email_address_eq_finds_the_person_whatever_the_case(api, dated):
    response = api.get("people", {"filter": "email_address eq 'NEW@example.org'"})

    assert emails(response) == {"new@example.org"}


def test_or_and_not_work(api, dated):
    text = "given_name eq 'Old' or not (given_name ne 'New')"
    assert emails(api.get("people", {"filter": text})) == {"old@example.org", "new@example.org"}


@pytest.mark.parametrize(
    "text",
    [
        "modified_date gt",  # syntax
        "gender eq 'woman'",  # not on the whitelist
        "email eq 'a@b.c'",  # our column name, not OSDI's
        "modified_date gt 'yesterday'",  # not a date
        "given_name eq 3.5",  # wrong type
        "contains(given_name, 'a')",  # functions are not offered
        "given_name eq family_name",  # field to field
        "stats/stage eq 'x'",  # related lookups
        "given_name in 'x'",  # in without a list
        "'x' eq given_name",
        "x" * 2000,
    ],
)
def test_bad_filters_are_400s_with_a_message(api, dated, text):
    response = api.get("people", {"filter": text})

    assert response.status_code == 400
    assert response.json()["error"]
