"""Personal goals on "my journey" (/me/): set one, watch it fill up, reach it, drop it."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from groundswell.journeys.models import Goal
from groundswell.journeys.services import create_goal, record_activity

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOME = reverse("accounts:home")
ADD = reverse("accounts:goal-add")


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def text(response):
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.split())


def test_a_supporter_sets_a_goal_and_sees_it_fill_up_as_they_act(client_for, world):
    client = client_for(world.supporter)
    sam = world.supporter.person

    response = client.post(
        ADD, {"title": "Sign for my town", "counter": "petition_signed", "target": "3"}
    )

    assert response.status_code == 302 and response["Location"] == f"{HOME}#goals"
    goal = Goal.objects.get(person=sam)
    assert (goal.counter, goal.target, goal.due_at) == ("petition_signed", 3, None)
    record_activity(sam, "petition_signed")
    page = client.get(HOME)
    assert "Sign for my town 1 of 3" in text(page)
    assert '<progress value="1" max="3">' in page.content.decode()


def test_a_reached_goal_is_celebrated_with_its_date(client_for, world):
    sam = world.supporter.person
    create_goal(sam, title="Host a meeting", counter="event_hosted", target=1)
    record_activity(sam, "event_hosted")

    page = text(client_for(world.supporter).get(HOME))

    assert "Goals reached" in page
    assert "Host a meeting Goal reached on Nov. 23, 2026. Well done!" in page
    assert "Drop this goal" not in page


def test_a_goal_without_a_title_is_named_after_what_it_counts_and_may_have_a_date(
    client_for, world
):
    client = client_for(world.supporter)

    client.post(
        ADD, {"title": " ", "counter": "event_attended", "target": "5", "due_at": "2027-01-31"}
    )

    goal = Goal.objects.get()
    assert goal.title == "Events attended: 5"
    assert goal.due_at.date() == date(2027, 1, 31)
    assert "Events attended: 5 by Jan. 31, 2027" in text(client.get(HOME))


def test_a_number_below_one_is_refused_beside_the_field_and_what_was_typed_is_kept(
    client_for, world
):
    response = client_for(world.supporter).post(
        ADD, {"title": "Recruit my sister", "counter": "recruited", "target": "0"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert not Goal.objects.exists()
    assert re.search(r'id="id_target-errors">The number must be at least 1\.<', html)
    assert 'value="Recruit my sister"' in html
    assert '<option value="recruited" selected>' in html
    assert '<details class="goal-new" open>' in html


def test_a_date_in_the_past_and_an_unknown_counter_are_refused(client_for, world):
    client = client_for(world.supporter)

    past = client.post(ADD, {"counter": "actions", "target": "2", "due_at": "2026-11-01"})
    unknown = client.post(ADD, {"counter": "flights_taken", "target": "2"})

    assert "The date must be in the future." in text(past)
    assert 'value="2026-11-01"' in past.content.decode()
    assert "Select a valid choice." in text(unknown)
    assert not Goal.objects.exists()


def test_a_supporter_drops_their_own_goal(client_for, world):
    goal = create_goal(world.supporter.person, title="Share", counter="actions", target=2)
    client = client_for(world.supporter)

    response = client.post(reverse("accounts:goal-abandon", args=[goal.pk]))

    assert response["Location"] == f"{HOME}#goals"
    goal.refresh_from_db()
    assert goal.abandoned_at == NOW
    assert "Share 0 of 2" not in text(client.get(HOME))


def test_nobody_can_drop_someone_elses_goal(client_for, world):
    goal = create_goal(world.supporter.person, title="Share", counter="actions", target=2)
    url = reverse("accounts:goal-abandon", args=[goal.pk])

    assert client_for(world.outsider).post(url).status_code == 404
    assert client_for(world.hq).post(url).status_code == 404  # staff without a person
    goal.refresh_from_db()
    assert goal.abandoned_at is None


def test_goals_change_only_by_post_and_only_when_signed_in(client, client_for, world):
    goal = create_goal(world.supporter.person, title="Share", counter="actions", target=2)
    url = reverse("accounts:goal-abandon", args=[goal.pk])

    assert client.post(ADD, {"counter": "actions", "target": "2"}).status_code == 302
    assert client.post(url)["Location"].startswith(reverse("account_login"))
    assert client_for(world.supporter).get(url).status_code == 405
    assert client_for(world.hq).post(ADD, {"counter": "actions", "target": "2"}).status_code == 404
    assert Goal.objects.filter(abandoned_at__isnull=True).count() == 1
    assert Goal.objects.count() == 1
