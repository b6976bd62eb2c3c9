import pytest
from django.urls import reverse

from groundswell.campaigns.models import Comment, Reaction
from groundswell.journeys.models import Activity


@pytest.fixture
def allowed(client_for, world, at_stage):
    at_stage(world.supporter, "sustaining")
    return client_for(world.supporter)


def react_url(campaign):
    return reverse("campaigns:react", args=[campaign.slug])


def comment_url(campaign):
    return reverse("campaigns:comment", args=[campaign.slug])


def test_a_reaction_button_saves_it_and_the_page_shows_it_chosen(allowed, world, campaign):
    response = allowed.post(react_url(campaign), {"kind": "unsure"}, follow=True)

    assert Reaction.objects.get(person=world.supporter.person).kind == "unsure"
    assert 'value="unsure" class="reaction chosen" aria-pressed="true"' in response.content.decode()


def test_pressing_another_reaction_replaces_the_first(allowed, world, campaign):
    allowed.post(react_url(campaign), {"kind": "love"})
    allowed.post(react_url(campaign), {"kind": "concern"})

    assert list(Reaction.objects.values_list("kind", flat=True)) == ["concern"]
    assert Activity.objects.filter(kind="feedback_given").count() == 1


def test_a_comment_is_saved_and_listed_for_its_author(allowed, world, campaign):
    response = allowed.post(comment_url(campaign), {"text": "Use recycled paper"}, follow=True)

    assert Comment.objects.get().text == "Use recycled paper"
    assert "Use recycled paper" in response.content.decode()


def test_a_double_post_of_a_comment_makes_one_comment(allowed, campaign):
    allowed.post(comment_url(campaign), {"text": "Twice?"})
    allowed.post(comment_url(campaign), {"text": "Twice?"})

    assert Comment.objects.count() == 1


def test_a_too_long_comment_gets_a_translated_error_and_keeps_the_text(allowed, campaign):
    text = "Demasiado largo " * 130

    response = allowed.post(comment_url(campaign), {"text": text}, HTTP_ACCEPT_LANGUAGE="es")

    html = response.content.decode()
    assert response.status_code == 200
    assert "menos de 2000 caracteres (tiene 2079)" in html  # Django's own Spanish
    assert text.strip() in html
    assert not Comment.objects.exists()


def test_an_empty_comment_gets_an_error_next_to_the_field(allowed, campaign):
    response = allowed.post(comment_url(campaign), {"text": "  "})

    assert "Write a comment first." in response.content.decode()


@pytest.mark.parametrize("stage", ["discovery", "taking_action"])
def test_supporters_below_the_stage_cannot_react_or_comment(
    client_for, world, campaign, at_stage, stage
):
    at_stage(world.supporter, stage)
    client = client_for(world.supporter)

    assert client.post(react_url(campaign), {"kind": "love"}).status_code == 404
    assert client.post(comment_url(campaign), {"text": "Hi"}).status_code == 404
    assert not Reaction.objects.exists() and not Comment.objects.exists()


def test_anonymous_visitors_cannot_react(client, campaign):
    assert client.post(react_url(campaign), {"kind": "love"}).status_code == 404


def test_no_one_reacts_to_a_live_campaign(allowed, campaign):
    campaign.status = "live"
    campaign.save()

    assert allowed.post(react_url(campaign), {"kind": "love"}).status_code == 404
