import pytest
from django.core.exceptions import ValidationError

from groundswell.campaigns.models import Campaign, Reaction
from groundswell.campaigns.services import react
from groundswell.journeys.models import Activity


def test_a_new_reaction_replaces_the_persons_earlier_one(world, campaign):
    person = world.supporter.person

    react(campaign, person, "love")
    reaction, created = react(campaign, person, "concern")

    assert not created
    assert list(Reaction.objects.values_list("person", "kind")) == [(person.pk, "concern")]


def test_only_the_first_reaction_to_a_campaign_is_feedback_on_the_journey(world, campaign):
    person = world.supporter.person

    react(campaign, person, "love")
    react(campaign, person, "unsure")
    react(campaign, person, "unsure")

    activities = Activity.objects.filter(person=person, kind="feedback_given")
    assert [(a.object_type, a.object_id, a.campaign_id) for a in activities] == [
        ("campaign", campaign.pk, campaign.pk)
    ]


def test_an_unknown_reaction_is_refused(world, campaign):
    with pytest.raises(ValidationError):
        react(campaign, world.supporter.person, "meh")
    assert not Reaction.objects.exists()


@pytest.mark.parametrize("status", ["draft", "live", "closed"])
def test_reactions_are_taken_only_in_preview(world, campaign, status):
    campaign.status = status
    campaign.save()

    with pytest.raises(ValidationError):
        react(campaign, world.supporter.person, "love")


def test_reactions_to_two_campaigns_are_two_activities(world, campaign):
    other = Campaign.objects.create(slug="other", title={"en": "Other"}, status="preview")

    react(campaign, world.supporter.person, "love")
    react(other, world.supporter.person, "love")

    assert Activity.objects.filter(kind="feedback_given").count() == 2
