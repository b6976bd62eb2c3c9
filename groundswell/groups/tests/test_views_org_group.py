from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groundswell.events.models import Event
from groundswell.groups.services import join_group
from groundswell.journeys.services import record_activity

from .helpers import by_request_group, hub_coordinator

pytestmark = pytest.mark.django_db


def dashboard(group):
    return reverse("groups:org-group", args=[group.slug])


def test_a_coordinator_sees_their_members_with_stage_and_last_activity(client_for, world):
    record_activity(world.person_a, "petition_signed")

    response = client_for(world.coord_a).get(dashboard(world.group_a))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Awa" in page and "Sam" in page
    assert "Kofi" not in page
    awa = next(m for m in response.context["members"] if m.person == world.person_a)
    assert awa.person.stats.last_activity_at is not None
    assert response.context["totals"].members == 3
    assert response.context["totals"].actions_30_days == 1


def test_another_groups_coordinator_gets_not_found(client_for, world):
    assert client_for(world.coord_b).get(dashboard(world.group_a)).status_code == 404


def test_a_hub_coordinator_sees_every_group_below_and_nothing_above(client_for, world):
    client = client_for(hub_coordinator(world))

    response = client.get(dashboard(world.hub))

    assert response.status_code == 200
    names = {m.person.given_name for m in response.context["members"]}
    assert {"Awa", "Kofi", "Ada", "Bola"} <= names
    assert client.get(reverse("groups:org-group", args=["hq"])).status_code == 404


def test_pending_join_requests_show_with_approve_and_decline(client_for, world):
    group = by_request_group(world)
    join_group(group, world.outsider.person)

    response = client_for(world.coord_a).get(dashboard(world.group_a))

    assert [m.person for m in response.context["pending"]] == [world.outsider.person]
    assert "Approve" in response.content.decode()


def test_events_proposed_for_the_group_show_as_host_requests(client_for, world):
    start = timezone.now() + timedelta(days=7)
    Event.objects.create(
        slug="street-stall", title={"en": "Street stall"}, group=world.group_a,
        host=world.person_a, status=Event.Status.PROPOSED, starts_at=start,
        ends_at=start + timedelta(hours=2), time_zone="Africa/Dakar",
    )  # fmt: skip
    Event.objects.create(
        slug="other-stall", title={"en": "Abidjan stall"}, group=world.group_b,
        status=Event.Status.PROPOSED, starts_at=start, ends_at=start + timedelta(hours=2),
        time_zone="Africa/Abidjan",
    )  # fmt: skip

    page = client_for(world.coord_a).get(dashboard(world.group_a)).content.decode()

    assert "Street stall" in page
    assert "Abidjan stall" not in page


def test_someone_close_to_the_next_stage_shows_with_their_next_best_action(client_for, world):
    record_activity(world.person_a, "petition_signed")
    record_activity(world.person_a, "petition_signed")  # two of the three actions "sustaining" asks

    response = client_for(world.coord_a).get(dashboard(world.group_a))

    ready = response.context["ready"]
    assert [row.membership.person for row in ready] == [world.person_a]
    assert ready[0].next_stage.slug == "sustaining"
    assert ready[0].action.title == "Take one more action"
    assert "Take one more action" in response.content.decode()
