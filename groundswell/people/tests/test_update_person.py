import pytest
from django.core.exceptions import ValidationError

from groundswell.accounts.models import User
from groundswell.core.models import AuditEntry
from groundswell.people.services import update_person, upsert_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return User.objects.create_user("oscar@hq.example.org", "pw", role=User.Role.ORGANISER)


@pytest.fixture
def ana():
    return upsert_person(email="ana@example.org", given_name="Ana", country="SN")[0]


def test_a_staff_edit_overwrites_normalises_and_audits_what_changed(ana, staff):
    update_person(
        ana, actor=staff, given_name="Anna", phone="77 123 45 67", email="ANNA@example.org"
    )
    ana.refresh_from_db()
    assert (ana.given_name, ana.phone, ana.email) == ("Anna", "+221771234567", "anna@example.org")
    entry = AuditEntry.objects.get(verb="person.updated")
    assert entry.actor == staff
    assert sorted(entry.data["fields"]) == ["email", "given_name", "phone"]


def test_an_edit_that_changes_nothing_leaves_no_audit_entry(ana, staff):
    update_person(ana, actor=staff, given_name="Ana", country="sn")
    assert not AuditEntry.objects.filter(verb="person.updated").exists()


def test_a_staff_edit_may_clear_a_field(ana, staff):
    update_person(ana, actor=staff, given_name="")
    ana.refresh_from_db()
    assert ana.given_name == ""


def test_an_invalid_edit_is_refused_on_its_fields_and_changes_nothing(ana, staff):
    with pytest.raises(ValidationError) as caught:
        update_person(ana, actor=staff, given_name="Anna", email="nope", latitude=100)
    assert set(caught.value.message_dict) == {"email", "latitude"}
    ana.refresh_from_db()
    assert ana.given_name == "Ana"
    assert not AuditEntry.objects.filter(verb="person.updated").exists()


def test_another_persons_email_is_refused(ana, staff):
    upsert_person(email="bola@example.org")
    with pytest.raises(ValidationError) as caught:
        update_person(ana, actor=staff, email="Bola@example.org")
    assert list(caught.value.message_dict) == ["email"]


def test_another_phone_only_persons_phone_is_refused_for_someone_without_email(staff):
    upsert_person(phone="+221771234567")
    moussa = upsert_person(phone="+221770000001")[0]
    with pytest.raises(ValidationError) as caught:
        update_person(moussa, actor=staff, phone="+221771234567")
    assert list(caught.value.message_dict) == ["phone"]


def test_a_preferred_language_cannot_be_emptied(ana, staff):
    with pytest.raises(ValidationError) as caught:
        update_person(ana, actor=staff, language="")
    assert list(caught.value.message_dict) == ["language"]
