"""Concurrent submissions from real threads, each with its own database connection."""

import pytest

from groundswell.actions import counters
from groundswell.actions.models import Submission
from groundswell.actions.services import take_action
from groundswell.core.testing import run_together
from groundswell.journeys.models import Activity
from groundswell.people.models import Person

from .conftest import SIGNER

pytestmark = pytest.mark.django_db(transaction=True)


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
