import pytest
from django.core.exceptions import ValidationError

from groundswell.people.imports.reading import suggest
from groundswell.people.imports.services import map_columns, suggested_mapping, upload_text

from .importing import media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")


def test_english_spanish_and_french_headers_are_recognised():
    assert suggest(["E-mail", "First name", "Surname", "Mobile"]) == {
        "0": "email", "1": "given_name", "2": "family_name", "3": "phone"
    }  # fmt: skip
    assert suggest(["Correo electrónico", "Nombre", "Apellidos", "Teléfono", "Código postal"]) == {
        "0": "email", "1": "given_name", "2": "family_name", "3": "phone", "4": "postal_code"
    }  # fmt: skip
    assert suggest(["COURRIEL", "Prénom", "Nom", "Code Postal", "Ville", "Pays"]) == {
        "0": "email", "1": "given_name", "2": "family_name", "3": "postal_code", "4": "locality",
        "5": "country",
    }  # fmt: skip


def test_an_unknown_column_is_not_guessed():
    assert suggest(["Shoe size", "email"]) == {"1": "email"}


@pytest.mark.django_db
def test_the_mapping_is_remembered_for_the_next_file_from_the_same_source():
    first = upload_text("Adresse,Qui\na@example.org,Ana\n", source_name="Festival")
    assert suggested_mapping(first) == {}
    map_columns(first, mapping={"0": "email", "1": "full_name"})
    # The next file has the columns in another order: they are matched by name.
    second = upload_text("Qui,Adresse\nBo,b@example.org\n", source_name="Festival")
    assert suggested_mapping(second) == {"0": "full_name", "1": "email"}
    other_source = upload_text("Adresse,Qui\nc@example.org,Cy\n", source_name="Other")
    assert suggested_mapping(other_source) == {}


@pytest.mark.django_db
def test_a_mapping_without_an_email_or_phone_column_is_refused():
    person_import = upload_text("name,city\nAna,Dakar\n", source_name="Test")
    with pytest.raises(ValidationError) as error:
        map_columns(person_import, mapping={"0": "full_name", "1": "locality"})
    assert error.value.messages == [
        "No column holds email addresses or phone numbers: map at least one."
    ]
