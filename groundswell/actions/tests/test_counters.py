from django.core.cache import cache

from groundswell.actions import counters
from groundswell.actions.models import ActionCount, Submission
from groundswell.actions.services import take_action

from .conftest import SIGNER


def test_the_count_is_the_sum_of_the_shards(action):
    for _ in range(40):
        counters.bump(action.pk)

    shards = ActionCount.objects.filter(action=action)
    assert sum(shards.values_list("count", flat=True)) == 40 == counters.total(action.pk)
    assert shards.count() > 1  # forty bumps over sixteen shards never land on one row


def test_the_shown_count_is_cached_for_a_moment_then_catches_up(action):
    counters.bump(action.pk)
    assert counters.live_count(action.pk) == 1

    counters.bump(action.pk)
    assert counters.live_count(action.pk) == 1
    cache.clear()
    assert counters.live_count(action.pk) == 2


def test_a_recount_sets_the_shards_from_the_counted_submissions(action):
    take_action(action, data=SIGNER)
    take_action(action, data={**SIGNER, "email": "b@example.org"})
    Submission.objects.filter(person__email="b@example.org").update(flagged=True)
    for _ in range(5):
        counters.bump(action.pk)

    assert counters.recount(action.pk) == 1
    assert counters.total(action.pk) == 1
