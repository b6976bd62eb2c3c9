import pytest
from django.core.exceptions import ValidationError

from groundswell.events import services
from groundswell.events.models import Feedback
from groundswell.journeys.models import Activity


@pytest.fixture
def going(event, guest):
    return services.rsvp(event, person=guest("ana@example.org"))[0]


def test_feedback_is_recorded_with_a_feedback_activity(going):
    services.give_feedback(going, rating=4, comment="Great people.")

    assert Feedback.objects.get(rsvp=going).rating == 4
    activity = Activity.objects.get(kind="feedback_given")
    assert (activity.person_id, activity.data) == (going.person_id, {"rating": 4})


def test_answering_again_changes_the_answer_but_counts_once(going):
    services.give_feedback(going, rating=2)
    services.give_feedback(going, rating=5)

    assert Feedback.objects.get(rsvp=going).rating == 5
    assert Activity.objects.filter(kind="feedback_given").count() == 1


@pytest.mark.parametrize("rating", [0, 6, "5", None])
def test_a_rating_outside_1_to_5_is_refused(going, rating):
    with pytest.raises(ValidationError):
        services.give_feedback(going, rating=rating)

    assert not Feedback.objects.exists()


def test_a_token_leads_back_to_its_rsvp_and_a_forged_one_to_nothing(going):
    token = services.rsvp_token(going)

    assert services.rsvp_from_token(token) == going
    assert services.rsvp_from_token(token[:-2] + "xx") is None
