import pytest
from django.db import transaction
from django.utils import translation

from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import deliver_due, queue_email, queue_templated_email
from groundswell.test import make_person

pytestmark = pytest.mark.django_db

CONTEXT = {"role": "Organiser", "login_url": "https://example.org/accounts/login/code/"}


def queue(key="test:1", **fields):
    values = {"to": "ana@example.org", "subject": "Hello", "body": "Hi Ana", "purpose": "test"}
    return queue_email(key=key, **{**values, **fields})


def test_a_queued_email_goes_out_on_the_wire_once_the_transaction_commits(
    smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email, created = queue()
        assert smtp_server.messages == []  # nothing leaves before the commit

    assert created
    (message,) = smtp_server.to("ana@example.org")
    assert message["Subject"] == "Hello"
    assert smtp_server.text(message).strip() == "Hi Ana"
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.SENT, 1)
    assert email.sent_at is not None


def test_the_same_key_twice_is_one_email_and_one_mail(
    smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, first_created = queue(subject="First")
        again, again_created = queue(subject="Second")

    assert (first_created, again_created) == (True, False)
    assert again.pk == first.pk and again.subject == "First"
    assert OutboundEmail.objects.count() == 1
    assert len(smtp_server.to("ana@example.org")) == 1


def test_a_rolled_back_change_queues_and_sends_nothing(
    smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("the change that caused the email failed")

    assert not OutboundEmail.objects.exists()
    assert smtp_server.messages == []


def test_a_key_that_does_not_fit_is_refused():
    with pytest.raises(ValueError, match="key"):
        queue(key="x" * 121)
    with pytest.raises(ValueError, match="key"):
        queue(key="")


def test_reply_to_headers_html_and_language_reach_the_wire(smtp_server):
    queue(
        html="<p>Hi <b>Ana</b></p>",
        reply_to="team@example.org",
        from_email="Team <team@example.org>",
        headers={"List-Id": "<updates.example.org>"},
        language="es",
    )

    deliver_due()

    (message,) = smtp_server.to("ana@example.org")
    assert message["Reply-To"] == "team@example.org"
    assert message["From"] == "Team <team@example.org>"
    assert message["List-Id"] == "<updates.example.org>"
    assert message["Content-Language"] == "es"
    assert "<b>Ana</b>" in smtp_server.html(message)


def test_a_subject_with_line_breaks_becomes_one_line():
    email, _created = queue(subject="Hello\n  Ana\r\n")

    assert email.subject == "Hello Ana"


def test_a_templated_email_is_rendered_in_the_persons_language(smtp_server):
    person = make_person("lea@example.org", given_name="Léa", language="fr")

    with translation.override("en"):
        email, created = queue_templated_email(
            person, "staff-invitation", CONTEXT, key="invite:lea", purpose="invitation"
        )
    deliver_due()

    assert created and email.person == person and email.language == "fr"
    (message,) = smtp_server.to("lea@example.org")
    assert message["Content-Language"] == "fr"
    assert '<html lang="fr">' in smtp_server.html(message)
    assert "https://example.org/accounts/login/code/" in smtp_server.text(message)


def test_a_templated_email_to_a_plain_address_uses_the_active_language():
    with translation.override("es"):
        email, _created = queue_templated_email(
            "someone@example.org", "staff-invitation", CONTEXT, key="k", purpose="invitation"
        )

    assert (email.to, email.person, email.language) == ("someone@example.org", None, "es")


def test_a_person_without_an_email_gets_nothing_queued():
    person = make_person(None, phone="+221770000000", given_name="Moussa")

    result = queue_templated_email(
        person, "staff-invitation", CONTEXT, key="invite:moussa", purpose="invitation"
    )

    assert result == (None, False)
    assert not OutboundEmail.objects.exists()
