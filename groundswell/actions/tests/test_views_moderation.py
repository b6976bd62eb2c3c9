import pytest
from django.urls import reverse

from groundswell.actions import counters
from groundswell.actions.models import Submission
from groundswell.actions.services import take_action

from .conftest import SIGNER

URL = reverse("actions:moderation")


@pytest.fixture
def bots(action):
    def sign(n):
        data = {**SIGNER, "email": f"bot{n}@example.net", "homepage": "http://spam.example"}
        return take_action(action, data=data)[0]

    return [sign(n) for n in range(3)]


def test_organisers_see_the_flagged_submissions_with_a_checkbox_each(client_for, world, bots):
    real, _created = take_action(bots[0].action, data={**SIGNER, "email": "real@example.org"})

    html = client_for(world.organiser).get(URL).content.decode()

    for bot in bots:
        assert f'name="ids" value="{bot.pk}"' in html
    assert f'value="{real.pk}"' not in html
    assert "Filled in the hidden trap field" in html  # the reason in words, not its code


def test_clear_counts_the_checked_ones_and_a_double_submit_counts_them_once(
    client_for, world, bots, action
):
    client = client_for(world.organiser)
    data = {"do": "clear", "ids": [bots[0].pk, bots[1].pk]}

    first = client.post(URL, data, follow=True)
    client.post(URL, data)

    assert "2 submissions cleared." in first.content.decode()
    assert counters.total(action.pk) == 2
    assert list(Submission.objects.filter(flagged=True)) == [bots[2]]


def test_invalidate_takes_them_off_the_page_for_good(client_for, world, bots, action):
    client = client_for(world.hq)

    client.post(URL, {"do": "invalidate", "ids": [bots[0].pk]})
    response = client.post(URL, {"do": "invalidate", "ids": [bots[0].pk]}, follow=True)

    assert "0 submissions invalidated." in response.content.decode()
    assert f'value="{bots[0].pk}"' not in response.content.decode()
    assert Submission.objects.get(pk=bots[0].pk).status == Submission.Status.INVALID
    assert counters.total(action.pk) == 0


def test_coordinators_may_not_moderate(client_for, world, bots, action):
    client = client_for(world.coord_a)

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"do": "clear", "ids": [bots[0].pk]}).status_code == 403
    assert counters.total(action.pk) == 0
