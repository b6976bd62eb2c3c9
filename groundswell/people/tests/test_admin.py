import pytest
from django.urls import reverse

from groundswell.core.models import AuditEntry
from groundswell.people.models import ConsentRecord, Person
from groundswell.people.services import record_consent, tag_person, upsert_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(world, client_for):
    return client_for(world.hq)


def person_form_data(person, **changes):
    fields = ["given_name", "family_name", "email", "phone", "language", "country", "region"]
    fields += ["locality", "postal_code", "latitude", "longitude", "gender"]
    fields += ["gender_self_described"]
    data = {name: getattr(person, name) or "" for name in fields}
    data["custom_fields"] = "{}"
    data.update({"consents-TOTAL_FORMS": "0", "consents-INITIAL_FORMS": "0"})
    return {**data, **changes}


def test_people_are_found_in_the_admin_by_email_and_by_phone(admin_client_, world):
    upsert_person(email="findme@example.org", phone="+221771234567", given_name="Findme")
    url = reverse("admin:people_person_changelist")
    assert "Findme" in admin_client_.get(url, {"q": "findme@example"}).text
    assert "Findme" in admin_client_.get(url, {"q": "+221771234567"}).text
    assert "Findme" not in admin_client_.get(url, {"q": "nobody"}).text


def test_an_admin_edit_goes_through_the_service_normalised_and_audited(admin_client_, world):
    person = upsert_person(email="edit@example.org", country="SN")[0]
    url = reverse("admin:people_person_change", args=[person.pk])
    response = admin_client_.post(
        url, person_form_data(person, email="Edit.Me@Example.ORG", phone="77 123 45 67")
    )
    assert response.status_code == 302, response.text
    person.refresh_from_db()
    assert (person.email, person.phone) == ("edit.me@example.org", "+221771234567")
    assert AuditEntry.objects.get(verb="person.updated", object_id=str(person.pk)).actor == world.hq


def test_an_admin_edit_with_a_bad_phone_shows_the_error_and_saves_nothing(admin_client_, world):
    person = upsert_person(email="edit@example.org", given_name="Before")[0]
    url = reverse("admin:people_person_change", args=[person.pk])
    response = admin_client_.post(url, person_form_data(person, given_name="After", phone="12"))
    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors
    person.refresh_from_db()
    assert person.given_name == "Before"


def test_the_consent_ledger_is_read_only_in_the_admin(admin_client_, world):
    record = record_consent(world.person_a, channel="email", granted=True, source="form")
    assert admin_client_.get(reverse("admin:people_consentrecord_add")).status_code == 403
    delete = reverse("admin:people_consentrecord_delete", args=[record.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:people_consentrecord_change", args=[record.pk])
    admin_client_.post(change, {"granted": ""})
    record.refresh_from_db()
    assert record.granted is True
    assert ConsentRecord.objects.count() == 1


def test_the_admin_merges_selected_people_into_the_oldest(admin_client_, world):
    first = upsert_person(email="twin1@example.org")[0]
    second = upsert_person(email="twin2@example.org", family_name="Twin")[0]
    response = admin_client_.post(
        reverse("admin:people_person_changelist"),
        {"action": "merge_into_oldest", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert first.family_name == "Twin"


def test_a_person_added_in_the_admin_is_created_by_the_service(admin_client_, world):
    data = person_form_data(Person(language="fr"), email="New@Example.org", given_name="New")
    response = admin_client_.post(reverse("admin:people_person_add"), data)
    assert response.status_code == 302, response.text
    person = Person.objects.get(email="new@example.org")
    assert (person.given_name, person.language, person.source) == ("New", "fr", "admin")
    assert AuditEntry.objects.get(verb="person.created", object_id=str(person.pk)).actor == world.hq


@pytest.mark.parametrize("model", ["person", "consentrecord", "tag", "segment"])
def test_every_people_admin_list_opens(admin_client_, world, model):
    tag_person(world.person_a, "volunteer")
    response = admin_client_.get(reverse(f"admin:people_{model}_changelist"))
    assert response.status_code == 200
