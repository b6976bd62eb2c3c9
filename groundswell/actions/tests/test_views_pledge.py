from django.urls import reverse

from groundswell.actions.models import Submission
from groundswell.journeys.models import Goal

from .test_views_action_detail import FORM


def page(action):
    return reverse("actions:action-detail", args=[action.slug])


def test_the_form_shows_the_commitment_and_the_number_to_choose(client, pledge_action):
    html = client.get(page(pledge_action)).content.decode()

    assert "I pledge to attend 10 events." in html
    assert 'name="amount"' in html and 'max="20"' in html
    assert 'name="phone"' not in html


def test_without_an_editable_number_there_is_no_number_field(client, pledge_action):
    pledge_action.pledge_amount_editable = False
    pledge_action.save()

    html = client.get(page(pledge_action)).content.decode()

    assert "I pledge to attend 10 events." in html
    assert 'name="amount"' not in html


def test_a_number_out_of_range_is_an_error_beside_the_field_with_what_was_typed(
    client, pledge_action
):
    response = client.post(page(pledge_action), {**FORM, "amount": "50"})

    html = response.content.decode()
    assert 'id="id_amount-errors"><li>Choose a number from 1 to 20.</li>' in html
    assert 'value="50"' in html
    assert not Submission.objects.exists()


def test_the_thank_you_page_says_the_goal_was_added_and_links_to_my_page(client, pledge_action):
    response = client.post(page(pledge_action), {**FORM, "amount": "4"}, follow=True)

    html = response.content.decode()
    assert Goal.objects.get().target == 4
    assert Submission.objects.get().data["amount"] == 4
    assert "You pledged to attend 4 events." in html
    assert "We added it to your goals" in html
    assert f'href="{reverse("accounts:home")}"' in html
