import pytest
from django.urls import reverse

from groundswell.campaigns.models import Campaign, Comment
from groundswell.campaigns.services import comment, react
from groundswell.test import make_person


def url(campaign):
    return reverse("campaigns:feedback", args=[campaign.slug])


@pytest.fixture
def feedback(world, campaign, at_stage):
    """Four reactions from people at two stages, in three languages and three countries."""
    people = [
        at_stage(make_person("a@example.org", language="en", country="GB"), "sustaining"),
        at_stage(make_person("b@example.org", language="es", country="ES"), "sustaining"),
        at_stage(make_person("c@example.org", language="es", country="ES"), "leader"),
        at_stage(make_person("d@example.org", language="fr", country="SN"), "leader"),
    ]
    for person, kind in zip(people, ["love", "love", "concern", "unsure"], strict=True):
        react(campaign, person, kind)
    comment(campaign, people[0], "First comment")
    comment(campaign, people[3], "Latest comment")
    return people


def rows(summary_rows):
    return {row.label: (row.counts, row.total) for row in summary_rows}


def test_the_summary_counts_reactions_by_kind_stage_language_and_country(
    client_for, world, campaign, feedback
):
    response = client_for(world.organiser).get(url(campaign))

    summary = response.context["summary"]
    assert summary["totals"] == [("I love it", 2), ("I am not sure", 1), ("I have a concern", 1)]
    assert rows(summary["by_stage"]) == {
        "Sustaining": ([2, 0, 0], 2),
        "Activist and leader": ([0, 1, 1], 2),
    }
    assert rows(summary["by_language"]) == {
        "Spanish": ([1, 0, 1], 2),
        "English": ([1, 0, 0], 1),
        "French": ([0, 1, 0], 1),
    }
    assert rows(summary["by_country"])["Spain"] == ([1, 0, 1], 2)
    assert [row.label for row in summary["by_stage"]] == ["Sustaining", "Activist and leader"]
    html = response.content.decode()
    assert html.index("Latest comment") < html.index("First comment")
    assert '<svg class="chart"' in html


def test_hiding_a_comment_keeps_it_listed_as_hidden_and_out_of_the_count(
    client_for, world, campaign, feedback
):
    note = Comment.objects.get(text="First comment")
    client = client_for(world.hq)

    client.post(url(campaign), {"do": "hide", "comment": note.pk})
    response = client.get(url(campaign))

    assert Comment.objects.get(pk=note.pk).hidden
    assert response.context["summary"]["comments"] == 1
    assert 'name="do" value="unhide"' in response.content.decode()
    client.post(url(campaign), {"do": "unhide", "comment": note.pk})
    assert not Comment.objects.get(pk=note.pk).hidden


def test_a_comment_of_another_campaign_cannot_be_hidden_from_this_page(
    client_for, world, campaign, feedback
):
    other = Campaign.objects.create(slug="other", title={"en": "O"}, status="preview")
    stray, _created = comment(other, feedback[0], "Elsewhere")

    client_for(world.hq).post(url(campaign), {"do": "hide", "comment": stray.pk})

    assert not Comment.objects.get(pk=stray.pk).hidden


def test_organisers_move_a_campaign_to_live_and_set_its_preview_stage(client_for, world, campaign):
    from groundswell.journeys.models import Stage

    leader = Stage.objects.get(slug="leader")
    data = {"do": "settings", "status": "live", "preview_stage": leader.pk}

    response = client_for(world.organiser).post(url(campaign), data, follow=True)

    campaign.refresh_from_db()
    assert (campaign.status, campaign.preview_stage) == ("live", leader)
    assert "Campaign settings saved." in response.content.decode()


def test_a_step_not_allowed_shows_an_error_and_changes_nothing(client_for, world, campaign):
    campaign.status = "closed"
    campaign.save()

    data = {"do": "settings", "status": "preview", "preview_stage": ""}
    response = client_for(world.organiser).post(url(campaign), data, follow=True)

    assert "cannot go from Closed to Preview" in response.content.decode()
    assert Campaign.objects.get(pk=campaign.pk).status == "closed"


@pytest.mark.parametrize("role", ["coord_a", "supporter"])
def test_coordinators_and_supporters_may_not_change_a_campaign(client_for, world, campaign, role):
    data = {"do": "settings", "status": "live", "preview_stage": ""}

    response = client_for(getattr(world, role)).post(url(campaign), data)

    assert response.status_code == 403
    assert Campaign.objects.get(pk=campaign.pk).status == "preview"


def test_the_list_shows_preview_and_live_campaigns_with_their_totals(
    client_for, world, campaign, feedback
):
    Campaign.objects.create(slug="secret-draft", title={"en": "Secret draft"})

    response = client_for(world.hq).get(reverse("campaigns:campaign-list"))

    listed = {c.slug: c for c in response.context["campaigns"]}
    assert list(listed) == ["plastic-free"]
    row = listed["plastic-free"]
    assert (row.n_love, row.n_unsure, row.n_concern, row.n_reactions, row.n_comments) == (
        2, 1, 1, 4, 2,
    )  # fmt: skip
    assert "Secret draft" in response.content.decode()  # in the drafts list, to open it
