"""State changes for groups and the team tree."""

from django.db import transaction
from django.utils.text import slugify

from groundswell.core.audit import audit

from .models import Group, Membership


@transaction.atomic
def create_group(name, *, parent=None, slug=None, actor=None, **fields):
    """Create a group under `parent` (None for the top of the tree) and set its path."""
    group = Group.objects.create(name=name, parent=parent, slug=slug or slugify(name), **fields)
    group.path = f"{parent.path if parent else '/'}{group.pk}/"
    group.save(update_fields=["path"])
    audit("group.created", group, actor=actor)
    return group


@transaction.atomic
def add_member(group, person, *, role=Membership.Role.MEMBER, actor=None):
    """Make `person` a member (or coordinator) of `group`; adding twice changes only the role."""
    membership, created = Membership.objects.get_or_create(
        group=group, person=person, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    audit("group.member_added", membership, actor=actor, role=role)
    return membership
