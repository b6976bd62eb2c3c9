"""The client's address as a rate limit should see it, behind zero or more trusted proxies.

One configuration for our limits and allauth's: settings.ALLAUTH_TRUSTED_PROXY_COUNT (how many
proxies we run in front of the app: the client is that many entries from the right of
X-Forwarded-For, so whatever a client writes on the left is ignored) or
settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER (a header our own proxy sets, such as X-Real-IP).
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's IP address as text, or None when it cannot be told."""
    header = getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None)
    count = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    candidate = None
    if header:
        candidate = request.headers.get(header)
    elif count > 0:
        hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            candidate = hops[-count]
    return _clean(candidate) or _clean(request.META.get("REMOTE_ADDR"))


def _clean(value):
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def rate_key(ip):
    """What a per-address limit counts: the address, or its /64 for IPv6 (one household or phone
    gets a whole /64 and can rotate through it)."""
    if not ip:
        return ""
    address = ipaddress.ip_address(ip)
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))
