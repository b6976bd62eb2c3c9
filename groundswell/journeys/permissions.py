"""Who may touch a goal: only the person it belongs to; anyone else's goal is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Goal


def access_own_goal(user, goal_id):
    """The signed-in person's own goal `goal_id`, or 404 (someone else's goal does not exist)."""
    person = getattr(user, "person", None)
    if person is None:
        raise Http404
    return get_object_or_404(Goal.objects.select_related("person"), pk=goal_id, person=person)
