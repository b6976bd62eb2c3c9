from django.urls import reverse

from groundswell.amplification.models import ShareClick
from groundswell.test import make_person


def test_a_share_link_click_on_an_action_page_counts_for_the_actions_campaign(client, action):
    ana = make_person("ana@example.org")
    url = reverse("actions:action-detail", args=[action.slug])

    response = client.get(url, {"r": ana.referral_code, "c": "whatsapp"})

    assert response.status_code == 200
    click = ShareClick.objects.get()
    assert (click.code, click.channel, click.campaign) == (
        ana.referral_code,
        "whatsapp",
        action.campaign,
    )
