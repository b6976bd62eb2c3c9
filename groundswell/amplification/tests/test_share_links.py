from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import translation

from groundswell.amplification.services import share_links
from groundswell.test import make_person

pytestmark = pytest.mark.django_db
MESSAGE = "Sign & share: clean air #now?"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://gs.example.org"


@pytest.fixture
def ana():
    return make_person("ana@example.org", given_name="Ana")


def links_of(person, url="/act/clean-air/", message=MESSAGE):
    return {link.platform: link for link in share_links(person, url=url, message=message)}


def query_of(url):
    return parse_qs(urlsplit(url).query)


def test_there_is_one_link_per_platform_in_a_stable_order(ana):
    platforms = [link.platform for link in share_links(ana, url="/act/x/", message="Hi")]

    assert platforms == ["whatsapp", "sms", "email", "x", "facebook", "copy"]


def test_the_copied_link_is_absolute_and_carries_the_code_and_channel(ana):
    copy = links_of(ana)["copy"].href

    assert copy == f"https://gs.example.org/act/clean-air/?r={ana.referral_code}&c=copy"


def test_the_code_is_merged_into_an_existing_query_string_replacing_an_older_one(ana):
    copy = links_of(ana, url="https://gs.example.org/act/x/?lang=es&r=someone&c=sms#form")["copy"]

    parts = urlsplit(copy.href)
    assert query_of(copy.href) == {"lang": ["es"], "r": [ana.referral_code], "c": ["copy"]}
    assert parts.fragment == "form"


def test_whatsapp_and_sms_carry_the_message_escaped_and_the_link_with_their_channel(ana):
    links = links_of(ana)

    whatsapp, sms = links["whatsapp"].href, links["sms"].href
    assert whatsapp.startswith("https://wa.me/?text=")
    assert sms.startswith("sms:?&body=")
    for href, channel in [(whatsapp, "whatsapp"), (sms, "sms")]:
        text = href.split("=", 1)[1]
        assert "&" not in text and "#" not in text and " " not in text  # nothing leaks out
        expected = f"{MESSAGE} https://gs.example.org/act/clean-air/?r={ana.referral_code}"
        assert unquote(text) == f"{expected}&c={channel}"


def test_x_facebook_and_email_put_the_link_in_their_own_parameter(ana):
    links = links_of(ana)

    x = query_of(links["x"].href)
    assert links["x"].href.startswith("https://x.com/intent/post?")
    assert x["text"] == [MESSAGE]
    assert query_of(x["url"][0])["c"] == ["x"]
    facebook = query_of(links["facebook"].href)
    assert query_of(facebook["u"][0]) == {"r": [ana.referral_code], "c": ["facebook"]}
    email = links["email"].href
    assert email.startswith("mailto:?")
    body = query_of(email)["body"][0]
    assert body.startswith(MESSAGE) and body.endswith(f"r={ana.referral_code}&c=email")


def test_labels_are_in_the_active_language(ana):
    with translation.override("en"):
        assert links_of(ana)["copy"].label == "Copy link"
