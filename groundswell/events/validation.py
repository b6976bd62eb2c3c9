"""The rules an event's fields must follow, shared by the services and the forms, so a form,
the API and the demo accept and refuse exactly the same input."""

import zoneinfo
from functools import cache
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.core.geo import valid_coordinates
from groundswell.core.i18n import language_codes

MESSAGES = {
    "title": _("Give the event a title in at least one language."),
    "languages": _("Choose the languages spoken at the event."),
    "language": _("Unknown language %(language)s."),
    "time_zone": _("“%(value)s” is not a time zone we know. Use a name like Africa/Dakar."),
    "naive": _("Give the date and time with a time zone."),
    "past": _("The event cannot start in the past."),
    "end_before_start": _("The event must end after it starts."),
    "capacity_low": _("Already going: %(going)d. The capacity cannot be lower than that."),
    "capacity_zero": _("The capacity must be at least 1, or empty for no limit."),
    "coordinates": _(
        "Latitude must be between -90 and 90 and longitude between -180 and 180, both given."
    ),
    "join_url": _("The link to join must start with https:// or http://."),
    "place": _("Say where the event takes place (an address or a locality)."),
}


@cache
def known_time_zones():
    return frozenset(zoneinfo.available_timezones())


def time_zone_or_none(name):
    """The ZoneInfo for an IANA name, or None when we do not know it."""
    if not isinstance(name, str) or name not in known_time_zones():
        return None
    return zoneinfo.ZoneInfo(name)


def check_event(values, *, going=0, starts_changed=True, now=None):
    """Raise a ValidationError keyed by field unless `values` (the event's fields) are valid."""
    now = now or timezone.now()
    errors = {}

    def add(field, key, **params):
        errors.setdefault(field, []).append(ValidationError(MESSAGES[key], key, params or None))

    if not any(isinstance(t, str) and t.strip() for t in (values.get("title") or {}).values()):
        add("__all__", "title")
    languages = values.get("languages") or []
    if not languages:
        add("languages", "languages")
    for code in languages:
        if code not in language_codes():
            add("languages", "language", language=code)
    if time_zone_or_none(values.get("time_zone")) is None:
        add("time_zone", "time_zone", value=values.get("time_zone") or "")
    _check_times(values, add, starts_changed=starts_changed, now=now)
    _check_place(values, add)
    capacity = values.get("capacity")
    if capacity is not None and capacity < 1:
        add("capacity", "capacity_zero")
    elif capacity is not None and capacity < going:
        add("capacity", "capacity_low", going=going)
    if errors:
        raise ValidationError(errors)


def _check_times(values, add, *, starts_changed, now):
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts is None or ends is None or timezone.is_naive(starts) or timezone.is_naive(ends):
        add("starts_at", "naive")
        return
    if starts_changed and starts <= now:
        add("starts_at", "past")
    if ends <= starts:
        add("ends_at", "end_before_start")


def _check_place(values, add):
    lat, lon = values.get("latitude"), values.get("longitude")
    if (lat is not None or lon is not None) and not valid_coordinates(lat, lon):
        add("latitude", "coordinates")
    if values.get("online"):
        url = values.get("join_url") or ""
        if url and urlsplit(url).scheme not in {"http", "https"}:
            add("join_url", "join_url")
    elif not (values.get("address") or values.get("locality") or values.get("venue")):
        add("address", "place")
