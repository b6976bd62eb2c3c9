"""The signature hot path's statements, locked: a new signer and a repeat signer through the
public page, per database (PostgreSQL reads the ladder together with the counters)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.actions import counters
from groundswell.actions.models import ActionCount, Submission

from .test_views_action_detail import FORM, page

# Committed as in production: inside a test's transaction every service would add a savepoint.
pytestmark = pytest.mark.django_db(transaction=True)
# Statements per POST, BEGIN, COMMIT and savepoints included. New: the action, find the person,
# insert them (in the savepoint a lost race needs), consent, audit, ladder, entry transition,
# counters, the submission inserted confirmed, audit, the activity and counters (in a savepoint of
# record_activity's own; SQLite reads the ladder and writes in separate statements), the count.
# Repeat: the action, find the person (nothing to fill: no savepoint), consent, audit, the
# submission found.
STATEMENTS = {
    "postgresql": {"new": 19, "repeat": 7},
    "sqlite": {"new": 22, "repeat": 7},
}


@pytest.fixture
def shards(action):
    """Every count shard exists, as on any petition after its first few signatures."""
    ActionCount.objects.bulk_create(
        ActionCount(action=action, shard=shard) for shard in range(counters.SHARDS)
    )


def _statements(client, action, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(page(action), data)
    assert response.status_code == 302
    return len(queries)


def test_a_new_signer_costs_a_fixed_number_of_statements(client, action, shards):
    client.post(page(action), {**FORM, "email": "warm@example.org"})  # caches, as in production

    count = _statements(client, action, FORM)

    assert count == STATEMENTS[connection.vendor]["new"]
    assert Submission.objects.get(person__email="ana@example.org").status == "confirmed"


def test_a_repeat_signer_costs_a_fixed_number_of_statements(client, action, shards):
    client.post(page(action), FORM)

    count = _statements(client, action, FORM)

    assert count == STATEMENTS[connection.vendor]["repeat"]
    assert Submission.objects.count() == 1
