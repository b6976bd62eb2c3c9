"""Concurrent sign-ups from real threads, each with its own database connection."""

import threading

import pytest
from django.db import connection

from groundswell.core import testing as core_testing
from groundswell.people import services
from groundswell.people.models import Person
from groundswell.people.services import upsert_person

THREADS = 6
pytestmark = pytest.mark.django_db(transaction=True)


def run_together(work, *, threads=THREADS):
    return core_testing.run_together(work, threads=threads)


def test_concurrent_sign_ups_with_one_email_make_exactly_one_person():
    results = run_together(
        lambda i: upsert_person(email="Rush@Example.org", given_name=f"Runner {i}", source="test")
    )
    assert Person.objects.count() == 1
    person = Person.objects.get()
    assert {p.pk for p, _created in results} == {person.pk}
    assert [created for _p, created in results].count(True) == 1
    assert person.given_name.startswith("Runner ")


def test_concurrent_sign_ups_with_one_phone_and_no_email_make_exactly_one_person():
    results = run_together(lambda i: upsert_person(phone="+221 77 123 45 67", source="test"))
    assert Person.objects.count() == 1
    assert [created for _p, created in results].count(True) == 1


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason=(
        "SQLite's IMMEDIATE transactions take the write lock at BEGIN, so a second sign-up cannot "
        "even look up the person until the first has committed: the interleaving forced here "
        "(every lookup misses before any insert) cannot happen on SQLite, and would deadlock."
    ),
)
@pytest.mark.parametrize("contact", [{"email": "race@example.org"}, {"phone": "+221771234567"}])
def test_sign_ups_that_all_miss_the_lookup_still_make_one_person(monkeypatch, contact):
    """Every thread looks first and finds nobody; only then do they insert. The unique
    constraints refuse all but one insert, and the losers find the winner on their retry."""
    everyone_looked = threading.Barrier(THREADS)
    first_lookup = threading.local()
    real_find = services._find

    def find_then_wait(email, phone):
        found = real_find(email, phone)
        if not getattr(first_lookup, "done", False):
            first_lookup.done = True
            assert found is None
            everyone_looked.wait(timeout=30)
        return found

    monkeypatch.setattr(services, "_find", find_then_wait)
    results = run_together(lambda i: upsert_person(source="test", **contact))
    assert Person.objects.count() == 1
    assert [created for _p, created in results].count(True) == 1
    assert len({p.pk for p, _created in results}) == 1
