"""The wrapper every API view goes through: key, method, rate limit, JSON body, idempotency,
and errors as 4xx JSON (never a 5xx for a client's mistake)."""

import functools
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import services
from .errors import ApiError

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
MAX_BODY = 1_000_000
DEFAULT_RATE_PER_MINUTE = 240
IDEMPOTENCY_KEY_MAX = 255


class _Replay(Exception):
    """A concurrent twin kept its response first: roll ours back and replay theirs."""


def error(status, message):
    return JsonResponse({"error": str(message)}, status=status)


def hal(status, data):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/hal+json; charset=utf-8"
    return response


def endpoint(*methods):
    """Wrap `view(request, key, *args, body=…)` returning (status, data) for `methods`."""
    allowed = set(methods)

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                response = error(405, _("This method is not allowed here."))
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            key = services.authenticate(request.headers.get("OSDI-API-Token", ""))
            if key is None:
                return error(401, _("Send a valid key in the OSDI-API-Token header."))
            if request.method in WRITE_METHODS and key.read_only:
                return error(403, _("This key is read-only."))
            if _over_rate(key):
                response = error(429, _("Too many requests; slow down and retry in a minute."))
                response["Retry-After"] = "60"
                return response
            return _handle(view, request, key, args, kwargs)

        return wrapper

    return decorate


def _handle(view, request, key, args, kwargs):
    try:
        body = _body(request)
        idempotency = request.headers.get("Idempotency-Key", "").strip()
        if request.method == "POST" and idempotency:
            return _idempotent(view, request, key, idempotency, body, args, kwargs)
        with transaction.atomic():
            status, data = view(request, key, *args, body=body, **kwargs)
        return hal(status, data)
    except ApiError as exc:
        return error(exc.status, exc.message)
    except ValidationError as exc:
        return error(400, _validation_message(exc))
    except Http404:
        return error(404, _("Not found."))
    except PermissionDenied:
        return error(403, _("This key may not do that."))


def _body(request):
    if request.method not in {"POST", "PUT", "PATCH"}:
        return None
    if len(request.body) > MAX_BODY:
        raise ApiError(413, _("The request body is too large."))
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, _("The request body is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise ApiError(400, _("The request body must be a JSON object."))
    if _has_nul(body):
        raise ApiError(400, _("Text may not contain NUL characters."))
    return body


def _has_nul(value):
    """Whether any key or string inside `value` holds a NUL (PostgreSQL stores none)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _idempotent(view, request, key, idempotency, body, args, kwargs):
    if len(idempotency) > IDEMPOTENCY_KEY_MAX:
        raise ApiError(400, _("The Idempotency-Key header is too long."))
    digest = hashlib.sha256(
        b"\n".join([request.method.encode(), request.path.encode(), request.body])
    ).hexdigest()
    try:
        with transaction.atomic():
            kept = services.find_idempotent(key, idempotency)
            if kept is None:
                try:
                    status, data = view(request, key, *args, body=body, **kwargs)
                except (ApiError, ValidationError) as exc:
                    status = exc.status if isinstance(exc, ApiError) else 400
                    message = exc.message if isinstance(exc, ApiError) else _validation_message(exc)
                    transaction.set_rollback(True)
                    return error(status, message)
                payload = json.dumps(data, ensure_ascii=False)
                try:
                    with transaction.atomic():
                        services.keep_idempotent(
                            key, idempotency, request_hash=digest, status_code=status, body=payload
                        )
                except IntegrityError:
                    raise _Replay from None
                return hal(status, data)
    except _Replay:
        kept = services.find_idempotent(key, idempotency)
    if kept.request_hash != digest:
        return error(422, _("This Idempotency-Key was used with a different request."))
    response = hal(kept.status_code, json.loads(kept.body))
    response["Idempotent-Replayed"] = "true"
    return response


def _validation_message(exc):
    if hasattr(exc, "error_dict"):
        parts = [
            f"{field}: {' '.join(str(m) for m in exc.message_dict[field])}"
            for field in exc.error_dict
        ]
        return "; ".join(parts)
    return " ".join(str(message) for message in exc.messages)


def _over_rate(key):
    """A fixed one-minute window per key, in the cache (per process without Redis)."""
    limit = getattr(settings, "GROUNDSWELL_API_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)
    name = f"api:rate:{key.pk}"
    if cache.add(name, 1, 60):
        return limit < 1
    try:
        return cache.incr(name) > limit
    except ValueError:
        cache.add(name, 1, 60)
        return limit < 1
