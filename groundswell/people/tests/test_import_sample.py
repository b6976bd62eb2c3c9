"""The demo's sample CSV, imported end to end: what an organiser trying it should see."""

import pytest
from django.urls import reverse

from groundswell.people.imports.models import DuplicateCandidate, PersonImport
from groundswell.people.imports.services import suggested_mapping, upload_text
from groundswell.people.models import Person
from groundswell.people.views_imports import SAMPLE_FILE

from .importing import imported, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def demo():
    from groundswell.core.seeding.demo import ensure_demo_accounts

    return ensure_demo_accounts()


def sample():
    return SAMPLE_FILE.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_the_sample_headers_in_spanish_and_french_are_all_recognised():
    person_import = upload_text(sample(), source_name="Sample")
    assert suggested_mapping(person_import) == {
        "0": "email", "1": "given_name", "2": "family_name", "3": "phone", "4": "postal_code",
        "5": "locality", "6": "country", "7": "consent_email", "8": "tags",
    }  # fmt: skip


@pytest.mark.django_db
def test_the_sample_creates_its_people_once_matches_the_demo_and_queues_two_for_review(demo):
    before = Person.objects.count()
    person_import = imported(sample(), source="Sample")

    assert person_import.status == PersonImport.Status.DONE
    assert (person_import.total_rows, person_import.rows_done) == (60, 60)
    assert person_import.created_count == 51  # 60 rows less 5 repeats, 2 demo people, 2 bad
    assert (person_import.updated_count, person_import.unchanged_count) == (2, 0)  # the demo
    assert person_import.error_count == 2  # no contact point; a broken email
    assert person_import.review_count == 2
    assert Person.objects.count() == before + 51
    pairs = {
        (c.person.display_name, c.other.display_name)
        for c in DuplicateCandidate.objects.select_related("person", "other")
    }
    assert pairs == {("Alex Morgan", "Alex Morgen"), ("Mariama Diallo", "Mariam Diallo")}
    supporter = Person.objects.get(email="supporter@demo.groundswell.localhost")
    assert supporter.phone == "+447911123456"  # a blank filled, nothing overwritten


@pytest.mark.django_db
def test_a_second_run_of_the_sample_changes_nothing(demo):
    imported(sample(), source="Sample")
    count = Person.objects.count()

    again = imported(sample(), source="Sample")

    assert (again.created_count, again.updated_count, again.error_count) == (0, 0, 2)
    assert Person.objects.count() == count
    assert DuplicateCandidate.objects.count() == 2


@pytest.mark.django_db
def test_the_imported_sample_shows_its_progress_and_its_review_queue(demo, client):
    client.force_login(demo["organiser"], backend="django.contrib.auth.backends.ModelBackend")
    person_import = imported(sample(), source="Sample")

    detail = client.get(reverse("people:import-detail", args=[person_import.uuid]))
    review = client.get(reverse("people:import-review")).content.decode()

    assert b'<progress max="100" value="100">' in detail.content
    assert b"60 of 60 rows" in detail.content
    assert "Alex Morgen" in review and "Mariam Diallo" in review


@pytest.mark.django_db
def test_the_upload_page_offers_the_sample_as_a_download(demo, client):
    client.force_login(demo["organiser"], backend="django.contrib.auth.backends.ModelBackend")

    page = client.get(reverse("people:import-list")).content.decode()
    response = client.get(reverse("people:import-sample"))

    assert reverse("people:import-sample") in page
    assert response["Content-Disposition"] == 'attachment; filename="sample-supporters.csv"'
    assert b"".join(response.streaming_content).decode() == sample()
