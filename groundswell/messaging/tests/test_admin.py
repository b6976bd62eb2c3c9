import pytest
from django.urls import reverse

from groundswell.messaging.services import queue_email

pytestmark = pytest.mark.django_db


def test_hq_sees_the_outbox_but_not_what_the_emails_say(client_for, world):
    email, _created = queue_email(
        key="login_code:1",
        to="sam@example.org",
        subject="Your code",
        body="Your sign-in code: ABCD-1234",
        html="<p>ABCD-1234</p>",
        purpose="login_code",
    )
    client = client_for(world.hq)

    listing = client.get(reverse("admin:messaging_outboundemail_changelist"))
    detail = client.get(reverse("admin:messaging_outboundemail_change", args=[email.pk]))

    assert listing.status_code == detail.status_code == 200
    assert "login_code" in listing.content.decode()
    assert "ABCD-1234" not in listing.content.decode() + detail.content.decode()
    assert "sam@example.org" not in listing.content.decode()


def test_the_outbox_cannot_be_edited_in_the_admin(client_for, world):
    email, _created = queue_email(key="k", to="a@example.org", subject="S", body="B", purpose="p")
    client = client_for(world.hq)

    assert client.get(reverse("admin:messaging_outboundemail_add")).status_code == 403
    response = client.post(
        reverse("admin:messaging_outboundemail_change", args=[email.pk]), {"subject": "Changed"}
    )
    assert response.status_code == 403
    email.refresh_from_db()
    assert email.subject == "S"
