from urllib.parse import unquote

from django.urls import reverse
from django.utils import translation

from groundswell.actions.fulfilment import MESSAGES
from groundswell.actions.models import Letter

from .test_views_action_detail import FORM


def page(action):
    return reverse("actions:action-detail", args=[action.slug])


def letter_form(action, **overrides):
    targets = [str(pk) for pk in action.letter_targets.values_list("pk", flat=True)]
    return {
        **FORM,
        "targets": targets,
        "letter_subject": "Safe streets",
        "letter_body": "Dear all,\n\nPlease act.",
        **overrides,
    }


def test_the_form_shows_the_template_letter_in_the_visitors_language_and_every_target_checked(
    client, letter_action
):
    response = client.get(page(letter_action), HTTP_ACCEPT_LANGUAGE="es")

    html = response.content.decode()
    assert 'value="Calles seguras"' in html
    assert "Estimada alcaldesa:" in html
    assert html.count('type="checkbox" name="targets"') == 3
    assert html.count("checked") == 3
    assert "The Daily Bugle publica cartas de hasta 20 palabras." in html
    assert 'data-word-limit="20"' in html
    assert 'name="phone"' not in html and 'name="comment"' not in html


def test_with_one_target_there_is_nothing_to_choose(client, letter_action):
    letter_action.letter_targets.exclude(email="mayor@city.example").delete()

    response = client.post(page(letter_action), letter_form(letter_action, targets=[]))

    assert response.status_code == 302
    assert Letter.objects.get().target.email == "mayor@city.example"


def test_bad_input_shows_translated_errors_beside_the_fields_and_keeps_the_edited_letter(
    client, letter_action
):
    bad = letter_form(letter_action, targets=[], letter_subject="", email="ana@@x")

    response = client.post(page(letter_action), bad, HTTP_ACCEPT_LANGUAGE="fr")

    html = response.content.decode()
    assert set(response.context["form"].errors) == {"targets", "letter_subject", "email"}
    with translation.override("fr"):
        required = str(MESSAGES["required"])
    assert f'<ul class="errorlist" id="id_letter_subject-errors"><li>{required}</li></ul>' in html
    assert 'id="id_targets-errors"' in html
    assert "Dear all,\n\nPlease act.</textarea>" in html
    assert not Letter.objects.exists()


def test_the_thank_you_page_gives_the_newspaper_letter_to_send_with_a_mailto_link(
    client, letter_action
):
    long_letter = " ".join(["word"] * 30)
    response = client.post(
        page(letter_action), letter_form(letter_action, letter_body=long_letter), follow=True
    )

    html = response.content.decode()
    assert "Your letter to Mayor Rosa Diaz is on its way." in html
    assert "Now send your letter to The Daily Bugle" in html
    (view,) = [v for v in response.context["letters"] if v.self_send]
    assert view.mailto.startswith("mailto:letters@bugle.example?subject=Safe%20streets&body=")
    assert "Ana Souza" in unquote(view.mailto)
    assert view.over_limit
    assert "shorten it before you send it" in html
    assert 'readonly rows="12">' + long_letter in html


def test_a_letter_action_without_targets_yet_takes_the_action_without_a_letter(
    client, letter_action
):
    letter_action.letter_targets.all().delete()

    response = client.post(page(letter_action), FORM)

    assert response.status_code == 302
    assert not Letter.objects.exists()
