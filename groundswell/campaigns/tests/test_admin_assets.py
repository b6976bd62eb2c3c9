from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from groundswell.campaigns.models import Asset


def form_data(campaign, **extra):
    data = {
        "slug": campaign.slug,
        "title": '{"en": "Plastic-free markets"}',
        "summary": "{}",
        "description": "{}",
        "share_messages": "{}",
        "status": campaign.status,
        "preview_stage": "",
        "assets-TOTAL_FORMS": "1",
        "assets-INITIAL_FORMS": "0",
        "assets-MIN_NUM_FORMS": "0",
        "assets-MAX_NUM_FORMS": "1000",
        "assets-0-kind": "guide",
        "assets-0-title": '{"en": "Guide"}',
        "assets-0-description": "{}",
        "assets-0-language": "",
        "assets-0-order": "0",
    }
    return {**data, **extra}


def change_url(campaign):
    return reverse("admin:campaigns_campaign_change", args=[campaign.pk])


def test_an_asset_added_in_the_admin_gets_its_content_type_and_size(client_for, world, campaign):
    upload = SimpleUploadedFile("poster.png", b"\x89PNG....", content_type="text/html")

    response = client_for(world.hq).post(
        change_url(campaign), form_data(campaign, **{"assets-0-file": upload})
    )

    assert response.status_code == 302
    asset = Asset.objects.get()
    assert (asset.content_type, asset.size) == ("image/png", 8)  # not what the browser claimed


def test_the_admin_refuses_a_file_over_the_limit(client_for, world, campaign, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "ASSET_MAX_BYTES": 10}
    upload = SimpleUploadedFile("guide.pdf", b"x" * 11)

    response = client_for(world.hq).post(
        change_url(campaign), form_data(campaign, **{"assets-0-file": upload})
    )

    assert response.status_code == 200
    assert "the largest allowed is" in response.content.decode()
    assert not Asset.objects.exists()


def test_the_admin_refuses_a_file_type_not_for_toolkits(client_for, world, campaign):
    upload = SimpleUploadedFile("run.exe", b"MZ")

    response = client_for(world.hq).post(
        change_url(campaign), form_data(campaign, **{"assets-0-file": upload})
    )

    assert "Files of type .exe cannot be added to a toolkit." in response.content.decode()
    assert not Asset.objects.exists()


def test_the_admin_refuses_a_status_step_not_allowed(client_for, world, campaign):
    campaign.status = "closed"
    campaign.save()

    data = form_data(campaign, status="draft", **{"assets-TOTAL_FORMS": "0"})
    response = client_for(world.hq).post(change_url(campaign), data)

    assert "cannot go from Closed to Draft" in response.content.decode()
