from datetime import timedelta

import pytest

from groundswell.core.scheduler import JOBS, run_due_jobs
from groundswell.messaging.services import queue_email

pytestmark = pytest.mark.django_db


def test_the_scheduler_sweeps_the_outbox_every_minute(
    smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    (sweep,) = [job for job in JOBS if job.name == "outbox-sweep"]
    queue_email(key="k", to="ana@example.org", subject="Hi", body="Hello", purpose="test")

    with django_capture_on_commit_callbacks(execute=True):
        assert run_due_jobs(jobs=[sweep]) == ["outbox-sweep"]

    assert sweep.every == timedelta(minutes=1)
    assert len(smtp_server.to("ana@example.org")) == 1
