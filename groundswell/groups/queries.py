"""Read-only questions about the team tree."""

from django.db.models import Q

from .models import Group, Membership


def subtree(groups):
    """Every group at or below any of `groups`, by materialised path prefix."""
    condition = Q(pk__in=[])
    for group in groups:
        condition |= Q(path__startswith=group.path)
    return Group.objects.filter(condition)


def coordinated_groups(person):
    """The groups `person` coordinates directly."""
    return Group.objects.filter(
        memberships__person=person, memberships__role=Membership.Role.COORDINATOR
    )
