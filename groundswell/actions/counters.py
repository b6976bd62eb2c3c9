"""Live counts without a hot row: each counted submission adds one to a random shard of the
action's count; the page shows the sum, cached for a couple of seconds."""

import random

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from .models import ActionCount, Submission

SHARDS = 16
CACHE_SECONDS = 2


def _cache_key(action_id):
    return f"actions:count:{action_id}"


def bump(action_id, by=1):
    """Add `by` to one random shard of the action's count (created on first use)."""
    shard = random.randrange(SHARDS)  # noqa: S311 - spreading writes, not a secret
    rows = ActionCount.objects.filter(action_id=action_id, shard=shard)
    if rows.update(count=F("count") + by):
        return
    try:
        with transaction.atomic():  # a savepoint: losing the race to create the shard is fine
            ActionCount.objects.create(action_id=action_id, shard=shard, count=by)
    except IntegrityError:
        rows.update(count=F("count") + by)


def total(action_id):
    """The exact count now: the sum of the shards."""
    return ActionCount.objects.filter(action_id=action_id).aggregate(n=Sum("count"))["n"] or 0


def live_count(action_id):
    """The count to show on a page; it may lag by CACHE_SECONDS."""
    count = cache.get(_cache_key(action_id))
    if count is None:
        count = total(action_id)
        cache.set(_cache_key(action_id), count, CACHE_SECONDS)
    return count


@transaction.atomic
def recount(action_id):
    """Set the shards from the submissions themselves (after moderation, or to repair drift)."""
    counted = Submission.objects.filter(
        action_id=action_id, status=Submission.Status.CONFIRMED, flagged=False
    ).count()
    ActionCount.objects.filter(action_id=action_id).delete()
    ActionCount.objects.create(action_id=action_id, shard=0, count=counted)
    cache.delete(_cache_key(action_id))
    return counted
