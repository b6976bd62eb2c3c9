from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from groundswell.test import PASSWORD

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def totp_code(secret, at):
    return format_hotp_value(hotp_value(secret, int(at.timestamp()) // 30))


def sign_in_with_password(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def activate_totp(client, user):
    """Sign in with the password and turn TOTP on from the account pages; the secret."""
    sign_in_with_password(client, user)
    # Turning on two-factor asks for the password once more.
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(
        reverse("account_reauthenticate")
    )
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret, START)})
    assert response.status_code == 302
    client.logout()
    return secret


def test_the_account_page_of_staff_links_to_two_factor_authentication(client, world):
    with time_machine.travel(START, tick=False):
        sign_in_with_password(client, world.organiser)
        page = client.get(reverse("accounts:home")).content.decode()

    assert reverse("mfa_index") in page


def test_after_enabling_totp_a_password_is_not_enough_to_sign_in(client, world):
    with time_machine.travel(START, tick=False):
        activate_totp(client, world.organiser)
    assert Authenticator.objects.filter(user=world.organiser, type="totp").exists()

    with time_machine.travel(START + timedelta(minutes=2), tick=False):
        response = sign_in_with_password(client, world.organiser)
        assert response["Location"] == reverse("mfa_authenticate")
        assert client.get(reverse("accounts:home")).status_code == 302  # not signed in yet


def test_with_totp_enabled_the_right_code_signs_in_and_a_wrong_one_does_not(client, world):
    with time_machine.travel(START, tick=False):
        secret = activate_totp(client, world.organiser)

    later = START + timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        sign_in_with_password(client, world.organiser)
        wrong = str((int(totp_code(secret, later)) + 1) % 1_000_000).zfill(6)
        assert client.post(reverse("mfa_authenticate"), {"code": wrong}).status_code == 200
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret, later)})
        assert response["Location"] == reverse("accounts:home")
        assert client.get(reverse("accounts:home")).context["user"] == world.organiser


def test_signing_in_by_emailed_code_still_asks_for_the_totp_code(
    client, smtp_server, world, login_code
):
    with time_machine.travel(START, tick=False):
        activate_totp(client, world.hq)

    with time_machine.travel(START + timedelta(minutes=2), tick=False):
        client.post(reverse("account_request_login_code"), {"email": world.hq.email})
        code = login_code(smtp_server, world.hq.email)
        response = client.post(reverse("account_confirm_login_code"), {"code": code})

        assert response["Location"] == reverse("mfa_authenticate")
        assert client.get(reverse("accounts:home")).status_code == 302
