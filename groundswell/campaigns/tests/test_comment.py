import pytest
import time_machine
from django.core.exceptions import ValidationError

from groundswell.campaigns.models import Comment
from groundswell.campaigns.services import comment, hide_comment
from groundswell.core.models import AuditEntry
from groundswell.journeys.models import Activity


def test_each_comment_is_feedback_on_the_journey(world, campaign):
    person = world.supporter.person

    comment(campaign, person, "Add a photo of the market.")
    comment(campaign, person, "And a map.")

    assert Comment.objects.count() == 2
    assert Activity.objects.filter(person=person, kind="feedback_given").count() == 2


def test_the_same_comment_twice_within_a_minute_is_one_comment(world, campaign):
    person = world.supporter.person
    with time_machine.travel("2026-05-01 10:00:00+00:00", tick=False):
        first, created = comment(campaign, person, "Great idea")
    with time_machine.travel("2026-05-01 10:00:40+00:00", tick=False):
        again, created_again = comment(campaign, person, "  Great idea ")

    assert created and not created_again
    assert again == first
    assert Activity.objects.filter(kind="feedback_given").count() == 1


def test_the_same_text_after_a_minute_is_a_new_comment(world, campaign):
    person = world.supporter.person
    with time_machine.travel("2026-05-01 10:00:00+00:00", tick=False):
        comment(campaign, person, "Great idea")
    with time_machine.travel("2026-05-01 10:01:30+00:00", tick=False):
        _again, created = comment(campaign, person, "Great idea")

    assert created
    assert Comment.objects.count() == 2


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_empty_and_too_long_comments_are_refused(world, campaign, text):
    with pytest.raises(ValidationError):
        comment(campaign, world.supporter.person, text)
    assert not Comment.objects.exists()


def test_a_comment_of_2000_characters_is_taken(world, campaign):
    _comment, created = comment(campaign, world.supporter.person, "x" * 2000)

    assert created


def test_comments_are_taken_only_in_preview(world, campaign):
    campaign.status = "live"
    campaign.save()

    with pytest.raises(ValidationError):
        comment(campaign, world.supporter.person, "Late")


def test_hiding_and_showing_a_comment_is_audited_once_each(world, campaign):
    note, _created = comment(campaign, world.supporter.person, "Spam spam")

    hide_comment(note, actor=world.organiser)
    hide_comment(note, actor=world.organiser)
    hide_comment(note, actor=world.organiser, hidden=False)

    note.refresh_from_db()
    assert not note.hidden
    verbs = AuditEntry.objects.filter(object_id=str(note.pk), verb__startswith="campaigns.comment_")
    assert list(verbs.values_list("verb", flat=True).order_by("pk")) == [
        "campaigns.comment_hidden",
        "campaigns.comment_shown",
    ]
