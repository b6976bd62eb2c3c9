"""Test helpers for groups: a hub coordinator persona, and a by-request group."""

from groundswell.accounts.models import User
from groundswell.groups.models import Group, Membership
from groundswell.groups.services import add_member, create_group
from groundswell.test import make_person, make_user


def hub_coordinator(world):
    """A coordinator of the West Africa hub, above groups A and B."""
    person = make_person("hawa@example.org", given_name="Hawa", country="SN")
    add_member(world.hub, person, role=Membership.Role.COORDINATOR)
    return make_user("hawa@example.org", User.Role.COORDINATOR, person=person)


def by_request_group(world, slug="thies", parent=None):
    """A group below group A that asks a coordinator to approve each member."""
    return create_group(
        "Thiès group", parent=parent or world.group_a, slug=slug, country="SN",
        join_policy=Group.JoinPolicy.BY_REQUEST,
    )  # fmt: skip
