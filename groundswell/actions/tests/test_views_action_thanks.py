from urllib.parse import unquote

import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from groundswell.people.models import Person

from .test_views_action_detail import FORM, page


def thanks(action):
    return reverse("actions:action-thanks", args=[action.slug])


def test_the_thank_you_page_offers_share_links_carrying_the_signers_code(client, action):
    response = client.post(page(action), FORM, follow=True)

    code = Person.objects.get(email="ana@example.org").referral_code
    html = unquote(response.content.decode().replace("&amp;", "&"))
    assert response.redirect_chain[-1][0].startswith(f"{thanks(action)}?t=")
    assert code not in response.redirect_chain[-1][0]
    assert "https://wa.me/?text=I signed for clean water. Join me: " in html
    assert f"r={code}&c=whatsapp" in html
    for platform in ("sms", "email", "x", "facebook", "copy"):
        assert f"r={code}&c={platform}" in html


def test_the_thank_you_page_shows_a_qr_code_of_the_signers_link(client, action):
    response = client.post(page(action), FORM, follow=True)

    code = Person.objects.get(email="ana@example.org").referral_code
    qr = response.context["qr_url"]
    assert qr.startswith(reverse("amplification:qr"))
    assert code in unquote(qr)
    image = client.get(qr)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/svg+xml"


def test_without_having_acted_the_thank_you_page_shares_no_ones_code(client, action):
    Person.objects.create(email="someone@example.org")

    response = client.get(thanks(action))

    assert response.status_code == 200
    assert response.context["share_links"] == []


def test_signing_writes_no_session_the_address_carries_the_signer(client, action):
    response = client.post(page(action), FORM)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{thanks(action)}?t=")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


def test_a_tampered_token_shows_the_thank_you_page_without_personal_links(client, action):
    location = client.post(page(action), FORM)["Location"]

    response = client.get(location[:-2] + ("AA" if not location.endswith("AA") else "BB"))

    assert response.status_code == 200
    assert response.context["share_links"] == []
    assert response.context["qr_url"] == ""


def test_a_token_from_another_actions_thank_you_page_shares_nothing(client, action, make_action):
    other = make_action(slug="air-now")
    token = client.post(page(action), FORM)["Location"].partition("?")[2]

    response = client.get(f"{thanks(other)}?{token}")

    assert response.status_code == 200
    assert response.context["share_links"] == []


def test_the_token_expires_after_an_hour(client, action):
    with time_machine.travel("2026-05-01 10:00 +00:00", tick=False):
        location = client.post(page(action), FORM)["Location"]
        assert client.get(location).context["share_links"] != []
    with time_machine.travel("2026-05-01 11:01 +00:00", tick=False):
        assert client.get(location).context["share_links"] == []
