from django.urls import reverse

from groundswell.actions.models import Letter

from .test_views_action_detail import FORM

EDITED = "Dear Mayor,\n\nI cycle my son to school every day and I am scared. Act now."


def test_the_decision_maker_receives_exactly_one_letter_with_the_edited_text_and_reply_to(
    client, letter_action, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    mayor = letter_action.letter_targets.get(email="mayor@city.example")
    form = {
        **FORM,
        "targets": [str(mayor.pk)],
        "letter_subject": "Please act on school streets",
        "letter_body": EDITED,
        "locality": "Lyon",
    }
    page = reverse("actions:action-detail", args=[letter_action.slug])

    for _attempt in range(2):  # a double click
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page, form)
        assert response.status_code == 302

    (message,) = smtp_server.to("mayor@city.example")
    assert len(smtp_server.messages) == 1
    assert message["Subject"] == "Please act on school streets"
    assert message["Reply-To"] == "Ana Souza <ana@example.org>"
    assert message["From"] == "Ana Souza <noreply@groundswell.localhost>"
    text = smtp_server.text(message).replace("\r\n", "\n")
    assert "I cycle my son to school every day" in text
    assert text.rstrip().endswith("Ana Souza\nLyon, France")
    letter = Letter.objects.get()
    assert letter.outbound.status == "sent"
