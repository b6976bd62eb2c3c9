"""What the group pages show of the events app: a group's coming events and host requests.

Read-only and kept in one place, so the group pages need nothing else from events.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the events pages are not wired in (yet)
        return ""


def upcoming_events(group, *, limit=10, now=None):
    """The group's published events that have not ended, soonest first."""
    from groundswell.events.models import Event

    events = Event.objects.filter(
        group=group, status=Event.Status.PUBLISHED, ends_at__gte=now or timezone.now()
    ).order_by("starts_at", "pk")[:limit]
    return [(event, _url("events:detail", event.slug)) for event in events]


def host_requests(groups):
    """Events supporters proposed to host for `groups`, waiting for a coordinator's decision."""
    from groundswell.events.models import Event

    events = (
        Event.objects.filter(group__in=groups, status=Event.Status.PROPOSED)
        .select_related("host", "group")
        .order_by("starts_at", "pk")
    )
    return [(event, _url("events:org-attendees", event.slug)) for event in events]
