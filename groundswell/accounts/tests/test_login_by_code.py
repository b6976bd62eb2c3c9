import re

import pytest
from django.conf import settings
from django.urls import reverse

from groundswell.accounts.models import User
from groundswell.messaging.services import deliver_due
from groundswell.test import make_person

pytestmark = pytest.mark.django_db

REQUEST_URL = reverse("account_request_login_code")
CONFIRM_URL = reverse("account_confirm_login_code")


def page_text(response, email):
    """The page without what must differ: the address typed and the CSRF token."""
    html = response.content.decode().replace(email, "<email>")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_known_supporter_without_an_account_gets_a_french_code_on_the_wire_and_signs_in(
    client, smtp_server, world, login_code
):
    person = make_person("mariama@example.org", given_name="Mariama", language="fr")
    assert not User.objects.filter(email="mariama@example.org").exists()

    response = client.post(REQUEST_URL, {"email": "Mariama@Example.org"})
    deliver_due()  # the outbox worker's sweep

    assert response.status_code == 302 and response["Location"] == CONFIRM_URL
    (message,) = smtp_server.to("mariama@example.org")
    assert "Code de connexion" in message["Subject"]
    assert message["Content-Language"] == "fr"
    assert "Votre code de connexion" in smtp_server.text(message)
    response = client.post(CONFIRM_URL, {"code": login_code(smtp_server, "mariama@example.org")})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    page = client.get(reverse("accounts:home"))
    assert page.context["user"].person == person
    assert "Mariama" in page.content.decode()
    assert '<html lang="fr">' in page.content.decode()  # the site follows her language too
    assert "Découverte" in page.content.decode()  # her stage, named in French
    user = User.objects.get(email="mariama@example.org")
    assert user.role == User.Role.SUPPORTER and not user.has_usable_password()


def test_a_supporter_who_already_has_an_account_signs_in_with_a_code(
    client, smtp_server, world, login_code
):
    client.post(REQUEST_URL, {"email": "sam@example.org"})

    response = client.post(CONFIRM_URL, {"code": login_code(smtp_server, "sam@example.org")})

    assert response["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).context["user"] == world.supporter


def test_an_unknown_email_gets_the_same_answer_and_no_account_and_no_mail(
    client, smtp_server, world
):
    known = client.post(REQUEST_URL, {"email": "awa@example.org"}, follow=True)
    client.logout()
    unknown = client.post(REQUEST_URL, {"email": "nobody@example.org"}, follow=True)
    deliver_due()

    assert unknown.redirect_chain == known.redirect_chain
    assert page_text(unknown, "nobody@example.org") == page_text(known, "awa@example.org")
    assert not User.objects.filter(email="nobody@example.org").exists()
    assert smtp_server.to("nobody@example.org") == []
    assert len(smtp_server.to("awa@example.org")) == 1


def test_a_wrong_code_does_not_sign_in(client, smtp_server, world, login_code):
    client.post(REQUEST_URL, {"email": "sam@example.org"})
    code = login_code(smtp_server, "sam@example.org")

    wrong = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    response = client.post(CONFIRM_URL, {"code": wrong})

    assert response.status_code == 200
    assert client.get(reverse("accounts:home")).status_code == 302


def test_an_inactive_user_gets_no_code(client, smtp_server, world):
    world.supporter.is_active = False
    world.supporter.save()

    client.post(REQUEST_URL, {"email": "sam@example.org"})
    deliver_due()

    assert smtp_server.to("sam@example.org") == []


def test_a_language_chosen_on_the_site_is_kept_after_signing_in(
    client, smtp_server, login_code, world
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    client.post(REQUEST_URL, {"email": "sam@example.org"})  # Sam's Person prefers French

    client.post(CONFIRM_URL, {"code": login_code(smtp_server, "sam@example.org")})

    assert '<html lang="es">' in client.get(reverse("accounts:home")).content.decode()
