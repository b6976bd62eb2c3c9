"""The "my journey" page at /me/, on the default five-rung ladder."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from groundswell.campaigns.models import Campaign
from groundswell.journeys.services import record_activity

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOME = reverse("accounts:home")


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def did(person, *kinds, days_ago=1, campaign=None):
    for kind in kinds:
        record_activity(person, kind, occurred_at=NOW - timedelta(days=days_ago), campaign=campaign)


def text(response):
    """The page's visible words, one space between each."""
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.split())


def test_the_journey_page_shows_the_stage_the_progress_and_the_next_step(client_for, world):
    sam = world.supporter.person
    did(sam, "subscribed", "petition_signed")
    did(sam, "letter_sent", days_ago=30)
    did(sam, "pledge_made", days_ago=200)  # too long ago to count towards "Sustaining"

    response = client_for(world.supporter).get(HOME)

    page = text(response)
    assert response.status_code == 200
    assert "Where you are Taking action" in page
    assert "Your next stage Sustaining" in page
    assert "Actions taken in the last 90 days : 2 of 3" in page
    assert '<progress value="2" max="3">' in response.content.decode()
    assert "Take one more action" in page


def test_the_journey_page_lists_the_stages_reached_and_what_the_person_did(client_for, world):
    sam = world.supporter.person
    campaign = Campaign.objects.create(slug="clean-air", title={"en": "Clean air"})
    did(sam, "subscribed", days_ago=20)
    did(sam, "petition_signed", days_ago=10, campaign=campaign)

    page = text(client_for(world.supporter).get(HOME))

    assert re.search(r"Your stages so far Taking action .* Intention .* Discovery", page)
    assert "Signed a petition · Clean air" in page
    assert "Subscribed to updates" in page


def test_a_supporter_sees_only_their_own_journey(client_for, world):
    did(world.person_a, "event_hosted")
    did(world.supporter.person, "petition_signed")

    response = client_for(world.supporter).get(HOME, {"person": str(world.person_a.uuid)})

    page = text(response)
    assert "Signed a petition" in page
    assert "Hosted an event" not in page
    assert "Awa" not in page
    assert response.context["journey"].person == world.supporter.person


def test_the_timeline_is_paginated(client_for, world):
    sam = world.supporter.person
    for day in range(25):
        did(sam, "shared", days_ago=day + 1)
    client = client_for(world.supporter)

    first, second = client.get(HOME), client.get(HOME, {"page": 2})

    assert len(first.context["timeline"].object_list) == 20
    assert len(second.context["timeline"].object_list) == 5
    assert "Page 2 of 2" in text(second)
    assert client.get(HOME, {"page": "nonsense"}).status_code == 200


def test_the_page_does_not_query_once_per_activity(
    client_for, world, django_assert_max_num_queries
):
    campaign = Campaign.objects.create(slug="clean-air", title={"en": "Clean air"})
    sam = world.supporter.person
    for day in range(20):
        did(sam, "shared", days_ago=day + 1, campaign=campaign)
    client = client_for(world.supporter)

    with django_assert_max_num_queries(15):
        client.get(HOME)


def test_at_the_top_of_the_ladder_there_is_no_next_stage(client_for, world):
    did(world.supporter.person, "event_hosted")

    page = text(client_for(world.supporter).get(HOME))

    assert "Where you are Activist and leader" in page
    assert "top of the ladder" in page


def test_a_coordinator_with_a_person_sees_their_journey_and_their_account_security(
    client_for, world
):
    response = client_for(world.coord_a).get(HOME)

    assert response.context["journey"].person == world.coord_a.person
    assert reverse("mfa_index") in response.content.decode()


def test_staff_without_a_person_are_pointed_to_the_organiser_pages(client_for, world):
    response = client_for(world.hq).get(HOME)

    html = response.content.decode()
    assert response.status_code == 200
    assert "journey" not in response.context
    assert reverse("people:person-list") in html and reverse("journeys:ladder") in html
    assert reverse("mfa_index") in html


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(HOME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_someone_not_on_the_ladder_yet_sees_where_it_starts(client_for, world):
    from groundswell.journeys.models import PersonStats

    PersonStats.objects.filter(person=world.outsider.person).delete()

    response = client_for(world.outsider).get(HOME)

    page = text(response)
    assert "Your journey starts with your first action." in page
    assert "Your next stage Discovery" in page
