"""Test personas, in the healthchecks manner: who owns what, and who must see nothing.

- hq: the HQ admin, sees everything.
- organiser: national staff organiser, sees everything but administers nothing.
- coord_a / coord_b: coordinators of group A and group B (siblings under one hub).
- supporter: a member of group A who logs in to see their own journey.
- outsider: a supporter in no group, who must see nothing of anyone else.
"""

from dataclasses import dataclass

from groundswell.accounts.models import User
from groundswell.groups.models import Group, Membership
from groundswell.groups.services import add_member, create_group
from groundswell.people.models import Person

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test only


@dataclass
class World:
    hq: User
    organiser: User
    coord_a: User
    coord_b: User
    supporter: User
    outsider: User
    hub: Group
    group_a: Group
    group_b: Group
    person_a: Person  # a plain member of group A
    person_b: Person  # a plain member of group B


def make_person(email, **fields):
    from groundswell.people.services import upsert_person

    person, _created = upsert_person(email=email, source="test", **fields)
    return person


def make_user(email, role, *, person=None, password=PASSWORD):
    user = User.objects.create_user(email, password, role=role, person=person)
    if role in {User.Role.HQ_ADMIN, User.Role.ORGANISER}:
        user.is_staff = True
        user.is_superuser = role == User.Role.HQ_ADMIN
        user.save(update_fields=["is_staff", "is_superuser"])
    return user


def make_world():
    hq_group = create_group("Headquarters", slug="hq")
    hub = create_group("West Africa hub", parent=hq_group, slug="west-africa")
    group_a = create_group("Dakar group", parent=hub, slug="dakar", country="SN")
    group_b = create_group("Abidjan group", parent=hub, slug="abidjan", country="CI")

    def coordinator(email, group, given_name):
        person = make_person(email, given_name=given_name, country=group.country)
        add_member(group, person, role=Membership.Role.COORDINATOR)
        return make_user(email, User.Role.COORDINATOR, person=person)

    supporter_person = make_person("sam@example.org", given_name="Sam", country="SN", language="fr")
    add_member(group_a, supporter_person)
    person_a = make_person("awa@example.org", given_name="Awa", country="SN")
    add_member(group_a, person_a)
    person_b = make_person("kofi@example.org", given_name="Kofi", country="CI")
    add_member(group_b, person_b)
    outsider_person = make_person("olive@example.org", given_name="Olive", country="GB")
    return World(
        hq=make_user("alice@hq.example.org", User.Role.HQ_ADMIN),
        organiser=make_user("oscar@hq.example.org", User.Role.ORGANISER),
        coord_a=coordinator("ada@example.org", group_a, "Ada"),
        coord_b=coordinator("bola@example.org", group_b, "Bola"),
        supporter=make_user("sam@example.org", User.Role.SUPPORTER, person=supporter_person),
        outsider=make_user("olive@example.org", User.Role.SUPPORTER, person=outsider_person),
        hub=hub,
        group_a=group_a,
        group_b=group_b,
        person_a=person_a,
        person_b=person_b,
    )
