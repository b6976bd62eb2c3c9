from urllib.parse import parse_qs, unquote, urlsplit

from django.urls import reverse

from groundswell.campaigns.queries import toolkit


def test_without_a_person_the_toolkit_has_each_platforms_message_with_a_plain_link(campaign):
    kit = toolkit(campaign, language="es")

    messages = {m.platform: m for m in kit.messages}
    assert list(messages) == ["whatsapp", "sms", "email", "x", "facebook"]
    assert messages["whatsapp"].text.startswith("Mercados sin plástico: únete http")
    assert messages["sms"].text.startswith("Plastic-free markets now!")  # English fallback
    assert messages["x"].text.startswith("Mercados sin plástico http")  # the title stands in
    assert "r=" not in messages["whatsapp"].link
    assert messages["whatsapp"].href == ""
    assert not kit.tracked


def test_a_persons_toolkit_links_carry_their_code_and_the_channel(world, campaign):
    person = world.supporter.person

    kit = toolkit(campaign, person=person, language="en")

    for message in kit.messages:
        query = parse_qs(urlsplit(message.link).query)
        assert query == {"r": [person.referral_code], "c": [message.platform]}
        assert message.text.endswith(message.link)
    whatsapp = next(m for m in kit.messages if m.platform == "whatsapp")
    assert whatsapp.href.startswith("https://wa.me/?text=")
    assert "c=whatsapp" in unquote(whatsapp.href)
    assert kit.tracked


def test_the_links_lead_to_the_page_given(world, campaign):
    kit = toolkit(campaign, person=world.supporter.person, url="/act/share-it/")

    assert all("/act/share-it/?r=" in m.link for m in kit.messages)


def test_assets_in_the_language_or_any_language_are_in_the_toolkit(campaign, make_asset):
    neutral = make_asset("poster.png", b"png", language="")
    spanish = make_asset("guia.pdf", language="es")
    make_asset("guide.pdf", language="en")

    kit = toolkit(campaign, language="es")

    assert [item.asset for item in kit.assets] == [neutral, spanish]


def test_an_asset_behind_a_sign_up_links_to_its_download_action_without_a_person(
    campaign, make_asset, download_action
):
    asset = make_asset()
    download_action(asset)

    (item,) = toolkit(campaign).assets

    assert item.gated
    assert item.url == reverse("actions:action-detail", args=["get-the-guide"])


def test_the_toolkit_page_renders_copyable_text_and_the_copy_script(client_for, world, campaign):
    campaign.status = "live"
    campaign.save()

    html = (
        client_for(world.outsider)
        .get(reverse("campaigns:campaign-toolkit", args=[campaign.slug]))
        .content.decode()
    )

    assert '<textarea id="toolkit-sms" readonly' in html
    assert world.outsider.person.referral_code in html
    assert "campaigns/toolkit.js" in html
    assert "<script>" not in html  # no inline script: CSP
