from groundswell.campaigns.demo import ensure_preview_campaign
from groundswell.campaigns.models import Campaign, Comment, Reaction
from groundswell.test import make_person


def test_the_demo_puts_one_campaign_in_preview_with_feedback_in_three_languages(db, at_stage):
    for n, language in enumerate(["en", "es", "fr"] * 5):
        at_stage(make_person(f"p{n}@example.org", language=language), "sustaining")

    campaign = ensure_preview_campaign()
    ensure_preview_campaign()  # again: nothing more

    assert campaign.status == Campaign.Status.PREVIEW
    assert Reaction.objects.filter(campaign=campaign).count() == 15
    assert Comment.objects.filter(campaign=campaign).count() == 6
    languages = set(Reaction.objects.values_list("person__language", flat=True))
    assert languages == {"en", "es", "fr"}
