"""Helpers for the CSV import tests: files go to a temporary media folder."""

import pytest

from groundswell.people.imports.services import map_columns, run_import, upload_text

HEADER = "Email,Prénom,Apellido,Téléphone,Code postal,Pays,Newsletter,Tags\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def mapped(text, *, source="Old CRM", consent_channels=(), wording_version="v1", mapping=None):
    """An uploaded and mapped import of `text` (mapping guessed from the header if not given)."""
    from groundswell.people.imports.services import suggested_mapping

    person_import = upload_text(text, source_name=source)
    return map_columns(
        person_import,
        mapping=mapping or suggested_mapping(person_import),
        consent_channels=consent_channels,
        wording_version=wording_version,
    )


def imported(text, **kwargs):
    """Upload, map, queue and run `text` to the end; the finished import."""
    from groundswell.people.imports.models import PersonImport

    person_import = mapped(text, **kwargs)
    PersonImport.objects.filter(pk=person_import.pk).update(status=PersonImport.Status.QUEUED)
    return run_import(person_import.pk, chunk_size=kwargs.pop("chunk_size", 2000))
