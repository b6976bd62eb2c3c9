import pytest
from django.core.exceptions import ValidationError

from groundswell.campaigns.models import Campaign
from groundswell.campaigns.services import set_campaign_status, set_preview_stage
from groundswell.core.models import AuditEntry
from groundswell.journeys.models import Stage


@pytest.fixture
def draft(db):
    return Campaign.objects.create(slug="d", title={"en": "D"})


def test_a_campaign_goes_from_draft_to_preview_to_live_to_closed_with_an_audit_row_each(
    world, draft
):
    for status in ["preview", "live", "closed"]:
        set_campaign_status(draft, status, actor=world.organiser)

    draft.refresh_from_db()
    assert draft.status == "closed"
    rows = AuditEntry.objects.filter(verb="campaigns.status_changed").order_by("pk")
    assert [(r.data["old"], r.data["new"], r.actor_id) for r in rows] == [
        ("draft", "preview", world.organiser.pk),
        ("preview", "live", world.organiser.pk),
        ("live", "closed", world.organiser.pk),
    ]


def test_a_live_campaign_cannot_go_back_to_preview(world, draft):
    set_campaign_status(draft, "live", actor=world.hq)

    with pytest.raises(ValidationError) as caught:
        set_campaign_status(draft, "preview", actor=world.hq)

    assert "cannot go from Live to Preview" in caught.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == "live"


def test_setting_the_same_status_again_changes_nothing(world, draft):
    set_campaign_status(draft, "draft", actor=world.hq)

    assert not AuditEntry.objects.filter(verb="campaigns.status_changed").exists()


def test_the_preview_stage_is_set_and_cleared_with_an_audit_row(world, draft):
    leader = Stage.objects.get(slug="leader")

    set_preview_stage(draft, leader, actor=world.hq)
    assert Campaign.objects.get(pk=draft.pk).preview_stage == leader
    set_preview_stage(draft, None, actor=world.hq)

    assert Campaign.objects.get(pk=draft.pk).preview_stage is None
    assert AuditEntry.objects.filter(verb="campaigns.preview_stage_set").count() == 2
