from urllib.parse import unquote

from django.urls import reverse

from groundswell.people.models import Person

from .test_views_action_detail import FORM, page


def thanks(action):
    return reverse("actions:action-thanks", args=[action.slug])


def test_the_thank_you_page_offers_share_links_carrying_the_signers_code(client, action):
    response = client.post(page(action), FORM, follow=True)

    code = Person.objects.get(email="ana@example.org").referral_code
    html = unquote(response.content.decode().replace("&amp;", "&"))
    assert response.redirect_chain[-1][0] == thanks(action)
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
