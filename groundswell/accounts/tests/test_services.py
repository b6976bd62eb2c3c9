import pytest
from django.core.exceptions import ValidationError

from groundswell.accounts.models import User
from groundswell.accounts.services import (
    change_role,
    create_staff_user,
    ensure_user_for_person,
)
from groundswell.core.models import AuditEntry
from groundswell.test import make_person

pytestmark = pytest.mark.django_db


def test_a_person_without_an_account_gets_a_supporter_account_without_a_password(world):
    user = ensure_user_for_person("AWA@example.org")

    assert user.person == world.person_a
    assert user.email == "awa@example.org"
    assert user.role == User.Role.SUPPORTER
    assert not user.has_usable_password()
    assert AuditEntry.objects.filter(
        verb="user.created_for_person", object_id=str(user.pk)
    ).exists()


def test_asking_twice_gives_the_same_account(world):
    assert ensure_user_for_person("awa@example.org") == ensure_user_for_person("awa@example.org")
    assert User.objects.filter(person=world.person_a).count() == 1


def test_an_existing_user_is_returned_as_it_is(world):
    assert ensure_user_for_person("sam@example.org") == world.supporter


def test_an_email_nobody_has_makes_no_account(world):
    assert ensure_user_for_person("nobody@example.org") is None
    assert ensure_user_for_person("not an address") is None
    assert not User.objects.filter(email="nobody@example.org").exists()


def test_a_person_whose_account_has_another_email_gets_no_second_account(world):
    world.supporter.email = "sam.new@example.org"
    world.supporter.save()

    assert ensure_user_for_person("sam@example.org") is None
    assert User.objects.filter(person=world.supporter.person).count() == 1


def test_an_organiser_is_staff_but_not_superuser_and_an_hq_admin_is_both(db):
    organiser = create_staff_user("Olu@HQ.example.org", role=User.Role.ORGANISER, password=None)
    admin = create_staff_user("hana@hq.example.org", role=User.Role.HQ_ADMIN, password=None)

    assert organiser.email == "olu@hq.example.org"
    assert (organiser.is_staff, organiser.is_superuser) == (True, False)
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    assert not organiser.has_usable_password()


def test_a_coordinator_is_linked_to_their_person(world):
    person = make_person("chidi@example.org", given_name="Chidi")

    user = create_staff_user("chidi@example.org", role=User.Role.COORDINATOR)

    assert user.person == person
    assert not user.is_staff


def test_a_coordinator_who_is_not_a_person_yet_is_refused(db):
    with pytest.raises(ValidationError):
        create_staff_user("ghost@example.org", role=User.Role.COORDINATOR)
    assert not User.objects.filter(email="ghost@example.org").exists()


def test_staff_roles_only_and_one_user_per_email(world):
    with pytest.raises(ValidationError):
        create_staff_user("new@example.org", role=User.Role.SUPPORTER)
    with pytest.raises(ValidationError):
        create_staff_user("ALICE@hq.example.org", role=User.Role.ORGANISER)


def test_a_weak_password_is_refused(db):
    with pytest.raises(ValidationError):
        create_staff_user("weak@hq.example.org", role=User.Role.ORGANISER, password="password")
    assert not User.objects.filter(email="weak@hq.example.org").exists()


def test_changing_the_role_changes_what_the_admin_allows(world):
    change_role(world.organiser, role=User.Role.SUPPORTER, actor=world.hq)

    world.organiser.refresh_from_db()
    assert world.organiser.role == User.Role.SUPPORTER
    assert not world.organiser.is_staff
    entry = AuditEntry.objects.get(verb="user.role_changed")
    assert entry.actor == world.hq and entry.data["previous"] == "organiser"
