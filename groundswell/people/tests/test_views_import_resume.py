from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundswell.people.imports.models import PersonImport
from groundswell.people.imports.services import queue_import, run_import

from .importing import HEADER, mapped, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")
ROWS = "".join(f"p{n}@example.org,P{n},,,,,,\n" for n in range(6))


def killed_import():
    """An import whose worker died after its first chunk."""
    person_import = queue_import(mapped(HEADER + ROWS))
    DBTaskResult.objects.all().delete()
    run_import(person_import.pk, chunk_size=2, max_chunks=1)
    person_import.refresh_from_db()
    return person_import


def test_a_running_import_is_not_offered_a_resume(world, client_for):
    person_import = killed_import()
    page = client_for(world.hq).get(reverse("people:import-detail", args=[person_import.uuid]))
    assert b"Carry on from where it stopped" not in page.content
    assert b'http-equiv="refresh"' in page.content
    url = reverse("people:import-resume", args=[person_import.uuid])
    client_for(world.hq).post(url)
    assert not DBTaskResult.objects.exists()


def test_an_import_whose_worker_died_can_be_resumed_from_its_checkpoint(world, client_for):
    person_import = killed_import()
    client = client_for(world.hq)
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        page = client.get(reverse("people:import-detail", args=[person_import.uuid]))
        assert b"Carry on from where it stopped" in page.content
        response = client.post(reverse("people:import-resume", args=[person_import.uuid]))
        assert response.status_code == 302
        client.post(reverse("people:import-resume", args=[person_import.uuid]))  # double click
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [person_import.pk]
    run_import(person_import.pk, chunk_size=2)
    person_import.refresh_from_db()
    assert (person_import.status, person_import.rows_done) == (PersonImport.Status.DONE, 6)
    assert person_import.created_count == 6
