import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from groundswell.campaigns.models import Campaign, check_share_messages


def test_share_messages_within_each_platforms_limit_are_accepted():
    check_share_messages({"sms": {"en": "x" * 130, "es": "y" * 136}, "x": {"fr": "z" * 256}})


@pytest.mark.parametrize(("platform", "length"), [("sms", 137), ("x", 257), ("whatsapp", 977)])
def test_a_share_message_too_long_for_its_platform_with_its_link_is_refused(platform, length):
    with pytest.raises(ValidationError) as caught:
        check_share_messages({platform: {"en": "x" * length}})

    assert f"has {length} characters" in caught.value.messages[0]


@pytest.mark.parametrize(
    "value",
    [[], {"myspace": {"en": "hi"}}, {"sms": {"xx": "hi"}}, {"sms": "hi"}, {"sms": {"en": 3}}],
)
def test_unknown_platforms_languages_and_shapes_are_refused(value):
    with pytest.raises(ValidationError):
        check_share_messages(value)


def test_a_campaign_gives_its_share_message_in_the_active_language_falling_back_to_english():
    campaign = Campaign(slug="c", share_messages={"sms": {"en": "Join", "es": "Únete"}})

    with translation.override("es"):
        assert campaign.share_message("sms") == "Únete"
    with translation.override("fr"):
        assert campaign.share_message("sms") == "Join"
    assert campaign.share_message("x") == ""


def test_the_model_validates_share_messages_when_cleaned(db):
    campaign = Campaign(slug="c", title={"en": "C"}, share_messages={"sms": {"en": "x" * 200}})

    with pytest.raises(ValidationError) as caught:
        campaign.full_clean()
    assert "share_messages" in caught.value.message_dict
