import pytest
from django_tasks_db.models import DBTaskResult

from groundswell.people.imports.models import PersonImport
from groundswell.people.imports.services import queue_import
from groundswell.people.imports.tasks import run_import_task
from groundswell.people.models import Person

from .importing import HEADER, mapped, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")


@pytest.mark.django_db
def test_starting_an_import_enqueues_one_background_task():
    person_import = mapped(HEADER + "zoe@example.org,Zoé,,,,,,\n")
    queue_import(person_import)
    queue_import(person_import)  # a double click
    task = DBTaskResult.objects.get()
    assert task.task_path == "groundswell.people.imports.tasks.run_import_task"
    assert task.args_kwargs["args"] == [person_import.pk]


@pytest.mark.django_db
def test_the_task_runs_the_import():
    person_import = queue_import(mapped(HEADER + "zoe@example.org,Zoé,,,,,,\n"))
    run_import_task.call(person_import.pk)
    person_import.refresh_from_db()
    assert person_import.status == PersonImport.Status.DONE
    assert Person.objects.filter(email="zoe@example.org").exists()
