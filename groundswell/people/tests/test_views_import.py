import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from groundswell.people.imports.models import DuplicateCandidate, PersonImport
from groundswell.people.imports.services import run_import
from groundswell.people.models import Person
from groundswell.test import make_person

from .importing import HEADER, imported, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")
LIST = reverse("people:import-list")


def post_file(client, data, name="people.csv", source="Old CRM"):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(LIST, {"file": upload, "source_name": source})


def test_an_organiser_uploads_maps_previews_and_starts_an_import(world, client_for):
    client = client_for(world.organiser)
    response = post_file(client, (HEADER + "zoe@example.org,Zoé,Ba,,,,oui,\n").encode())
    person_import = PersonImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("people:import-map", args=[person_import.uuid])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["form"]["column_0"].value() == "email"  # guessed from "Email"
    data = {f"column_{i}": page.context["form"][f"column_{i}"].value() or "" for i in range(8)}
    response = client.post(page.request["PATH_INFO"], {**data, "wording_version": "v2"})
    assert response["Location"] == reverse("people:import-preview", args=[person_import.uuid])
    preview = client.get(response["Location"])
    assert b"zoe@example.org" in preview.content
    response = client.post(response["Location"])
    assert response["Location"] == reverse("people:import-detail", args=[person_import.uuid])
    person_import.refresh_from_db()
    assert person_import.status == PersonImport.Status.QUEUED
    progress = client.get(response["Location"])
    assert b'http-equiv="refresh"' in progress.content  # refreshes itself without JavaScript
    assert b"<progress" in progress.content
    run_import(person_import.pk)  # what the worker does
    done = client.get(response["Location"])
    assert b'http-equiv="refresh"' not in done.content
    assert Person.objects.filter(email="zoe@example.org", given_name="Zoé").exists()


def test_htmx_polling_gets_only_the_progress_fragment(world, client_for):
    person_import = imported(HEADER + "zoe@example.org,,,,,,,\n")
    url = reverse("people:import-detail", args=[person_import.uuid])
    response = client_for(world.hq).get(url, headers={"HX-Request": "true"})
    assert response.content.lstrip().startswith(b'<div id="import-progress"')


def test_an_unreadable_upload_shows_the_error_on_the_form(world, client_for):
    response = post_file(client_for(world.hq), b"")
    assert response.status_code == 400
    assert "The submitted file is empty." in response.content.decode()
    response = post_file(client_for(world.hq), "email\na@example.org\n".encode("utf-16"))
    assert response.status_code == 400
    assert "not a CSV text file" in response.content.decode()
    assert not PersonImport.objects.exists()


def test_a_mapping_without_email_or_phone_is_refused_on_the_page(world, client_for):
    client = client_for(world.hq)
    post_file(client, b"name,city\nAna,Dakar\n")
    url = reverse("people:import-map", args=[PersonImport.objects.get().uuid])
    response = client.post(url, {"column_0": "full_name", "column_1": "locality"})
    assert response.status_code == 400
    assert "No column holds email addresses or phone numbers" in response.content.decode()


def test_a_coordinator_may_not_import(world, client_for):
    response = post_file(client_for(world.coord_a), b"email\na@example.org\n")
    assert response.status_code == 403
    assert not PersonImport.objects.exists()


def test_the_error_report_is_a_formula_safe_csv_of_the_bad_rows(world, client_for):
    person_import = imported(HEADER + "=cmd|' /C calc'!A0,Eve,,,,,,\nok@example.org,,,,,,,\n")
    url = reverse("people:import-errors", args=[person_import.uuid])
    response = client_for(world.hq).get(url)
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Row", "Problem", "Email"]
    assert rows[1][0] == "2"
    assert rows[1][2] == "'=cmd|' /C calc'!A0"
    assert len(rows) == 2


def test_an_organiser_merges_a_possible_duplicate_from_the_review_page(world, client_for):
    old = make_person("ana.garcia@example.org", given_name="Ana", family_name="Garcia",
                      postal_code="SW1A 1AA")  # fmt: skip
    imported(HEADER + "ana@example.org,Ana,García,,SW1A 1AA,,,\n")
    client = client_for(world.hq)
    page = client.get(reverse("people:import-review"))
    assert b"ana@example.org" in page.content
    candidate = DuplicateCandidate.objects.get()
    url = reverse("people:import-decide", args=[candidate.pk])
    response = client.post(url, {"decision": "merge"})
    assert response.status_code == 302
    assert list(Person.objects.filter(family_name__in=["Garcia", "García"])) == [old]
    assert b"ana@example.org" not in client.get(reverse("people:import-review")).content
