"""The amplification cycle on a phone, in Spanish: sign, share by WhatsApp, a friend signs
through the link, and the first signer's impact shows one recruit."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from groundswell.actions.models import Action
from groundswell.campaigns.models import Campaign
from groundswell.people.models import Person

from .test_supporter_journey import code_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {
    "locale": "es-ES",
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def phone(browser, live_server, monkeypatch):
    """Open a fresh phone-sized browser context (its own cookies) on the live server."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    contexts = []

    def open_phone():
        context = browser.new_context(base_url=live_server.url, **PHONE)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


@pytest.fixture
def petition():
    campaign = Campaign.objects.create(
        slug="agua",
        title={"en": "Clean water", "es": "Agua limpia"},
        status=Campaign.Status.LIVE,
        share_messages={"whatsapp": {"es": "Firmé por el agua limpia. Únete:"}},
    )
    return Action.objects.create(
        campaign=campaign,
        slug="agua-limpia",
        kind=Action.Kind.PETITION,
        title={"en": "Clean water for every school", "es": "Agua limpia en cada escuela"},
        target="Ministerio de Educación",
        goal=1000,
        status=Action.Status.LIVE,
    )


def sign(tab, path, *, given_name, family_name, email):
    tab.goto(path)
    assert tab.get_by_role("heading", level=1).inner_text() == "Agua limpia en cada escuela"
    tab.fill("input[name=given_name]", given_name)
    tab.fill("input[name=family_name]", family_name)
    tab.fill("input[name=email]", email)
    tab.select_option("select[name=country]", "MX")
    tab.get_by_role("button", name="Firma la petición").tap()
    tab.wait_for_url(re.compile(r"/thanks/"))


def test_a_spanish_speaker_on_a_phone_recruits_a_friend_through_whatsapp(
    phone, petition, smtp_server
):
    first = phone()
    sign(first, f"/act/{petition.slug}/", given_name="Lucía", family_name="Pérez",
         email="lucia@example.org")  # fmt: skip
    assert first.get_by_role("heading", name="Ahora, invita a tus amistades").is_visible()
    lucia = Person.objects.get(email="lucia@example.org")
    assert lucia.language == "es"

    whatsapp = first.locator("a.share-whatsapp").get_attribute("href")
    assert whatsapp.startswith("https://wa.me/?text=")
    message = parse_qs(urlsplit(whatsapp).query)["text"][0]
    assert message.startswith("Firmé por el agua limpia. Únete:")
    link = urlsplit(re.search(r"https?://\S+", message).group(0))
    assert parse_qs(link.query) == {"r": [lucia.referral_code], "c": ["whatsapp"]}

    friend = phone()  # a fresh context: another phone, no cookies of Lucía's
    sign(friend, f"{link.path}?{link.query}", given_name="Mateo", family_name="García",
         email="mateo@example.org")  # fmt: skip
    mateo = Person.objects.get(email="mateo@example.org")
    assert mateo.attribution.referred_by == lucia
    assert mateo.attribution.channel == "whatsapp"

    first.goto(reverse("account_login"))
    first.get_by_role("link", name="Envíame un código de acceso").tap()
    first.fill("input[name=email]", "lucia@example.org")
    first.get_by_role("button", name="Solicite el código").tap()
    first.wait_for_url(f"**{reverse('account_confirm_login_code')}")
    first.fill("input[name=code]", code_in(smtp_server, "lucia@example.org"))
    first.get_by_role("button", name="Confirmar").tap()
    first.wait_for_url(f"**{reverse('accounts:home')}")
    assert first.locator(".impact").inner_text().startswith("1 persona llegó gracias a ti.")
