import pytest
from django.core.exceptions import ValidationError

from groundswell.people.imports.reading import MAX_UPLOAD_BYTES
from groundswell.people.imports.services import upload_text

from .importing import media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")


def upload(data):
    return upload_text(data, source_name="Test")


@pytest.mark.django_db
def test_an_empty_file_is_refused_with_a_clear_error():
    with pytest.raises(ValidationError) as error:
        upload(b"  \n")
    assert error.value.messages == ["The file is empty."]


@pytest.mark.django_db
def test_a_utf16_or_binary_file_is_refused_as_not_csv_text():
    with pytest.raises(ValidationError) as error:
        upload("email,name\na@example.org,Ana\n".encode("utf-16"))
    assert "not a CSV text file" in error.value.messages[0]


@pytest.mark.django_db
def test_a_file_whose_first_line_is_empty_is_refused():
    with pytest.raises(ValidationError) as error:
        upload(b"\n\na@example.org,Ana\n")
    assert error.value.code == "no_header"


@pytest.mark.django_db
def test_utf8_with_a_bom_reads_the_first_column_name_without_it():
    person_import = upload("\ufeffEmail;Prénom\na@example.org;Zoé\n".encode())
    assert person_import.header == ["Email", "Prénom"]
    assert person_import.delimiter == ";"


@pytest.mark.django_db
def test_a_windows_latin_file_is_read_as_such():
    person_import = upload("Courriel\tPrénom\na@example.org\tZoé\n".encode("cp1252"))
    assert person_import.encoding == "cp1252"
    assert person_import.delimiter == "\t"
    assert person_import.header == ["Courriel", "Prénom"]


@pytest.mark.django_db
def test_the_file_hash_identifies_the_same_content():
    first, second = upload(b"email\na@example.org\n"), upload(b"email\na@example.org\n")
    assert first.sha256 == second.sha256
    assert first.pk != second.pk


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from groundswell.people.imports.services import upload_import

    big = SimpleUploadedFile("big.csv", b"email\n")
    big.size = MAX_UPLOAD_BYTES + 1
    with pytest.raises(ValidationError) as error:
        upload_import(big, source_name="Test")
    assert error.value.code == "too_big"
