import pytest
from django.utils import translation

from groundswell.core.mail import send_templated_mail
from groundswell.test import make_person

pytestmark = pytest.mark.django_db

CONTEXT = {"role": "Organiser", "login_url": "https://example.org/accounts/login/code/"}


def test_mail_to_a_person_goes_out_on_the_wire_in_their_language(smtp_server):
    person = make_person("lea@example.org", given_name="Léa", language="fr")

    with translation.override("en"):
        sent = send_templated_mail(person, "staff-invitation", CONTEXT)

    assert sent == 1
    (message,) = smtp_server.to("lea@example.org")
    assert message["Content-Language"] == "fr"
    assert '<html lang="fr">' in smtp_server.html(message)
    assert "https://example.org/accounts/login/code/" in smtp_server.text(message)
    assert message["Subject"].strip() and "\n" not in message["Subject"]


def test_an_explicit_language_wins_over_the_persons(smtp_server):
    person = make_person("lea@example.org", language="fr")

    send_templated_mail(person, "staff-invitation", CONTEXT, language="es")

    assert smtp_server.messages[0]["Content-Language"] == "es"


def test_mail_to_a_plain_address_uses_the_active_language(smtp_server):
    with translation.override("es"):
        send_templated_mail("someone@example.org", "staff-invitation", CONTEXT)

    (message,) = smtp_server.to("someone@example.org")
    assert message["Content-Language"] == "es"


def test_a_person_without_an_email_gets_nothing(smtp_server):
    person = make_person(None, phone="+221771234567")

    assert send_templated_mail(person, "staff-invitation", CONTEXT) == 0
    assert smtp_server.messages == []


def test_the_active_language_is_left_as_it_was(smtp_server):
    person = make_person("lea@example.org", language="fr")

    with translation.override("en"):
        send_templated_mail(person, "staff-invitation", CONTEXT)
        assert translation.get_language() == "en"
