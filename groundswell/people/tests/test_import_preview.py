import pytest

from groundswell.people.imports.services import preview_rows

from .importing import HEADER, mapped, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")


@pytest.mark.django_db
def test_the_preview_shows_rows_as_they_will_be_imported_with_their_errors():
    person_import = mapped(
        HEADER
        + "  ANA@Example.ORG ,ANA,GARCÍA,,sw1a 1aa,Senegal,oui,Dakar; volunteers\n"
        + "not-an-email,Bo,,,,,,\n"
        + ",Cy,,,,,,\n"
    )
    rows = preview_rows(person_import)
    assert [row.number for row in rows] == [2, 3, 4]
    assert rows[0].values["email"] == "ana@example.org"
    assert rows[0].values["given_name"] == "Ana"
    assert rows[0].values["family_name"] == "García"
    assert rows[0].values["postal_code"] == "SW1A 1AA"
    assert rows[0].values["country"] == "SN"
    assert rows[0].consents == [("email", True)]
    assert rows[0].tags == ["Dakar", "volunteers"]
    assert rows[0].errors == []
    assert rows[1].errors == ["Enter a valid email address."]
    assert rows[2].errors == ["Give an email address or a phone number."]


@pytest.mark.django_db
def test_the_preview_writes_nothing():
    from groundswell.people.models import Person

    person_import = mapped(HEADER + "new@example.org,New,,,,,,\n")
    preview_rows(person_import)
    assert not Person.objects.filter(email="new@example.org").exists()
