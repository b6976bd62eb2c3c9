import re

import pytest
from django.urls import reverse

from groundswell.test import PASSWORD

pytestmark = pytest.mark.django_db


def assert_our_layout(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html and "accounts/accounts.css" in html
    assert 'name="viewport"' in html
    # The CSP forbids inline styles and scripts on our pages.
    assert " style=" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    return html


def test_the_sign_in_page_offers_supporters_a_code_and_staff_a_password(client):
    html = assert_our_layout(client.get(reverse("account_login")))

    assert reverse("account_request_login_code") in html
    assert 'type="password"' in html
    assert reverse("account_signup") not in html


def test_the_code_pages_use_our_layout(client, smtp_server, world):
    assert_our_layout(client.get(reverse("account_request_login_code")))
    client.post(reverse("account_request_login_code"), {"email": "sam@example.org"})

    html = assert_our_layout(client.get(reverse("account_confirm_login_code")))

    assert 'name="code"' in html


def test_the_two_factor_pages_use_our_layout(client, world):
    client.post(reverse("account_login"), {"login": world.organiser.email, "password": PASSWORD})

    assert_our_layout(client.get(reverse("mfa_index")))
    client.get(reverse("mfa_activate_totp"))
    assert_our_layout(client.get(reverse("account_reauthenticate")))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    html = assert_our_layout(client.get(reverse("mfa_activate_totp")))
    assert 'class="qr"' in html


def test_sign_up_is_closed(client):
    response = client.get(reverse("account_signup"))

    assert "closed" in response.content.decode().lower()
