"""Quiet flood and spam checks: they name a reason to flag a submission, and never refuse one,
so a bot sees the same thank-you page as everyone and learns nothing."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from groundswell.core.net import rate_key

HONEYPOT_FIELD = "homepage"
# (submissions allowed, per seconds) before the next ones are flagged; settings may override
# with GROUNDSWELL["ACTION_RATE_LIMITS"].
DEFAULT_RATE_LIMITS = {"ip": (20, 60), "domain": (60, 60)}
# Mail providers shared by millions: a viral spike legitimately brings many of them a minute.
SHARED_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.fr",
        "hotmail.com",
        "hotmail.fr",
        "outlook.com",
        "live.com",
        "icloud.com",
        "proton.me",
        "protonmail.com",
        "orange.fr",
        "gmx.de",
        "web.de",
    }
)


def hash_ip(ip):
    """A keyed hash of an IP address, or of its /64 for IPv6 ("" without one): linkable for
    limits, not reversible."""
    if not ip:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"actions.ip:{rate_key(ip)}".encode(), hashlib.sha256).hexdigest()[:32]


def rate_limits():
    return {**DEFAULT_RATE_LIMITS, **settings.GROUNDSWELL.get("ACTION_RATE_LIMITS", {})}


def _over_limit(scope, value, limit, seconds):
    """Count one hit for (scope, value) in the current window; True once past the limit."""
    key = f"actions:rate:{scope}:{value}"
    if cache.add(key, 1, seconds):
        return limit < 1
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add and incr
        cache.add(key, 1, seconds)
        return limit < 1


def flag_reason(*, honeypot="", ip_hash="", email=""):
    """Why a submission should be flagged ("honeypot", "ip_rate", "domain_rate") or ""."""
    if honeypot:
        return "honeypot"
    limits = rate_limits()
    if ip_hash and _over_limit("ip", ip_hash, *limits["ip"]):
        return "ip_rate"
    domain = (email or "").rpartition("@")[2]
    if domain and domain not in SHARED_DOMAINS and _over_limit("domain", domain, *limits["domain"]):
        return "domain_rate"
    return ""
