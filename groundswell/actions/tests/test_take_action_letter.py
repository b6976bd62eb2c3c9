import pytest
from django.core.exceptions import ValidationError

from groundswell.actions.models import Letter, Submission
from groundswell.actions.services import (
    clear_submissions,
    confirm_submission,
    confirmation_token,
    invalidate_submissions,
    take_action,
)
from groundswell.journeys.models import Activity
from groundswell.messaging.models import OutboundEmail

from .conftest import SIGNER

EDITED = "Dear Mayor,\n\nMy daughter walks to school past three busy roads. Please act."


def write(action, **overrides):
    options = {k: overrides.pop(k) for k in ("ip", "language") if k in overrides}
    data = {**SIGNER, "locality": "Lyon", "letter_body": EDITED, **overrides}
    return take_action(action, data=data, **options)


def letters(submission):
    return {letter.target.name: letter for letter in submission.letters.select_related("target")}


def test_a_letter_is_one_letter_per_chosen_target_with_the_edited_text_and_a_signature(
    letter_action,
):
    mayor, _councillor, bugle = letter_action.letter_targets.all()

    submission, _created = write(letter_action, targets=[str(mayor.pk), str(bugle.pk)])

    written = letters(submission)
    assert set(written) == {"Mayor Rosa Diaz", "The Daily Bugle"}
    letter = written["Mayor Rosa Diaz"]
    assert letter.subject == "Safe streets for our schools"
    assert letter.body == f"{EDITED}\n\nAna Souza\nLyon, France"
    assert Activity.objects.filter(kind="letter_sent").count() == 1


def test_letters_to_decision_makers_are_queued_and_letters_to_newspapers_are_self_sent(
    letter_action,
):
    submission, _created = write(letter_action)

    written = letters(submission)
    assert {name: letter.status for name, letter in written.items()} == {
        "Mayor Rosa Diaz": "queued",
        "Councillor Ben Ade": "queued",
        "The Daily Bugle": "self_send",
    }
    email = OutboundEmail.objects.get(to="mayor@city.example")
    assert email.key == f"letter:{written['Mayor Rosa Diaz'].pk}"
    assert written["Mayor Rosa Diaz"].outbound == email
    assert (email.purpose, email.subject) == ("letter", "Safe streets for our schools")
    assert email.from_email == "Ana Souza <noreply@groundswell.localhost>"
    assert email.reply_to == "Ana Souza <ana@example.org>"
    assert email.body.endswith("Ana Souza\nLyon, France")
    assert not OutboundEmail.objects.filter(to="letters@bugle.example").exists()


def test_without_a_choice_of_targets_every_target_gets_the_template_letter(letter_action):
    data = {**SIGNER}

    submission, _created = take_action(letter_action, data=data, language="es")

    assert submission.letters.count() == 3
    assert submission.letters.first().body.startswith("Estimada alcaldesa:")
    assert submission.letters.first().subject == "Calles seguras"


def test_writing_twice_never_queues_a_second_letter(letter_action):
    write(letter_action)
    again, created = write(letter_action, letter_body="Another text entirely.")

    assert not created
    assert Letter.objects.count() == 3
    assert OutboundEmail.objects.filter(purpose="letter").count() == 2
    assert "Another text" not in Letter.objects.first().body


def test_with_double_opt_in_letters_wait_until_the_link_is_followed(letter_action):
    letter_action.double_opt_in = True
    letter_action.save()

    submission, _created = write(letter_action)
    assert set(submission.letters.values_list("status", flat=True)) == {"waiting"}
    assert not OutboundEmail.objects.filter(purpose="letter").exists()

    confirm_submission(confirmation_token(submission))
    confirm_submission(confirmation_token(submission))

    assert sorted(submission.letters.values_list("status", flat=True)) == [
        "queued",
        "queued",
        "self_send",
    ]
    assert OutboundEmail.objects.filter(purpose="letter").count() == 2


def test_a_flagged_letter_is_held_and_clearing_it_sends_it(letter_action):
    submission, _created = write(letter_action, homepage="http://spam.example")

    assert set(submission.letters.values_list("status", flat=True)) == {"held"}
    assert not OutboundEmail.objects.filter(purpose="letter").exists()

    clear_submissions([submission.pk])
    clear_submissions([submission.pk])

    assert sorted(submission.letters.values_list("status", flat=True)) == [
        "queued",
        "queued",
        "self_send",
    ]
    assert OutboundEmail.objects.filter(purpose="letter").count() == 2


def test_invalidating_a_flagged_letter_sends_nothing_ever(letter_action):
    submission, _created = write(letter_action, homepage="http://spam.example")

    invalidate_submissions([submission.pk])
    clear_submissions([submission.pk])

    assert Submission.objects.get().status == "invalid"
    assert set(submission.letters.values_list("status", flat=True)) == {"cancelled"}
    assert not OutboundEmail.objects.filter(purpose="letter").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"targets": []}, "targets"),
        ({"targets": ["999999"]}, "targets"),
        ({"letter_subject": "  "}, "letter_subject"),
        ({"letter_body": ""}, "letter_body"),
        ({"letter_body": "x" * 4001}, "letter_body"),
    ],
)
def test_a_letter_without_a_target_or_text_is_refused_naming_the_field(
    letter_action, overrides, field
):
    with pytest.raises(ValidationError) as caught:
        write(letter_action, **overrides)

    assert field in caught.value.message_dict
    assert not Submission.objects.exists()
