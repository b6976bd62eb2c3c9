import pytest

from groundswell.actions.models import Action
from groundswell.actions.next_steps import open_actions
from groundswell.actions.services import take_action
from groundswell.journeys.next_steps import Suggestion, next_best_actions, register_provider
from groundswell.test import make_person

from .conftest import SIGNER


@pytest.fixture
def generic(monkeypatch):
    """A generic suggestion as high as the ladder's own ever go."""
    from groundswell.journeys import next_steps

    monkeypatch.setattr(next_steps, "_PROVIDERS", list(next_steps._PROVIDERS))
    register_provider(lambda person, facts, stage: [Suggestion("Invite a friend", priority=90)])


def test_a_live_action_the_person_has_not_taken_is_suggested_with_its_page(action):
    person = make_person("lea@example.org", language="en")

    [suggestion] = open_actions(person, None, None)

    assert suggestion.title == "Water for all"
    assert suggestion.url == "/act/water-now/"


def test_the_suggestion_is_in_the_persons_language(action):
    person = make_person("lucia@example.org", language="es")

    assert [s.title for s in open_actions(person, None, None)] == ["Agua para todos"]


def test_an_action_without_a_text_in_the_persons_language_is_not_suggested(make_action):
    make_action(title={"en": "Only in English"})
    person = make_person("lucia@example.org", language="es")

    assert open_actions(person, None, None) == []


def test_an_action_already_taken_is_not_suggested_again(action):
    submission, _created = take_action(action, data=SIGNER)

    assert open_actions(submission.person, None, None) == []


def test_draft_and_closed_actions_are_not_suggested(make_action):
    make_action("draft", status=Action.Status.DRAFT)
    make_action("closed", status=Action.Status.CLOSED)
    person = make_person("lea@example.org", language="en")

    assert open_actions(person, None, None) == []


def test_open_actions_rank_above_the_generic_suggestions(make_action, generic):
    make_action("water-now")
    make_action("air-now", title={"en": "Clean air"})
    person = make_person("lea@example.org", language="en")

    titles = [s.title for s in next_best_actions(person, limit=3)]

    assert titles == ["Clean air", "Water for all", "Invite a friend"]
