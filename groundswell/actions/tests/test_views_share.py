from urllib.parse import unquote

from django.urls import reverse

from groundswell.journeys.models import Activity
from groundswell.people.models import Person

from .test_views_download import SHORT


def page(action):
    return reverse("actions:action-detail", args=[action.slug])


def test_the_page_is_the_toolkit_with_copyable_messages_and_a_short_form(client, share_action):
    html = client.get(page(share_action)).content.decode()

    assert 'class="toolkit"' in html
    assert 'id="toolkit-whatsapp" readonly' in html
    assert "I signed for clean water. Join me:" in html
    assert 'data-copy="toolkit-sms"' in html
    assert "Get your personal links" in html
    assert 'name="phone"' not in html


def test_getting_personal_links_records_the_share_and_the_thanks_page_has_tracked_links(
    client, share_action
):
    response = client.post(page(share_action), SHORT, follow=True)

    code = Person.objects.get(email="ana@example.org").referral_code
    assert Activity.objects.get().kind == "shared"
    toolkit = response.context["toolkit"]
    assert toolkit.tracked
    html = unquote(response.content.decode().replace("&amp;", "&"))
    for platform in ("whatsapp", "sms", "email", "x", "facebook"):
        assert f"r={code}&c={platform}" in html


def test_bad_input_keeps_the_toolkit_and_shows_the_error(client, share_action):
    response = client.post(page(share_action), {**SHORT, "given_name": ""})

    html = response.content.decode()
    assert 'id="id_given_name-errors"' in html
    assert 'class="toolkit"' in html
