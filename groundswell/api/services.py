"""State changes for the API: keys (create, revoke, use), idempotent responses, bare tags."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groundswell.core.audit import audit

from .models import ApiKey, IdempotentRequest

KEY_PREFIX = "gs_"
PREFIX_LENGTH = len(KEY_PREFIX) + 8
IDEMPOTENCY_TTL = timedelta(hours=24)
# last_used_at is written at most this often per key, so a busy script is not one write a request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_key(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_api_key(*, name, group=None, read_only=False, actor=None):
    """A new key: (ApiKey, the raw key). The raw key is shown once and never stored."""
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    while ApiKey.objects.filter(prefix=raw[:PREFIX_LENGTH]).exists():  # pragma: no cover
        raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        name=name,
        prefix=raw[:PREFIX_LENGTH],
        key_hash=hash_key(raw),
        group=group,
        read_only=read_only,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit("api.key_created", key, actor=actor, name=name, read_only=read_only)
    return key, raw


@transaction.atomic
def revoke_api_key(key, *, actor=None):
    """Revoke `key` for good; revoking twice changes nothing. True if it was active."""
    updated = ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if updated:
        audit("api.key_revoked", key, actor=actor, name=key.name)
    key.refresh_from_db()
    return bool(updated)


def authenticate(raw):
    """The active ApiKey for the raw key `raw`, or None. Notes when it was last used."""
    if not isinstance(raw, str) or not raw.startswith(KEY_PREFIX) or len(raw) > 200:
        return None
    key = (
        ApiKey.objects.select_related("group")
        .filter(prefix=raw[:PREFIX_LENGTH], revoked_at__isnull=True)
        .first()
    )
    if key is None or not hmac.compare_digest(key.key_hash, hash_key(raw)):
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


def find_idempotent(api_key, key, *, now=None):
    """The kept response for (api_key, key) if younger than a day; older ones are dropped."""
    now = now or timezone.now()
    IdempotentRequest.objects.filter(
        api_key=api_key, key=key, created_at__lt=now - IDEMPOTENCY_TTL
    ).delete()
    return IdempotentRequest.objects.filter(api_key=api_key, key=key).first()


def keep_idempotent(api_key, key, *, request_hash, status_code, body, now=None):
    """Keep a response for its retries; call inside the request's transaction (a concurrent twin
    raises IntegrityError here, so the caller rolls back its writes and replays the winner)."""
    return IdempotentRequest.objects.create(
        api_key=api_key,
        key=key,
        request_hash=request_hash,
        status_code=status_code,
        body=body,
        created_at=now or timezone.now(),
    )


@transaction.atomic
def forget_idempotent(*, now=None):
    """Drop kept responses older than a day (from the scheduler); how many went."""
    now = now or timezone.now()
    deleted, _by_model = IdempotentRequest.objects.filter(
        created_at__lt=now - IDEMPOTENCY_TTL
    ).delete()
    return deleted


@transaction.atomic
def create_tag(name, *, actor=None):
    """The tag `name` (matched case-insensitively), created if new: (tag, created)."""
    from groundswell.people.models import Tag
    from groundswell.people.services import _clean_tag

    name = _clean_tag(name)
    tag = Tag.objects.filter(name__iexact=name).order_by("pk").first()
    if tag is not None:
        return tag, False
    tag, created = Tag.objects.get_or_create(name=name)
    if created:
        audit("tag.created", tag, actor=actor, name=name)
    return tag, created
