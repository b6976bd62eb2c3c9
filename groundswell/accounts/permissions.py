"""Who may see which people. Another group's record is a 404, never a 403 that leaks it exists."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from groundswell.groups.models import Membership
from groundswell.groups.queries import coordinated_groups, subtree
from groundswell.people.models import Person

from .models import User


def is_organiser(user):
    return user.is_authenticated and user.role in {User.Role.HQ_ADMIN, User.Role.ORGANISER}


def can_use_organiser_pages(user):
    return user.is_authenticated and (
        is_organiser(user) or (user.role == User.Role.COORDINATOR and user.person_id is not None)
    )


def require_organiser_pages(user):
    """Raise PermissionDenied for anyone who has no organiser pages at all (supporters)."""
    if not can_use_organiser_pages(user):
        raise PermissionDenied


def visible_groups(user):
    """The groups whose members `user` may see: all for organisers, a subtree for coordinators."""
    from groundswell.groups.models import Group

    if is_organiser(user):
        return Group.objects.all()
    if user.is_authenticated and user.role == User.Role.COORDINATOR and user.person_id:
        return subtree(list(coordinated_groups(user.person)))
    return Group.objects.none()


def visible_people(user, queryset=None):
    """The people `user` may see on organiser pages."""
    queryset = Person.objects.all() if queryset is None else queryset
    if is_organiser(user):
        return queryset
    if can_use_organiser_pages(user):
        members = (
            Membership.objects.filter(group__in=visible_groups(user))
            .exclude(status=Membership.Status.DECLINED)
            .values("person_id")
        )
        return queryset.filter(pk__in=members)
    return queryset.none()


def access_person(user, uuid, *, write=False):
    """The person with `uuid` if `user` may see it (and, with write, change it); else 404."""
    require_organiser_pages(user)
    try:
        return visible_people(user).get(uuid=uuid)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_group(user, slug, *, write=False):
    """The group with `slug` if it is in `user`'s part of the tree (organisers: all); else 404.
    Everyone who may see a group on organiser pages may also run it (approve, post, export)."""
    from groundswell.groups.models import Group

    require_organiser_pages(user)
    try:
        return visible_groups(user).get(slug=slug)
    except Group.DoesNotExist:
        raise Http404 from None
