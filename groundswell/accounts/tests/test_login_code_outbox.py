"""The sign-in code mail goes through the outbox: the request only queues it, so answering
"send me a code" takes as long for a known address as for an unknown one."""

import pytest
from django.urls import reverse

from groundswell.messaging.models import OutboundEmail
from groundswell.messaging.services import deliver_due

pytestmark = pytest.mark.django_db

REQUEST_URL = reverse("account_request_login_code")


def test_asking_for_a_code_queues_the_mail_and_talks_to_no_mail_server(client, smtp_server, world):
    client.post(REQUEST_URL, {"email": "sam@example.org"})

    assert smtp_server.messages == []
    email = OutboundEmail.objects.get()
    assert (email.purpose, email.to, email.status) == ("login_code", "sam@example.org", "queued")
    assert email.key.startswith("login_code:")
    assert deliver_due() == 1
    (message,) = smtp_server.to("sam@example.org")
    assert message["Content-Language"] == email.language
    assert message["Subject"] == email.subject and "code" in email.subject.lower()


def test_an_unknown_address_queues_nothing(client, smtp_server, world):
    client.post(REQUEST_URL, {"email": "nobody@example.org"})

    assert not OutboundEmail.objects.exists()
