"""Concurrent submissions from real threads, each with its own database connection."""

import threading

import pytest
from django.db import connections

from groundswell.actions import counters
from groundswell.actions.models import Submission
from groundswell.actions.services import take_action
from groundswell.journeys.models import Activity
from groundswell.people.models import Person

from .conftest import SIGNER

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(work, *, threads):
    """Run work(i) in `threads` threads started at once; return their results, re-raising errors."""
    start = threading.Barrier(threads)
    results, errors = [None] * threads, []

    def run(i):
        try:
            start.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # collected here, re-raised in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in pool), "a submission never finished"
    if errors:
        raise errors[0]
    return results


def test_simultaneous_submissions_with_one_email_make_one_person_and_one_signature(action):
    results = run_together(
        lambda i: take_action(action, data={**SIGNER, "email": "Rush@Example.org"}), threads=8
    )

    assert Person.objects.count() == 1
    assert Submission.objects.count() == 1
    assert [created for _s, created in results].count(True) == 1
    assert Activity.objects.filter(kind="petition_signed").count() == 1
    assert counters.total(action.pk) == 1


def test_simultaneous_signers_are_all_counted_without_losing_a_bump(action):
    run_together(
        lambda i: take_action(action, data={**SIGNER, "email": f"s{i}@example.org"}), threads=8
    )

    assert counters.total(action.pk) == Submission.objects.count() == 8
