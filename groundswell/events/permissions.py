"""Who may manage which events. Another group's event is a 404, never a 403."""

from django.db.models import Q
from django.http import Http404

from groundswell.accounts.permissions import can_use_organiser_pages, is_organiser, visible_groups

from .models import Event


def manageable_events(user):
    """Events `user` may manage: all for organisers, their groups' subtree for coordinators,
    and the events they host themselves."""
    if is_organiser(user):
        return Event.objects.all()
    condition = Q(pk__in=[])
    if can_use_organiser_pages(user):
        condition |= Q(group__in=visible_groups(user))
    if user.is_authenticated and user.person_id:
        condition |= Q(host_id=user.person_id)
    return Event.objects.filter(condition)


def approvable_events(user):
    """Events `user` may approve or reject: a coordinator of the event's group or of a group
    above it, or HQ (the only ones for events without a group). Hosting is not enough."""
    if is_organiser(user):
        return Event.objects.all()
    if can_use_organiser_pages(user):
        return Event.objects.filter(group__in=visible_groups(user))
    return Event.objects.none()


def access_event(user, slug, *, approve=False):
    """The event with `slug` if `user` may manage (or approve) it; else 404."""
    events = approvable_events(user) if approve else manageable_events(user)
    try:
        return events.select_related("group", "campaign", "host").get(slug=slug)
    except Event.DoesNotExist:
        raise Http404 from None
