import time_machine
from django.urls import reverse

from groundswell.campaigns.services import asset_download_url


def body(response):
    return b"".join(response.streaming_content)


def test_an_ungated_asset_downloads_from_a_plain_link(client, campaign, make_asset):
    campaign.status = "live"
    campaign.save()
    asset = make_asset("guide.pdf", b"%PDF-1.4 hello")

    url = asset_download_url(asset)
    response = client.get(url)

    assert url == f"/c/asset/{asset.pk}/guide.pdf"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="guide.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == b"%PDF-1.4 hello"


def test_a_gated_asset_needs_the_token_signed_for_a_person(
    client, world, campaign, make_asset, download_action
):
    campaign.status = "live"
    campaign.save()
    asset = make_asset()
    download_action(asset, signup_required=True)
    plain = reverse("campaigns:asset", kwargs={"pk": asset.pk, "filename": "guide.pdf"})

    signed = asset_download_url(asset, person=world.supporter.person)

    assert asset_download_url(asset) is None
    assert client.get(plain).status_code == 404
    assert client.get(signed).status_code == 200


def test_a_tampered_or_foreign_token_is_a_404(client, world, campaign, make_asset, download_action):
    campaign.status = "live"
    campaign.save()
    asset, other = make_asset(), make_asset("other.pdf")
    download_action(asset)
    download_action(other, slug="other")
    signed = asset_download_url(asset, person=world.supporter.person)
    token = signed.split("/")[-2]

    tampered = signed.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    foreign = asset_download_url(other, person=world.supporter.person).replace(
        f"/{other.pk}/", f"/{asset.pk}/"
    )

    assert client.get(tampered).status_code == 404
    assert client.get(foreign).status_code == 404


def test_a_token_expires_after_thirty_days(client, world, campaign, make_asset, download_action):
    campaign.status = "live"
    campaign.save()
    asset = make_asset()
    download_action(asset)
    with time_machine.travel("2026-05-01 10:00:00+00:00"):
        signed = asset_download_url(asset, person=world.supporter.person)
    with time_machine.travel("2026-06-05 10:00:00+00:00"):
        assert client.get(signed).status_code == 404


def test_a_download_action_not_live_or_without_sign_up_does_not_gate(
    client, campaign, make_asset, download_action
):
    campaign.status = "live"
    campaign.save()
    asset, other = make_asset(), make_asset("other.pdf")
    download_action(asset, status="draft")
    download_action(other, signup_required=False, slug="free")

    assert client.get(asset_download_url(asset)).status_code == 200
    assert client.get(asset_download_url(other)).status_code == 200


def test_assets_of_a_draft_campaign_are_404_even_with_a_token(client, world, campaign, make_asset):
    campaign.status = "draft"
    campaign.save()
    asset = make_asset()

    assert client.get(asset_download_url(asset)).status_code == 404
    assert client.get(asset_download_url(asset, person=world.supporter.person)).status_code == 404


def test_assets_of_a_preview_follow_the_preview_rule(
    client_for, world, campaign, make_asset, at_stage
):
    asset = make_asset()
    at_stage(world.supporter, "sustaining")
    at_stage(world.outsider, "discovery")

    assert client_for(world.outsider).get(asset_download_url(asset)).status_code == 404
    assert client_for(world.supporter).get(asset_download_url(asset)).status_code == 200
