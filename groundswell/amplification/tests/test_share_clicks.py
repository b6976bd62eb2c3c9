from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from groundswell.amplification.models import ShareClick
from groundswell.amplification.services import attribute_signup, record_share_click
from groundswell.campaigns.models import Campaign
from groundswell.test import make_person

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def ana():
    return make_person("ana@example.org", given_name="Ana")


def test_a_click_keeps_the_code_channel_and_page_and_nothing_about_the_visitor(ana):
    click = record_share_click(code=ana.referral_code, channel="whatsapp", path="/act/x/")

    assert (click.code, click.channel, click.path, click.converted) == (
        ana.referral_code,
        "whatsapp",
        "/act/x/",
        None,
    )
    fields = {f.name for f in ShareClick._meta.get_fields()}
    assert fields == {"id", "code", "channel", "campaign", "path", "at", "converted"}


@pytest.mark.parametrize("path", ["https://evil.example/", "//evil.example/", "x/"])
def test_a_click_on_another_site_or_an_unknown_code_is_not_counted(ana, path):
    assert record_share_click(code=ana.referral_code, channel="sms", path=path) is None
    assert record_share_click(code="unknown99", channel="sms", path="/") is None
    assert not ShareClick.objects.exists()


def test_landing_on_a_page_with_a_code_and_channel_counts_one_click(client, ana):
    response = client.get("/", {"r": ana.referral_code, "c": "sms"})

    assert response.status_code == 200
    assert ShareClick.objects.get().channel == "sms"
    client.get("/")
    assert ShareClick.objects.count() == 1


def test_the_short_link_sends_to_the_page_with_the_code_and_counts_the_click_once(client, ana):
    url = reverse("amplification:share-click", args=[ana.referral_code, "qr"])

    response = client.get(url, {"next": "/?lang=es"})

    assert response.status_code == 302
    assert response["Location"] == f"/?lang=es&r={ana.referral_code}&c=qr"
    client.get(response["Location"])
    click = ShareClick.objects.get()
    assert (click.channel, click.path) == ("qr", "/")


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_the_short_link_never_sends_anyone_to_another_site(client, ana, target):
    url = reverse("amplification:share-click", args=[ana.referral_code, "sms"])

    response = client.get(url, {"next": target})

    assert response["Location"] == f"/?r={ana.referral_code}&c=sms"


def test_a_sign_up_soon_after_a_click_converts_that_click(ana):
    campaign = Campaign.objects.create(slug="air", title={"en": "Air"})
    with time_machine.travel(NOW - timedelta(days=8), tick=False):
        old = record_share_click(code=ana.referral_code, channel="sms", path="/")
    with time_machine.travel(NOW - timedelta(hours=1), tick=False):
        recent = record_share_click(
            code=ana.referral_code, channel="sms", path="/", campaign=campaign
        )
        other_channel = record_share_click(code=ana.referral_code, channel="email", path="/")
    with time_machine.travel(NOW, tick=False):
        ben = make_person("ben@example.org")
        attribute_signup(ben, code=ana.referral_code, channel="sms", campaign=campaign)

    converted = dict(ShareClick.objects.values_list("pk", "converted"))
    assert converted == {old.pk: None, recent.pk: ben.pk, other_channel.pk: None}


def test_a_link_to_a_page_that_does_not_exist_counts_no_click(client, ana):
    response = client.get("/no-such-page/", {"r": ana.referral_code, "c": "sms"})

    assert response.status_code == 404
    assert not ShareClick.objects.exists()
