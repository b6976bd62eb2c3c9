import re

import pytest
from django.core.exceptions import ValidationError

from groundswell.actions import counters
from groundswell.actions.models import Submission
from groundswell.actions.services import confirm_submission, confirmation_token, take_action
from groundswell.journeys.models import Activity
from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import deliver_due

from .conftest import SIGNER


@pytest.fixture
def opt_in_action(make_action):
    return make_action(double_opt_in=True)


def test_with_double_opt_in_a_submission_waits_for_the_link_and_does_not_count(opt_in_action):
    submission, _created = take_action(opt_in_action, data=SIGNER)

    assert submission.status == Submission.Status.PENDING
    assert not Activity.objects.filter(kind="petition_signed").exists()
    assert counters.total(opt_in_action.pk) == 0


def test_following_the_link_confirms_once_however_often_it_is_followed(opt_in_action):
    submission, _created = take_action(opt_in_action, data=SIGNER)
    token = confirmation_token(submission)

    confirm_submission(token)
    confirm_submission(token)
    take_action(opt_in_action, data=SIGNER)

    submission.refresh_from_db()
    assert submission.status == Submission.Status.CONFIRMED
    assert Activity.objects.filter(kind="petition_signed").count() == 1
    assert counters.total(opt_in_action.pk) == 1


def test_a_tampered_link_confirms_nothing(opt_in_action):
    submission, _created = take_action(opt_in_action, data=SIGNER)

    with pytest.raises(ValidationError):
        confirm_submission(confirmation_token(submission)[:-2] + "xx")
    with pytest.raises(ValidationError):
        confirm_submission("garbage")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING


def test_the_confirmation_email_goes_out_on_commit_in_the_signers_language(
    opt_in_action, smtp_server, immediate_tasks, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        take_action(opt_in_action, data=SIGNER, language="es")

    (message,) = smtp_server.to("ana@example.org")
    assert message["Content-Language"] == "es"
    assert "Agua para todos" in message["Subject"]
    path = re.search(r"https?://[^/\s]+(/act/confirm/\S+/)", smtp_server.text(message)).group(1)
    assert (
        client.get(path).status_code == 200
    )  # a page with a button: link scanners confirm nothing
    assert Submission.objects.get().status == Submission.Status.PENDING
    response = client.post(path)
    assert response.status_code == 302
    assert Submission.objects.get().status == Submission.Status.CONFIRMED


def test_a_retried_submission_sends_one_confirmation_email(
    opt_in_action, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        take_action(opt_in_action, data=SIGNER)
        take_action(opt_in_action, data=SIGNER)

    assert len(smtp_server.to("ana@example.org")) == 1


def test_no_confirmation_email_is_sent_before_the_transaction_commits(
    opt_in_action, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        take_action(opt_in_action, data=SIGNER)

    assert smtp_server.messages == []


def test_the_confirmation_email_waits_in_the_outbox_until_a_worker_sends_it(
    opt_in_action, smtp_server
):
    submission, _created = take_action(opt_in_action, data=SIGNER)
    take_action(opt_in_action, data=SIGNER)

    email = OutboundEmail.objects.get()
    assert (email.key, email.purpose) == (f"confirm:{submission.pk}", "confirmation")
    assert smtp_server.messages == []
    assert deliver_due() == 1
    assert len(smtp_server.to("ana@example.org")) == 1


def test_signing_again_later_while_unconfirmed_sends_the_link_again_once_an_hour(
    opt_in_action, smtp_server
):
    import time_machine

    with time_machine.travel("2026-11-20 09:00Z", tick=False) as clock:
        submission, _created = take_action(opt_in_action, data=SIGNER)
        clock.shift(60 * 20)  # twenty minutes on: the first email never came
        take_action(opt_in_action, data=SIGNER)
        take_action(opt_in_action, data=SIGNER)  # a double click: nothing more
        clock.shift(60 * 15)  # within the same hour: nothing more
        take_action(opt_in_action, data=SIGNER)
        assert deliver_due() == 2

    keys = set(OutboundEmail.objects.values_list("key", flat=True))
    assert len(keys) == 2 and f"confirm:{submission.pk}" in keys
    (first, second) = smtp_server.to("ana@example.org")
    assert re.search(r"/act/confirm/\S+/", smtp_server.text(second))
    assert Submission.objects.count() == 1
