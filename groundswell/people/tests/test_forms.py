import pytest
from django.utils import translation
from django.utils.functional import Promise

from groundswell.people.forms import PersonEditForm, PersonForm
from groundswell.people.services import upsert_person

pytestmark = pytest.mark.django_db


def test_a_sign_up_form_normalises_what_it_accepts():
    form = PersonForm(
        {
            "given_name": " Ana ",
            "email": "Ana@Bücher.Example",
            "phone": "77 123 45 67",
            "country": "SN",
            "language": "fr",
        }
    )
    assert form.is_valid(), form.errors
    values = form.person_values()
    assert values["email"] == "ana@xn--bcher-kva.example"
    assert values["phone"] == "+221771234567"  # read in the country chosen on the form
    assert (values["given_name"], values["language"]) == ("Ana", "fr")


def test_a_sign_up_form_shows_each_error_next_to_its_field():
    form = PersonForm({"email": "nope", "phone": "12", "country": "XX"})
    assert not form.is_valid()
    assert set(form.errors) == {"email", "phone", "country"}


def test_a_sign_up_form_needs_an_email_or_a_phone():
    form = PersonForm({"given_name": "Ana"})
    assert not form.is_valid()
    assert list(form.errors) == ["email"]


def test_a_sign_up_form_refuses_a_name_longer_than_100_characters():
    form = PersonForm({"email": "ana@example.org", "family_name": "x" * 101})
    assert not form.is_valid()
    assert list(form.errors) == ["family_name"]


def test_only_ticked_boxes_become_consents():
    form = PersonForm({"email": "ana@example.org", "email_updates": "on"})
    assert form.is_valid(), form.errors
    assert form.consents() == [{"channel": "email", "purpose": "updates", "granted": True}]


def test_the_language_defaults_to_the_language_of_the_page():
    with translation.override("es"):
        form = PersonForm({"email": "ana@example.org"})
        assert form.is_valid(), form.errors
        person, _ = upsert_person(consents=form.consents(), **form.person_values())
    assert person.language == "es"


def test_the_country_list_is_named_in_the_active_language():
    with translation.override("fr"):
        names = dict(PersonForm().fields["country"].choices)
    assert names["DE"] == "Allemagne"
    assert isinstance(names[""], Promise)


def test_a_staff_edit_form_starts_from_the_person_and_refuses_a_taken_email():
    ana = upsert_person(email="ana@example.org", given_name="Ana", latitude=0.0)[0]
    upsert_person(email="bola@example.org")
    assert PersonEditForm(person=ana).initial["latitude"] == 0.0
    data = {**PersonEditForm(person=ana).initial, "email": "BOLA@example.org"}
    form = PersonEditForm(data, person=ana)
    assert not form.is_valid()
    assert list(form.errors) == ["email"]


def test_a_staff_edit_form_reads_a_national_phone_in_the_persons_country():
    ana = upsert_person(email="ana@example.org", country="SN")[0]
    data = {**PersonEditForm(person=ana).initial, "phone": "77 123 45 67"}
    form = PersonEditForm(data, person=ana)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+221771234567"
