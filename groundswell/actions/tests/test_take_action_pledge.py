from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from groundswell.actions.services import (
    clear_submissions,
    confirm_submission,
    confirmation_token,
    take_action,
)
from groundswell.journeys.models import Goal

from .conftest import SIGNER


@time_machine.travel("2026-05-01 10:00 +00:00", tick=False)
def test_a_confirmed_pledge_becomes_the_persons_goal_once(pledge_action):
    submission, _created = take_action(pledge_action, data={**SIGNER, "amount": 12})
    take_action(pledge_action, data={**SIGNER, "amount": 3})

    goal = Goal.objects.get()
    assert submission.data == {"amount": 12, "goal": goal.pk}
    assert (goal.person, goal.counter, goal.target, goal.source) == (
        submission.person,
        "event_attended",
        12,
        "pledge:ten-meetings",
    )
    assert goal.title == "Attend 12 events"
    assert goal.due_at == timezone.now() + timedelta(days=90)


def test_without_an_editable_number_the_pledged_number_is_the_actions(pledge_action):
    pledge_action.pledge_amount_editable = False
    pledge_action.save()

    take_action(pledge_action, data={**SIGNER, "amount": 19})

    assert Goal.objects.get().target == 10


def test_a_pending_or_flagged_pledge_sets_no_goal_until_it_counts(pledge_action):
    pledge_action.double_opt_in = True
    pledge_action.save()
    pending, _created = take_action(pledge_action, data=SIGNER)
    flagged, _created = take_action(
        pledge_action, data={**SIGNER, "email": "bot@example.net", "homepage": "x"}
    )
    assert not Goal.objects.exists()

    confirm_submission(confirmation_token(pending))
    confirm_submission(confirmation_token(flagged))
    assert Goal.objects.count() == 1

    clear_submissions([flagged.pk])
    clear_submissions([flagged.pk])
    assert Goal.objects.count() == 2


@pytest.mark.parametrize("amount", [0, 21, "many"])
def test_a_number_outside_the_range_is_refused(pledge_action, amount):
    with pytest.raises(ValidationError) as caught:
        take_action(pledge_action, data={**SIGNER, "amount": amount})

    assert "amount" in caught.value.message_dict
