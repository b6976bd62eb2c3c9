from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from groundswell.core.models import PeriodicRun
from groundswell.core.scheduler import Job, claim

JOB = Job("test-job", timedelta(hours=24), "unused")
pytestmark = pytest.mark.django_db


def test_a_job_never_run_is_due():
    assert claim(JOB) is True
    assert PeriodicRun.objects.get(name="test-job").last_run_at is not None


def test_a_job_is_claimed_once_per_interval():
    with time_machine.travel("2026-03-01 02:00Z", tick=False):
        assert claim(JOB) is True
        assert claim(JOB) is False  # a second scheduler loses the race
    with time_machine.travel("2026-03-01 23:00Z", tick=False):
        assert claim(JOB) is False
    with time_machine.travel("2026-03-02 02:00Z", tick=False):
        assert claim(JOB) is True


def test_a_claim_records_the_time_it_ran():
    now = timezone.now()
    claim(JOB, now=now)
    assert PeriodicRun.objects.get(name="test-job").last_run_at == now
