from django.urls import reverse

from groundswell.actions.models import Submission
from groundswell.journeys.models import Activity

from .test_views_action_detail import FORM

SHORT = {k: FORM[k] for k in ("given_name", "family_name", "email", "country", "consent")}


def page(action):
    return reverse("actions:action-detail", args=[action.slug])


def test_behind_a_sign_up_the_page_is_a_short_form_and_no_link(client, download_action):
    html = client.get(page(download_action)).content.decode()

    assert 'name="email"' in html
    assert 'name="phone"' not in html and 'name="comment"' not in html
    assert "/guide.txt" not in html


def test_signing_up_records_the_download_and_the_thank_you_page_gives_the_file(
    client, download_action
):
    response = client.post(page(download_action), SHORT, follow=True)

    assert Activity.objects.get().kind == "download"
    url = response.context["download_url"]
    assert "guide.txt" in url
    assert f'href="{url}"' in response.content.decode()
    assert response.context["share_links"]  # and sharing
    file = client.get(url)
    assert file.status_code == 200
    assert b"".join(file.streaming_content) == b"How to run a meeting."


def test_bad_input_on_the_short_sign_up_shows_the_error_and_keeps_what_was_typed(
    client, download_action
):
    response = client.post(page(download_action), {**SHORT, "email": "nope"})

    assert 'id="id_email-errors"' in response.content.decode()
    assert 'value="nope"' in response.content.decode()
    assert not Submission.objects.exists()


def test_without_a_sign_up_the_page_gives_the_file_straight_away_and_no_form(
    client, download_action
):
    download_action.signup_required = False
    download_action.save()

    response = client.get(page(download_action))

    html = response.content.decode()
    assert '<form method="post" class="action-form"' not in html
    assert client.get(response.context["download_url"]).status_code == 200
    assert f'href="{response.context["download_url"]}"' in html
