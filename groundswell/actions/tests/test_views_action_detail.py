import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from groundswell.actions.forms import MESSAGES
from groundswell.actions.models import Action, Submission
from groundswell.amplification.models import Attribution
from groundswell.journeys.models import Activity
from groundswell.test import make_person

FORM = {
    "given_name": "Ana",
    "family_name": "Souza",
    "email": "ana@example.org",
    "phone": "",
    "country": "FR",
    "postal_code": "75011",
    "consent": "on",
    "comment": "For my children.",
    "homepage": "",
    "r": "",
    "c": "",
}


def page(action):
    return reverse("actions:action-detail", args=[action.slug])


def test_the_page_shows_the_title_target_text_count_and_progress_towards_the_goal(client, action):
    response = client.get(page(action))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Water for all" in html
    assert "The Minister of Water" in html
    assert "We ask the minister to fund taps in every school." in html
    assert '<progress max="1000" value="0">' in html
    assert "0 signatures of 1,000" in html
    assert "Email me about this campaign." in html


def test_the_page_has_no_inline_styles_or_scripts(client, action):
    html = client.get(page(action)).content.decode()

    assert "style=" not in html
    assert "<style" not in html
    assert "<script" not in html


def test_signing_redirects_to_the_thank_you_page_and_counts(client, action):
    response = client.post(page(action), FORM)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("actions:action-thanks", args=[action.slug]))
    submission = Submission.objects.get()
    assert (submission.person.email, submission.comment, submission.status) == (
        "ana@example.org",
        "For my children.",
        "confirmed",
    )
    assert "1 signature of 1,000" in client.get(page(action)).content.decode()


def test_a_double_post_is_one_submission_and_one_activity(client, action):
    client.post(page(action), FORM)
    response = client.post(page(action), FORM)

    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert Activity.objects.filter(kind="petition_signed").count() == 1


def test_bad_input_shows_an_error_next_to_each_field_and_keeps_what_was_typed(client, action):
    bad = {**FORM, "given_name": "", "email": "ana@@example", "phone": "12", "comment": "Hi"}

    response = client.post(page(action), bad)

    html = response.content.decode()
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"given_name", "email", "phone"}
    assert 'id="id_given_name-errors"' in html
    assert 'id="id_email-errors"' in html
    assert 'value="ana@@example"' in html
    assert 'value="Souza"' in html
    assert "Hi</textarea>" in html
    assert '<option value="FR" selected>' in html
    assert not Submission.objects.exists()


def test_errors_are_translated_into_the_visitors_language(client, action):
    response = client.post(page(action), {**FORM, "given_name": ""}, HTTP_ACCEPT_LANGUAGE="fr")

    with translation.override("fr"):
        expected = str(MESSAGES["required"])
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert f'<ul class="errorlist" id="id_given_name-errors"><li>{expected}</li></ul>' in html


@pytest.mark.parametrize(
    ("language", "title"), [("es", "Agua para todos"), ("fr", "De l&#x27;eau pour tous")]
)
def test_the_page_renders_in_the_visitors_language(client, action, language, title):
    html = client.get(page(action), HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert f'<html lang="{language}">' in html
    assert title in html


def test_the_content_falls_back_to_english_where_no_translation_was_written(client, action):
    html = client.get(page(action), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Every school needs a tap." in html


def test_a_filled_honeypot_sees_the_same_thank_you_page_and_is_flagged(client, action):
    response = client.post(page(action), {**FORM, "homepage": "http://buy.example"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("actions:action-thanks", args=[action.slug]))
    assert Submission.objects.get().flag_reason == "honeypot"


def test_the_referral_code_and_channel_in_the_link_are_kept_in_hidden_fields(client, action):
    recruiter = make_person("rita@example.org")

    html = client.get(f"{page(action)}?r={recruiter.referral_code}&c=whatsapp").content.decode()
    assert f'name="r" value="{recruiter.referral_code}"' in html
    assert 'name="c" value="whatsapp"' in html

    client.post(page(action), {**FORM, "r": recruiter.referral_code, "c": "whatsapp"})
    attribution = Attribution.objects.get(person__email="ana@example.org")
    assert (attribution.referred_by, attribution.channel) == (recruiter, "whatsapp")
    assert Submission.objects.get().channel == "whatsapp"


def test_a_tampered_referral_code_is_ignored_without_an_error(client, action):
    response = client.post(page(action), {**FORM, "r": "'; drop table--", "c": "<b>"})

    assert response.status_code == 302
    assert not Attribution.objects.exists()


def test_a_draft_action_is_not_found_and_a_closed_one_takes_no_submissions(client, make_action):
    draft = make_action(slug="draft", status=Action.Status.DRAFT)
    closed = make_action(slug="closed", status=Action.Status.CLOSED)

    assert client.get(page(draft)).status_code == 404
    response = client.post(page(closed), FORM)
    assert response.status_code == 200
    assert '<form method="post" class="action-form"' not in response.content.decode()
    assert not Submission.objects.exists()


class StylesheetLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.hrefs.append(attrs["href"])


def test_the_petition_page_with_its_form_and_css_weighs_under_50_kb(client, action):
    response = client.get(page(action))
    links = StylesheetLinks()
    links.feed(response.content.decode())

    headers = sum(len(k) + len(v) + 4 for k, v in response.items())
    css = 0
    for href in links.hrefs:
        path = finders.find(re.sub(r"^/static/", "", href))
        assert path, href
        with open(path, "rb") as file:
            css += len(file.read())
    assert len(links.hrefs) >= 2  # the site's and the action page's stylesheets
    assert headers + len(response.content) + css < 50 * 1024
