import pytest
from django.urls import reverse

from groundswell.actions.models import Action
from groundswell.campaigns.models import Campaign


def url(campaign):
    return reverse("campaigns:campaign-detail", args=[campaign.slug])


@pytest.fixture
def live(campaign):
    campaign.status = Campaign.Status.LIVE
    campaign.save()
    return campaign


def test_a_live_campaign_shows_its_content_in_the_visitors_language_and_its_live_actions(
    client, live
):
    Action.objects.create(campaign=live, slug="sign-up", title={"es": "Firma"}, status="live")
    Action.objects.create(campaign=live, slug="not-yet", title={"es": "Aún no"}, status="draft")

    html = client.get(url(live), HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Mercados sin plástico" in html
    assert "No más bolsas de plástico." in html
    assert 'href="/act/sign-up/"' in html
    assert "/act/not-yet/" not in html
    assert reverse("campaigns:campaign-toolkit", args=[live.slug]) in html


def test_a_draft_campaign_does_not_exist_even_for_organisers(client_for, world, campaign):
    campaign.status = Campaign.Status.DRAFT
    campaign.save()

    assert client_for(world.hq).get(url(campaign)).status_code == 404


def test_anonymous_visitors_get_a_404_for_a_preview(client, campaign):
    assert client.get(url(campaign)).status_code == 404
    assert (
        client.get(reverse("campaigns:campaign-toolkit", args=[campaign.slug])).status_code == 404
    )


def test_a_supporter_below_the_default_preview_stage_gets_a_404(
    client_for, world, campaign, at_stage
):
    at_stage(world.supporter, "taking_action")  # the default is "sustaining"

    assert client_for(world.supporter).get(url(campaign)).status_code == 404


def test_a_supporter_at_the_default_preview_stage_sees_the_preview_and_the_feedback_form(
    client_for, world, campaign, at_stage
):
    at_stage(world.supporter, "sustaining")

    response = client_for(world.supporter).get(url(campaign))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="preview-banner"' in html
    assert 'name="kind" value="love"' in html
    assert 'name="text"' in html


def test_a_supporter_above_the_stage_sees_the_preview(client_for, world, campaign, at_stage):
    at_stage(world.supporter, "leader")

    assert client_for(world.supporter).get(url(campaign)).status_code == 200


def test_the_campaigns_own_preview_stage_overrides_the_default(
    client_for, world, campaign, at_stage
):
    from groundswell.journeys.models import Stage

    campaign.preview_stage = Stage.objects.get(slug="taking_action")
    campaign.save()
    at_stage(world.supporter, "taking_action")
    at_stage(world.outsider, "intention")

    assert client_for(world.supporter).get(url(campaign)).status_code == 200
    assert client_for(world.outsider).get(url(campaign)).status_code == 404


def test_the_default_preview_stage_comes_from_settings(
    client_for, world, campaign, at_stage, settings
):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "PREVIEW_STAGE": "intention"}
    at_stage(world.supporter, "intention")

    assert client_for(world.supporter).get(url(campaign)).status_code == 200


def test_a_supporter_with_no_stage_yet_gets_a_404(client_for, world, campaign):
    from groundswell.journeys.models import PersonStats

    PersonStats.objects.filter(person=world.supporter.person).update(stage=None)

    assert client_for(world.supporter).get(url(campaign)).status_code == 404


@pytest.mark.parametrize("role", ["hq", "organiser"])
def test_organisers_see_a_preview_whatever_their_stage(client_for, world, campaign, role):
    response = client_for(getattr(world, role)).get(url(campaign))

    assert response.status_code == 200
    assert reverse("campaigns:feedback", args=[campaign.slug]) in response.content.decode()


def test_coordinators_are_supporters_here_and_need_the_stage(client_for, world, campaign, at_stage):
    at_stage(world.coord_a, "discovery")

    assert client_for(world.coord_a).get(url(campaign)).status_code == 404


def test_an_unknown_campaign_and_a_hidden_preview_look_the_same(client_for, world, campaign):
    client = client_for(world.outsider)

    hidden = client.get(url(campaign))
    unknown = client.get("/c/no-such-campaign/")

    assert hidden.status_code == unknown.status_code == 404


def test_the_page_renders_in_french_for_a_french_visitor(client, live):
    html = client.get(url(live), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Marchés sans plastique" in html
